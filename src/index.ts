import { createConsentCore } from './core/index';
import type { ConsentConfig, ConsentCore } from './core/types';
import { type ConsentUi, mountUi } from './ui/mount';
import { detectLang, textsFor } from './ui/texts';

export * from './core/index';
export type { ConsentUi } from './ui/mount';

/** The instance of `createConsent`: the core's API plus the UI's. */
export type Consent = ConsentCore & ConsentUi;

/**
 * Creates the consent instance with its UI: the core starts at once (vendor defaults must precede any tag),
 * the banner mounts as soon as `<body>` exists. Throws a TypeError naming the field on bad config.
 */
export function createConsent(config: ConsentConfig): Consent {
  const core = createConsentCore({ ...config, lang: config.lang ?? detectLang() });
  const lang = core.config.lang!;
  let ui: ConsentUi | undefined;
  let destroyed = false;
  const mount = () => {
    if (!destroyed && document.body) ui ||= mountUi(core, textsFor(lang, core.config.texts[lang]), lang);
  };
  mount();
  if (!ui) document.addEventListener('DOMContentLoaded', mount, { once: true });
  const withUi = (method: keyof ConsentUi) => () => {
    mount();
    ui?.[method]();
  };
  return {
    ...core,
    showBanner: withUi('showBanner'),
    showPreferences: withUi('showPreferences'),
    hide: withUi('hide'),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      document.removeEventListener('DOMContentLoaded', mount);
      ui?.destroy();
      core.destroy();
    },
  };
}
