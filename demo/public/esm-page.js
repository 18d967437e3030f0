// The ESM page: the library imported as a module and created the way the shop frontend does it.
import { createConsent } from '/dist/index.mjs';

const { demoLang, demoPv, demoTransport } = document.documentElement.dataset;

window.AllurConsent = createConsent({
  policyVersion: demoPv,
  policyUrl: 'https://www.allur.kz/',
  lang: demoLang,
  pixel: { endpoint: '/stat/pixel', transport: demoTransport },
  consentLog: { endpoint: '/stat/consent' },
});
