// Receipts of the assembled library: the digest of exactly the texts the visitor was shown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textsDigest } from '../../src/core/consent-log';
import { LIBRARY_VERSION } from '../../src/core/version';
import { type Consent, createConsent } from '../../src/index';
import { textsFor } from '../../src/ui/texts';
import { afterPaint } from '../helpers/after-paint';
import { wipeCookies } from '../helpers/cookies';

let consent: Consent | undefined;
afterEach(() => {
  consent?.destroy();
  wipeCookies();
  vi.unstubAllGlobals();
});

describe('a receipt', () => {
  it.each(['ru', 'kk', 'en'] as const)('in %s carries the digest of that language’s texts with the site’s overrides, and the version', async (lang) => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const overrides = { title: 'Cookie?' };
    consent = createConsent({ policyVersion: '1', lang, pixel: false, consentLog: { endpoint: '/stat/consent' }, texts: { [lang]: overrides } });
    consent.acceptAll();
    await afterPaint();
    const receipt = JSON.parse(fetch.mock.calls[0][1].body);
    expect(receipt.textsHash).toBe(textsDigest(textsFor(lang, overrides)));
    expect(receipt.textsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.textsHash).not.toBe(textsDigest(textsFor(lang)));
    expect(receipt.libraryVersion).toBe(LIBRARY_VERSION);
  });
});
