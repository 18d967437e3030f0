import type { LocalizedText } from './types';

/**
 * The purposes and lifetimes of the presets' cookie-table rows, in every shipped language. A one-language
 * script-tag bundle is built with this module swapped for one holding that language's strings only
 * (rollup.config.mjs), so this module imports nothing but types and exports nothing else.
 */
export const visitorId: LocalizedText = { ru: 'Отличает одного посетителя от другого', kk: 'Келушілерді бір-бірінен ажыратады', en: 'Tells one visitor from another' };
export const firstVisit: LocalizedText = { ru: 'Время первого визита', kk: 'Алғашқы кіру уақыты', en: 'Time of the first visit' };
export const adClick: LocalizedText = { ru: 'Запоминает переход по рекламе', kk: 'Жарнама арқылы өтуді есте сақтайды', en: 'Remembers the ad you came from' };
export const adResults: LocalizedText = { ru: 'Измеряет эффективность рекламы', kk: 'Жарнама тиімділігін өлшейді', en: 'Measures how ads perform' };
export const adBlockerCheck: LocalizedText = { ru: 'Проверяет, есть ли блокировщик рекламы', kk: 'Жарнама бұғаттағышының бар-жоғын тексереді', en: 'Checks for an ad blocker' };
export const sessionReplay: LocalizedText = { ru: 'Запись сеанса (Вебвизор)', kk: 'Сеанс жазбасы (Вебвизор)', en: 'Session replay (Webvisor)' };
export const sessionState: LocalizedText = { ru: 'Хранит состояние сеанса', kk: 'Сеанс күйін сақтайды', en: 'Keeps the session state' };
export const cookiesOnCheck: LocalizedText = { ru: 'Проверяет, включены ли cookie', kk: 'Cookie қосулы ма, соны тексереді', en: 'Checks that cookies are on' };
export const thirtyMinutes: LocalizedText = { ru: '30 минут', kk: '30 минут', en: '30 minutes' };
export const day: LocalizedText = { ru: '24 часа', kk: '24 сағат', en: '24 hours' };
export const twoDays: LocalizedText = { ru: '2 дня', kk: '2 күн', en: '2 days' };
export const ninetyDays: LocalizedText = { ru: '90 дней', kk: '90 күн', en: '90 days' };
export const year: LocalizedText = { ru: '1 год', kk: '1 жыл', en: '1 year' };
export const thirteenMonths: LocalizedText = { ru: '13 месяцев', kk: '13 ай', en: '13 months' };
export const twoYears: LocalizedText = { ru: '2 года', kk: '2 жыл', en: '2 years' };
