// @vitest-environment-options {"url":"https://shop.allur.kz/catalog"}
import Cookies from 'js-cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_COOKIE, readConsentCookie, writeConsentCookie, type ConsentRecord } from '../../src/core/consent-cookie';
import { newRandomId } from '../../src/core/random-id';

const DAY = 864e5;
const record = (changes: Partial<ConsentRecord> = {}): ConsentRecord => ({
  v: 1,
  id: 'a1b2c3d4-e5f6',
  t: Date.now() - 1000,
  pv: '2024-06-01',
  c: { functional: 0, statistics: 1, marketing: 0 },
  ...changes,
});
const store = (value: unknown) => Cookies.set(CONSENT_COOKIE, typeof value === 'string' ? value : JSON.stringify(value));

afterEach(() => {
  for (const name of Object.keys(Cookies.get())) {
    Cookies.remove(name);
    Cookies.remove(name, { domain: 'allur.kz' });
  }
});

describe('readConsentCookie', () => {
  it('reads a valid record', () => {
    store(record());
    expect(readConsentCookie(180)).toEqual(record({ t: expect.any(Number) }));
  });

  it('reads the raw JSON a server may set', () => {
    document.cookie = `${CONSENT_COOKIE}=${JSON.stringify(record())}; path=/`;
    expect(readConsentCookie(180)?.c.statistics).toBe(1);
  });

  it('reads no cookie as no decision', () => {
    expect(readConsentCookie(180)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['JSON null', 'null'],
    ['an array', [1]],
    ['a wrong version', record({ v: 2 as 1 })],
    ['an extra key', { ...record(), x: 1 }],
    ['a missing key', { v: 1, id: 'a1b2c3d4', t: Date.now(), c: record().c }],
    ['an id with unsafe characters', record({ id: '<script>alert(1)</script>' })],
    ['a too short id', record({ id: 'abc' })],
    ['a numeric id', { ...record(), id: 12345678901 }],
    ['a numeric policy version', { ...record(), pv: 5 }],
    ['a time that is not a number', { ...record(), t: '2024-01-01' }],
    ['a time in the future', record({ t: Date.now() + DAY })],
    ['a time older than the max age', record({ t: Date.now() - 181 * DAY })],
    ['a category flag of 2', record({ c: { functional: 2 as 1, statistics: 0, marketing: 0 } })],
    ['a category flag of true', { ...record(), c: { functional: true, statistics: 0, marketing: 0 } }],
    ['an unknown category', { ...record(), c: { ...record().c, necessary: 1 } }],
    ['a missing category', { ...record(), c: { functional: 0, statistics: 1 } }],
    ['an oversized value', record({ pv: 'x'.repeat(60), id: 'y'.repeat(64) + 'z'.repeat(900) })],
    ['an oversized padding', JSON.stringify(record()) + ' '.repeat(1100)],
  ])('reads %s as no decision, without throwing', (_, value) => {
    store(value);
    expect(readConsentCookie(180)).toBeUndefined();
  });

  it('uses the configured max age', () => {
    store(record({ t: Date.now() - 10 * DAY }));
    expect(readConsentCookie(30)).toBeDefined();
    expect(readConsentCookie(9)).toBeUndefined();
  });

  it('reads no decision when the document forbids cookies', () => {
    store(record());
    const get = vi.spyOn(document, 'cookie', 'get').mockImplementation(() => {
      throw new DOMException('forbidden', 'SecurityError');
    });
    expect(readConsentCookie(180)).toBeUndefined();
    get.mockRestore();
  });
});

describe('writeConsentCookie', () => {
  it('writes the documented JSON with path /, SameSite=Lax, Secure on https and the max age', () => {
    const set = vi.spyOn(document, 'cookie', 'set');
    expect(writeConsentCookie(record(), { domain: undefined, maxAgeDays: 180 })).toBe(true);
    const written = set.mock.calls[0][0];
    const attributes = written.split('; ').slice(1).map((attribute) => attribute.split('=')[0]).sort();
    expect(attributes).toEqual(['expires', 'path', 'sameSite', 'secure']);
    expect(written).toContain('; path=/;');
    expect(written).toContain('; sameSite=Lax');
    const expires = Date.parse(/expires=([^;]+)/.exec(written)![1]);
    expect(Math.round((expires - Date.now()) / DAY)).toBe(180);
    expect(JSON.parse(decodeURIComponent(Cookies.get(CONSENT_COOKIE)!))).toEqual(record({ t: expect.any(Number) }));
  });

  it('writes on the configured domain', () => {
    const set = vi.spyOn(document, 'cookie', 'set');
    writeConsentCookie(record(), { domain: '.allur.kz', maxAgeDays: 30 });
    expect(set.mock.calls[0][0]).toContain('; domain=.allur.kz');
  });

  it('returns false when the cookie does not read back', () => {
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
    expect(writeConsentCookie(record(), { domain: undefined, maxAgeDays: 180 })).toBe(false);
  });

  it('returns false when writing throws', () => {
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {
      throw new DOMException('forbidden', 'SecurityError');
    });
    expect(writeConsentCookie(record(), { domain: undefined, maxAgeDays: 180 })).toBe(false);
  });
});

describe('newRandomId', () => {
  it('gives distinct ids the cookie accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, newRandomId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,64}$/);
  });

  it('needs only getRandomValues: 32 hex characters where randomUUID is missing too (plain http)', () => {
    const { getRandomValues } = crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(crypto) });
    expect(newRandomId()).toMatch(/^[0-9a-f]{32}$/);
    vi.unstubAllGlobals();
  });
});
