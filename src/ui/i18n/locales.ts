import type { Lang, Texts } from '../../core/index';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/**
 * The languages this UI ships: all three in the npm entry's chunk; each UI file of the script tag
 * (dist/allur-consent-ui.<lang>.js) is built with this module swapped for one holding its language only
 * (rollup.config.mjs). Each builds its texts when asked: the strings of a language not shown never reach the heap.
 */
export const locales: Partial<Record<Lang, () => Texts>> = { ru, kk, en };
