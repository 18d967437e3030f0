import { passesLuhn } from './luhn';

// A key is personal when it contains one of the long words, or one of the short ones as a whole
// word (`user_tel`, `customerTel`, but not `hotel`, `cabinet`, `inside`): see `keyWords`.
const personalKey =
  /mail|phone|passw|pwd|token|secret|sessi|name|fio|address|mobile|auth|iin|apikey|(^|_)(tel|bin|sid|key|code|pass|login|otp|pin)(_|$)/;

/** Splits `customerPhone`, `user-email`, `Order.Tel` into lower-case words joined by `_`. */
const keyWords = (key: string) => key.replace(/([a-z])(?=[A-Z])/g, '$1_').toLowerCase().replace(/[^a-z]+/g, '_');

/** Undoes one level of percent-encoding. */
const decodeOnce = (text: string) => {
  // Most parts of an address hold no escape: returning at once halves the time a hit's scrubbing takes.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // One stray `%` makes the whole text undecodable: still read every escaped ASCII character.
    return text.replace(/%[0-7][\da-f]/gi, decodeURIComponent);
  }
};

/** Undoes up to three levels of percent-encoding: a link carried in another link's value is encoded once more. */
const decode = (text: string) => decodeOnce(decodeOnce(decodeOnce(text)));

/** Redacts personal text found in `decoded` (the decoded `text`); `text` is re-encoded only when changed. */
const scrubText = (text: string, decoded: string) => {
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
 * Returns `url` without fragment, path parameters and personal query parameters; e-mails, card numbers, IIN-like
 * runs and phone numbers become `*`, as do path segments holding a token and values carrying a link that holds
 * anything personal (docs/pixel.md, Scrubbing).
 */
export function scrubUrl(url: string, personalParams: string[] = []): string {
  if (typeof url !== 'string') return '';
  const extraKeys = personalParams.map((key) => String(key).toLowerCase());
  const isPersonal = (key: string) =>
    personalKey.test(keyWords(key)) || extraKeys.includes(key.toLowerCase());

  /**
   * One path segment, query key or value. Decoded, one that is itself an address (`next=/reset?token=…`) or a
   * query (`state=token%3D…`) is scrubbed as one, `depth` levels deep at most, and becomes `*` whole when that
   * changes anything or it nests deeper; so does one still encoded after three decodings.
   */
  const scrubComponent = (text: string, depth: number): string => {
    const decoded = decode(text);
    if (decodeOnce(decoded) !== decoded) return '*';
    if (/[/?=]/.test(decoded)) {
      const nested = /[/?]/.test(decoded) ? decoded : '?' + decoded;
      if (!depth || scrubAddress(nested, depth - 1) !== nested) return '*';
    }
    return scrubText(text, decoded);
  };

  const scrubAddress = (address: string, depth: number): string => {
    const [beforeQuery, ...query] = address.split('#')[0].split('?');
    // The first three parts of `https://host/…` or `//host/…` are scheme and host, not a path: a long host name
    // is no token. Credentials before the host are dropped whole.
    const pathStart = /^([a-z][\w+.-]*:)?\/\//i.test(beforeQuery) ? 3 : 0;
    const start = beforeQuery
      .replace(/\/\/[^/]*@/, '//')
      .split('/')
      .map((segment, index) => {
        if (index < pathStart) return scrubComponent(segment, depth);
        // Path parameters (`/cart;jsessionid=…`) are dropped whole.
        const [name] = segment.split(';');
        return holdsToken(decode(name)) ? '*' : scrubComponent(name, depth);
      })
      .join('/');
    if (!query.length) return start;
    const pairs = query
      .join('?')
      .split('&')
      .filter((pair) => !isPersonal(decode(pair.split('=')[0])))
      .map((pair) => {
        // A value may hold an `=` of its own (`next=/cart?step=2`).
        const [key, ...value] = pair.split('=');
        const scrubbedKey = scrubComponent(key, depth);
        return value.length ? scrubbedKey + '=' + scrubComponent(value.join('='), depth) : scrubbedKey;
      });
    return pairs.length ? start + '?' + pairs.join('&') : start;
  };

  try {
    return scrubAddress(url, 3);
  } catch {
    // encodeURIComponent throws on a lone surrogate: nothing sane is left to send.
    return '';
  }
}
