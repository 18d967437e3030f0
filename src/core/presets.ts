import * as cookieTexts from './cookie-texts';
import type { CategoryConfig, CookieDeclaration, LocalizedText } from './types';

const rows = (provider: string, ...list: Array<[name: string, purpose: LocalizedText, lifetime: LocalizedText]>): CookieDeclaration[] =>
  list.map(([name, purpose, lifetime]) => ({ name, provider, purpose, lifetime }));

/**
 * First-party cookie names (and storage keys) of the trackers used in Kazakhstan, for `categories.*`, with the
 * rows they add to the dialog's cookie table: names and lifetimes as their providers document them. The source
 * and date each table was checked against are in docs/categories.md.
 */
export const presets = {
  yandexMetrica: {
    cookies: [/^_ym/],
    // The tag restores `_ym_uid` from localStorage, and keeps per-counter keys (`_ym<counter>_lsid`) there too.
    storage: [/^_ym/],
    declaration: rows(
      'Yandex',
      ['_ym_uid', cookieTexts.visitorId, cookieTexts.year],
      ['_ym_d', cookieTexts.firstVisit, cookieTexts.year],
      ['_ym_isad', cookieTexts.adBlockerCheck, cookieTexts.twoDays],
      ['_ym_visorc', cookieTexts.sessionReplay, cookieTexts.thirtyMinutes],
      ['_ym_hostIndex', cookieTexts.requestLimit, cookieTexts.day],
      ['_ym_metrika_enabled', cookieTexts.cookiesSetCheck, cookieTexts.sixtyMinutes],
    ),
  },
  googleAnalytics: {
    cookies: [/^_ga/, '_gid'],
    declaration: rows(
      'Google',
      ['_ga', cookieTexts.visitorId, cookieTexts.twoYears],
      ['_ga_<container-id>', cookieTexts.sessionState, cookieTexts.twoYears],
    ),
  },
  googleAds: {
    cookies: [/^_gcl/],
    declaration: rows(
      'Google',
      ['_gcl_au', cookieTexts.adResults, cookieTexts.ninetyDays],
      ['_gcl_aw', cookieTexts.adClick, cookieTexts.ninetyDays],
      ['_gcl_dc', cookieTexts.adClick, cookieTexts.threeMonths],
    ),
  },
  meta: {
    cookies: ['_fbp', '_fbc'],
    declaration: rows('Meta', ['_fbp', cookieTexts.adResults, cookieTexts.ninetyDays], ['_fbc', cookieTexts.adClick, cookieTexts.ninetyDays]),
  },
  vkTopMailRu: {
    cookies: [/^tmr_/, /^_vk/],
    declaration: rows(
      'VK (Top@Mail.Ru)',
      ['tmr_lvid', cookieTexts.visitorId, cookieTexts.renewedEachVisit],
      ['tmr_lvidTS', cookieTexts.firstVisit, cookieTexts.renewedEachVisit],
      ['tmr_reqNum', cookieTexts.requestCount, cookieTexts.renewedEachVisit],
      ['tmr_detect', cookieTexts.browserCheck, cookieTexts.day],
    ),
  },
  tikTok: {
    cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/],
    declaration: rows(
      'TikTok',
      ['_ttp', cookieTexts.adResults, cookieTexts.thirteenMonths],
      ['_tt_enable_cookie', cookieTexts.cookiesOnCheck, cookieTexts.thirteenMonths],
      ['ttcsid', cookieTexts.pixelSession, cookieTexts.thirteenMonthsAfterLastEvent],
      ['ttcsid_<pixel-id>', cookieTexts.pixelSession, cookieTexts.thirteenMonthsAfterLastEvent],
    ),
  },
} satisfies Record<string, CategoryConfig>;

/**
 * Cookies a preset deletes by name but leaves out of its table, each with the reason; a test holds every other
 * cookie a preset names to its table.
 */
export const UNLISTED_COOKIES: Partial<Record<keyof typeof presets, Record<string, string>>> = {
  googleAnalytics: {
    _gid: 'set by Universal Analytics only, not by GA4: deleted for sites still running the old tag, not declared',
  },
};
