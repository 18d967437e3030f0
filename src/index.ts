import { createConsentCore, resolveConfig } from './core/index';
import type { ConsentConfig, ConsentCore } from './core/types';
import { type ConsentUi, mountUi } from './ui/mount';
import { detectLang, textsFor } from './ui/texts';

export * from './core/index';
export type { ConsentUi } from './ui/mount';

/** The instance of `createConsent`: the core's API plus the UI's. */
export type Consent = ConsentCore & ConsentUi;

// The instance not yet destroyed: a page has one banner and one pixel, however often it asks.
let live: Consent | undefined;

/**
 * Creates the consent instance with its UI: the core starts at once (vendor defaults must precede any tag), the
 * banner once `<body>` exists, in a task of its own while the page loads. Throws a TypeError naming the field on bad config.
 */
export function createConsent(config: ConsentConfig): Consent {
  // A second call (React StrictMode, a second bundle) still has its config checked, then gets the live instance.
  if (live) return resolveConfig(config), live;
  const core = createConsentCore(config.lang ? config : { ...config, lang: detectLang() });
  const lang = core.config.lang!;
  let ui: ConsentUi | undefined;
  let destroyed = false;
  const mount = () => {
    if (!destroyed && document.body) ui ||= mountUi(core, textsFor(lang, core.config.texts[lang]), lang);
  };
  // While the page is still starting up, the UI mounts in a task of its own after the page's: a deferred script
  // runs inside the parser's last task, and rendering there would make the page's longest task longer still.
  const mountSoon = () =>
    setTimeout(() => {
      try {
        mount();
      } catch (error) {
        // Nobody is left to catch it: a page whose DOM APIs fail gets a console error, not an uncaught one.
        console.error(error);
      }
    });
  if (!document.body) document.addEventListener('DOMContentLoaded', mountSoon, { once: true });
  else if (document.readyState == 'complete') mount();
  else mountSoon();
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
      document.removeEventListener('DOMContentLoaded', mountSoon);
      ui?.destroy();
      core.destroy();
    },
  });
}
