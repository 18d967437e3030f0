// The script-tag entry: the only module with side effects. Reads the config from `data-*` attributes of its
// own <script> over `window.AllurConsentConfig`, builds one instance as `window.AllurConsent`, and never throws.
import { type Consent, type ConsentConfig, createConsent, resolveConfigLeniently } from './index';
import { detectLang } from './ui/texts';

declare global {
  interface Window {
    AllurConsent?: Consent | { create(config?: Partial<ConsentConfig>): Consent | undefined };
    AllurConsentConfig?: ConsentConfig;
  }
}

const report = (error: unknown) => console.error(error);
const script = document.currentScript as HTMLScriptElement | null;

/** The page's config with the script tag's `data-*` attributes on top (SPEC §3). */
function configFromPage(): Record<string, any> {
  const data = script?.dataset || {};
  const config: Record<string, any> = { nonce: script?.nonce || undefined, ...window.AllurConsentConfig };
  const pixel = config.pixel === false ? {} : { ...config.pixel };
  const put = (target: Record<string, any>, key: string, value: string | undefined) => {
    if (value !== undefined) target[key] = value;
  };
  put(config, 'policyVersion', data.policyVersion);
  put(config, 'policyUrl', data.policyUrl);
  put(config, 'lang', data.lang);
  put(pixel, 'endpoint', data.pixelEndpoint);
  put(pixel, 'transport', data.pixelTransport);
  if (data.pixelEndpoint || data.pixelTransport) config.pixel = pixel;
  if (data.consentLogEndpoint) config.consentLog = { endpoint: data.consentLogEndpoint };
  if (data.cookieDomain) config.cookie = { ...config.cookie, domain: data.cookieDomain };
  if (data.reopenButton !== undefined) config.reopenButton = data.reopenButton != 'false';
  return config;
}

/** Builds an instance from the page's config and `extra`; bad fields are reported once each and take defaults. */
function create(extra?: Partial<ConsentConfig>): Consent | undefined {
  try {
    const config = resolveConfigLeniently({ ...configFromPage(), ...extra }, report);
    // Settled here, so `createConsent` hands the already checked config to the core as it is.
    config.lang ??= detectLang();
    return createConsent(config);
  } catch (error) {
    report(error);
    return undefined;
  }
}

// An element with id="AllurConsent" shows up as window.AllurConsent too: only our own instance or factory counts.
const existing = window.AllurConsent as { getState?: unknown; create?: unknown } | undefined;
if (!existing?.getState && !existing?.create) {
  window.AllurConsent = script?.dataset.autoinit == 'false' ? { create } : create();
}
