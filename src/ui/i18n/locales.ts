import type { Lang, Texts } from '../../core/index';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/**
 * The languages this bundle ships, the default first. A per-language script-tag bundle is built with this module
 * swapped for one holding that language only (rollup.config.mjs). Each builds its texts when asked: the strings
 * of a language not shown never reach the heap.
 */
export const locales: Partial<Record<Lang, () => Texts>> = { ru, kk, en };
