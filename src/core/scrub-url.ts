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
  // E-mail addresses, IIN-like 12-digit runs, and phone numbers as written in Kazakhstan:
  // +7 701 234 56 78, 8 (701) 234-56-78, 87012345678, (701) 234-56-78 (a bare 10-digit number
  // only when it starts with 7, so that Unix timestamps and the like survive).
  // The look-behind starts an e-mail only where its run of characters starts: linear, even on a long URL.
  // Written here, not at the top: the engine builds these patterns only when a hit is first scrubbed, after consent.
  // The e-mail pattern's Unicode classes are costly to build, so it runs only on text with an `@` (most have none);
  // e-mails go first, so digits inside one never shorten what is redacted.
  const withoutEmails = decoded.includes('@')
    ? decoded.replace(/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu, '*')
    : decoded;
  const scrubbed = withoutEmails.replace(/(?<!\d)(\d{12}|((\+\s*)?[78][\s()+-]*\d{3}|\(?7\d\d)[\s()+-]*\d{3}[\s+-]*\d\d[\s+-]*\d\d)(?!\d)/g, '*');
  return scrubbed === decoded ? text : encodeURIComponent(scrubbed);
};

/** Returns `url` without fragment, personal query values, IIN-like runs, e-mails and phone numbers. */
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
    // Credentials before the host (`https://user:password@host/`) are dropped whole.
    const path = address.replace(/\/\/[^/]*@/, '//').split('/').map(scrubComponent).join('/');
    return pairs.length ? path + '?' + pairs.join('&') : path;
  } catch {
    // encodeURIComponent throws on a lone surrogate: nothing sane is left to send.
    return '';
  }
}
