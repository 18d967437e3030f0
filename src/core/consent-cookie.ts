import Cookies from 'js-cookie';
import { firstPartyCookie } from './first-party-cookie';
import { readCookie } from './read-cookie';
import { RANDOM_ID } from './random-id';
import type { OptionalCategory, ResolvedConfig } from './types';

/** The name of the consent cookie (docs/cookies-and-receipts.md). */
export const CONSENT_COOKIE = 'allur_consent';

/** The value of the consent cookie: a wire format, so its short keys never change (docs/cookies-and-receipts.md). */
export interface ConsentRecord {
  v: 1;
  id: string;
  t: number;
  pv: string;
  c: Record<OptionalCategory, 0 | 1>;
}

const DAY = 864e5;
// A server may re-set the cookie with its own clock: allow it to run a minute ahead.
const CLOCK_SKEW = 6e4;

const hasExactly = (value: unknown, keys: string) =>
  !!value && typeof value === 'object' && Object.keys(value).sort().join() === keys;

/**
 * `value` if it is a consent record: anything else (tampered, future-dated, expired, of another shape) is
 * `undefined`, whether it came from the cookie or from another tab.
 */
export function consentRecordOf(value: unknown, maxAgeDays: number): ConsentRecord | undefined {
  const record = value as ConsentRecord;
  const age = Date.now() - record?.t;
  return hasExactly(record, 'c,id,pv,t,v') &&
    record.v === 1 &&
    // test() would read a number as its digits.
    typeof record.id === 'string' &&
    RANDOM_ID.test(record.id) &&
    typeof record.pv === 'string' &&
    record.pv.length <= 64 &&
    Number.isInteger(record.t) &&
    age > -CLOCK_SKEW &&
    age < maxAgeDays * DAY &&
    hasExactly(record.c, 'functional,marketing,statistics') &&
    Object.values(record.c).every((flag) => flag === 0 || flag === 1)
    ? record
    : undefined;
}

/** Reads and validates the consent cookie; anything tampered, oversized, future-dated or expired reads as `undefined`. */
export function readConsentCookie(maxAgeDays: number): ConsentRecord | undefined {
  try {
    const raw = readCookie(CONSENT_COOKIE);
    // No cookie is the common case: an exception thrown for it would cost milliseconds on every page.
    return raw && raw.length <= 1024 ? consentRecordOf(JSON.parse(raw), maxAgeDays) : undefined;
  } catch {
    // Unparsable JSON or a document that forbids cookies: no decision.
    return undefined;
  }
}

/**
 * Writes the consent cookie (path /, SameSite=Lax, Secure on https) and returns it as `document.cookie` lists it
 * (`name=value`), without reading the jar back: '' when the page forbids cookies.
 */
export function setConsentCookie(record: ConsentRecord, cookie: ResolvedConfig['cookie']): string {
  try {
    return Cookies.set(CONSENT_COOKIE, JSON.stringify(record), firstPartyCookie(cookie.domain, cookie.maxAgeDays))!.split(';')[0];
  } catch {
    return '';
  }
}

/** The consent cookies in `jar` (as `document.cookie` reads), each `name=value`: more than one when copies live on other domains. */
export const consentCookiesIn = (jar: string) => jar.split('; ').filter((pair) => pair.startsWith(CONSENT_COOKIE + '='));

/** Writes the consent cookie and returns whether the browser kept it. */
export function writeConsentCookie(record: ConsentRecord, cookie: ResolvedConfig['cookie']): boolean {
  const written = setConsentCookie(record, cookie);
  try {
    return !!written && consentCookiesIn(document.cookie).includes(written);
  } catch {
    return false;
  }
}
