// Shared fixtures of the UI tests: a fresh page, cookies wiped, and the instance's shadow root as a query scope.
import { within } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { type Consent, type ConsentConfig, createConsent } from '../../src/index';
import { wipeCookies } from '../helpers/cookies';
import { addLinkBack, removeLinkBack } from '../helpers/link-back';

let current: Consent | undefined;

/** The host element, its shadow root and queries scoped to it; the UI mounts only once something shows. */
export function mounted() {
  const host = document.querySelector('allur-consent')!;
  const shadow = host?.shadowRoot as ShadowRoot;
  return { host, shadow, ui: within(shadow as unknown as HTMLElement) };
}

/** Waits until the UI, which comes by a dynamic import, has arrived and done what it was asked meanwhile. */
export const arrived = () => vi.dynamicImportSettled();

/**
 * Creates an instance (consent log and pixel off, so nothing leaves jsdom), waits for its UI if it fetches one, and
 * returns it with its shadow root, if mounted.
 */
export async function setup(config: Partial<ConsentConfig> = {}) {
  current = createConsent({ policyVersion: '2024-06-01', pixel: false, consentLog: false, ...config });
  await arrived();
  return { consent: current, ...mounted() };
}

/** Sets the stored decision as a server or another tab would. */
export const storeDecision = (pv: string, c: { functional: 0 | 1; statistics: 0 | 1; marketing: 0 | 1 }) => {
  document.cookie = `allur_consent=${encodeURIComponent(JSON.stringify({ v: 1, id: 'abcdefgh12', t: Date.now(), pv, c }))}; path=/`;
};

/** The element focused inside the shadow root. */
export const focused = (shadow: ShadowRoot) => shadow.activeElement;


beforeEach(() => {
  wipeCookies();
  addLinkBack();
  document.documentElement.lang = '';
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue([]);
});

afterEach(() => {
  current?.destroy();
  current = undefined;
  document.body.innerHTML = '';
  removeLinkBack();
  wipeCookies();
});
