import { passesLuhn } from './luhn';

// A key is personal when it contains one of the long words, or one of the short ones as a whole
// word (`user_tel`, `customerTel`, but not `hotel`, `cabinet`, `inside`): see `keyWords`.
const personalKey =
  /mail|phone|passw|pwd|token|secret|session|name|fio|address|mobile|auth|iin|apikey|(^|_)(tel|bin|sid|key|code|pass|login|otp|pin)(_|$)/;

/** Splits `customerPhone`, `user-email`, `Order.Tel` into lower-case words joined by `_`. */
const keyWords = (key: string) => key.replace(/([a-z])(?=[A-Z])/g, '$1_').toLowerCase().replace(/[^a-z]+/g, '_');

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    // One stray `%` makes the whole text undecodable: still read every escaped ASCII character.
    return text.replace(/%[0-7][\da-f]/gi, decodeURIComponent);
  }
};

/** Redacts personal text in one URL component, compared decoded, re-encoded only when changed. */
const scrubComponent = (text: string) => {
  const decoded = decode(text);
  // The look-behind starts an e-mail only where its run of characters starts: linear, even on a long URL.
  // Written here, not at the top: the engine builds these patterns only when a hit is first scrubbed, after consent.
  // The e-mail pattern's Unicode classes are costly to build, so it runs only on text with an `@` (most have none);
  // e-mails go first, so digits inside one never shorten what is redacted.
  const withoutEmails = decoded.includes('@')
    ? decoded.replace(/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu, '*')
    : decoded;
  const scrubbed = withoutEmails
    // Card numbers: 13 to 19 digits starting with 2 to 6 (a millisecond timestamp starts with 1), spaces or
    // dashes between them allowed, that pass the Luhn check.
    .replace(/(?<!\d)[2-6]([\s+-]?\d){12,18}(?!\d)/g, (run) => (passesLuhn(run.replace(/\D/g, '')) ? '*' : run))
    // IIN-like 12-digit runs, and phone numbers as written in Kazakhstan: +7, 7 or 8, then ten digits, the
    // first three together, then spaces, dots, dashes or parentheses anywhere: +7 701 234 56 78,
    // 8 (7172) 12-34-56, +7.701.234.56.78, 87012345678. Without a prefix, ten digits starting with 7:
    // (701) 234-56-78, so that Unix timestamps and the like survive.
    .replace(/(?<!\d)(\d{12}|((\+\s*)?[78][\s().+-]*\d|\(?7)\d\d([\s().+-]*\d){7})(?!\d)/g, '*');
  return scrubbed === decoded ? text : encodeURIComponent(scrubbed);
};

/**
 * Whether a path segment holds an opaque token, as a reset or confirmation link does: a UUID, or a run of 20
 * or more ASCII letters and digits with a digit among them. Slugs (`toyota-camry-2024`) and ids (`12345`) have
 * no such run. The look-behind starts the look-ahead only where a run starts: linear, even on a long segment.
 */
const holdsToken = (segment: string) =>
  /(?<![a-z\d])(?=[a-z\d]*\d)[a-z\d]{20}|[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}/i.test(segment);

/**
 * Returns `url` without fragment, path parameters and personal query values; e-mails, card numbers, IIN-like
 * runs, phone numbers and path segments holding a token become `*` (docs/pixel.md, Scrubbing).
 */
export function scrubUrl(url: string, personalParams: string[] = []): string {
  if (typeof url !== 'string') return '';
  const extraKeys = personalParams.map((key) => String(key).toLowerCase());
  const [address, ...query] = url.split('#')[0].split('?');
  const isPersonal = (key: string) =>
    personalKey.test(keyWords(key)) || extraKeys.includes(key.toLowerCase());
  try {
    const pairs = query
      .join('?')
      .split('&')
      .filter((pair) => pair && !isPersonal(decode(pair.split('=')[0])))
      .map((pair) => pair.split('=').map(scrubComponent).join('='));
    // The first three parts of `https://host/…` or `//host/…` are scheme and host, not a path: a long host name
    // is no token. Credentials before the host are dropped whole.
    const pathStart = /^([a-z][\w+.-]*:)?\/\//i.test(address) ? 3 : 0;
    const path = address
      .replace(/\/\/[^/]*@/, '//')
      .split('/')
      .map((segment, index) => {
        if (index < pathStart) return scrubComponent(segment);
        // Path parameters (`/cart;jsessionid=…`) are dropped whole.
        const [name] = segment.split(';');
        return holdsToken(decode(name)) ? '*' : scrubComponent(name);
      })
      .join('/');
    return pairs.length ? path + '?' + pairs.join('&') : path;
  } catch {
    // encodeURIComponent throws on a lone surrogate: nothing sane is left to send.
    return '';
  }
}
