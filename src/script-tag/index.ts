// The script-tag entry, dist/allur-consent.iife.js: the only module with side effects. Reads the config from
// `data-*` attributes of its own <script> over `window.AllurConsentConfig`, builds one instance as
// `window.AllurConsent`, fetches the UI file beside it when something must show, and never throws.
import type { Consent } from '../ui-on-demand/consent';
import { startConsent } from '../ui-on-demand/consent-with-ui';
import { ATTRIBUTE_FIELDS, resolveConfigLeniently } from '../core/config';
import { hasDocument } from '../core/inert';
import type { ConsentConfig } from '../core/types';
import { loadUiFile } from './ui-file';

declare global {
  interface Window {
    AllurConsent?: Consent | { create(config?: Partial<ConsentConfig>): Consent | undefined };
    AllurConsentConfig?: ConsentConfig;
  }
}

const report = (error: unknown) => console.error(error);
// Evaluated without a document (a server bundling every file, a test in Node) the script does nothing at all.
const script = hasDocument() ? (document.currentScript as HTMLScriptElement | null) : null;

/**
 * The page's config with the script tag's `data-*` attributes on top (`data-pixel-endpoint` sets `pixel.endpoint`,
 * docs/script-tag.md); an empty attribute for a nested field is ignored, and so is one under `pixel: false` or
 * `consentLog: false`: a field does not switch back on what the page switched off.
 */
function configFromPage(): Record<string, any> {
  const data = script?.dataset || {};
  const config: Record<string, any> = { nonce: script?.nonce || undefined, ...window.AllurConsentConfig };
  for (const field of ATTRIBUTE_FIELDS) {
    const [key, nested = ''] = field.split('.');
    // `pixel.endpoint` → `pixelEndpoint`, the `dataset` name of `data-pixel-endpoint`: string calls, where a
    // regular expression would be compiled on every page view.
    const value = data[key + nested.charAt(0).toUpperCase() + nested.slice(1)];
    if (nested) {
      if (value && config[key] !== false) config[key] = { ...config[key], [nested]: value };
    } else if (value !== undefined) config[key] = key === 'reopenButton' ? value !== 'false' : value;
  }
  return config;
}

/** The folder of the UI files: `uiBase` (relative to the page), else this script's own, else the page's. */
const uiFolder = (uiBase: string | undefined) => new URL(uiBase ? uiBase.replace(/\/?$/, '/') : script?.src || '', location.href).href;

/** Builds an instance from the page's config and `extra`; bad fields are reported once each and take defaults. */
function create(extra?: Partial<ConsentConfig>): Consent | undefined {
  try {
    const config = resolveConfigLeniently({ ...configFromPage(), ...extra }, report);
    return startConsent(config, (lang) => loadUiFile(uiFolder(config.uiBase), lang, config.nonce));
  } catch (error) {
    report(error);
    return undefined;
  }
}

// An element with id="AllurConsent" shows up as window.AllurConsent too: only our own instance or factory counts.
const existing = hasDocument() ? (window.AllurConsent as { getState?: unknown; create?: unknown } | undefined) : undefined;
if (hasDocument() && !existing?.getState && !existing?.create) {
  window.AllurConsent = script?.dataset.autoinit === 'false' ? { create } : create();
}
