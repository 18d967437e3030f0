// Shared fixtures of the hardening tests: the full library (core + UI) on a jsdom page whose network is recorded
// (beacon, fetch, image) and whose console errors are counted; everything the page may have broken is put back.
import { afterEach, beforeEach, vi } from 'vitest';
import { type Consent, type ConsentConfig, createConsent } from '../../src/index';
import { wipeCookies } from '../helpers/cookies';
import { addLinkBack, removeLinkBack } from '../helpers/link-back';

/** One request the page made: how, to which URL as the browser resolves it, and its fields or JSON body. */
export interface Sent {
  transport: 'beacon' | 'fetch' | 'image';
  url: string;
  body: Record<string, unknown>;
}

export const sent: Sent[] = [];
const answers = () => ({ beacon: () => true, fetch: async () => new Response(null, { status: 204 }) });
/** How the network answers: change `network.fetch` / `network.beacon` in a test; requests are recorded either way. */
export const network: { beacon(): boolean; fetch(): Promise<Response> } = answers();
export const beacon = vi.fn((url: string | URL, body?: BodyInit | null) => {
  record('beacon', url, body);
  return network.beacon();
});
export const fetchMock = vi.fn((url: string | URL | Request, init?: RequestInit) => {
  record('fetch', url as string, init?.body);
  return network.fetch();
});

/** The URL the browser would request: resolved against the document's base URL, as fetch and sendBeacon do. */
const resolve = (url: string | URL) => new URL(String(url), document.baseURI).href;

function record(transport: Sent['transport'], url: string | URL, body?: unknown) {
  const fields =
    body instanceof URLSearchParams ? Object.fromEntries(body) : typeof body === 'string' ? JSON.parse(body) : {};
  sent.push({ transport, url: resolve(url), body: fields });
}

/** Requests to `path` (`/stat/pixel` or `/stat/consent`). */
export const sentTo = (path: string) => sent.filter((request) => new URL(request.url).pathname === path);
export const pixelHits = () => sentTo('/stat/pixel');
export const receipts = () => sentTo('/stat/consent');

export const PIXEL = { endpoint: '/stat/pixel', transport: 'beacon', autoPageview: true } as const;

/** Waits until the UI, which comes by a dynamic import, has arrived and done what it was asked meanwhile. */
export const arrived = () => vi.dynamicImportSettled();

const instances: Consent[] = [];
/** The full library with the pixel and the consent log on, its UI arrived if it fetched one; destroyed after the test. */
export async function consentOf(config: Partial<ConsentConfig> = {}): Promise<Consent> {
  const consent = createConsent({ policyVersion: 'v1', lang: 'en', pixel: PIXEL, consentLog: { endpoint: '/stat/consent' }, ...config });
  instances.push(consent);
  await arrived();
  return consent;
}

/** The shadow root of the (first) host element. */
export const shadowOf = () => document.querySelector('allur-consent')?.shadowRoot ?? null;

/** Clicks the button with `data-consent-action=name` in the shadow root. */
export const click = (name: string) =>
  shadowOf()!.querySelector<HTMLButtonElement>(`[data-consent-action="${name}"]`)!.click();

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export let consoleErrors: ReturnType<typeof vi.spyOn>;
/** Errors that escaped into the page (uncaught exceptions and unhandled rejections). */
export const uncaught: unknown[] = [];
const onUncaught = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in event ? event.reason : event.error);


beforeEach(() => {
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true, writable: true });
  vi.stubGlobal('fetch', fetchMock);
  consoleErrors = vi.spyOn(console, 'error').mockImplementation(() => {});
  addEventListener('error', onUncaught);
  addEventListener('unhandledrejection', onUncaught);
  addLinkBack();
});

afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  removeEventListener('error', onUncaught);
  removeEventListener('unhandledrejection', onUncaught);
  delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  vi.unstubAllGlobals();
  sent.length = 0;
  Object.assign(network, answers());
  uncaught.length = 0;
  beacon.mockClear();
  fetchMock.mockClear();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  removeLinkBack();
  wipeCookies();
  localStorage.clear();
  sessionStorage.clear();
});
