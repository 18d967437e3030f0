// Consent receipts (docs/cookies-and-receipts.md): validation, the check of the texts shown, and the server-side copy
// of the consent cookie.
import { textsHash } from 'allur-consent/receipts';

const ACTIONS = ['accept-all', 'reject-all', 'save', 'close', 'withdraw'];
const OPTIONAL = ['functional', 'statistics', 'marketing'];
const COOKIE_NAME = 'allur_consent';
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const isText = (value, max) => typeof value === 'string' && value.length > 0 && value.length <= max;
const TEXTS_HASH = /^[0-9a-f]{16,128}$/;
const LIBRARY_VERSION = /^[0-9A-Za-z.+-]{1,40}$/;

/**
 * The proof of what the visitor read, `textsHash` (a lowercase hex digest) and `libraryVersion` (a version
 * string): kept when present, not yet required, since older library versions send neither.
 */
function proofFields(receipt) {
  const { textsHash, libraryVersion } = receipt;
  if (textsHash !== undefined && !(typeof textsHash === 'string' && TEXTS_HASH.test(textsHash))) return 'bad "textsHash"';
  if (libraryVersion !== undefined && !(typeof libraryVersion === 'string' && LIBRARY_VERSION.test(libraryVersion))) {
    return 'bad "libraryVersion"';
  }
  return { ...(textsHash !== undefined && { textsHash }), ...(libraryVersion !== undefined && { libraryVersion }) };
}

/** Returns the receipt's documented fields (docs/cookies-and-receipts.md) (anything else in it is dropped, never stored), else an error message. */
export function validateReceipt(receipt) {
  if (!receipt || typeof receipt !== 'object' || Array.isArray(receipt)) return 'receipt must be a JSON object';
  const { id, time, policyVersion, categories, action, language, page, gpc } = receipt;
  if (!isText(id, 100)) return 'bad "id"';
  if (!isText(time, 40) || Number.isNaN(Date.parse(time))) return 'bad "time"';
  if (!isText(policyVersion, 100)) return 'bad "policyVersion"';
  if (!ACTIONS.includes(action)) return 'bad "action"';
  if (!isText(language, 10)) return 'bad "language"';
  if (typeof page !== 'string' || page.length > 2048) return 'bad "page"';
  if (typeof gpc !== 'boolean') return 'bad "gpc"';
  if (!categories || typeof categories !== 'object') return 'bad "categories"';
  if (categories.necessary !== undefined && categories.necessary !== true) return '"necessary" cannot be refused';
  const refused = OPTIONAL.find((name) => typeof categories[name] !== 'boolean');
  if (refused) return `bad "categories.${refused}"`;
  const proof = proofFields(receipt);
  if (typeof proof === 'string') return proof;
  const { functional, statistics, marketing } = categories;
  const choices = { necessary: true, functional, statistics, marketing };
  return { id, time, policyVersion, categories: choices, action, language, page, gpc, ...proof };
}

/**
 * `{ textsVerified }`: whether a valid receipt's `textsHash` is the digest of its language's texts as this library
 * version ships them (the demo page overrides no text), so the log says what the visitor read; nothing when the
 * receipt has no `textsHash`.
 */
export function textsVerified({ textsHash: hash, language }) {
  if (hash === undefined) return {};
  try {
    return { textsVerified: hash === textsHash(language) };
  } catch {
    // A language the library does not ship: there are no shipped texts it could match.
    return { textsVerified: false };
  }
}

/** The consent cookie's value (docs/cookies-and-receipts.md) for a receipt: `{"v":1,"id","t","pv","c":{…0/1}}`. */
export function consentCookieValue(receipt) {
  const c = Object.fromEntries(OPTIONAL.map((name) => [name, receipt.categories[name] ? 1 : 0]));
  return JSON.stringify({ v: 1, id: receipt.id, t: Date.parse(receipt.time), pv: receipt.policyVersion, c });
}

// Encodes like js-cookie's default writer, so the browser side reads the value back unchanged.
const encodeCookieValue = (value) =>
  encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);

/**
 * The Set-Cookie header that re-sets the consent cookie for a receipt (docs/cookies-and-receipts.md), or undefined.
 * Answers may arrive after the visitor decided again, so it only re-sets the cookie the request itself carried
 * (among `cookies`, the request's, decoded) when that is the receipt's own decision, the same `id` and `t`: never
 * on a withdrawal, never without the cookie, never over another decision.
 */
export function consentSetCookie(receipt, cookies, secure) {
  let stored;
  try {
    stored = JSON.parse(cookies[COOKIE_NAME] ?? '');
  } catch {
    return undefined;
  }
  if (receipt.action === 'withdraw' || stored?.id !== receipt.id || stored?.t !== Date.parse(receipt.time)) return undefined;
  const attributes = `Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
  return `${COOKIE_NAME}=${encodeCookieValue(consentCookieValue(receipt))}; ${attributes}; Max-Age=${MAX_AGE_SECONDS}`;
}
