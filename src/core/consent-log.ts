import { post } from './post';
import { scrubUrl } from './scrub-url';
import { sha256Hex } from './sha256';
import { LIBRARY_VERSION } from './version';
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
  /** The digest of the texts the visitor was shown (docs/cookies-and-receipts.md), when a UI gave them. */
  textsHash?: string;
  libraryVersion: string;
}

/**
 * POSTs `receipt` as JSON; failures go to `onError` once, never retried. The answer may re-set the consent cookie:
 * `answered` is called when it arrives.
 */
export function sendConsentReceipt(
  endpoint: string,
  receipt: ConsentReceipt,
  onError: (error: ConsentError) => void,
  answered?: () => void,
): void {
  post(endpoint, JSON.stringify(receipt), (cause) =>
    onError({ source: 'consent-log', message: `allur-consent: consent receipt not recorded by ${endpoint}`, cause }),
    { 'Content-Type': 'application/json' },
    answered,
  );
}

/**
 * The digest of the texts a visitor was shown: SHA-256, in hex, of their JSON with the keys in sorted order,
 * `JSON.stringify(texts, Object.keys(texts).sort())`, so a site can recompute it from the same texts.
 */
export const textsDigest = (texts: Record<string, string>) => sha256Hex(JSON.stringify(texts, Object.keys(texts).sort()));

/**
 * Where a receipt's `textsHash` comes from, asked on each receipt: the digest at once, or once the texts are here
 * (a UI still loading); nothing when no UI said what it shows.
 */
export type TextsHashSource = () => string | undefined | Promise<string | undefined>;

/** What the UI in front of the core tells it besides the config. */
export interface CoreStart {
  /** The digest of the texts the visitor is shown, for receipts (docs/cookies-and-receipts.md). */
  textsHash?: TextsHashSource;
  /** The language of those texts, the one the UI shows: receipts carry it (default: the config's `lang`, else `ru`). */
  lang?: Lang;
}

/**
 * The receipts of one instance: what was decided, when, how, in which language (that of the texts shown), on which
 * (scrubbed) page, whether GPC was on, which texts were shown and which library showed them. Nothing is sent without a
 * consent-log endpoint; `answered` is called as each answer arrives.
 */
export function createConsentLog(
  config: ResolvedConfig,
  gpc: boolean,
  onError: (error: ConsentError) => void,
  { textsHash: textsHashSource = () => undefined, lang = config.lang ?? 'ru' }: CoreStart,
  answered: () => void,
) {
  return (action: ConsentAction, state: ConsentState, id: string, time: number) => {
    const endpoint = config.consentLog && config.consentLog.endpoint;
    if (!endpoint) return;
    const receipt: ConsentReceipt = {
      id,
      time: new Date(time).toISOString(),
      policyVersion: config.policyVersion,
      categories: state.categories,
      action,
      language: lang,
      page: scrubUrl(location.href, config.pixel ? config.pixel.personalParams : []),
      gpc,
      libraryVersion: LIBRARY_VERSION,
    };
    const send = (hash: string | undefined) => {
      if (hash) receipt.textsHash = hash;
      sendConsentReceipt(endpoint, receipt, onError, answered);
    };
    // A digest still coming (the texts are in a UI still loading) holds the receipt back; one that fails leaves
    // the receipt without it.
    const textsHash = textsHashSource();
    if (textsHash instanceof Promise) textsHash.then(send, () => send(undefined));
    else send(textsHash);
  };
}
