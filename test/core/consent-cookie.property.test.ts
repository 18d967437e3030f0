// @vitest-environment-options {"url":"https://shop.allur.kz/catalog"}
import fc from 'fast-check';
import Cookies from 'js-cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_COOKIE, readConsentCookie, writeConsentCookie, type ConsentRecord } from '../../src/core/consent-cookie';

const DAY = 864e5;
const KEYS = 'c,id,pv,t,v';
const CATEGORIES = 'functional,marketing,statistics';

const clearCookies = () => Object.keys(Cookies.get()).forEach((name) => Cookies.remove(name));
afterEach(() => {
  clearCookies();
  vi.useRealTimers();
});

/** Any UTF-16 code unit, with a bias to the ones JSON escapes (quote, backslash, controls, lone surrogates). */
const anyCodeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('"', '\\', '\n', '\u0001', '\ud800', '\u2028'),
);
const maxAgeDays = fc.integer({ min: 1, max: 3650 });

/** A record as the library writes it: a consent id, a policy version the config accepts, a past time within the max age. */
const validRecord = (days: number) =>
  fc.record({
    v: fc.constant(1 as const),
    id: fc.oneof(fc.uuid(), fc.stringMatching(/^[\w-]{8,64}$/)),
    t: fc.integer({ min: 0, max: days * DAY - 6e4 }).map((age) => Date.now() - age),
    pv: fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 64, size: 'max' }).filter((pv) => pv.trim() !== ''),
    c: fc.record({ functional: fc.constantFrom(0, 1), statistics: fc.constantFrom(0, 1), marketing: fc.constantFrom(0, 1) }),
  }) as fc.Arbitrary<ConsentRecord>;

/** What docs/cookies-and-receipts.md calls a decision: the exact record shape, with a time inside the max age. */
function isValidRecord(value: unknown, days: number): boolean {
  const record = value as ConsentRecord;
  const age = Date.now() - record.t;
  return (
    Object.keys(record).sort().join() === KEYS &&
    record.v === 1 &&
    typeof record.id === 'string' &&
    record.id !== '' &&
    typeof record.pv === 'string' &&
    Number.isFinite(record.t) &&
    age < days * DAY &&
    age > -DAY &&
    Object.keys(record.c).sort().join() === CATEGORIES &&
    Object.values(record.c).every((flag) => flag === 0 || flag === 1)
  );
}

/** JSON that looks like a record with one field swapped for any JSON value, or with an extra field. */
const tamperedJson = fc
  .tuple(
    validRecord(180),
    fc.constantFrom('v', 'id', 't', 'pv', 'c', 'c.functional', 'c.statistics', 'extra', 'c.extra', '__proto__'),
    fc.jsonValue(),
  )
  .map(([record, field, value]) => {
    const [key, sub] = field.split('.');
    const target = (sub ? record.c : record) as unknown as Record<string, unknown>;
    Object.defineProperty(target, sub ?? key, { value, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(record);
  });

/** Cookie text as a server or a hand might set it: cookie octets, quotes and broken percent escapes. */
const rawCookieText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).filter((code) => code !== 0x3b).map((code) => String.fromCharCode(code)),
      fc.constantFrom('%', '%E0', '%A4%A', '%7B', '%22', '%ZZ', '%FF', '"'),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

// Any text js-cookie can encode: every code point, but no lone surrogate (encodeURIComponent rejects those).
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json(), tamperedJson);

describe('readConsentCookie on any input', () => {
  it('returns no decision, or the stored record itself when it is valid, for any value js-cookie stores', () => {
    fc.assert(
      fc.property(anyText, maxAgeDays, (text, days) => {
        Cookies.set(CONSENT_COOKIE, text);
        const record = readConsentCookie(days);
        clearCookies();
        if (record !== undefined) expect(record).toEqual(JSON.parse(text));
        return record === undefined || isValidRecord(record, days);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a valid record or no decision for any raw cookie text, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(rawCookieText, fc.json(), tamperedJson), maxAgeDays, (text, days) => {
        document.cookie = `${CONSENT_COOKIE}=${text}; path=/`;
        const record = readConsentCookie(days);
        clearCookies();
        return record === undefined || isValidRecord(record, days);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for any max age, even a nonsensical one', () => {
    // One frozen clock for the record, the read and the check: a record at the edge of its max age must not
    // turn invalid in the millisecond between the library's read and this test's own check.
    vi.useFakeTimers({ toFake: ['Date'] });
    fc.assert(
      fc.property(validRecord(1), fc.double(), (record, days) => {
        Cookies.set(CONSENT_COOKIE, JSON.stringify(record));
        const read = readConsentCookie(days);
        clearCookies();
        return read === undefined || isValidRecord(read, days);
      }),
    );
  });
});

describe('writeConsentCookie then readConsentCookie', () => {
  it('gives back every valid record unchanged', () => {
    fc.assert(
      fc.property(
        maxAgeDays.chain((days) => fc.tuple(fc.constant(days), validRecord(days))),
        fc.option(fc.constant('.allur.kz'), { nil: undefined }),
        ([days, record], domain) => {
          expect(writeConsentCookie(record, { domain, maxAgeDays: days })).toBe(true);
          expect(readConsentCookie(days)).toEqual(record);
          Cookies.remove(CONSENT_COOKIE, { domain });
        },
      ),
      { numRuns: 500 },
    );
  });
});
