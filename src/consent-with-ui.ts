import { startConsentCore } from './core/consent-core';
import { createInertConsent, hasDocument } from './core/inert';
import type { ConsentCore, ResolvedConfig } from './core/index';
import { differingKeys } from './differing-keys';
import { keepLive, liveConsent, releaseLive } from './live-consent';
import { startEmbedPlaceholders } from './ui/embed-placeholders';
import type { ConsentUi } from './ui/mount';
import { startUiOnDemand } from './ui/on-demand';
import { shownLang, textsFor } from './ui/texts';

/** The instance of `createConsent`: the core's API plus the UI's. */
export type Consent = ConsentCore & ConsentUi;

const nothing = () => {};

/**
 * Starts the consent instance with its UI on a resolved config: the core starts at once (vendor defaults must
 * precede any tag), the UI when something must show (`startUiOnDemand`). A second call (React StrictMode, a
 * second bundle, the script tag beside an app) gets the live instance: a page has one banner and one pixel.
 */
export function startConsent(config: ResolvedConfig): Consent {
  const live = liveConsent();
  if (live) {
    // A config of its own would be dropped without a word: the keys it changes are named.
    const ignored = differingKeys(live.config, { ...config, lang: config.lang ?? live.config.lang });
    if (ignored.length) console.warn(`allur-consent: createConsent called again with other ${ignored.join(', ')}: the live instance keeps its own config`);
    return live;
  }
  // On a server the core is inert, and so is the UI: a first visit's page, rendered without a banner.
  if (!hasDocument()) return { ...createInertConsent(config), showBanner: nothing, showPreferences: nothing, hide: nothing };
  // The one place the language is settled: receipts, texts and the UI all follow it.
  const lang = shownLang(config.lang);
  const texts = textsFor(lang, config.texts[lang]);
  const core = startConsentCore({ ...config, lang }, { texts });
  // The shipped texts say a choice lasts 6 months: the default of cookie.maxAgeDays, 180.
  if (core.config.cookie.maxAgeDays !== 180 && !core.config.texts[lang]?.preferencesIntro) {
    console.warn(`allur-consent: texts.${lang}.preferencesIntro says 6 months, cookie.maxAgeDays is ${core.config.cookie.maxAgeDays}: override it`);
  }
  const ui = startUiOnDemand(core, texts, lang);
  let destroyed = false;
  const placeholders = startEmbedPlaceholders(core, texts, lang, ui.showPreferences);
  const consent: Consent = {
    ...core,
    ...ui,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      releaseLive(consent);
      placeholders.destroy();
      ui.destroy();
      core.destroy();
    },
  };
  return keepLive(consent);
}
