import { createConsentCore, resolveConfig } from './core/index';
import { hasDocument } from './core/inert';
import { differingKeys } from './differing-keys';
import type { ConsentConfig, ConsentCore } from './core/types';
import { type ConsentUi, mountUi } from './ui/mount';
import { detectLang, textsFor } from './ui/texts';

export * from './core/index';
export type { ConsentUi } from './ui/mount';

/** The instance of `createConsent`: the core's API plus the UI's. */
export type Consent = ConsentCore & ConsentUi;

const nothing = () => {};

// The instance not yet destroyed: a page has one banner and one pixel, however often it asks.
let live: Consent | undefined;

/**
 * Creates the consent instance with its UI: the core starts at once (vendor defaults must precede any tag),
 * the banner mounts as soon as `<body>` exists. Throws a TypeError naming the field on bad config.
 */
export function createConsent(config: ConsentConfig): Consent {
  // A second call (React StrictMode, a second bundle) still has its config checked, then gets the live instance;
  // a config of its own would be dropped without a word, so the keys it changes are named.
  if (live) {
    const ignored = differingKeys(live.config, resolveConfig(config.lang ? config : { ...config, lang: live.config.lang }));
    if (ignored.length) console.warn(`allur-consent: createConsent called again with other ${ignored.join(', ')}: the live instance keeps its own config`);
    return live;
  }
  // On a server the core is inert, and so is the UI: a first visit's page, rendered without a banner.
  if (!hasDocument()) return { ...createConsentCore(config), showBanner: nothing, showPreferences: nothing, hide: nothing };
  const core = createConsentCore(config.lang ? config : { ...config, lang: detectLang() });
  const lang = core.config.lang!;
  // The shipped texts say a choice lasts 6 months: the default of cookie.maxAgeDays, 180.
  if (core.config.cookie.maxAgeDays != 180 && !core.config.texts[lang]?.preferencesIntro) {
    console.warn(`allur-consent: texts.${lang}.preferencesIntro says 6 months, cookie.maxAgeDays is ${core.config.cookie.maxAgeDays}: override it`);
  }
  let ui: ConsentUi | undefined;
  let destroyed = false;
  const mount = () => {
    if (!destroyed && document.body) ui ||= mountUi(core, textsFor(lang, core.config.texts[lang]), lang);
  };
  mount();
  if (!ui) document.addEventListener('DOMContentLoaded', mount, { once: true });
  const withUi = (method: keyof ConsentUi) => () => {
    mount();
    if (!destroyed) ui?.[method]();
  };
  return (live = {
    ...core,
    showBanner: withUi('showBanner'),
    showPreferences: withUi('showPreferences'),
    hide: withUi('hide'),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      live = undefined;
      document.removeEventListener('DOMContentLoaded', mount);
      ui?.destroy();
      core.destroy();
    },
  });
}
