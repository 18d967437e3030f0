import { onThisPage } from './page-url';

/** POSTs `body` with the page's cookies (kept alive past unload); a throw, a rejection or a non-2xx answer goes to `fail`. */
export function post(endpoint: string, body: BodyInit, fail: (cause: unknown) => void, headers?: HeadersInit): void {
  try {
    // No Referer: it would carry the page's unscrubbed address.
    fetch(onThisPage(endpoint), {
      method: 'POST', keepalive: true, credentials: 'same-origin', referrerPolicy: 'no-referrer', headers, body,
    }).then(
      (response) => response.ok || fail(response.status),
      fail,
    );
  } catch (error) {
    fail(error);
  }
}
