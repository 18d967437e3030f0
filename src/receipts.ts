// The receipts entry, `allur-consent/receipts`: what a site needs where it stores receipts (a server, a script) to
// check them (docs/cookies-and-receipts.md). No DOM: nothing here touches `document` or `window`.
import { textsDigest } from './core/consent-log';
import type { Lang, Texts } from './core/types';
import { locales } from './ui/i18n/locales';
import { textsFor } from './ui/texts';

export type { ConsentReceipt } from './core/consent-log';
export type { Lang, Texts } from './core/types';
/** The package version a receipt of this library carries as `libraryVersion`. */
export { LIBRARY_VERSION } from './core/version';

/**
 * The `textsHash` a receipt of this library version carries for `lang` and the site's `overrides` of that language
 * (the config's `texts[lang]`): SHA-256 hex of the shipped texts with the overrides on top, keys sorted.
 * Throws a TypeError on a language the library does not ship or overrides that are not texts.
 */
export function textsHash(lang: Lang, overrides: Partial<Texts> = {}): string {
  const shipped = Object.keys(locales);
  if (!shipped.includes(lang)) throw new TypeError(`allur-consent: textsHash lang must be one of ${shipped.join(', ')}, got ${JSON.stringify(lang)}`);
  const isTexts = overrides !== null && typeof overrides === 'object' && Object.values(overrides).every((text) => typeof text === 'string');
  if (!isTexts) throw new TypeError('allur-consent: textsHash overrides must map text keys to strings');
  return textsDigest(textsFor(lang, overrides));
}
