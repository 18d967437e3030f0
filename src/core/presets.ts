import * as cookieTexts from './cookie-texts';
import type { CategoryConfig, CookieDeclaration, LocalizedText } from './types';

const rows = (provider: string, ...list: Array<[name: string, purpose: LocalizedText, lifetime: LocalizedText]>): CookieDeclaration[] =>
  list.map(([name, purpose, lifetime]) => ({ name, provider, purpose, lifetime }));

/**
 * First-party cookie names (and storage keys) of the trackers used in Kazakhstan, for `categories.*`, with the
 * rows they add to the dialog's cookie table: names and lifetimes as their providers document them.
 */
export const presets = {
  yandexMetrica: {
    cookies: [/^_ym/],
    storage: ['_ym_uid', '_ym_synced'],
    declaration: rows(
      'Yandex',
      ['_ym_uid', cookieTexts.visitorId, cookieTexts.year],
      ['_ym_d', cookieTexts.firstVisit, cookieTexts.year],
      ['_ym_isad', cookieTexts.adBlockerCheck, cookieTexts.twoDays],
      ['_ym_visorc', cookieTexts.sessionReplay, cookieTexts.thirtyMinutes],
    ),
  },
  googleAnalytics: {
    cookies: [/^_ga/, '_gid'],
    declaration: rows(
      'Google',
      ['_ga', cookieTexts.visitorId, cookieTexts.twoYears],
      ['_ga_<id>', cookieTexts.sessionState, cookieTexts.twoYears],
      ['_gid', cookieTexts.visitorId, cookieTexts.day],
    ),
  },
  googleAds: {
    cookies: [/^_gcl/],
    declaration: rows('Google', ['_gcl_au', cookieTexts.adResults, cookieTexts.ninetyDays], ['_gcl_aw', cookieTexts.adClick, cookieTexts.ninetyDays]),
  },
  meta: {
    cookies: ['_fbp', '_fbc'],
    declaration: rows('Meta', ['_fbp', cookieTexts.adResults, cookieTexts.ninetyDays], ['_fbc', cookieTexts.adClick, cookieTexts.ninetyDays]),
  },
  vkTopMailRu: {
    cookies: [/^tmr_/, /^_vk/],
    declaration: rows('VK (Top@Mail.Ru)', ['tmr_lvid', cookieTexts.visitorId, cookieTexts.year], ['tmr_lvidTS', cookieTexts.firstVisit, cookieTexts.year]),
  },
  tikTok: {
    cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/],
    declaration: rows(
      'TikTok',
      ['_ttp', cookieTexts.adResults, cookieTexts.thirteenMonths],
      ['_tt_enable_cookie', cookieTexts.cookiesOnCheck, cookieTexts.thirteenMonths],
    ),
  },
} satisfies Record<string, CategoryConfig>;
