// A second createConsent (React StrictMode, a second bundle) gets the live instance; another config must not pass silently.
import { afterEach, expect, test, vi } from 'vitest';
import { createConsent, type Consent } from '../../src/index';

let consent: Consent | undefined;
afterEach(async () => {
  // The banner's UI is on its way: let it come before the page goes, or its import fails after teardown.
  await vi.dynamicImportSettled();
  consent?.destroy();
  document.cookie = 'allur_consent=; max-age=0; path=/';
});

const config = {
  policyVersion: '2024-06-01',
  lang: 'ru' as const,
  pixel: false as const,
  consentLog: false as const,
  categories: { statistics: { cookies: ['_ym_uid', /^_ga/] } },
};

test('the same config again returns the live instance without a word', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  consent = createConsent(config);
  const again = createConsent({ ...config, categories: { statistics: { cookies: ['_ym_uid', /^_ga/] } } });
  expect(again).toBe(consent);
  expect(warn).not.toHaveBeenCalled();
});

test('another config returns the live instance and one warning names the differing keys', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  consent = createConsent(config);
  const again = createConsent({ ...config, policyVersion: '2025-01-01', lang: 'en', categories: { statistics: { cookies: [/^_gid/] } } });
  expect(again).toBe(consent);
  expect(warn).toHaveBeenCalledTimes(1);
  const message = String(warn.mock.calls[0][0]);
  expect(message).toMatch(/policyVersion/);
  expect(message).toMatch(/lang/);
  expect(message).toMatch(/categories/);
  expect(message).not.toMatch(/pixel|consentLog|cookie\b|texts/);
  expect(consent.config.policyVersion).toBe('2024-06-01');
});
