// The UI: what each script-tag UI file (dist/allur-consent-ui.<lang>.js) and the npm entry's lazy chunk hold.
// The core side fetches it when something must show (src/ui-on-demand/) and reaches it only through `ui`.
import { type ConsentCore, type Lang, type Texts, textsDigest } from '../core/index';
import { startEmbedPlaceholders } from './embed-placeholders';
import { type MountedUi, mountUi } from './mount';
import { textsFor } from './texts';

export type { MountedUi } from './mount';

/** The UI as the core side loads it: one object, handed over once. */
export interface UiModule {
  /** Mounts the banner, the dialog and the notices of `core` in `lang`, with the site's texts for it. */
  mount(core: ConsentCore, lang: Lang): MountedUi;
  /** Shows a placeholder in the box of each iframe `core` holds back; its settings button calls `openPreferences`. */
  placeholders(core: ConsentCore, lang: Lang, openPreferences: () => void): { destroy(): void };
  /** The digest a receipt carries of the texts of `lang` with `overrides` on top (docs/cookies-and-receipts.md). */
  textsHash(lang: Lang, overrides?: Partial<Texts>): string;
}

const textsOf = (core: ConsentCore, lang: Lang) => textsFor(lang, core.config.texts[lang]);

export const ui: UiModule = {
  mount(core, lang) {
    const { maxAgeDays } = core.config.cookie;
    // The shipped texts say a choice lasts 6 months: the default of cookie.maxAgeDays, 180.
    if (maxAgeDays !== 180 && !core.config.texts[lang]?.preferencesIntro) {
      console.warn(`allur-consent: texts.${lang}.preferencesIntro says 6 months, cookie.maxAgeDays is ${maxAgeDays}: override it`);
    }
    return mountUi(core, textsOf(core, lang), lang);
  },
  placeholders: (core, lang, openPreferences) => startEmbedPlaceholders(core, textsOf(core, lang), lang, openPreferences),
  textsHash: (lang, overrides) => textsDigest(textsFor(lang, overrides)),
};
