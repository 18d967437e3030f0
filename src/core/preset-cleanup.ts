import type { CategoryConfig, OptionalCategory } from './types';

/**
 * What each preset deletes when its category is refused: first-party cookie names and storage keys of the trackers
 * used in Kazakhstan. The script-tag core takes these alone; the rows the presets add to the dialog's cookie table
 * are the UI's (src/core/preset-rows.ts).
 */
export const PRESET_CLEANUP = {
  yandexMetrica: {
    cookies: [/^_ym/],
    // The tag restores `_ym_uid` from localStorage, and keeps per-counter keys (`_ym<counter>_lsid`) there too.
    storage: [/^_ym/],
  },
  googleAnalytics: { cookies: [/^_ga/, '_gid'] },
  googleAds: { cookies: [/^_gcl/] },
  meta: { cookies: ['_fbp', '_fbc'] },
  vkTopMailRu: { cookies: [/^tmr_/, /^_vk/] },
  tikTok: { cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/] },
} satisfies Record<string, CategoryConfig>;

export type PresetName = keyof typeof PRESET_CLEANUP;

/** The presets each optional category takes by default (docs/categories.md). */
export const CATEGORY_PRESETS: Record<OptionalCategory, PresetName[]> = {
  functional: [],
  statistics: ['yandexMetrica', 'googleAnalytics'],
  marketing: ['meta', 'vkTopMailRu', 'tikTok', 'googleAds'],
};
