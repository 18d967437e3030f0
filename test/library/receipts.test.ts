// Receipts of the assembled library: the digest of exactly the texts the visitor was shown, or would be shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { textsDigest } from '../../src/core/consent-log';
import { LIBRARY_VERSION } from '../../src/core/version';
import { type Consent, createConsentCore, createConsent, type Lang } from '../../src/index';
import { textsHash } from '../../src/receipts';
import { textsFor } from '../../src/ui/texts';
import { afterPaint } from '../helpers/after-paint';
import { wipeCookies } from '../helpers/cookies';
import { addLinkBack, removeLinkBack } from '../helpers/link-back';

let consent: Consent | undefined;
let fetch: ReturnType<typeof vi.fn>;
const receipts = () => fetch.mock.calls.map(([, init]) => JSON.parse(init.body));
/** Waits until the UI, which comes by a dynamic import, has arrived and done what it was asked meanwhile. */
const arrived = () => vi.dynamicImportSettled();

beforeEach(() => {
  fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetch);
  addLinkBack();
});
afterEach(() => {
  consent?.destroy();
  removeLinkBack();
  wipeCookies();
  vi.unstubAllGlobals();
});

/** The receipt of "accept all", made through the API at once (before any UI came) or on the banner once it shows. */
async function acceptAll(lang: Lang, how: 'api' | 'banner', texts = {}) {
  consent = createConsent({ policyVersion: '1', lang, pixel: false, consentLog: { endpoint: '/stat/consent' }, texts: { [lang]: texts } });
  if (how === 'api') consent.acceptAll();
  await arrived();
  if (how === 'banner') document.querySelector('allur-consent')!.shadowRoot!.querySelector<HTMLElement>('[data-consent-action="accept-all"]')!.click();
  await arrived();
  // The receipt goes after the paint of the decision.
  await afterPaint();
  const [receipt] = receipts();
  consent.destroy();
  wipeCookies();
  fetch.mockClear();
  return receipt;
}

describe('a receipt', () => {
  it.each(['ru', 'kk', 'en'] as const)('in %s carries the digest of that language’s texts with the site’s overrides, and the version', async (lang) => {
    const overrides = { title: 'Cookie?' };
    const receipt = await acceptAll(lang, 'banner', overrides);
    expect(receipt.textsHash).toBe(textsDigest(textsFor(lang, overrides)));
    expect(receipt.textsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.textsHash).not.toBe(textsDigest(textsFor(lang)));
    expect(receipt.libraryVersion).toBe(LIBRARY_VERSION);
  });

  it.each(['ru', 'kk', 'en'] as const)('in %s made through the API before any UI came carries the digest the banner gives', async (lang) => {
    const throughApi = await acceptAll(lang, 'api');
    const onBanner = await acceptAll(lang, 'banner');
    expect(throughApi.textsHash).toBe(onBanner.textsHash);
    expect(throughApi.textsHash).toBe(textsDigest(textsFor(lang)));
    expect(throughApi.language).toBe(lang);
  });

  it('with the shipped texts goes out right after the paint of the decision: the digest came with the build, not with the UI', async () => {
    consent = createConsent({ policyVersion: '1', lang: 'kk', pixel: false, consentLog: { endpoint: '/stat/consent' } });
    consent.acceptAll();
    expect(receipts()).toEqual([]);
    await afterPaint();
    expect(receipts()).toEqual([expect.objectContaining({ action: 'accept-all', textsHash: textsDigest(textsFor('kk')) })]);
  });

  it('with overrides, made through the API before any UI came, waits for the UI module to digest them', async () => {
    const overrides = { body: 'Мы и наши партнёры используем cookie.' };
    const throughApi = await acceptAll('ru', 'api', overrides);
    expect(throughApi.textsHash).toBe(textsDigest(textsFor('ru', overrides)));
    expect(throughApi.textsHash).toBe((await acceptAll('ru', 'banner', overrides)).textsHash);
  });

  it('of a headless core carries the digest of the texts its own UI passed', () => {
    const texts = { title: 'Cookies', body: 'We use them.' };
    const core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: { endpoint: '/stat/consent' } }, { texts, lang: 'ru' });
    core.rejectAll();
    core.destroy();
    expect(receipts()).toEqual([expect.objectContaining({ action: 'reject-all', textsHash: textsDigest(texts) })]);
  });
});

describe('allur-consent/receipts, where receipts are stored,', () => {
  it.each([
    ['kk', {}],
    ['kk', { title: 'Cookie?' }],
    ['ru', { body: 'Мы и наши партнёры используем cookie.' }],
    ['en', {}],
  ] as const)('recomputes the textsHash of a receipt in %s with overrides %j from its language and those overrides', async (lang, overrides) => {
    const receipt = await acceptAll(lang, 'banner', overrides);
    expect(receipt.textsHash).toBe(textsHash(receipt.language, overrides));
  });
});
