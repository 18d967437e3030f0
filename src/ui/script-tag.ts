// The entry of a script-tag UI file, dist/allur-consent-ui.<lang>.js: it hands the UI to the script tag that
// injected it (src/script-tag/ui-file.ts) through the one callback on its <script> element, and does nothing else.
import { type UiModule, ui } from './index';

/** The <script> element that loads a UI file: its one callback takes the UI. */
export interface UiFileScript extends HTMLScriptElement {
  registerAllurConsentUi?(ui: UiModule): void;
}

// Evaluated without a document (a server bundling every file) it does nothing.
if (typeof document === 'object') (document.currentScript as UiFileScript | null)?.registerAllurConsentUi?.(ui);
