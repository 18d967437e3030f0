import Cookies from 'js-cookie';
import { LIBRARY_VERSION } from '../../src/core/version';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentCore } from '../../src/core';
import { CONSENT_COOKIE } from '../../src/core/consent-cookie';
import { textsDigest } from '../../src/core/consent-log';
import { createGate } from '../../src/core/gate';
import { createPixel } from '../../src/core/pixel';
import { createVendorSignals } from '../../src/core/vendors';
import type { ConsentConfig, ConsentCore, ConsentState } from '../../src/core/types';
import { afterPaint } from '../helpers/after-paint';
import { countCookieAccess } from '../helpers/cookies';

// The real collaborators, with every method of what they return watched.
const watched = <T extends object>(object: T): T => {
  for (const [key, value] of Object.entries(object)) if (typeof value === 'function') Object.assign(object, { [key]: vi.fn(value) });
  return object;
};
vi.mock('../../src/core/gate', async (real) => {
  const { createGate } = await real<typeof import('../../src/core/gate')>();
  return { createGate: vi.fn((...args: Parameters<typeof createGate>) => watched(createGate(...args))) };
});
vi.mock('../../src/core/pixel', async (real) => {
  const pixel = await real<typeof import('../../src/core/pixel')>();
  return { ...pixel, createPixel: vi.fn((...args: Parameters<typeof pixel.createPixel>) => watched(pixel.createPixel(...args))) };
});
vi.mock('../../src/core/vendors', async (real) => {
  const { createVendorSignals } = await real<typeof import('../../src/core/vendors')>();
  return { createVendorSignals: vi.fn((...args: Parameters<typeof createVendorSignals>) => watched(createVendorSignals(...args))) };
});

const DAY = 864e5;
const UNDECIDED: ConsentState = {
  decided: false,
  categories: { necessary: true, functional: false, statistics: false, marketing: false },
  policyVersion: 'v1',
  decidedAt: null,
  id: null,
};
const cores: ConsentCore[] = [];
const core = (config: Partial<ConsentConfig> = {}) => {
  const instance = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: { endpoint: '/stat/consent' }, ...config });
  cores.push(instance);
  return instance;
};
let fetchMock: ReturnType<typeof vi.fn>;
const receipts = () =>
  fetchMock.mock.calls.filter(([url]) => url === '/stat/consent').map(([, init]) => JSON.parse(init.body));
const storedRecord = () => JSON.parse(Cookies.get(CONSENT_COOKIE)!);
const store = (record: object) =>
  Cookies.set(CONSENT_COOKIE, JSON.stringify({ v: 1, id: 'stored-id-1', t: Date.now() - DAY, pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 }, ...record }));
const cookieNames = () => Object.keys(Cookies.get()).sort();
const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
const lastResult = <T>(factory: unknown) => vi.mocked(factory as () => T).mock.results.at(-1)!.value as T;

beforeEach(() => {
  fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  for (const instance of cores.splice(0)) instance.destroy();
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name);
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = '';
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('before a decision', () => {
  it('is undecided, grants only necessary and writes nothing to cookies or storage', () => {
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    const storageSet = vi.spyOn(Storage.prototype, 'setItem');
    const instance = core({ pixel: { endpoint: '/stat/pixel' } });
    instance.pixel.track('click');
    expect(instance.getState()).toEqual(UNDECIDED);
    expect(['necessary', 'functional', 'statistics', 'marketing'].map((name) => instance.has(name as never))).toEqual([true, false, false, false]);
    expect(instance.getStatus()).toEqual({ cookiesDisabled: false, policyUpdated: false, gpc: false });
    expect(cookieSet).not.toHaveBeenCalled();
    expect(storageSet).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws a TypeError naming a bad config field', () => {
    expect(() => createConsentCore({ policyVersion: '' })).toThrow('allur-consent: config.policyVersion');
  });

  it('creates vendor signals first, then the pixel and the gate, and tells them the initial state', () => {
    core({ pixel: { endpoint: '/stat/pixel' } });
    const [vendorsCall] = vi.mocked(createVendorSignals).mock.invocationCallOrder;
    expect(vendorsCall).toBeLessThan(vi.mocked(createPixel).mock.invocationCallOrder[0]);
    expect(vendorsCall).toBeLessThan(vi.mocked(createGate).mock.invocationCallOrder[0]);
    const initial = expect.objectContaining({ decided: false });
    expect(lastResult<{ update: () => void }>(createVendorSignals).update).toHaveBeenCalledWith(initial);
    expect(lastResult<{ update: () => void }>(createPixel).update).toHaveBeenCalledWith(initial);
    expect(lastResult<{ update: () => void }>(createGate).update).toHaveBeenCalledTimes(1);
  });

  it('gives a pixel that does nothing when the pixel is off', () => {
    const instance = core({ pixel: false });
    expect(createPixel).not.toHaveBeenCalled();
    expect(() => instance.pixel.track()).not.toThrow();
  });

  it('exposes only track on the pixel: update and destroy stay inside the core', () => {
    const instance = core({ pixel: { endpoint: '/stat/pixel' } });
    expect(Object.keys(instance.pixel)).toEqual(['track']);
    instance.pixel.track('click');
    expect(lastResult<{ track: () => void }>(createPixel).track).toHaveBeenCalledWith('click');
  });
});

describe('a config without endpoints', () => {
  const PIXEL_NOTE = /^allur-consent: no pixel\.endpoint \(data-pixel-endpoint\): the statistics pixel sends nothing$/;
  const LOG_NOTE = /^allur-consent: no consentLog\.endpoint \(data-consent-log-endpoint\): decisions are not recorded$/;
  const start = (config: Partial<ConsentConfig>) => {
    const instance = createConsentCore({ policyVersion: 'v1', ...config });
    cores.push(instance);
    return instance;
  };
  const consoleSpies = () => ({
    info: vi.spyOn(console, 'info').mockImplementation(() => {}),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
    error: vi.spyOn(console, 'error').mockImplementation(() => {}),
  });

  it.each([
    ['groups left out', {}],
    ['groups without one', { pixel: { transport: 'image' }, consentLog: {} }],
  ] as const)('without endpoints (%s): accepting sends no hit and no receipt, and the console says once what is not sent', async (_, config) => {
    const console = consoleSpies();
    const beacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    const image = vi.fn();
    vi.stubGlobal('Image', image);
    const instance = start(config);
    instance.pixel.track('click');
    instance.acceptAll();
    instance.set({ marketing: false });
    instance.reset();
    await tick(0);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(beacon).not.toHaveBeenCalled();
    expect(image).not.toHaveBeenCalled();
    expect(createPixel).not.toHaveBeenCalled();
    expect(console.info.mock.calls).toEqual([[expect.stringMatching(PIXEL_NOTE)], [expect.stringMatching(LOG_NOTE)]]);
    expect(console.warn).not.toHaveBeenCalled();
    expect(console.error).not.toHaveBeenCalled();
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  });

  it('sets no visitor cookie and watches no ad without a pixel endpoint', () => {
    consoleSpies();
    const observer = vi.fn(function () {
      return { observe() {}, disconnect() {} };
    });
    vi.stubGlobal('IntersectionObserver', observer);
    document.body.innerHTML = '<img data-pixel-ad="hero" src="/ad.png">';
    start({ consentLog: false }).acceptAll();
    expect(cookieNames()).toEqual([CONSENT_COOKIE]);
    expect(observer).not.toHaveBeenCalled();
  });

  it('says only what is missing, and nothing for a group turned off with false', () => {
    const { info } = consoleSpies();
    start({ pixel: { endpoint: '/stat/pixel' } }).destroy();
    expect(info.mock.calls).toEqual([[expect.stringMatching(LOG_NOTE)]]);
    info.mockClear();
    start({ consentLog: { endpoint: '/stat/consent' } }).destroy();
    expect(info.mock.calls).toEqual([[expect.stringMatching(PIXEL_NOTE)]]);
    info.mockClear();
    start({ pixel: false, consentLog: false });
    expect(info).not.toHaveBeenCalled();
  });

  it('still refuses an endpoint that is not http(s) or relative, naming the field', () => {
    expect(() => start({ pixel: { endpoint: 'javascript:void 0' } })).toThrow('config.pixel.endpoint must be http(s) or relative');
    expect(() => start({ consentLog: { endpoint: 'data:,x' } })).toThrow('config.consentLog.endpoint must be http(s) or relative');
  });
});

describe('decisions', () => {
  it('accepts all: writes the documented cookie, tells listeners, the document and the consent log', async () => {
    const instance = core();
    const listener = vi.fn();
    const documentListener = vi.fn();
    instance.on('change', listener);
    document.addEventListener('allur-consent:change', documentListener);
    instance.acceptAll();

    const state = instance.getState();
    expect(state).toMatchObject({ decided: true, categories: { necessary: true, functional: true, statistics: true, marketing: true } });
    expect(state.id).toMatch(/^[\w-]{8,64}$/);
    expect(Date.now() - Date.parse(state.decidedAt!)).toBeLessThan(1000);
    expect(storedRecord()).toEqual({ v: 1, id: state.id, t: Date.parse(state.decidedAt!), pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 } });
    await afterPaint();
    document.removeEventListener('allur-consent:change', documentListener);
    expect(listener).toHaveBeenCalledWith(state, expect.objectContaining({ decided: false }));
    expect(documentListener.mock.calls[0][0].detail).toEqual(state);
    await tick(0);
    expect(receipts()).toEqual([
      { id: state.id, time: state.decidedAt, policyVersion: 'v1', categories: state.categories, action: 'accept-all', language: 'ru', page: 'http://localhost:3000/', gpc: false, libraryVersion: LIBRARY_VERSION },
    ]);
  });

  it('writes no Secure attribute on http', () => {
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    core().acceptAll();
    expect(cookieSet.mock.calls[0][0]).not.toMatch(/secure/i);
  });

  it('sends the configured language and a scrubbed page address', async () => {
    history.replaceState(null, '', '/cars?email=a%40b.kz#top');
    core({ lang: 'kk' }).rejectAll();
    await afterPaint();
    history.replaceState(null, '', '/');
    expect(receipts()[0]).toMatchObject({ language: 'kk', action: 'reject-all' });
    expect(receipts()[0].page).not.toMatch(/a%40b|a@b|#top/);
  });

  it('sends the language of the texts a headless UI shows, beside their digest', async () => {
    const texts = { title: 'Біз cookie файлдарын қолданамыз' };
    const instance = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: { endpoint: '/stat/consent' } }, { texts, lang: 'kk' });
    cores.push(instance);
    instance.acceptAll();
    await afterPaint();
    expect(receipts()[0]).toMatchObject({ language: 'kk', textsHash: textsDigest(texts) });
  });

  it('refuses a language it does not ship with a TypeError naming the option', () => {
    expect(() => createConsentCore({ policyVersion: 'v1' }, { texts: {}, lang: 'de' as never })).toThrow(
      new TypeError('allur-consent: options.lang must be one of ru, kk, en'),
    );
  });

  it('warns when texts come without their language and the config names none', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cores.push(createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false, lang: 'en' }, { texts: {} }));
    expect(warn).not.toHaveBeenCalled();
    cores.push(createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false }, { texts: {} }));
    expect(warn).toHaveBeenCalledExactlyOnceWith('allur-consent: createConsentCore got texts without their lang: receipts say ru');
  });

  it('scrubs the page address of the pixel’s personalParams too', async () => {
    history.replaceState(null, '', '/cars?token=s3cr3t&model=suv');
    core({ pixel: { endpoint: '/stat/pixel', personalParams: ['token'] } }).rejectAll();
    await afterPaint();
    history.replaceState(null, '', '/');
    expect(receipts()[0].page).toBe('http://localhost:3000/cars?model=suv');
  });

  it('sends no receipt when the consent log is off', async () => {
    core({ consentLog: false }).acceptAll();
    await afterPaint();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects all, by "close" too, and deletes what the refused categories left', async () => {
    Cookies.set('_ga', '1');
    Cookies.set('_fbp', '1');
    Cookies.set('session', '1');
    localStorage.setItem('_ym_uid', '1');
    const instance = core();
    expect(cookieNames()).toEqual(['_fbp', '_ga', 'session']);
    instance.rejectAll('close');
    expect(instance.getState().categories).toEqual({ necessary: true, functional: false, statistics: false, marketing: false });
    await afterPaint();
    expect(cookieNames()).toEqual([CONSENT_COOKIE, 'session']);
    expect(localStorage.getItem('_ym_uid')).toBeNull();
    expect(storedRecord().c).toEqual({ functional: 0, statistics: 0, marketing: 0 });
    instance.rejectAll();
    await afterPaint();
    expect(receipts().map((receipt) => receipt.action)).toEqual(['close', 'reject-all']);
  });

  it('keeps the consent id across changes of mind', () => {
    const instance = core();
    instance.acceptAll();
    const { id } = instance.getState();
    instance.set({ marketing: false });
    expect(instance.getState().id).toBe(id);
  });

  it('sets some categories, keeping the others, with action "save" by default', async () => {
    Cookies.set('_fbp', '1');
    Cookies.set('_ga', '1');
    const instance = core();
    instance.set({ statistics: true, necessary: true });
    expect(instance.getState().categories).toEqual({ necessary: true, functional: false, statistics: true, marketing: false });
    await afterPaint();
    expect(cookieNames()).toEqual(['_ga', CONSENT_COOKIE]);
    instance.set({ functional: true }, 'accept-all');
    expect(instance.getState().categories).toEqual({ necessary: true, functional: true, statistics: true, marketing: false });
    await afterPaint();
    expect(receipts().map((receipt) => receipt.action)).toEqual(['save', 'accept-all']);
  });

  it.each([
    [{ necessary: false }, 'allur-consent: necessary must be true'],
    [{ ads: true }, 'allur-consent: unknown category "ads"'],
    [{ toString: true }, 'allur-consent: unknown category "toString"'],
    [{ statistics: 'yes' }, 'allur-consent: statistics must be true or false'],
  ])('refuses set(%j) with a TypeError and changes nothing', (choices, message) => {
    const instance = core();
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    expect(() => instance.set(choices as never)).toThrow(new TypeError(message));
    expect(instance.getState().decided).toBe(false);
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it('hands out a frozen state that a page cannot change', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const instance = core();
    const state = instance.getState();
    expect(() => (state.categories.statistics = true)).toThrow(TypeError);
    expect(() => (state.decided = true)).toThrow(TypeError);
    instance.on('change', (next: ConsentState) => (next.categories.marketing = true));
    instance.set({ statistics: false });
    await afterPaint();
    expect(instance.getState().categories.marketing).toBe(false);
    expect(instance.has('statistics')).toBe(false);
    expect(consoleError).toHaveBeenCalledExactlyOnceWith('allur-consent: a listener threw', expect.any(TypeError));
  });

  it('lets the gate activate markup of granted categories only', async () => {
    document.body.innerHTML =
      '<img data-consent="statistics" data-src="/s.gif" alt=""><img data-consent="marketing" data-src="/m.gif" alt="">';
    const instance = core();
    instance.set({ statistics: true });
    await afterPaint();
    const [statistics, marketing] = document.querySelectorAll('img');
    expect(statistics.getAttribute('src')).toBe('/s.gif');
    expect(marketing.getAttribute('src')).toBeNull();
  });
});

describe('a decision paints first', () => {
  // What the vendors, the pixel and the gate were told, each call in order.
  const told = () => [createVendorSignals, createPixel, createGate].map((factory) => lastResult<{ update: ReturnType<typeof vi.fn> }>(factory).update);
  const beacon = vi.fn((_url: string, _body: URLSearchParams) => true);
  const beaconed = () => beacon.mock.calls.map(([, body]) => body.get('event'));
  beforeEach(() => {
    beacon.mockClear();
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
  });
  afterEach(() => {
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    delete (window as { dataLayer?: unknown }).dataLayer;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('takes effect at once in the state and the cookie, and tells everything else after the next paint, in order', async () => {
    Object.assign(window, { dataLayer: [] });
    document.body.innerHTML = '<img data-consent="statistics" data-src="/s.gif" alt="">';
    const instance = core({ pixel: { endpoint: '/stat/pixel' } });
    const listener = vi.fn();
    const documentListener = vi.fn();
    instance.on('change', listener);
    document.addEventListener('allur-consent:change', documentListener);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    for (const update of told()) update.mockClear();

    instance.acceptAll();
    expect(instance.getState().decided).toBe(true);
    expect(instance.has('statistics')).toBe(true);
    expect(storedRecord().id).toBe(instance.getState().id);
    const waiting = [...told(), listener, documentListener, posted, fetchMock, beacon];
    for (const work of waiting) expect(work).not.toHaveBeenCalled();
    expect(document.querySelector('img')!.getAttribute('src')).toBeNull();

    await afterPaint();
    document.removeEventListener('allur-consent:change', documentListener);
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/s.gif');
    expect(receipts()).toMatchObject([{ action: 'accept-all' }]);
    expect(beaconed()).toEqual(['pageview']);
    // The other tabs, the vendors, the pixel, the gate, the listeners, the page, then the receipt.
    const order = [posted, ...told(), listener, documentListener, fetchMock].map((work) => work.mock.invocationCallOrder[0]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('stops the pixel at once on a refusal or a withdrawal: a hit tracked right after it never leaves', async () => {
    store({});
    const instance = core({ pixel: { endpoint: '/stat/pixel', autoPageview: false } });
    instance.pixel.track('before');
    instance.rejectAll();
    instance.pixel.track('after refusal');
    instance.acceptAll();
    await afterPaint();
    instance.reset();
    instance.pixel.track('after withdrawal');
    await afterPaint();
    expect(beaconed()).toEqual(['before']);
  });

  it('sends the hits tracked right after a first grant after the queued pageview', async () => {
    const instance = core({ pixel: { endpoint: '/stat/pixel' } });
    instance.acceptAll();
    instance.pixel.track('right after');
    expect(beacon).not.toHaveBeenCalled();
    await afterPaint();
    expect(beaconed()).toEqual(['pageview', 'right after']);
  });

  it('activates nothing before a grant is told, and then in document order; refuses at once', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="statistics">"first"</script>';
    const activated: string[] = [];
    const scripts = new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        if (node instanceof HTMLScriptElement && !node.type) activated.push(node.text);
      }
    });
    scripts.observe(document.body, { childList: true });
    const instance = core();
    instance.set({ statistics: true });
    document.body.insertAdjacentHTML('beforeend', '<script type="text/plain" data-consent="statistics">"second"</script>');
    await Promise.resolve();
    expect(activated).toEqual([]);
    await afterPaint();
    expect(activated).toEqual(['"first"', '"second"']);

    instance.set({ statistics: false });
    document.body.insertAdjacentHTML('beforeend', '<script type="text/plain" data-consent="statistics">"refused"</script>');
    await afterPaint();
    scripts.disconnect();
    expect(activated).toEqual(['"first"', '"second"']);
  });

  it('runs the work of a decision before the next one, so that decisions never reorder', () => {
    const instance = core();
    const listener = vi.fn();
    instance.on('change', listener);
    instance.acceptAll();
    const accepted = instance.getState();
    instance.rejectAll();
    expect(listener.mock.calls).toEqual([[accepted, expect.objectContaining({ decided: false })]]);
    expect(receipts().map((receipt) => receipt.action)).toEqual(['accept-all']);
  });

  it.each([
    ['the page is left', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'the page is hidden',
      () => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
    ['the instance is destroyed', () => cores.at(-1)!.destroy()],
  ])('runs the work at once when %s', (_, leave) => {
    const instance = core();
    const listener = vi.fn();
    instance.on('change', listener);
    instance.acceptAll();
    leave();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(receipts().map((receipt) => receipt.action)).toEqual(['accept-all']);
  });

  it('runs the work of a hidden page in a task, without waiting for a frame it will not paint', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    core().acceptAll();
    expect(receipts()).toEqual([]);
    await tick(0);
    expect(receipts()).toHaveLength(1);
    expect(frame).not.toHaveBeenCalled();
  });

  it('runs the work when no frame comes', async () => {
    vi.stubGlobal('requestAnimationFrame', vi.fn(() => 1));
    core().acceptAll();
    await tick(100);
    expect(receipts()).toEqual([]);
    await tick(200);
    expect(receipts()).toHaveLength(1);
  });
});

describe('round trips to the cookie store', () => {
  // Each access to document.cookie is a synchronous round trip to the browser's cookie store.
  it('writes the decision alone in the call; after the paint reads the jar once for its read-back, and once for the visitor id', async () => {
    // No receipt: its answer reads the cookie again, as it arrives.
    const instance = core({ pixel: { endpoint: '/stat/pixel' }, consentLog: false });
    const jar = countCookieAccess();
    instance.acceptAll();
    expect(jar).toEqual({ reads: 0, writes: [expect.stringMatching(/^allur_consent=/)] });
    await afterPaint();
    expect(jar.reads).toBe(2);
    expect(jar.writes.map((cookie) => cookie.split('=')[0])).toEqual([CONSENT_COOKIE, 'allur_vid']);
    expect(instance.getStatus().cookiesDisabled).toBe(false);
  });

  it('finds and deletes the decision at once on a withdrawal', async () => {
    const instance = core({ consentLog: false });
    instance.acceptAll();
    await afterPaint();
    const jar = countCookieAccess();
    instance.reset();
    expect(jar).toEqual({ reads: 1, writes: [expect.stringMatching(/^allur_consent=;.*max-age=0/)] });
    expect(Cookies.get(CONSENT_COOKIE)).toBeUndefined();
  });
});

describe('stored decisions', () => {
  it('restores a valid decision without writing', () => {
    store({ c: { functional: 0, statistics: 1, marketing: 0 } });
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    const instance = core();
    expect(instance.getState()).toMatchObject({ decided: true, id: 'stored-id-1', categories: { statistics: true, functional: false } });
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it.each([
    ['tampered', 'not json'],
    ['oversized', JSON.stringify({ v: 1, id: 'stored-id-1', t: Date.now(), pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 }, pad: 'x'.repeat(1100) })],
    ['expired', JSON.stringify({ v: 1, id: 'stored-id-1', t: Date.now() - 200 * DAY, pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 } })],
  ])('treats a %s cookie as no decision', (_, value) => {
    Cookies.set(CONSENT_COOKIE, value);
    const instance = core();
    expect(instance.getState().decided).toBe(false);
    expect(instance.has('statistics')).toBe(false);
    expect(instance.getStatus().policyUpdated).toBe(false);
  });

  it('asks again after a policy update, and stops saying so after the new decision', () => {
    store({ pv: 'v0' });
    const instance = core();
    expect(instance.getState().decided).toBe(false);
    expect(instance.has('marketing')).toBe(false);
    expect(instance.getStatus().policyUpdated).toBe(true);
    instance.rejectAll();
    expect(instance.getStatus().policyUpdated).toBe(false);
    expect(storedRecord().pv).toBe('v1');
  });

  it('cleans refused categories when the page loads with a stored refusal', () => {
    Cookies.set('_ga', '1');
    store({ c: { functional: 1, statistics: 0, marketing: 1 } });
    core();
    expect(Cookies.get('_ga')).toBeUndefined();
  });
});

describe('reset (withdrawal)', () => {
  it('deletes the cookie, refuses everything, cleans up and sends a withdraw receipt with the old id', async () => {
    const instance = core();
    instance.acceptAll();
    const { id } = instance.getState();
    await afterPaint();
    Cookies.set('_ga', '1');
    Cookies.set('_ttp', '1');
    sessionStorage.setItem('_ym_uid', '1');
    const listener = vi.fn();
    instance.on('change', listener);
    instance.reset();
    expect(instance.getState()).toEqual(UNDECIDED);
    expect(Cookies.get(CONSENT_COOKIE)).toBeUndefined();
    await afterPaint();
    expect(cookieNames()).toEqual([]);
    expect(sessionStorage.getItem('_ym_uid')).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(receipts().at(-1)).toMatchObject({ id, action: 'withdraw', categories: { statistics: false, marketing: false } });
    instance.acceptAll();
    expect(instance.getState().id).not.toBe(id);
  });

  it('cleans tracker cookies even when no decision is current', async () => {
    store({ pv: 'old' });
    Cookies.set('_ga', '1');
    core().reset();
    await afterPaint();
    expect(cookieNames()).toEqual([]);
    expect(receipts()).toEqual([]);
  });
});

describe('late answers to receipts', () => {
  // Each receipt's answer waits until `answer(index)`, which first sets the cookie as the answer's Set-Cookie
  // would: the decision of that receipt (an older server also expired the cookie on a withdrawal).
  const answers: Array<(setCookie?: boolean) => Promise<void>> = [];
  beforeEach(() => {
    answers.length = 0;
    fetchMock.mockImplementation((_url: string, init: RequestInit) => {
      const receipt = JSON.parse(init.body as string);
      return new Promise((resolve) => {
        answers.push(async (setCookie = true) => {
          if (setCookie && receipt.action === 'withdraw') Cookies.remove(CONSENT_COOKIE);
          else if (setCookie) {
            const c = { functional: +receipt.categories.functional, statistics: +receipt.categories.statistics, marketing: +receipt.categories.marketing };
            Cookies.set(CONSENT_COOKIE, JSON.stringify({ v: 1, id: receipt.id, t: Date.parse(receipt.time), pv: receipt.policyVersion, c }));
          }
          resolve(new Response(null, { status: 204 }));
          await tick(0);
        });
      });
    });
  });
  const answer = (index: number, setCookie?: boolean) => answers[index](setCookie);

  it('do not bring back a decision withdrawn since', async () => {
    const instance = core();
    instance.acceptAll();
    instance.reset();
    await afterPaint();
    await answer(1);
    await answer(0);
    expect(Cookies.get(CONSENT_COOKIE)).toBeUndefined();
    expect(instance.getState().decided).toBe(false);
    expect(core().getState().decided).toBe(false);
  });

  it('do not bring back an earlier decision over a later one', async () => {
    const instance = core();
    instance.acceptAll();
    await tick(2);
    instance.rejectAll();
    const refusal = storedRecord();
    await afterPaint();
    await answer(1);
    await answer(0);
    expect(storedRecord()).toEqual(refusal);
    expect(core().has('statistics')).toBe(false);
  });

  it('do not remove a decision made after a withdrawal, even where the server expires the cookie', async () => {
    const instance = core();
    instance.acceptAll();
    instance.reset();
    await tick(2);
    instance.set({ statistics: true });
    const later = storedRecord();
    await afterPaint();
    await answer(0);
    await answer(2);
    await answer(1);
    expect(storedRecord()).toEqual(later);
    expect(core().has('statistics')).toBe(true);
  });

  it('leave a later decision of another tab in place, and follow it', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const instance = core();
    instance.acceptAll();
    await tick(2);
    const other = core();
    other.rejectAll();
    const later = storedRecord();
    await afterPaint();
    await answer(0, false);
    expect(storedRecord()).toEqual(later);
    expect(instance.has('statistics')).toBe(false);
  });

  it('change nothing once the instance is destroyed', async () => {
    const instance = core();
    instance.acceptAll();
    instance.reset();
    instance.destroy();
    await answer(0);
    expect(storedRecord().id).toBe(receipts()[0].id);
  });
});

describe('Global Privacy Control', () => {
  beforeEach(() => Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true }));

  it('keeps marketing off on accept all, in the state, the cookie and the receipt', async () => {
    const instance = core();
    expect(instance.getStatus().gpc).toBe(true);
    instance.acceptAll();
    expect(instance.getState().categories).toEqual({ necessary: true, functional: true, statistics: true, marketing: false });
    expect(storedRecord().c.marketing).toBe(0);
    instance.set({ marketing: true });
    expect(instance.has('marketing')).toBe(false);
    await tick(0);
    expect(receipts()[0]).toMatchObject({ gpc: true, categories: { marketing: false } });
  });

  it('reads a stored marketing grant as refused', () => {
    store({});
    expect(core().has('marketing')).toBe(false);
  });
});

describe('cookies switched off', () => {
  it('says so at once and keeps the decision in memory for the page', () => {
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    const instance = core();
    expect(instance.getStatus().cookiesDisabled).toBe(true);
    instance.acceptAll();
    expect(instance.getState()).toMatchObject({ decided: true, categories: { statistics: true } });
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it('says so at once when reading localStorage throws, though cookieEnabled is true, and writes nothing', () => {
    const storage = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    try {
      const instance = core();
      expect(instance.getStatus().cookiesDisabled).toBe(true);
      instance.acceptAll();
      expect(instance.getState()).toMatchObject({ decided: true, categories: { statistics: true } });
      expect(cookieSet).not.toHaveBeenCalled();
    } finally {
      // afterEach clears the storage.
      storage.mockRestore();
    }
  });

  it('leaves storage unprobed when the stored decision reads back: that cookie proves cookies work', () => {
    store({});
    const storage = vi.spyOn(window, 'localStorage', 'get');
    try {
      const instance = core();
      expect(instance.getStatus().cookiesDisabled).toBe(false);
      expect(storage).not.toHaveBeenCalled();
    } finally {
      storage.mockRestore();
    }
  });

  it('notices a cookie that does not read back and fires a change the UI can warn on', async () => {
    const instance = core();
    vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
    let statusSeen;
    instance.on('change', () => (statusSeen = instance.getStatus()));
    instance.rejectAll();
    await afterPaint();
    expect(statusSeen).toMatchObject({ cookiesDisabled: true });
    expect(instance.getState().decided).toBe(true);
  });

  it('keeps the in-memory decision when the tab gets focus again', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    const instance = core();
    instance.acceptAll();
    window.dispatchEvent(new Event('focus'));
    expect(instance.getState().decided).toBe(true);
  });
});

describe('listeners and errors', () => {
  it('survives a throwing listener, tells the next one and reports once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const instance = core();
    const second = vi.fn();
    instance.on('change', () => {
      throw new Error('page bug');
    });
    instance.on('change', second);
    instance.acceptAll();
    instance.rejectAll();
    await afterPaint();
    expect(second).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(instance.getState().categories.statistics).toBe(false);
  });

  it('unsubscribes', async () => {
    const instance = core();
    const listener = vi.fn();
    const off = instance.on('change', listener);
    off();
    instance.acceptAll();
    await afterPaint();
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses an unknown event', () => {
    expect(() => core().on('chnage' as 'change', () => {})).toThrow(new TypeError('allur-consent: unknown event "chnage"'));
  });

  it('hands a failed receipt to error listeners, else to the console once', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const instance = core();
    instance.acceptAll();
    instance.rejectAll();
    await afterPaint();
    await tick(0);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0][0]).toMatch(/^allur-consent: consent receipt not recorded/);
    const onError = vi.fn();
    instance.on('error', onError);
    instance.acceptAll();
    await afterPaint();
    await tick(0);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ source: 'consent-log' }));
    expect(consoleError).toHaveBeenCalledTimes(1);
  });
});

describe('other tabs', () => {
  it('carries a decision and a withdrawal to another tab within a second, without a second write or receipt', async () => {
    const tab = core();
    const other = core();
    const otherChanges = vi.fn();
    other.on('change', otherChanges);
    const cookieSet = vi.spyOn(document, 'cookie', 'set');
    tab.set({ statistics: true });
    await afterPaint();
    await tick();
    expect(other.getState()).toEqual(tab.getState());
    expect(otherChanges).toHaveBeenCalledTimes(1);
    expect(cookieSet).toHaveBeenCalledTimes(1);
    expect(receipts()).toHaveLength(1);
    tab.reset();
    await afterPaint();
    await tick();
    expect(other.getState().decided).toBe(false);
    expect(otherChanges).toHaveBeenCalledTimes(2);
  });

  it('re-reads the cookie on focus when BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = core();
    const other = core();
    tab.acceptAll();
    expect(other.getState().decided).toBe(false);
    window.dispatchEvent(new Event('focus'));
    expect(other.getState()).toEqual(tab.getState());
  });

  it('fires no change when another tab decided the same', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const tab = core();
    tab.acceptAll();
    await afterPaint();
    const listener = vi.fn();
    tab.on('change', listener);
    window.dispatchEvent(new Event('focus'));
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('instances and destroy', () => {
  it('survives a double init (StrictMode): the destroyed one goes quiet, the new one works', async () => {
    const first = core();
    const firstListener = vi.fn();
    first.on('change', firstListener);
    first.destroy();
    const second = core();
    second.acceptAll();
    await tick();
    expect(firstListener).not.toHaveBeenCalled();
    expect(first.getState().decided).toBe(false);
    expect(second.getState().decided).toBe(true);
  });

  it('does not throw when a destroyed instance is still used', () => {
    const instance = core();
    instance.destroy();
    expect(() => instance.acceptAll()).not.toThrow();
    expect(() => instance.reset()).not.toThrow();
  });

  it('writes no cookie and sends no receipt from a destroyed instance', async () => {
    const instance = core();
    instance.destroy();
    instance.acceptAll();
    instance.reset();
    await tick();
    expect(Cookies.get(CONSENT_COOKIE)).toBeUndefined();
    expect(receipts()).toEqual([]);
  });

  it('destroys the gate, the pixel and the vendor signals', () => {
    core({ pixel: { endpoint: '/stat/pixel' } }).destroy();
    for (const factory of [createGate, createPixel, createVendorSignals]) {
      expect(lastResult<{ destroy: () => void }>(factory).destroy).toHaveBeenCalledTimes(1);
    }
  });

  it('leaves no focus listener behind', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const instance = core();
    instance.destroy();
    Cookies.set(CONSENT_COOKIE, JSON.stringify({ v: 1, id: 'stored-id-1', t: Date.now(), pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 } }));
    window.dispatchEvent(new Event('focus'));
    expect(instance.getState().decided).toBe(false);
  });
});

describe('a returning visit while the page loads', () => {
  afterEach(() => {
    delete (document as { readyState?: string }).readyState;
    delete (window as { dataLayer?: unknown }).dataLayer;
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    vi.useRealTimers();
  });

  it('tells the vendors and the gate within the call, and sends the pageview once, after the load event', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const beacon = vi.fn((_url: string, _body: URLSearchParams) => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    const dataLayer: IArguments[] = [];
    Object.assign(window, { dataLayer });
    document.body.innerHTML = '<img data-consent="statistics" data-src="/counter.gif">';
    store({});
    core({ pixel: { endpoint: '/stat/pixel' } });
    expect(dataLayer.map((args) => [...args].slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['consent', 'update'],
    ]);
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/counter.gif');
    expect(beacon).not.toHaveBeenCalled();
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
    vi.runAllTimers();
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(beacon.mock.calls[0][1])).toMatchObject({ event: 'pageview', cid: 'stored-id-1' });
    document.body.innerHTML = '';
  });

  const REFUSED = { c: { functional: 0, statistics: 0, marketing: 0 } };
  const loaded = () => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
    vi.runAllTimers();
  };

  // Each read of document.cookie is a synchronous round trip to the browser's cookie store, paid in the page's task.
  it.each([
    ['accepted', {}, ['_ga', 'allur_consent', 'allur_vid']],
    ['refused', REFUSED, ['allur_consent']],
  ])('reads document.cookie once within the call for a visitor who %s; leftovers and allur_vid wait for the load event', (_, record, after) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    Object.defineProperty(navigator, 'sendBeacon', { value: () => true, configurable: true });
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    Cookies.set('_ga', '1');
    store(record);
    const reads = vi.spyOn(Document.prototype, 'cookie', 'get');
    core({ pixel: { endpoint: '/stat/pixel' } });
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    loaded();
    expect(cookieNames()).toEqual(after);
  });

  it('keeps what a decision made before the load event granted', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    Object.defineProperty(navigator, 'sendBeacon', { value: () => true, configurable: true });
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    Cookies.set('_ga', '1');
    store(REFUSED);
    core({ pixel: { endpoint: '/stat/pixel' } }).acceptAll();
    loaded();
    expect(cookieNames()).toEqual(['_ga', 'allur_consent', 'allur_vid']);
  });
});
