import type { CategoryConfig } from './types';

/** First-party cookie names (and storage keys) of the trackers used in Kazakhstan, for `categories.*`. */
export const presets = {
  yandexMetrica: { cookies: [/^_ym/], storage: ['_ym_uid', '_ym_synced'] },
  googleAnalytics: { cookies: [/^_ga/, '_gid'] },
  googleAds: { cookies: [/^_gcl/] },
  meta: { cookies: ['_fbp', '_fbc'] },
  vkTopMailRu: { cookies: [/^tmr_/, /^_vk/] },
  tikTok: { cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/] },
} satisfies Record<string, CategoryConfig>;
