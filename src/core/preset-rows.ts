import * as cookieTexts from './cookie-texts';
import { CATEGORY_PRESETS } from './preset-cleanup';
import type { PresetName } from './preset-cleanup';
import type { CookieDeclaration, LocalizedText, OptionalCategory } from './types';

const rows = (provider: string, ...list: Array<[name: string, purpose: LocalizedText, lifetime: LocalizedText]>): CookieDeclaration[] =>
  list.map(([name, purpose, lifetime]) => ({ name, provider, purpose, lifetime }));

/**
 * The rows each preset adds to the dialog's cookie table: names and lifetimes as their providers document them.
 * The source and date each table was checked against are in docs/categories.md. Only a UI and `presets` of the npm
 * entries use this module, so the script-tag core carries none of these strings.
 */
export const PRESET_ROWS: Record<PresetName, CookieDeclaration[]> = {
  yandexMetrica: rows(
    'Yandex',
    ['_ym_uid', cookieTexts.visitorId, cookieTexts.year],
    ['_ym_d', cookieTexts.firstVisit, cookieTexts.year],
    ['_ym_isad', cookieTexts.adBlockerCheck, cookieTexts.twoDays],
    ['_ym_visorc', cookieTexts.sessionReplay, cookieTexts.thirtyMinutes],
    ['_ym_hostIndex', cookieTexts.requestLimit, cookieTexts.day],
    ['_ym_metrika_enabled', cookieTexts.cookiesSetCheck, cookieTexts.sixtyMinutes],
  ),
  googleAnalytics: rows(
    'Google',
    ['_ga', cookieTexts.visitorId, cookieTexts.twoYears],
    ['_ga_<container-id>', cookieTexts.sessionState, cookieTexts.twoYears],
  ),
  googleAds: rows(
    'Google',
    ['_gcl_au', cookieTexts.adResults, cookieTexts.ninetyDays],
    ['_gcl_aw', cookieTexts.adClick, cookieTexts.ninetyDays],
    ['_gcl_dc', cookieTexts.adClick, cookieTexts.threeMonths],
  ),
  meta: rows('Meta', ['_fbp', cookieTexts.adResults, cookieTexts.ninetyDays], ['_fbc', cookieTexts.adClick, cookieTexts.ninetyDays]),
  vkTopMailRu: rows(
    'VK (Top@Mail.Ru)',
    ['tmr_lvid', cookieTexts.visitorId, cookieTexts.renewedEachVisit],
    ['tmr_lvidTS', cookieTexts.firstVisit, cookieTexts.renewedEachVisit],
    ['tmr_reqNum', cookieTexts.requestCount, cookieTexts.renewedEachVisit],
    ['tmr_detect', cookieTexts.browserCheck, cookieTexts.day],
  ),
  tikTok: rows(
    'TikTok',
    ['_ttp', cookieTexts.adResults, cookieTexts.thirteenMonths],
    ['_tt_enable_cookie', cookieTexts.cookiesOnCheck, cookieTexts.thirteenMonths],
    ['ttcsid', cookieTexts.pixelSession, cookieTexts.thirteenMonthsAfterLastEvent],
    ['ttcsid_<pixel-id>', cookieTexts.pixelSession, cookieTexts.thirteenMonthsAfterLastEvent],
  ),
};

/**
 * The rows of the presets `category` takes by default: its table when the site gives it no `declaration`, for a
 * UI of the core, ours or a site's (docs/config.md).
 */
export const defaultDeclaration = (category: OptionalCategory) => CATEGORY_PRESETS[category].flatMap((name) => PRESET_ROWS[name]);
