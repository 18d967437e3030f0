import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendConsentReceipt, type ConsentReceipt } from '../../src/core/consent-log';

const receipt: ConsentReceipt = {
  id: 'a1b2c3d4',
  time: '2026-01-01T10:00:00.000Z',
  policyVersion: '2024-06-01',
  categories: { necessary: true, functional: false, statistics: true, marketing: false },
  action: 'save',
  language: 'kk',
  page: 'https://www.allur.kz/cars',
  gpc: false,
  libraryVersion: '0.1.0',
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

describe('sendConsentReceipt', () => {
  it('POSTs the receipt as JSON with keepalive and same-origin credentials', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const onError = vi.fn();
    sendConsentReceipt('/stat/consent', receipt, onError);
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/stat/consent');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'same-origin' });
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body)).toEqual(receipt);
    expect(onError).not.toHaveBeenCalled();
  });

  it.each([
    ['a server error', () => Promise.resolve(new Response(null, { status: 500 }))],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['fetch throwing at once', () => { throw new TypeError('blocked'); }],
  ])('reports %s once to onError, without throwing or retrying', async (_, answer) => {
    const fetch = vi.fn(answer);
    vi.stubGlobal('fetch', fetch);
    const onError = vi.fn();
    expect(() => sendConsentReceipt('https://log.allur.kz/c', receipt, onError)).not.toThrow();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toMatchObject({
      source: 'consent-log',
      message: 'allur-consent: consent receipt not recorded by https://log.allur.kz/c',
    });
  });

  it.each([204, 500])('tells when an answer (%i) arrives, whose cookies are set by then', async (status) => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status })));
    const answered = vi.fn();
    sendConsentReceipt('/stat/consent', receipt, () => {}, answered);
    await settle();
    expect(answered).toHaveBeenCalledTimes(1);
  });

  it('tells of no answer when none came', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const answered = vi.fn();
    sendConsentReceipt('/stat/consent', receipt, () => {}, answered);
    await settle();
    expect(answered).not.toHaveBeenCalled();
  });

  it('reports a browser without fetch', () => {
    vi.stubGlobal('fetch', undefined);
    const onError = vi.fn();
    sendConsentReceipt('/stat/consent', receipt, onError);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('what a receipt proves', () => {
  it('names the package version it was built from', async () => {
    const { readFileSync } = await import('node:fs');
    const { LIBRARY_VERSION } = await import('../../src/core/version');
    expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('digests the texts as documented: SHA-256 of their JSON with sorted keys, whatever order they come in', async () => {
    const { createHash } = await import('node:crypto');
    const { textsDigest } = await import('../../src/core/consent-log');
    const texts = { title: 'Мы используем cookie', body: 'Қажетті cookie файлдары', acceptAll: 'Accept all' };
    const expected = createHash('sha256').update(JSON.stringify({ acceptAll: texts.acceptAll, body: texts.body, title: texts.title })).digest('hex');
    expect(textsDigest(texts)).toBe(expected);
    expect(textsDigest({ acceptAll: texts.acceptAll, title: texts.title, body: texts.body })).toBe(expected);
    expect(textsDigest({ ...texts, title: 'We use cookies' })).not.toBe(expected);
  });
});
