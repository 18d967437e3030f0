// @vitest-environment-options {"url":"https://www.allur.kz/cars"}
import { afterEach, expect, it } from 'vitest';
import { createConsentCore } from '../../src/core';
import { cleanCookiesAndStorage } from '../../src/core/cookie-cleanup';
import { afterPaint } from '../helpers/after-paint';

const consentCookies = () => document.cookie.split('; ').filter((pair) => pair.startsWith('allur_consent='));

afterEach(() => cleanCookiesAndStorage({ cookies: [/./] }, 'allur.kz'));

it('keeps one consent cookie on the configured domain when an old host-only copy exists', async () => {
  const old = { v: 1, id: 'old-id-123', t: Date.now() - 1000, pv: 'v1', c: { functional: 0, statistics: 0, marketing: 0 } };
  document.cookie = `allur_consent=${JSON.stringify(old)}; path=/`;
  const config = { policyVersion: 'v1', pixel: false as const, consentLog: false as const, cookie: { domain: '.allur.kz' } };
  const core = createConsentCore(config);
  expect(core.getState().id).toBe('old-id-123');
  core.acceptAll();
  await afterPaint();
  expect(core.getStatus().cookiesDisabled).toBe(false);
  expect(consentCookies()).toHaveLength(1);
  const next = createConsentCore(config);
  expect(next.getState()).toEqual(core.getState());
  core.destroy();
  next.destroy();
});
