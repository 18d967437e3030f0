import { onThisPage } from './page-url';

/**
 * POSTs `body` with the page's cookies (kept alive past unload); a throw, a rejection or a non-2xx answer goes to
 * `fail`. `answered` is called when any answer arrives, its cookies set.
 */
export function post(
  endpoint: string,
  body: BodyInit,
  fail: (cause: unknown) => void,
  headers?: HeadersInit,
  answered?: () => void,
): void {
  try {
    // No Referer: it would carry the page's unscrubbed address.
    fetch(onThisPage(endpoint), {
      method: 'POST', keepalive: true, credentials: 'same-origin', referrerPolicy: 'no-referrer', headers, body,
    }).then(
      (response) => {
        answered?.();
        return response.ok || fail(response.status);
      },
      fail,
    );
  } catch (error) {
    fail(error);
  }
}
