import { startConsentCore } from '../core/consent-core';
import type { ResolvedConfig } from '../core/index';
import type { Consent, LoadUi } from './consent';
import { differingKeys } from './differing-keys';
import { keepLive, liveConsent, releaseLive } from './live-consent';
import { loadOnce } from './load-once';
import { startUiOnDemand } from './on-demand';
import { SHIPPED_TEXTS_HASHES } from './shipped-texts-hashes';
import { shownLang } from './shown-lang';

/**
 * Starts the consent instance on a resolved config in a browser: the core at once (vendor defaults must precede
 * any tag), the UI from `loadUi` when something must show (`startUiOnDemand`). A second call (React StrictMode, a
 * second bundle, the script tag beside an app) gets the live instance: a page has one banner and one pixel.
 */
export function startConsent(config: ResolvedConfig, loadUi: LoadUi): Consent {
  const live = liveConsent();
  if (live) {
    // A config of its own would be dropped without a word: the keys it changes are named.
    const ignored = differingKeys(live.config, { ...config, lang: config.lang ?? live.config.lang });
    if (ignored.length) console.warn(`allur-consent: createConsent called again with other ${ignored.join(', ')}: the live instance keeps its own config`);
    return live;
  }
  // The one place the language is settled: receipts and the UI both follow it.
  const lang = shownLang(config.lang);
  const fetchUi = loadOnce(() => loadUi(lang));
  const overrides = config.texts[lang];
  // A receipt carries the digest of the texts the UI shows, or would: the shipped texts' digest comes with the
  // build; texts with the site's overrides are digested by the UI module, fetched for it if need be.
  const textsHash =
    overrides && Object.keys(overrides).length
      ? () => fetchUi().then((ui) => ui?.textsHash(lang, overrides))
      : () => SHIPPED_TEXTS_HASHES[lang];
  const core = startConsentCore({ ...config, lang }, { textsHash });
  const ui = startUiOnDemand(core, lang, fetchUi);
  let destroyed = false;
  const consent: Consent = {
    ...core,
    ...ui,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      releaseLive(consent);
      ui.destroy();
      core.destroy();
    },
  };
  return keepLive(consent);
}
