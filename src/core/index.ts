// The headless entry, `allur-consent/core`: no Preact, no UI.
import { LANGS, resolveConfig } from './config';
import { startConsentCore } from './consent-core';
import { textsDigest } from './consent-log';
import { createInertConsent, hasDocument } from './inert';
import type { ConsentConfig, ConsentCore, CoreOptions } from './types';

export type * from './types';
export { CATEGORIES } from './categories';
export { resolveConfig, resolveConfigLeniently } from './config';
export { presets } from './presets';
// The rows a category's table shows when the site declared none (its `declaration` resolves to undefined).
export { defaultDeclaration } from './preset-rows';
// The library's own cookies, for a UI's cookie table.
export { CONSENT_COOKIE } from './consent-cookie';
export { VISITOR_COOKIE, VISITOR_COOKIE_DAYS } from './pixel';
// For a UI of the core, ours or a site's: a policy link is checked and resolved as the core resolves its endpoints.
export { isAllowedUrl, onThisPage, POLICY_URL_SCHEMES } from './page-url';
// The digest a receipt carries of the texts shown (docs/cookies-and-receipts.md): a UI of the core digests its own.
export { textsDigest } from './consent-log';

/**
 * Creates the headless consent instance (docs/instance.md); throws a TypeError naming the field on bad config or
 * options. Outside a browser it is inert: a server render shows what a first visit shows.
 */
export function createConsentCore(config: ConsentConfig, options: CoreOptions = {}): ConsentCore {
  const resolved = resolveConfig(config);
  // Receipts carry the digest of the texts and their language: the two must match.
  if (options.lang !== undefined && !LANGS.includes(options.lang)) {
    throw new TypeError(`allur-consent: options.lang must be one of ${LANGS.join(', ')}`);
  }
  const { texts, lang } = options;
  if (texts && !lang && !resolved.lang) {
    console.warn('allur-consent: createConsentCore got texts without their lang: receipts say ru');
  }
  let digest: string | undefined;
  // Digested on the first receipt only: most page views send none.
  const textsHash = texts && (() => (digest ??= textsDigest(texts)));
  return hasDocument() ? startConsentCore(resolved, { textsHash, lang }) : createInertConsent(resolved);
}
