import type { Lang, Texts } from '../core/index';
import { locales } from './i18n/locales';

/**
 * The language to show: `lang` if this bundle ships it, else the first shipped one among `<html lang>` and the
 * browser's languages (base subtag), else the bundle's default (`ru`, or a one-language bundle's own).
 */
export function shownLang(lang?: Lang): Lang {
  const shipped = Object.keys(locales) as Lang[];
  const tags = [lang, document.documentElement.lang, ...(navigator.languages || [navigator.language])];
  for (const tag of tags) {
    const base = String(tag).split('-')[0].toLowerCase() as Lang;
    if (shipped.includes(base)) return base;
  }
  return shipped[0];
}

/** The policy address for `lang`: its own, else the Russian one, else any given. */
export const policyUrlFor = (policyUrl: string | Partial<Record<Lang, string>>, lang: Lang): string =>
  typeof policyUrl === 'string' ? policyUrl : (policyUrl[lang] ?? policyUrl.ru ?? Object.values(policyUrl)[0] ?? '');

/** The texts of `lang` with the site's overrides for that language on top. */
export const textsFor = (lang: Lang, overrides: Partial<Texts> = {}): Texts => ({ ...locales[lang]!, ...overrides });
