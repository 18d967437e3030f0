import { onThisPage } from './page-url';
import type { CategoryChoices, ConsentAction, ConsentError, Lang } from './types';

/** A consent receipt as POSTed to the consent-log endpoint (docs/cookies-and-receipts.md). */
export interface ConsentReceipt {
  id: string | null;
  time: string;
  policyVersion: string;
  categories: CategoryChoices;
  action: ConsentAction;
  language: Lang;
  page: string;
  gpc: boolean;
}

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

/** POSTs `receipt` as JSON, so the answer may re-set the consent cookie; failures go to `onError` once, never retried. */
export function sendConsentReceipt(endpoint: string, receipt: ConsentReceipt, onError: (error: ConsentError) => void): void {
  post(endpoint, JSON.stringify(receipt), (cause) =>
    onError({ source: 'consent-log', message: `allur-consent: consent receipt not recorded by ${endpoint}`, cause }),
    { 'Content-Type': 'application/json' },
  );
}
