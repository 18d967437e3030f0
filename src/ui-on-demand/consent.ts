import type { ConsentCore, Lang } from '../core/index';
import type { UiModule } from '../ui/index';

/** The UI methods `createConsent` adds to the core. */
export interface ConsentUi {
  showBanner(): void;
  showPreferences(): void;
  hide(): void;
  destroy(): void;
}

/** The instance of `createConsent`: the core's API plus the UI's. */
export type Consent = ConsentCore & ConsentUi;

/** Brings the UI module for `lang`: the script tag's UI file, or the npm entry's chunk. */
export type LoadUi = (lang: Lang) => Promise<UiModule>;
