import { CONSENT_COOKIE, defaultDeclaration, VISITOR_COOKIE, VISITOR_COOKIE_DAYS } from '../core/index';
import type { Category, CookieDeclaration, Lang, OptionalCategory, ResolvedConfig, Texts } from '../core/index';
import { fill, inLanguage } from './texts';

/** One row of a cookie table as shown: name, provider, purpose, lifetime. */
export type CookieRow = [name: string, provider: string, purpose: string, lifetime: string];

/**
 * The rows of each category's cookie table (docs/ui.md): the library's own cookies first, set by this site, then
 * the declared ones (the presets' by default) in the visitor's language.
 */
export function cookieRows(config: ResolvedConfig, t: Texts, lang: Lang): Record<Category, CookieRow[]> {
  const site = (config.cookie.domain ?? location.hostname).replace(/^\./, '');
  const own = (name: string, purpose: string, days: number): CookieRow => [name, site, purpose, fill(t.days, { n: String(days) })];
  const declared = (rows: CookieDeclaration[]) =>
    rows.map((row): CookieRow => [row.name, row.provider, inLanguage(row.purpose, lang), inLanguage(row.lifetime, lang)]);
  // A category the site gave no `declaration` shows its presets' rows.
  const rowsOf = (category: OptionalCategory) => declared(config.categories[category].declaration ?? defaultDeclaration(category));
  return {
    necessary: [own(CONSENT_COOKIE, t.consentCookie, config.cookie.maxAgeDays), ...declared(config.categories.necessary.declaration)],
    functional: rowsOf('functional'),
    statistics: [...(config.pixel && config.pixel.endpoint ? [own(VISITOR_COOKIE, t.visitorCookie, VISITOR_COOKIE_DAYS)] : []), ...rowsOf('statistics')],
    marketing: rowsOf('marketing'),
  };
}
