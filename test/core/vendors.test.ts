import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVendorSignals } from '../../src/core/vendors';
import { decided, undecided } from './consent-states';

type Page = { gtag?: unknown; dataLayer?: unknown[]; fbq?: unknown; _fbq?: unknown };
const page = window as unknown as Page;

const all = decided({ functional: true, statistics: true, marketing: true });
const none = decided({});

const allDenied = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
};
const defaults = { ...allDenied, security_storage: 'granted', wait_for_update: 500 };
const allGranted = Object.fromEntries(Object.keys(allDenied).map((type) => [type, 'granted']));

afterEach(() => {
  delete page.gtag;
  delete page.dataLayer;
  delete page.fbq;
  delete page._fbq;
  document.head.replaceChildren();
});

describe('Google Consent Mode v2', () => {
  it('sends `default` at creation, then no update before a decision', () => {
    const gtag = (page.gtag = vi.fn());
    const signals = createVendorSignals({ google: 'auto', meta: 'auto' }, false);
    signals.update(undecided);
    expect(gtag.mock.calls).toEqual([['consent', 'default', defaults]]);
  });

  it('sends one update per decision, after the default', () => {
    const gtag = (page.gtag = vi.fn());
    const signals = createVendorSignals({ google: 'auto', meta: 'auto' }, false);
    signals.update(undecided);
    signals.update(all);
    signals.update(all);
    signals.update(decided({ statistics: true }));
    expect(gtag.mock.calls).toEqual([
      ['consent', 'default', defaults],
      ['consent', 'update', allGranted],
      ['consent', 'update', { ...allDenied, analytics_storage: 'granted' }],
    ]);
  });

  it('maps each category to its consent types', () => {
    const gtag = (page.gtag = vi.fn());
    const signals = createVendorSignals({ google: true, meta: false }, false);
    signals.update(decided({ functional: true }));
    signals.update(decided({ marketing: true }));
    expect(gtag.mock.calls.slice(1)).toEqual([
      ['consent', 'update', { ...allDenied, functionality_storage: 'granted', personalization_storage: 'granted' }],
      ['consent', 'update', { ...allDenied, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
    ]);
  });

  it('sends the stored decision on page load and an all-denied update on withdrawal', () => {
    const gtag = (page.gtag = vi.fn());
    const signals = createVendorSignals({ google: 'auto', meta: 'auto' }, false);
    signals.update(all);
    signals.update(undecided);
    expect(gtag.mock.calls.map((call) => call[2])).toEqual([defaults, allGranted, allDenied]);
  });

  it('keeps the ad types denied under Global Privacy Control', () => {
    const gtag = (page.gtag = vi.fn());
    createVendorSignals({ google: 'auto', meta: 'auto' }, true).update(all);
    expect(gtag.mock.calls[1][2]).toEqual({
      ...allGranted,
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
  });

  it('pushes arguments objects, as gtag does, to an existing dataLayer', () => {
    page.dataLayer = [];
    createVendorSignals({ google: 'auto', meta: 'auto' }, false).update(none);
    expect(page.dataLayer).toHaveLength(2);
    const [first, second] = page.dataLayer as IArguments[];
    expect(Object.prototype.toString.call(first)).toBe('[object Arguments]');
    expect(Array.from(first)).toEqual(['consent', 'default', defaults]);
    expect(Array.from(second)).toEqual(['consent', 'update', allDenied]);
  });

  it('creates the dataLayer when google is true, and stays silent on auto without a tag', () => {
    createVendorSignals({ google: 'auto', meta: 'auto' }, false).update(all);
    expect(page.dataLayer).toBeUndefined();
    createVendorSignals({ google: true, meta: 'auto' }, false);
    expect(page.dataLayer).toHaveLength(1);
  });

  it('does nothing when google is false', () => {
    const gtag = (page.gtag = vi.fn());
    createVendorSignals({ google: false, meta: 'auto' }, false).update(all);
    expect(gtag).not.toHaveBeenCalled();
  });

  it('sends the default first when gtag appears after creation', () => {
    const signals = createVendorSignals({ google: 'auto', meta: false }, false);
    const gtag = (page.gtag = vi.fn());
    signals.update(all);
    expect(gtag.mock.calls.map((call) => call[1])).toEqual(['default', 'update']);
  });
});

it('never throws when a vendor function or the dataLayer is broken', () => {
  page.dataLayer = {} as unknown[];
  page.fbq = () => {
    throw new Error('fbevents.js failed');
  };
  expect(() => createVendorSignals({ google: 'auto', meta: 'auto' }, false).update(all)).not.toThrow();
  page.gtag = () => {
    throw new Error('gtag failed');
  };
  expect(() => createVendorSignals({ google: 'auto', meta: 'auto' }, false).update(all)).not.toThrow();
});

describe('Meta Pixel', () => {
  it('revokes at creation and grants once marketing is granted, only on change', () => {
    const fbq = (page.fbq = vi.fn());
    const signals = createVendorSignals({ google: 'auto', meta: 'auto' }, false);
    signals.update(undecided);
    signals.update(decided({ statistics: true }));
    signals.update(all);
    signals.update(all);
    signals.update(undecided);
    expect(fbq.mock.calls).toEqual([
      ['consent', 'revoke'],
      ['consent', 'grant'],
      ['consent', 'revoke'],
    ]);
  });

  it('never grants under Global Privacy Control', () => {
    const fbq = (page.fbq = vi.fn());
    createVendorSignals({ google: 'auto', meta: true }, true).update(all);
    expect(fbq.mock.calls).toEqual([['consent', 'revoke']]);
  });

  it('does nothing when meta is false or fbq is missing', () => {
    const fbq = (page.fbq = vi.fn());
    createVendorSignals({ google: 'auto', meta: false }, false).update(all);
    expect(fbq).not.toHaveBeenCalled();
    delete page.fbq;
    expect(() => createVendorSignals({ google: 'auto', meta: true }, false).update(all)).not.toThrow();
  });
});

type Fbq = ((...args: unknown[]) => void) & { queue: IArguments[]; callMethod?: unknown };

/**
 * Meta's published base code, as a site pastes it (the loader, then `init` and `PageView`); returns what reads the
 * commands queued for Meta's script, in order.
 */
function runMetaBaseCode() {
  if (!document.querySelector('script')) document.head.append(document.createElement('script'));
  (function (f: any, b: Document, e: string, v: string, n?: any, t?: any, s?: any) {
    if (f.fbq) return;
    n = f.fbq = function () {
      if (n.callMethod) n.callMethod.apply(n, arguments);
      else n.queue.push(arguments);
    };
    if (!f._fbq) f._fbq = n;
    n.push = n;
    n.loaded = !0;
    n.version = '2.0';
    n.queue = [];
    t = b.createElement(e);
    t.async = !0;
    t.src = v;
    s = b.getElementsByTagName(e)[0];
    s.parentNode.insertBefore(t, s);
  })(window, document, 'script', 'https://connect.facebook.net/en_US/fbevents.js');
  (page.fbq as Fbq)('init', '1234567890');
  (page.fbq as Fbq)('track', 'PageView');
  return () => (page.fbq as Fbq).queue.map((args) => Array.from(args));
}
const metaScriptLoaded = () => !!document.querySelector('script[src="https://connect.facebook.net/en_US/fbevents.js"]');

describe('Meta Pixel with meta: true, its base code after the library', () => {
  it('queues revoke before the base code\'s init, and the base code still loads Meta\'s script', () => {
    const signals = createVendorSignals({ google: false, meta: true }, false);
    signals.update(undecided);
    const queued = runMetaBaseCode();
    expect(queued()).toEqual([['consent', 'revoke'], ['init', '1234567890'], ['track', 'PageView']]);
    expect(metaScriptLoaded()).toBe(true);
    expect(page._fbq).toBe(page.fbq);
    signals.update(all);
    expect(queued().slice(3)).toEqual([['consent', 'grant']]);
  });

  it('queues the stored decision, not a revoke before it, for a returning visitor', () => {
    createVendorSignals({ google: false, meta: true }, false).update(all);
    expect(runMetaBaseCode()()).toEqual([['consent', 'grant'], ['init', '1234567890'], ['track', 'PageView']]);
  });

  it('leaves a base code that comes later alone with auto, and after destroy()', () => {
    createVendorSignals({ google: false, meta: 'auto' }, false).update(undecided);
    expect(runMetaBaseCode()()).toEqual([['init', '1234567890'], ['track', 'PageView']]);
    delete page.fbq;
    createVendorSignals({ google: false, meta: true }, false).destroy();
    expect(runMetaBaseCode()()).toEqual([['init', '1234567890'], ['track', 'PageView']]);
    expect(metaScriptLoaded()).toBe(true);
  });

  it('keeps awaiting for a second instance when the first is destroyed', () => {
    const first = createVendorSignals({ google: false, meta: true }, false);
    createVendorSignals({ google: false, meta: true }, false).update(undecided);
    first.destroy();
    expect(runMetaBaseCode()()[0]).toEqual(['consent', 'revoke']);
  });
});
