import { LANGS } from '../core/config';
import type { Lang } from '../core/types';

/**
 * The language to show: `lang`, else the first shipped one among `<html lang>` and the browser's languages (base
 * subtag), else `ru`. The core side settles it, so receipts and the UI file fetched follow the same language.
 */
export function shownLang(lang?: Lang): Lang {
  const ifShipped = (tag: unknown) => (LANGS as Lang[]).find((code) => code === String(tag).split('-')[0].toLowerCase());
  // Each source read only when the ones before name no shipped language: with `data-lang` set, as on most pages,
  // neither the document nor the browser is asked.
  return (
    ifShipped(lang) ??
    ifShipped(document.documentElement.lang) ??
    ifShipped((navigator.languages || [navigator.language]).find(ifShipped)) ??
    'ru'
  );
}
