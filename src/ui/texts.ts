import type { Lang, LocalizedText, Texts } from '../core/index';
import { locales } from './i18n/locales';

/**
 * The language to show: `lang` if this bundle ships it, else the first shipped one among `<html lang>` and the
 * browser's languages (base subtag), else the bundle's default (`ru`, or a one-language bundle's own).
 */
export function shownLang(lang?: Lang): Lang {
  const shipped = Object.keys(locales) as Lang[];
  const ifShipped = (tag: unknown) => shipped.find((code) => code === String(tag).split('-')[0].toLowerCase());
  // Each source read only when the ones before name no shipped language: with `data-lang` set, as on most pages,
  // neither the document nor the browser is asked.
  return (
    ifShipped(lang) ??
    ifShipped(document.documentElement.lang) ??
    ifShipped((navigator.languages || [navigator.language]).find(ifShipped)) ??
    shipped[0]
  );
}

/** A policy address or a cookie's purpose for `lang`: its own, else the Russian one, else any given. */
export const inLanguage = (text: LocalizedText, lang: Lang): string =>
  typeof text === 'string' ? text : (text[lang] ?? text.ru ?? Object.values(text)[0] ?? '');

/** `text` with each `{name}` replaced by `values[name]`. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (token, name: string) => values[name] ?? token);

/** The texts of `lang` with the site's overrides for that language on top. */
export const textsFor = (lang: Lang, overrides: Partial<Texts> = {}): Texts => ({ ...locales[lang]!(), ...overrides });
