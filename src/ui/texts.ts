import type { Lang, LocalizedText, Texts } from '../core/index';
import { locales } from './i18n/locales';

/** A policy address or a cookie's purpose for `lang`: its own, else the Russian one, else any given. */
export const inLanguage = (text: LocalizedText, lang: Lang): string =>
  typeof text === 'string' ? text : (text[lang] ?? text.ru ?? Object.values(text)[0] ?? '');

/** `text` with each `{name}` replaced by `values[name]`. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (token, name: string) => values[name] ?? token);

/** The texts of `lang` with the site's overrides for that language on top. */
export const textsFor = (lang: Lang, overrides: Partial<Texts> = {}): Texts => ({ ...locales[lang]!(), ...overrides });
