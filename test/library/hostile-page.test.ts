// @vitest-environment-options {"url":"https://www.allur.kz/cars?utm_source=vk"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/index';
import { afterPaint } from '../helpers/after-paint';
import { click, consentOf, consoleErrors, pixelHits, receipts, shadowOf, uncaught } from './page';

const consentCookie = () => {
  const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith('allur_consent='));
  return pair && JSON.parse(decodeURIComponent(pair.slice('allur_consent='.length)));
};

/** Replaces `object[key]` with `descriptor` for one test. */
const patches: Array<() => void> = [];
function patch(object: object, key: string, descriptor: PropertyDescriptor) {
  const own = Object.getOwnPropertyDescriptor(object, key);
  Object.defineProperty(object, key, { configurable: true, ...descriptor });
  patches.push(() => (own ? Object.defineProperty(object, key, own) : delete (object as Record<string, unknown>)[key]));
}
afterEach(() => patches.splice(0).reverse().forEach((restore) => restore()));

const expectNothingThrown = () => {
  expect(uncaught).toEqual([]);
};

describe('a page with Prototype.js-style JSON', () => {
  it('still writes the documented cookie and receipt when arrays, dates, strings and numbers have toJSON', async () => {
    const quoted = function (this: unknown) {
      return `"${String(this)}"`;
    };
    for (const type of [Array, Date, String, Number, Boolean]) patch(type.prototype, 'toJSON', { value: quoted, writable: true });
    await consentOf();
    click('accept-all');
    await afterPaint();
    const cookie = consentCookie();
    expect(cookie).toEqual({ v: 1, id: expect.stringMatching(/^[\w-]{8,64}$/), t: expect.any(Number), pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 } });
    expect(receipts()[0].body).toMatchObject({
      policyVersion: 'v1',
      categories: { necessary: true, functional: true, statistics: true, marketing: true },
      action: 'accept-all',
      gpc: false,
    });
    expect(receipts()[0].body.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps the decision when JSON.stringify was replaced by a home-made one that formats differently', async () => {
    const native = JSON.stringify;
    patch(JSON, 'stringify', { value: (value: unknown) => native(value, null, 1), writable: true });
    const first = await consentOf();
    first.rejectAll();
    first.destroy();
    // The next page reads the cookie written under the replaced JSON.
    const next = await consentOf();
    expect(next.getState()).toMatchObject({ decided: true, categories: { statistics: false } });
    expect(shadowOf()).toBeNull();
  });
});

describe('gated markup with attribute names the DOM refuses', () => {
  it('still accepts, runs the script without that attribute, and goes on to the next', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="statistics" a"b="1" data-tag="first">window.gatedRuns = ['first']</script>
      <script type="text/plain" data-consent="statistics">window.gatedRuns.push('second')</script>`;
    const consent = await consentOf();
    expect(() => click('accept-all')).not.toThrow();
    await afterPaint();
    expect(consent.getState().decided).toBe(true);
    expect(document.querySelector('script[data-tag="first"]')!.getAttribute('type')).toBeNull();
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(0);
    expect(uncaught).toEqual([]);
  });
});

describe('a page whose document.cookie is broken', () => {
  const brokenCookies: Record<string, PropertyDescriptor> = {
    'throws on read and write (sandboxed frame)': {
      get: () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
      set: () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    },
    'ignores writes': { get: () => '', set: () => {} },
    'is frozen (getter only)': { get: () => '' },
  };

  it.each(Object.keys(brokenCookies))('works for the page when document.cookie %s, and says the choice lives for this page', async (name) => {
    patch(document, 'cookie', brokenCookies[name]);
    const consent = await consentOf();
    expect(consent.getState().decided).toBe(false);
    click('accept-all');
    await afterPaint();
    expect(consent.getState()).toMatchObject({ decided: true, categories: { statistics: true } });
    expect(consent.getStatus().cookiesDisabled).toBe(true);
    expect(shadowOf()!.querySelector('[data-consent-notice="cookies-disabled"]')).not.toBeNull();
    // Hits still go out (the pixel's own transport is not a cookie).
    expect(pixelHits()).toHaveLength(1);
    consent.reset();
    expect(consent.getState().decided).toBe(false);
    expectNothingThrown();
  });
});

describe('a page whose storage throws (Safari private mode, blocked storage)', () => {
  it('refuses and withdraws without throwing when localStorage and sessionStorage throw on access', async () => {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    patch(window, 'localStorage', { get: denied });
    patch(window, 'sessionStorage', { get: denied });
    const consent = await consentOf({ categories: { statistics: { storage: ['_ym_visorc'] }, functional: { storage: ['login'] } } });
    click('reject-all');
    consent.acceptAll();
    consent.reset();
    expect(consent.getState().decided).toBe(false);
    expectNothingThrown();
  });

  it('still removes the keys from the storage that works when only setItem throws (quota 0)', async () => {
    localStorage.setItem('_ym_visorc', 'w');
    patch(Storage.prototype, 'setItem', {
      value: () => {
        throw new DOMException('QuotaExceededError', 'QuotaExceededError');
      },
    });
    await consentOf({ categories: { statistics: { storage: ['_ym_visorc'] } } });
    click('reject-all');
    await afterPaint();
    expect(localStorage.getItem('_ym_visorc')).toBeNull();
  });
});

describe('a browser without the newer APIs', () => {
  it('decides, sends and syncs without BroadcastChannel, sendBeacon, IntersectionObserver or crypto.randomUUID', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('IntersectionObserver', undefined);
    vi.stubGlobal('ResizeObserver', undefined);
    patch(navigator, 'sendBeacon', { value: undefined });
    patch(crypto, 'randomUUID', { value: undefined });
    document.body.innerHTML = '<div data-pixel-ad="banner-1">ad</div>';
    const consent = await consentOf();
    click('accept-all');
    await afterPaint();
    expect(consent.getState().id).toMatch(/^[\da-f]{32}$/);
    expect(consentCookie().id).toBe(consent.getState().id);
    expect(pixelHits()).toEqual([expect.objectContaining({ transport: 'fetch', body: expect.objectContaining({ event: 'pageview' }) })]);
    // Another tab's later decision arrives when the visitor comes back to this one.
    const later = { ...consentCookie(), t: consentCookie().t + 1, c: { functional: 0, statistics: 0, marketing: 0 } };
    document.cookie = `allur_consent=${encodeURIComponent(JSON.stringify(later))}; path=/`;
    dispatchEvent(new Event('focus'));
    expect(consent.getState().categories.statistics).toBe(false);
    expectNothingThrown();
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});

describe('createConsent called twice (React StrictMode, two bundles on one page)', () => {
  it('builds a fresh instance after the first was destroyed (StrictMode effect cleanup)', async () => {
    (await consentOf()).destroy();
    const again = await consentOf();
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    click('accept-all');
    await afterPaint();
    expect(again.getState().decided).toBe(true);
    expect(pixelHits()).toHaveLength(1);
  });

  it('still validates the config of the second call', async () => {
    await consentOf();
    expect(() => createConsent({ policyVersion: '' })).toThrow(TypeError);
  });
});
