import { afterLoad } from './after-load';
import { createAfterPaint } from './after-paint';
import { cleanCategories } from './category-cleanup';
import { OPTIONAL_CATEGORIES } from './config';
import {
  CONSENT_COOKIE,
  consentCookiesIn,
  consentRecordOf,
  readConsentCookie,
  setConsentCookie,
  writeConsentCookie,
  type ConsentRecord,
} from './consent-cookie';
import { createConsentLog, type CoreStart } from './consent-log';
import { checkChoices, createConsentStates } from './consent-state';
import { createCookieAvailability } from './cookie-availability';
import { cleanCookiesAndStorage } from './cookie-cleanup';
import { createGate } from './gate';
import { createListeners } from './listeners';
import { noteMissingEndpoints } from './missing-endpoints';
import { createPixel, type PixelOptions } from './pixel';
import { createTabSync } from './tab-sync';
import { createVendorSignals } from './vendors';
import type { Category, ConsentAction, ConsentCore, ConsentState, ResolvedConfig } from './types';

/**
 * Starts the headless consent instance (docs/instance.md) on a config already resolved where it came in: it reads
 * the stored decision, tells the tag vendors, the pixel and the gated markup, and records each new decision in the
 * cookie, the other tabs and the consent log. A decision takes effect at once in the state and the cookie; the rest,
 * which the visitor does not see, waits for the paint of the click that made it.
 */
export function startConsentCore(config: ResolvedConfig, options: CoreStart = {}): ConsentCore {
  const { cookie, policyVersion } = config;
  noteMissingEndpoints(config);
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  // Vendors first: Google's consent default must precede any tag.
  const vendors = createVendorSignals(config.vendors, gpc);
  const listeners = createListeners();
  const cookies = createCookieAvailability();
  const states = createConsentStates(policyVersion, gpc);

  let policyUpdated = false;
  // A decision for another policy version counts as none, and the banner says the policy changed.
  const stateOfDecision = (record?: ConsentRecord) => {
    policyUpdated = !!record && record.pv !== policyVersion;
    return states.stateOf(policyUpdated ? undefined : record);
  };
  const stored = cookies.knownOff() ? undefined : readConsentCookie(cookie.maxAgeDays);
  if (stored) cookies.learned(true);
  // The decision in force and when it was made. A withdrawal, which has no record, has its time too: decisions
  // reach a tab in any order (other tabs, the cookie), and only a later one than that in force applies.
  let inForce: { record?: ConsentRecord; t: number } = { record: stored, t: stored ? stored.t : 0 };
  let state = stateOfDecision(stored);
  // Without an endpoint the pixel is off, as with `pixel: false`: no hits, no visitor cookie, no ad views watched.
  // The cast only records the endpoint checked here.
  const pixel = config.pixel && config.pixel.endpoint
    ? createPixel({ config: config.pixel as PixelOptions['config'], getState: () => state, cookieDomain: cookie.domain, onError: listeners.failed })
    : { track() {}, update() {}, destroy() {} };
  // The state the vendors, the pixel and the gate were last told. The gate grants only what both it and the state
  // grant: a refusal holds back gated elements at once, and those added before a grant is told wait for it, so
  // scripts still run in document order.
  let told = state;
  const granted = (category: string) => state.categories[category as Category] === true && told.categories[category as Category] === true;
  const gate = createGate(granted, listeners.failed, listeners.held);

  /** Removes what the categories refused now left behind (cookies, storage keys), from `jar` if the jar was just read. */
  const cleanRefused = (jar?: string) =>
    cleanCategories(OPTIONAL_CATEGORIES.filter((name) => !state.categories[name]).map((name) => config.categories[name]), cookie.domain, jar);
  const propagate = (clean: boolean, jar?: string) => {
    // A refusal or a withdrawal removes what the refused categories left behind.
    if (clean) cleanRefused(jar);
    told = state;
    vendors.update(state);
    pixel.update(state);
    gate.update();
  };
  /** Tells the vendors, the pixel, the gate, the listeners and the page that the state changed from `previous`. */
  const announce = (previous: ConsentState, clean: boolean, jar?: string) => {
    propagate(clean, jar);
    listeners.changed(state, previous);
    document.dispatchEvent(new CustomEvent('allur-consent:change', { detail: state }));
  };
  // The work of a decision the visitor does not see waits for the paint of the click that made it (docs/instance.md).
  // Every change of the state runs the work still pending first: decisions never reorder, and while work is
  // pending, `state` and `inForce` are still its decision's.
  const afterPaint = createAfterPaint();

  /** Applies a decision made elsewhere (`record`, or a withdrawal without one) at `t`, unless a later one is in force. */
  const follow = (record: ConsentRecord | undefined, t: number) => {
    afterPaint.flush();
    if (t < inForce.t) return;
    inForce = { record, t };
    const next = stateOfDecision(record);
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    const previous = state;
    state = next;
    announce(previous, next.decided || previous.decided);
  };
  /** Stores `record` as the one stored decision, or none. */
  const store = (record?: ConsentRecord) => {
    // One copy only: a copy left on another domain (an old config, a server's Set-Cookie) would be read first.
    cleanCookiesAndStorage({ cookies: [CONSENT_COOKIE] }, cookie.domain);
    if (record) cookies.learned(writeConsentCookie(record, cookie));
  };

  let destroyed = false;
  /**
   * Compares the stored cookie with the decision in force; a later decision there (another tab's) is followed.
   * Otherwise, on a re-read, a cookie gone is a withdrawal made elsewhere, just now. After a receipt's answer
   * (`putBack`), a difference is what the answer re-set: answers arrive in any order, and one to an earlier receipt
   * must not bring back what the visitor changed since, so the decision in force is put back
   * (docs/cookies-and-receipts.md).
   */
  const compareStored = (putBack?: boolean) => {
    if (destroyed || cookies.off()) return;
    const { record, t } = inForce;
    const found = readConsentCookie(cookie.maxAgeDays);
    if (found?.id === record?.id && found?.t === record?.t) return;
    if (putBack && !(found && found.t > t)) store(record);
    else follow(found, found ? found.t : Date.now());
  };
  const tabSync = createTabSync((message) => {
    // A message of another shape (an older copy of the library in another tab) only says that something changed.
    const { decision, t } = Object(message);
    if (decision === undefined) return compareStored();
    // An older copy sends its withdrawal without the time: it was just made.
    if (decision === null) return follow(undefined, Number.isFinite(t) ? Math.min(t, Date.now()) : Date.now());
    // Validated as the cookie is: a record of another shape is ignored.
    const record = consentRecordOf(decision, cookie.maxAgeDays);
    if (record) follow(record, record.t);
  });
  const sendReceipt = createConsentLog(config, gpc, listeners.failed, options, () => compareStored(true));

  /**
   * Reads the jar and learns whether the browser kept the consent cookie written as `written`: no copy means cookies
   * are off, and the decision lives for this page only. A copy left on another domain (an old config, a server's
   * Set-Cookie) may be read first: the decision is then stored again as the one copy, unless the copy is a later
   * decision (another tab's, followed when its news comes). Returns the jar, so the clean-up need not read it again.
   */
  const verify = (written: string) => {
    let jar = '';
    try {
      jar = document.cookie;
    } catch {
      // A document that forbids cookies keeps none.
    }
    const copies = consentCookiesIn(jar);
    if (copies.length === 1 && copies[0] === written) cookies.learned(true);
    else if (!copies.length) cookies.learned(false);
    else {
      const found = readConsentCookie(cookie.maxAgeDays);
      if (!(found && found.t > inForce.t)) store(inForce.record);
    }
    return jar;
  };

  const decide = (choices: Partial<Record<Category, boolean>>, action: ConsentAction) => {
    // A destroyed instance is inert: a stale reference must not write cookies or send receipts.
    if (destroyed) return;
    afterPaint.flush();
    const record = states.recordOf(state, choices);
    policyUpdated = false;
    inForce = { record, t: record.t };
    // Written at once, and nothing else with it: a navigation right after the click carries the cookie, and nothing
    // the decision grants runs before it is written.
    const written = cookies.knownOff() ? undefined : setConsentCookie(record, cookie);
    const previous = state;
    state = states.stateOf(record);
    const decided = state;
    afterPaint.schedule(() => {
      const jar = written === undefined ? undefined : verify(written);
      if (!cookies.knownOff()) tabSync.notify({ decision: record });
      announce(previous, true, jar);
      sendReceipt(action, decided, record.id, record.t);
    });
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
      afterPaint.flush();
      const { id } = state;
      const t = Date.now();
      inForce = { t };
      // Deleted at once: a navigation right after the click must not carry it.
      store();
      policyUpdated = false;
      const previous = state;
      state = states.stateOf();
      const withdrawn = state;
      afterPaint.schedule(() => {
        // The other tabs stop first: nothing they send may follow the withdrawal.
        tabSync.notify({ decision: null, t });
        announce(previous, true);
        if (id) sendReceipt('withdraw', withdrawn, id, t);
      });
    },
    on: listeners.on,
    destroy() {
      // What the last decision started is finished first: its receipt, its clean-up, the vendors and the gate told.
      afterPaint.flush();
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
