import type { Lang, LocalizedText, Texts } from '../core/index';
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

/** A policy address or a cookie's purpose for `lang`: its own, else the Russian one, else any given. */
export const inLanguage = (text: LocalizedText, lang: Lang): string =>
  typeof text === 'string' ? text : (text[lang] ?? text.ru ?? Object.values(text)[0] ?? '');

/** `text` with each `{name}` replaced by `values[name]`. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (token, name: string) => values[name] ?? token);

/** The texts of `lang` with the site's overrides for that language on top. */
export const textsFor = (lang: Lang, overrides: Partial<Texts> = {}): Texts => ({ ...locales[lang], ...overrides });
