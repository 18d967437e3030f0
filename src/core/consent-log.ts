import type { CategoryChoices, ConsentAction, ConsentError, Lang } from './types';

/** A consent receipt as POSTed to the consent-log endpoint (SPEC §9). */
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

/** POSTs `receipt` as JSON with the page's cookies, so the answer may re-set the consent cookie; failures go to `onError` once, never retried. */
export function sendConsentReceipt(endpoint: string, receipt: ConsentReceipt, onError: (error: ConsentError) => void): void {
  const fail = (cause: unknown) =>
    onError({ source: 'consent-log', message: `allur-consent: consent receipt not recorded by ${endpoint}`, cause });
  try {
    fetch(endpoint, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(receipt),
    }).then((response) => response.ok || fail(response.status), fail);
  } catch (error) {
    fail(error);
  }
}
