import Cookies from 'js-cookie';

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

/** Deletes the cookies matching `cookies` (names or RegExps) on path / of every cookie domain, and the `storage` keys. */
export function cleanCookiesAndStorage(
  { cookies = [], storage = [] }: { cookies?: Array<string | RegExp>; storage?: string[] },
  configuredDomain?: string,
): void {
  try {
    // Worked out only when a listed cookie exists: on most calls there is none.
    let domains: Array<string | undefined> | undefined;
    for (const name of Object.keys(Cookies.get())) {
      const listed = cookies.some((pattern) => (typeof pattern === 'string' ? pattern === name : name.search(pattern) >= 0));
      if (listed) {
        domains ||= [undefined, ...cookieDomains(location.hostname, configuredDomain)];
        for (const domain of domains) Cookies.remove(name, { path: '/', domain });
      }
    }
  } catch {
    // A document that forbids cookies has none to delete.
  }
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      for (const key of storage) window[area].removeItem(key);
    } catch {
      // Storage switched off or blocked: nothing stored to remove.
    }
  }
}
