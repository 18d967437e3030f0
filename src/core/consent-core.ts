import { afterLoad } from './after-load';
import { OPTIONAL_CATEGORIES } from './config';
import { CONSENT_COOKIE, readConsentCookie, writeConsentCookie, type ConsentRecord } from './consent-cookie';
import { createConsentLog } from './consent-log';
import { checkChoices, createConsentStates } from './consent-state';
import { createCookieAvailability } from './cookie-availability';
import { cleanCookiesAndStorage } from './cookie-cleanup';
import { createGate } from './gate';
import { createListeners } from './listeners';
import { noteMissingEndpoints } from './missing-endpoints';
import { createPixel, type PixelOptions } from './pixel';
import { createTabSync } from './tab-sync';
import { createVendorSignals } from './vendors';
import type { Category, ConsentAction, ConsentCore, ConsentState, CoreOptions, ResolvedConfig } from './types';

/**
 * Starts the headless consent instance (docs/instance.md) on a config already resolved where it came in: it reads
 * the stored decision, tells the tag vendors, the pixel and the gated markup, and records each new decision in the
 * cookie, the other tabs and the consent log.
 */
export function startConsentCore(config: ResolvedConfig, options: CoreOptions = {}): ConsentCore {
  const { cookie, policyVersion } = config;
  noteMissingEndpoints(config);
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  // Vendors first: Google's consent default must precede any tag.
  const vendors = createVendorSignals(config.vendors, gpc);
  const listeners = createListeners();
  const cookies = createCookieAvailability();
  const states = createConsentStates(policyVersion, gpc);
  const sendReceipt = createConsentLog(config, gpc, listeners.failed, options.texts);

  let policyUpdated = false;
  // A decision for another policy version counts as none, and the banner says the policy changed.
  const stateOfDecision = (record?: ConsentRecord) => {
    policyUpdated = !!record && record.pv !== policyVersion;
    return states.stateOf(policyUpdated ? undefined : record);
  };
  const storedState = () => {
    const record = cookies.knownOff() ? undefined : readConsentCookie(cookie.maxAgeDays);
    if (record) cookies.learned(true);
    return stateOfDecision(record);
  };

  let state = storedState();
  // Without an endpoint the pixel is off, as with `pixel: false`: no hits, no visitor cookie, no ad views watched.
  // The cast only records the endpoint checked here.
  const pixel = config.pixel && config.pixel.endpoint
    ? createPixel({ config: config.pixel as PixelOptions['config'], getState: () => state, cookieDomain: cookie.domain, onError: listeners.failed })
    : { track() {}, update() {}, destroy() {} };
  const gate = createGate((category) => state.categories[category as Category] === true, listeners.failed, listeners.held);

  /** Removes what the categories refused now left behind (cookies, storage keys). */
  const cleanRefused = () => {
    for (const name of OPTIONAL_CATEGORIES) {
      if (!state.categories[name]) cleanCookiesAndStorage(config.categories[name], cookie.domain);
    }
  };
  const propagate = (clean: boolean) => {
    // A refusal or a withdrawal removes what the refused categories left behind.
    if (clean) cleanRefused();
    vendors.update(state);
    pixel.update(state);
    gate.update();
  };
  const change = (next: ConsentState, clean = next.decided || state.decided) => {
    const previous = state;
    state = next;
    propagate(clean);
    listeners.changed(state, previous);
    document.dispatchEvent(new CustomEvent('allur-consent:change', { detail: state }));
  };

  const tabSync = createTabSync<ConsentRecord>((decision) => {
    // Another tab's decision or withdrawal applies as sent; without one, only the stored cookie can tell.
    const reread = () => (cookies.off() ? state : storedState());
    const next = decision === undefined ? reread() : stateOfDecision(decision ?? undefined);
    if (JSON.stringify(next) !== JSON.stringify(state)) change(next);
  });
  const forgetStoredDecision = () => cleanCookiesAndStorage({ cookies: [CONSENT_COOKIE] }, cookie.domain);

  let destroyed = false;
  const decide = (choices: Partial<Record<Category, boolean>>, action: ConsentAction) => {
    // A destroyed instance is inert: a stale reference must not write cookies or send receipts.
    if (destroyed) return;
    const record = states.recordOf(state, choices);
    policyUpdated = false;
    // Cookies switched off, or a cookie that does not read back: the decision lives for this page only.
    if (!cookies.off()) {
      // One copy only: a copy left on another domain (an old config, a server's Set-Cookie) would be read first.
      forgetStoredDecision();
      cookies.learned(writeConsentCookie(record, cookie));
    }
    if (!cookies.knownOff()) tabSync.notify(record);
    change(states.stateOf(record));
    sendReceipt(action, state, record.id, record.t);
  };

  // A stored refusal's leftovers are removed after the load event: each cookie read is a round trip to the browser's
  // cookie store, which the page's start should not wait for; it cleans what is refused by then.
  propagate(false);
  const stopStartCleanup = state.decided ? afterLoad(cleanRefused) : () => {};

  return {
    config,
    // The page may only track: update and destroy stay the core's.
    pixel: { track: pixel.track },
    getState: () => state,
    getStatus: () => ({
      // Probed when read: the probe's first use of storage is slow, and a render that shows no notice skips it.
      get cookiesDisabled() {
        return cookies.off();
      },
      policyUpdated,
      gpc,
    }),
    has: (category) => state.categories[category] === true,
    held: () => [...gate.held()],
    activate: gate.activate,
    acceptAll: () => decide({ functional: true, statistics: true, marketing: true }, 'accept-all'),
    rejectAll: (action = 'reject-all') => decide({ functional: false, statistics: false, marketing: false }, action),
    set(choices, action = 'save') {
      checkChoices(choices);
      decide(choices, action);
    },
    reset() {
      if (destroyed) return;
      const { id } = state;
      forgetStoredDecision();
      // The other tabs stop first: nothing they send may follow the withdrawal.
      tabSync.notify(null);
      policyUpdated = false;
      change(states.stateOf(), true);
      if (id) sendReceipt('withdraw', state, id, Date.now());
    },
    on: listeners.on,
    destroy() {
      destroyed = true;
      stopStartCleanup();
      listeners.clear();
      tabSync.destroy();
      gate.destroy();
      pixel.destroy();
      vendors.destroy();
    },
  };
}
