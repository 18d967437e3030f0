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
