import type { Lang, Texts } from '../core/index';
import { en } from './i18n/en';
import { kk } from './i18n/kk';
import { ru } from './i18n/ru';

const locales: Record<Lang, Texts> = { ru, kk, en };

/** The first shipped language among `<html lang>` and the browser's languages (base subtag), else `ru`. */
export function detectLang(): Lang {
  const tags = [document.documentElement.lang, ...(navigator.languages || [navigator.language])];
  for (const tag of tags) {
    const base = String(tag).split('-')[0].toLowerCase();
    if (base === 'ru' || base === 'kk' || base === 'en') return base;
  }
  return 'ru';
}

/** The policy address for `lang`: its own, else the Russian one, else any given. */
export const policyUrlFor = (policyUrl: string | Partial<Record<Lang, string>>, lang: Lang): string =>
  typeof policyUrl === 'string' ? policyUrl : (policyUrl[lang] ?? policyUrl.ru ?? Object.values(policyUrl)[0] ?? '');

/** The texts of `lang` with the site's overrides for that language on top. */
export const textsFor = (lang: Lang, overrides: Partial<Texts> = {}): Texts => ({ ...locales[lang], ...overrides });
