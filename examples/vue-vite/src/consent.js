// One instance for the page, made once at module scope; components read it through useConsent.
import { createConsent } from 'allur-consent';

export const consent = createConsent({
  policyVersion: '2026-01-01',
  policyUrl: '/privacy',
  lang: 'en',
  // This example has no statistics server.
  pixel: false,
  consentLog: false,
});
