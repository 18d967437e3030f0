/** `url` as the page itself resolves it: a `<base href>` pointing elsewhere must not carry hits, receipts or the policy link away. */
export function onThisPage(url: string): string {
  try {
    // Without a <base> the browser resolves the relative form against the page already.
    return document.querySelector('base[href]') ? new URL(url, location.href).href : url;
  } catch {
    // Unparsable: a request to it fails and is reported like any endpoint that is down.
    return url;
  }
}

/** The schemes a policy link may have; endpoints take http(s) only. */
export const POLICY_URL_SCHEMES = /^(https?|mailto):/i;

/** Whether `url` is relative or of a scheme `schemes` allows; browsers ignore control characters and spaces, so those are dropped before the scheme is read. */
export function isAllowedUrl(url: unknown, schemes: RegExp): boolean {
  // oxlint-disable-next-line no-control-regex -- the control characters are what browsers drop
  const bare = typeof url === 'string' && url.replace(/[\x00-\x20]/g, '');
  return !!bare && (schemes.test(bare) || !/^[a-z][\w+.-]*:/i.test(bare));
}
