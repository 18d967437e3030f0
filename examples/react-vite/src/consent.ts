// One instance for the page, made once at module scope: StrictMode's double renders never create a second one.
import { createConsent } from 'allur-consent';

export const consent = createConsent({
  policyVersion: '2026-01-01',
  policyUrl: '/privacy',
  lang: 'en',
  // This example has no statistics server.
  pixel: false,
  consentLog: false,
});
