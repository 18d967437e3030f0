import { CONSENT_COOKIE, VISITOR_COOKIE, VISITOR_COOKIE_DAYS } from '../core/index';
import type { Category, CookieDeclaration, Lang, ResolvedConfig, Texts } from '../core/index';
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
  const { necessary, functional, statistics, marketing } = config.categories;
  return {
    necessary: [own(CONSENT_COOKIE, t.consentCookie, config.cookie.maxAgeDays), ...declared(necessary.declaration)],
    functional: declared(functional.declaration),
    statistics: [...(config.pixel && config.pixel.endpoint ? [own(VISITOR_COOKIE, t.visitorCookie, VISITOR_COOKIE_DAYS)] : []), ...declared(statistics.declaration)],
    marketing: declared(marketing.declaration),
  };
}
