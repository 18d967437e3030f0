import { post } from './post';
import { scrubUrl } from './scrub-url';
import type { CategoryChoices, ConsentAction, ConsentError, ConsentState, Lang, ResolvedConfig } from './types';

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

/** POSTs `receipt` as JSON, so the answer may re-set the consent cookie; failures go to `onError` once, never retried. */
export function sendConsentReceipt(endpoint: string, receipt: ConsentReceipt, onError: (error: ConsentError) => void): void {
  post(endpoint, JSON.stringify(receipt), (cause) =>
    onError({ source: 'consent-log', message: `allur-consent: consent receipt not recorded by ${endpoint}`, cause }),
    { 'Content-Type': 'application/json' },
  );
}

/**
 * The receipts of one instance: what was decided, when, how, in which language, on which (scrubbed) page, and
 * whether GPC was on. Nothing is sent without a consent-log endpoint.
 */
export function createConsentLog(config: ResolvedConfig, gpc: boolean, onError: (error: ConsentError) => void) {
  return (action: ConsentAction, state: ConsentState, id: string, time: number) => {
    if (!config.consentLog) return;
    const receipt: ConsentReceipt = {
      id,
      time: new Date(time).toISOString(),
      policyVersion: config.policyVersion,
      categories: state.categories,
      action,
      language: config.lang ?? 'ru',
      page: scrubUrl(location.href, config.pixel ? config.pixel.personalParams : []),
      gpc,
    };
    sendConsentReceipt(config.consentLog.endpoint, receipt, onError);
  };
}
