import { OPTIONAL_CATEGORIES, resolveConfig } from './config';
import { CONSENT_COOKIE, newConsentId, readConsentCookie, writeConsentCookie, type ConsentRecord } from './consent-cookie';
import { sendConsentReceipt } from './consent-log';
import { cleanCookiesAndStorage } from './cookie-cleanup';
import { createGate } from './gate';
import { createInertConsent, hasDocument } from './inert';
import { createPixel } from './pixel';
import { scrubUrl } from './scrub-url';
import { createTabSync } from './tab-sync';
import { createVendorSignals } from './vendors';
import type {
  Category,
  CategoryChoices,
  ChangeListener,
  ConsentAction,
  ConsentConfig,
  ConsentCore,
  ConsentError,
  ConsentState,
  ErrorListener,
  OptionalCategory,
} from './types';

export type * from './types';
export { resolveConfig, resolveConfigLeniently } from './config';
export { presets } from './presets';

/** Whether reading `localStorage` throws (SecurityError): the browser blocks all site storage, cookies included. */
const storageBlocked = () => {
  try {
    return !localStorage;
  } catch {
    return true;
  }
};

/** Creates the headless consent instance (SPEC §5): decision, consent cookie, pixel, gated markup and tag vendors. */
export function createConsentCore(input: ConsentConfig): ConsentCore {
  const config = resolveConfig(input);
  if (!hasDocument()) return createInertConsent(config);
  const { cookie, policyVersion, consentLog } = config;
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const vendors = createVendorSignals(config.vendors, gpc);
  const listeners = { change: new Set<ChangeListener>(), error: new Set<ErrorListener>() };
  const reported = new Set<string>();
  const reportOnce = (key: string, ...details: unknown[]) => reported.has(key) || (reported.add(key), console.error(...details));
  const call = <A extends unknown[]>(set: Set<(...args: A) => void>, ...args: A) => {
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        reportOnce('listener', 'allur-consent: a listener threw', error);
      }
    }
  };
  const onError = (error: ConsentError) =>
    listeners.error.size ? call(listeners.error, error) : reportOnce(error.source, error.message, error.cause);

  // With all cookies blocked, Chromium keeps `cookieEnabled` true, drops cookie writes and throws on reading storage.
  // Storage is probed only when asked (its first use is slow): a consent cookie that reads back proves cookies work.
  let cookiesDisabled: boolean | undefined = navigator.cookieEnabled === false || undefined;
  const cookiesOff = () => (cookiesDisabled ??= storageBlocked());
  let policyUpdated = false;
  // GPC is an opt-out of advertising: marketing stays off whatever was chosen (SPEC §10).
  const granted = (name: OptionalCategory, value?: boolean) => !!value && !(gpc && name == 'marketing');
  const stateOf = (record?: ConsentRecord): ConsentState => {
    const categories = { necessary: true } as CategoryChoices;
    for (const name of OPTIONAL_CATEGORIES) categories[name] = granted(name, record?.c[name] === 1);
    const decidedAt = record ? new Date(record.t).toISOString() : null;
    // Frozen and kept until the next change: one object per state, a stable snapshot for framework stores.
    return Object.freeze({ decided: !!record, categories: Object.freeze(categories), policyVersion, decidedAt, id: record?.id ?? null });
  };
  const stateOfDecision = (record?: ConsentRecord) => {
    policyUpdated = !!record && record.pv != policyVersion;
    return stateOf(policyUpdated ? undefined : record);
  };
  const storedState = () => {
    const record = cookiesDisabled ? undefined : readConsentCookie(cookie.maxAgeDays);
    if (record) cookiesDisabled = false;
    return stateOfDecision(record);
  };

  let state = storedState();
  const pixel = config.pixel
    ? createPixel({ config: config.pixel, getState: () => state, cookieDomain: cookie.domain, onError })
    : { track() {}, update() {}, destroy() {} };
  const gate = createGate((category) => state.categories[category as Category] === true, onError);

  const propagate = (clean: boolean) => {
    // A refusal or a withdrawal removes what the refused categories left behind.
    for (const name of OPTIONAL_CATEGORIES) {
      if (clean && !state.categories[name]) cleanCookiesAndStorage(config.categories[name], cookie.domain);
    }
    vendors.update(state);
    pixel.update(state);
    gate.update();
  };
  const change = (next: ConsentState, clean = next.decided || state.decided) => {
    const previous = state;
    state = next;
    propagate(clean);
    call(listeners.change, state, previous);
    document.dispatchEvent(new CustomEvent('allur-consent:change', { detail: state }));
  };
  const sendReceipt = (action: ConsentAction, id: string, time: number) =>
    consentLog &&
    sendConsentReceipt(
      consentLog.endpoint,
      {
        id,
        time: new Date(time).toISOString(),
        policyVersion,
        categories: state.categories,
        action,
        language: config.lang ?? 'ru',
        page: scrubUrl(location.href, config.pixel ? config.pixel.personalParams : []),
        gpc,
      },
      onError,
    );
  const forgetStoredDecision = () => cleanCookiesAndStorage({ cookies: [CONSENT_COOKIE] }, cookie.domain);
  let destroyed = false;
  const decide = (choices: Partial<Record<Category, boolean>>, action: ConsentAction) => {
    // A destroyed instance is inert: a stale reference must not write cookies or send receipts.
    if (destroyed) return;
    const wanted = { ...state.categories, ...choices };
    const record = { v: 1, id: state.id ?? newConsentId(), t: Date.now(), pv: policyVersion, c: {} } as ConsentRecord;
    for (const name of OPTIONAL_CATEGORIES) record.c[name] = granted(name, wanted[name]) ? 1 : 0;
    policyUpdated = false;
    // One copy only: a copy left on another domain (an old config, a server's Set-Cookie) would be read first.
    if (!cookiesOff()) forgetStoredDecision();
    // Cookies switched off, or a cookie that does not read back: the decision lives for this page only.
    cookiesDisabled ||= !writeConsentCookie(record, cookie);
    if (!cookiesDisabled) tabSync.notify(record);
    change(stateOf(record));
    sendReceipt(action, record.id, record.t);
  };

  propagate(state.decided);
  const tabSync = createTabSync<ConsentRecord>((decision) => {
    // Another tab's decision or withdrawal applies as sent; without one, only the stored cookie can tell.
    const reread = () => (cookiesOff() ? state : storedState());
    const next = decision === undefined ? reread() : stateOfDecision(decision ?? undefined);
    if (JSON.stringify(next) != JSON.stringify(state)) change(next);
  });

  return {
    config,
    // The page may only track: update and destroy stay the core's.
    pixel: { track: pixel.track },
    getState: () => state,
    getStatus: () => ({ cookiesDisabled: cookiesOff(), policyUpdated, gpc }),
    has: (category) => state.categories[category] === true,
    acceptAll: () => decide({ functional: true, statistics: true, marketing: true }, 'accept-all'),
    rejectAll: (action = 'reject-all') => decide({ functional: false, statistics: false, marketing: false }, action),
    set(choices, action = 'save') {
      for (const [name, value] of Object.entries(choices)) {
        if (name != 'necessary' && !OPTIONAL_CATEGORIES.includes(name as OptionalCategory)) {
          throw new TypeError(`allur-consent: unknown category "${name}"`);
        }
        if (value !== true && (name == 'necessary' || value !== false)) {
          throw new TypeError(`allur-consent: ${name} must be ${name == 'necessary' ? 'true' : 'true or false'}`);
        }
      }
      decide(choices, action);
    },
    reset() {
      if (destroyed) return;
      const { id } = state;
      forgetStoredDecision();
      // The other tabs stop first: nothing they send may follow the withdrawal.
      tabSync.notify(null);
      policyUpdated = false;
      change(stateOf(), true);
      if (id) sendReceipt('withdraw', id, Date.now());
    },
    on(event: 'change' | 'error', listener: ChangeListener & ErrorListener) {
      if (event != 'change' && event != 'error') throw new TypeError(`allur-consent: unknown event "${event}"`);
      const set: Set<unknown> = listeners[event];
      set.add(listener);
      return () => set.delete(listener);
    },
    destroy() {
      destroyed = true;
      listeners.change.clear();
      listeners.error.clear();
      tabSync.destroy();
      gate.destroy();
      pixel.destroy();
      vendors.destroy();
    },
  };
}
