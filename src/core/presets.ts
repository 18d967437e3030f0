import type { CategoryConfig, CookieDeclaration, LocalizedText } from './types';

// Purposes and lifetimes shared by several trackers: one copy each in the bundle.
const VISITOR_ID = { ru: 'Отличает одного посетителя от другого', kk: 'Келушілерді бір-бірінен ажыратады', en: 'Tells one visitor from another' };
const FIRST_VISIT = { ru: 'Время первого визита', kk: 'Алғашқы кіру уақыты', en: 'Time of the first visit' };
const AD_CLICK = { ru: 'Запоминает переход по рекламе', kk: 'Жарнама арқылы өтуді есте сақтайды', en: 'Remembers the ad you came from' };
const AD_RESULTS = { ru: 'Измеряет эффективность рекламы', kk: 'Жарнама тиімділігін өлшейді', en: 'Measures how ads perform' };
const YEAR = { ru: '1 год', kk: '1 жыл', en: '1 year' };
const TWO_YEARS = { ru: '2 года', kk: '2 жыл', en: '2 years' };
const NINETY_DAYS = { ru: '90 дней', kk: '90 күн', en: '90 days' };
const THIRTEEN_MONTHS = { ru: '13 месяцев', kk: '13 ай', en: '13 months' };

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
      ['_ym_uid', VISITOR_ID, YEAR],
      ['_ym_d', FIRST_VISIT, YEAR],
      ['_ym_isad', { ru: 'Проверяет, есть ли блокировщик рекламы', kk: 'Жарнама бұғаттағышының бар-жоғын тексереді', en: 'Checks for an ad blocker' }, { ru: '2 дня', kk: '2 күн', en: '2 days' }],
      ['_ym_visorc', { ru: 'Запись сеанса (Вебвизор)', kk: 'Сеанс жазбасы (Вебвизор)', en: 'Session replay (Webvisor)' }, { ru: '30 минут', kk: '30 минут', en: '30 minutes' }],
    ),
  },
  googleAnalytics: {
    cookies: [/^_ga/, '_gid'],
    declaration: rows(
      'Google',
      ['_ga', VISITOR_ID, TWO_YEARS],
      ['_ga_<id>', { ru: 'Хранит состояние сеанса', kk: 'Сеанс күйін сақтайды', en: 'Keeps the session state' }, TWO_YEARS],
      ['_gid', VISITOR_ID, { ru: '24 часа', kk: '24 сағат', en: '24 hours' }],
    ),
  },
  googleAds: {
    cookies: [/^_gcl/],
    declaration: rows('Google', ['_gcl_au', AD_RESULTS, NINETY_DAYS], ['_gcl_aw', AD_CLICK, NINETY_DAYS]),
  },
  meta: {
    cookies: ['_fbp', '_fbc'],
    declaration: rows('Meta', ['_fbp', AD_RESULTS, NINETY_DAYS], ['_fbc', AD_CLICK, NINETY_DAYS]),
  },
  vkTopMailRu: {
    cookies: [/^tmr_/, /^_vk/],
    declaration: rows('VK (Top@Mail.Ru)', ['tmr_lvid', VISITOR_ID, YEAR], ['tmr_lvidTS', FIRST_VISIT, YEAR]),
  },
  tikTok: {
    cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/],
    declaration: rows(
      'TikTok',
      ['_ttp', AD_RESULTS, THIRTEEN_MONTHS],
      ['_tt_enable_cookie', { ru: 'Проверяет, включены ли cookie', kk: 'Cookie қосулы ма, соны тексереді', en: 'Checks that cookies are on' }, THIRTEEN_MONTHS],
    ),
  },
} satisfies Record<string, CategoryConfig>;
