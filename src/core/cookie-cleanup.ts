import type { CategoryConfig } from './types';

/** Cookie names or storage keys, each an exact name or a RegExp. */
type Patterns = Array<string | RegExp>;

// Two-label public suffixes under a country code (com.kz, gov.kz, co.uk, com.au…) a cookie must never be set on;
// single labels (`kz`) are excluded by rule.
const PUBLIC_SUFFIX = /^(com?|org|net|gov|edu|mil|ac)\.[a-z]{2}$/;

/** The domains a cookie of `host` may live on: the host and each parent label, then `configured`; never a public suffix. */
export function cookieDomains(host: string, configured?: string): string[] {
  const labels = host.split('.');
  const domains = /^[\d.]+$|:/.test(host) ? [host] : labels.map((_, index) => labels.slice(index).join('.'));
  if (configured) domains.push(configured.replace(/^\./, ''));
  return [...new Set(domains)].filter((domain) => domain.includes('.') && !PUBLIC_SUFFIX.test(domain));
}

// search() rather than test(): a global RegExp's lastIndex would make test() skip every other name.
const matches = (patterns: Patterns, name: string) =>
  patterns.some((pattern) => (typeof pattern === 'string' ? pattern === name : name.search(pattern) >= 0));

/**
 * Deletes the cookies whose names match `patterns`, but those named in `kept`, on path / of the host and of every
 * cookie domain. Each access to `document.cookie` is a round trip to the browser's cookie store: the jar is read
 * once (or given, as `jar`, by a caller that just read it), and written only for the cookies found in it.
 */
export function removeCookies(patterns: Patterns, configuredDomain?: string, kept: string[] = [], jar?: string): void {
  if (!patterns.length) return;
  try {
    // Worked out only when a listed cookie exists: on most calls there is none.
    let domains: Array<string | undefined> | undefined;
    // Names as the browser keeps them, undecoded: that is the name a write must repeat to delete the cookie.
    for (const name of new Set((jar ?? document.cookie).split('; ').map((pair) => pair.split('=')[0]))) {
      if (name && !kept.includes(name) && matches(patterns, name)) {
        domains ||= [undefined, ...cookieDomains(location.hostname, configuredDomain)];
        for (const domain of domains) document.cookie = `${name}=; path=/${domain ? '; domain=' + domain : ''}; max-age=0`;
      }
    }
  } catch {
    // A document that forbids cookies has none to delete.
  }
}

/** Removes the keys matching `patterns` from localStorage and sessionStorage. */
export function removeStorageKeys(patterns: Patterns): void {
  // Storage untouched when nothing is listed: its first use in a page is slow.
  if (!patterns.length) return;
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = window[area];
      // All the keys first: removing one may reorder the others.
      const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)!);
      for (const key of keys) if (matches(patterns, key)) storage.removeItem(key);
    } catch {
      // Storage switched off or blocked: nothing stored to remove.
    }
  }
}

/** Deletes the cookies matching `cookies` (names or RegExps) as `removeCookies` does, and the keys matching `storage`. */
export function cleanCookiesAndStorage({ cookies = [], storage = [] }: CategoryConfig, configuredDomain?: string): void {
  removeCookies(cookies, configuredDomain);
  removeStorageKeys(storage);
}
