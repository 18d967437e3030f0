import type { LocalizedText } from './types';

/**
 * The purposes and lifetimes of the presets' cookie-table rows (src/core/preset-rows.ts), in every shipped language.
 * Each UI file of the script tag is built with this module swapped for one holding its language's strings only
 * (rollup.config.mjs), so this module imports nothing but types and exports nothing else.
 */
export const visitorId: LocalizedText = { ru: 'Отличает одного посетителя от другого', kk: 'Келушілерді бір-бірінен ажыратады', en: 'Tells one visitor from another' };
export const firstVisit: LocalizedText = { ru: 'Время первого визита', kk: 'Алғашқы кіру уақыты', en: 'Time of the first visit' };
export const adClick: LocalizedText = { ru: 'Запоминает переход по рекламе', kk: 'Жарнама арқылы өтуді есте сақтайды', en: 'Remembers the ad you came from' };
export const adResults: LocalizedText = { ru: 'Измеряет эффективность рекламы', kk: 'Жарнама тиімділігін өлшейді', en: 'Measures how ads perform' };
export const adBlockerCheck: LocalizedText = { ru: 'Проверяет, есть ли блокировщик рекламы', kk: 'Жарнама бұғаттағышының бар-жоғын тексереді', en: 'Checks for an ad blocker' };
export const sessionReplay: LocalizedText = { ru: 'Запись сеанса (Вебвизор)', kk: 'Сеанс жазбасы (Вебвизор)', en: 'Session replay (Webvisor)' };
export const sessionState: LocalizedText = { ru: 'Хранит состояние сеанса', kk: 'Сеанс күйін сақтайды', en: 'Keeps the session state' };
export const pixelSession: LocalizedText = { ru: 'Идентификатор сеанса пикселя', kk: 'Пиксель сеансының идентификаторы', en: 'The pixel’s session id' };
export const cookiesOnCheck: LocalizedText = { ru: 'Проверяет, включены ли cookie', kk: 'Cookie қосулы ма, соны тексереді', en: 'Checks that cookies are on' };
export const cookiesSetCheck: LocalizedText = { ru: 'Проверяет, установились ли остальные cookie', kk: 'Басқа cookie орнатылды ма, соны тексереді', en: 'Checks that the other cookies were set' };
export const requestLimit: LocalizedText = { ru: 'Ограничивает число запросов', kk: 'Сұраулар санын шектейді', en: 'Limits the number of requests' };
export const browserCheck: LocalizedText = { ru: 'Результат проверки браузера счётчиком', kk: 'Есептегіштің браузерді тексеру нәтижесі', en: 'The result of the counter’s browser check' };
export const requestCount: LocalizedText = { ru: 'Считает запросы счётчика', kk: 'Есептегіш сұрауларын санайды', en: 'Counts the counter’s requests' };
export const thirtyMinutes: LocalizedText = { ru: '30 минут', kk: '30 минут', en: '30 minutes' };
export const sixtyMinutes: LocalizedText = { ru: '60 минут', kk: '60 минут', en: '60 minutes' };
export const day: LocalizedText = { ru: '1 день', kk: '1 күн', en: '1 day' };
export const twoDays: LocalizedText = { ru: '2 дня', kk: '2 күн', en: '2 days' };
export const ninetyDays: LocalizedText = { ru: '90 дней', kk: '90 күн', en: '90 days' };
export const threeMonths: LocalizedText = { ru: '3 месяца', kk: '3 ай', en: '3 months' };
export const year: LocalizedText = { ru: '1 год', kk: '1 жыл', en: '1 year' };
export const renewedEachVisit: LocalizedText = { ru: '333 дня, продлевается при каждом визите', kk: '333 күн, әр кірген сайын ұзартылады', en: '333 days, renewed on each visit' };
export const thirteenMonths: LocalizedText = { ru: '13 месяцев', kk: '13 ай', en: '13 months' };
export const thirteenMonthsAfterLastEvent: LocalizedText = { ru: '13 месяцев после последнего события', kk: 'Соңғы оқиғадан кейін 13 ай', en: '13 months after the last event' };
export const twoYears: LocalizedText = { ru: '2 года', kk: '2 жыл', en: '2 years' };
