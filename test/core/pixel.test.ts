import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Cookies from 'js-cookie';
import { createPixel, type PixelOptions } from '../../src/core/pixel';
import type { ConsentState } from '../../src/core/types';
import { decided, undecided } from './consent-states';

const accepted = decided({ functional: true, statistics: true });
const refused = decided({});

const beacon = vi.fn<(url: string, body: URLSearchParams) => boolean>();
const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
const images: HTMLImageElement[] = [];

/** Creates a pixel the way the core does: update once with the initial state. */
function setup(config: Partial<PixelOptions['config']> = {}, initial = undecided) {
  let state = initial;
  const onError = vi.fn();
  const pixel = createPixel({
    config: { endpoint: '/stat/pixel', transport: 'beacon', autoPageview: true, spa: false, personalParams: [], ...config },
    getState: () => state,
    cookieDomain: undefined,
    onError,
  });
  pixel.update(state);
  const decide = (next: ConsentState) => pixel.update((state = next));
  return { pixel, decide, onError };
}

/** The hits received by the fake endpoint, as plain objects, in the order sent, whatever the transport. */
const hits = () => [
  ...[
    ...beacon.mock.calls.map(([, body], index) => [beacon.mock.invocationCallOrder[index], body] as const),
    ...fetchMock.mock.calls.map(([, init], index) => [fetchMock.mock.invocationCallOrder[index], init.body] as const),
  ]
    .sort(([a], [b]) => a - b)
    .map(([, body]) => Object.fromEntries(body as URLSearchParams)),
  ...images.map((image) => Object.fromEntries(new URL(image.src).searchParams)),
];

const storageIsEmpty = () => localStorage.length === 0 && sessionStorage.length === 0;

beforeEach(() => {
  beacon.mockReturnValue(true);
  fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
  Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal(
    'Image',
    class {
      constructor() {
        const image = document.createElement('img');
        images.push(image);
        return image;
      }
    },
  );
  history.replaceState(null, '', '/cars/jac-s3?utm_source=vk&phone=87012345678#credit');
});

afterEach(() => {
  beacon.mockReset();
  fetchMock.mockReset();
  images.length = 0;
  delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  vi.unstubAllGlobals();
  vi.useRealTimers();
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' });
  document.body.innerHTML = '';
});

describe('before a decision and after a refusal', () => {
  it('sends nothing and writes no cookie or storage before a decision', () => {
    const { pixel } = setup();
    pixel.track('credit_calculator', { model: 'S3' });
    expect(hits()).toEqual([]);
    expect(document.cookie).toBe('');
    expect(storageIsEmpty()).toBe(true);
  });

  it('drops the queued hits on refusal and sends nothing after it', () => {
    const { pixel, decide } = setup();
    pixel.track('credit_calculator');
    decide(refused);
    pixel.track('test_drive');
    decide(refused);
    expect(hits()).toEqual([]);
    expect(document.cookie).toBe('');
    decide(accepted);
    expect(hits()).toEqual([]);
  });

  it('sends nothing when statistics is refused but other categories are granted', () => {
    const { pixel } = setup({}, { ...refused, categories: { ...refused.categories, functional: true, marketing: true } });
    pixel.track();
    expect(hits()).toEqual([]);
  });
});

describe('after acceptance', () => {
  it('sends the queued pageview with every documented field (docs/pixel.md), and sets allur_vid', () => {
    Object.defineProperty(document, 'referrer', { value: 'https://www.google.kz/search?q=allur&email=a@b.kz', configurable: true });
    const { decide } = setup();
    decide(accepted);
    const vid = Cookies.get('allur_vid');
    expect(vid).toMatch(/^[\w-]{8,64}$/);
    expect(hits()).toEqual([
      {
        event: 'pageview',
        page: 'http://localhost:3000/cars/jac-s3?utm_source=vk',
        referrer: 'https://www.google.kz/search?q=allur',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/),
        browser: navigator.userAgent,
        language: navigator.language,
        screen: `${screen.width}x${screen.height}`,
        vid,
        cid: 'consent-1234abcd',
        pv: '2024-06-01',
      },
    ]);
    delete (document as { referrer?: string }).referrer;
  });

  it('posts by sendBeacon with a form body to the endpoint', () => {
    history.replaceState(null, '', '/cars/jac-s3?utm_source=vk');
    setup({}, accepted);
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(beacon.mock.calls[0][0]).toBe('/stat/pixel');
    expect(beacon.mock.calls[0][1]).toBeInstanceOf(URLSearchParams);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('flushes the queue in order and keeps the time each hit happened', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:05:00Z'));
    const { pixel, decide } = setup();
    vi.setSystemTime(new Date('2026-11-26T12:06:00Z'));
    pixel.track('credit_calculator');
    vi.setSystemTime(new Date('2026-11-26T12:10:00Z'));
    decide(accepted);
    expect(hits().map((hit) => [hit.event, new Date(hit.time).toISOString()])).toEqual([
      ['pageview', '2026-11-26T12:05:00.000Z'],
      ['credit_calculator', '2026-11-26T12:06:00.000Z'],
    ]);
  });

  it('keeps at most 20 hits waiting for a decision', () => {
    const { pixel, decide } = setup();
    for (let index = 0; index < 30; index++) pixel.track('scroll', { index });
    decide(accepted);
    expect(hits()).toHaveLength(20);
    expect(hits()[19].index).toBe('18');
  });

  it('adds track() props as strings, never over the standard fields', () => {
    const { pixel } = setup({ autoPageview: false }, accepted);
    pixel.track('test_drive', { model: 'JAC J7', price: 12500000, credit: true, event: 'x', page: 'y', vid: 'z' });
    const [hit] = hits();
    expect(hit).toMatchObject({ event: 'test_drive', model: 'JAC J7', price: '12500000', credit: 'true' });
    expect(hit.page).toBe('http://localhost:3000/cars/jac-s3?utm_source=vk');
    expect(hit.vid).toBe(Cookies.get('allur_vid'));
  });

  it('keeps the same visitor id across instances and a valid stored one', () => {
    setup({}, accepted);
    const vid = Cookies.get('allur_vid');
    setup({}, accepted);
    expect(hits().map((hit) => hit.vid)).toEqual([vid, vid]);
  });

  it('replaces a tampered allur_vid', () => {
    document.cookie = 'allur_vid=<script>; path=/';
    setup({}, accepted);
    expect(hits()[0].vid).toMatch(/^[\w-]{8,64}$/);
    expect(Cookies.get('allur_vid')).toBe(hits()[0].vid);
  });

  it('does not queue a pageview when autoPageview is off', () => {
    const { decide } = setup({ autoPageview: false });
    decide(accepted);
    expect(hits()).toEqual([]);
    expect(Cookies.get('allur_vid')).toBeDefined();
  });
});

describe('withdrawal', () => {
  it('deletes allur_vid and sends nothing more', () => {
    const { pixel, decide } = setup({}, accepted);
    decide(undecided);
    expect(Cookies.get('allur_vid')).toBeUndefined();
    pixel.track('after_withdrawal');
    decide(refused);
    expect(hits().map((hit) => hit.event)).toEqual(['pageview']);
  });

  it('sends a new visitor id if statistics is granted again', () => {
    const { decide } = setup({}, accepted);
    const first = Cookies.get('allur_vid');
    decide(refused);
    decide(accepted);
    expect(Cookies.get('allur_vid')).not.toBe(first);
  });
});

describe('time', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each([
    ['Asia/Almaty', '2026-11-26T17:05:00.000+05:00'],
    ['America/St_Johns', '2026-11-26T08:35:00.000-03:30'],
    ['UTC', '2026-11-26T12:05:00.000+00:00'],
  ])('is ISO 8601 with the local offset in %s', (timeZone, expected) => {
    process.env.TZ = timeZone;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:05:00Z'));
    setup({}, accepted);
    expect(hits()[0].time).toBe(expected);
  });
});

describe('transports and failures', () => {
  it('sends the same fields as a GET query with transport image', () => {
    setup({ transport: 'image' }, accepted);
    expect(beacon).not.toHaveBeenCalled();
    expect(images).toHaveLength(1);
    expect(images[0].src).toMatch(/^http:\/\/localhost:3000\/stat\/pixel\?event=pageview&page=/);
    expect(hits()[0]).toMatchObject({ event: 'pageview', cid: 'consent-1234abcd', vid: Cookies.get('allur_vid') });
  });

  it('falls back to fetch once when sendBeacon refuses the hit', () => {
    beacon.mockReturnValue(false);
    history.replaceState(null, '', '/cars/jac-s3?utm_source=vk');
    const { onError } = setup({}, accepted);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/stat/pixel');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'POST', keepalive: true, credentials: 'same-origin' });
    expect(fetchMock.mock.calls[0][1].body).toBe(beacon.mock.calls[0][1]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('uses fetch when sendBeacon is missing or throws', () => {
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    setup({}, accepted);
    Object.defineProperty(navigator, 'sendBeacon', {
      value: () => {
        throw new TypeError('blocked');
      },
      configurable: true,
    });
    setup({}, accepted);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the network fails', () => fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))],
    ['the endpoint answers 500', () => fetchMock.mockResolvedValue(new Response('', { status: 500 }))],
  ])('reports once and drops the hit when %s, without retrying', async (_, arrange) => {
    beacon.mockReturnValue(false);
    arrange();
    const { pixel, onError } = setup({}, accepted);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toMatchObject({ source: 'pixel', message: expect.stringContaining('/stat/pixel') });
    pixel.track('next');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reports once when neither sendBeacon nor fetch can send', async () => {
    beacon.mockImplementation(() => {
      throw new TypeError('blocked by an extension');
    });
    fetchMock.mockImplementation(() => {
      throw new TypeError('blocked by an extension');
    });
    let result: ReturnType<typeof setup> | undefined;
    expect(() => (result = setup({}, accepted))).not.toThrow();
    await vi.waitFor(() => expect(result!.onError).toHaveBeenCalledTimes(1));
  });

  it('reports once when the image does not load', () => {
    const { onError } = setup({ transport: 'image' }, accepted);
    images[0].dispatchEvent(new Event('error'));
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

class FakeIntersectionObserver {
  static current: FakeIntersectionObserver | undefined;
  readonly targets = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback, readonly options: IntersectionObserverInit) {
    FakeIntersectionObserver.current = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports `target` as `ratio` visible, as the browser would. */
  show(target: Element, ratio: number) {
    if (!this.targets.has(target)) return;
    const entry = { target, isIntersecting: ratio > 0, intersectionRatio: ratio } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

describe('ad views', () => {
  let ad: HTMLElement;
  const observer = () => FakeIntersectionObserver.current!;
  const adViews = () => hits().filter((hit) => hit.event === 'ad_view');

  beforeEach(() => {
    FakeIntersectionObserver.current = undefined;
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.body.innerHTML = '<div data-pixel-ad="jac-s3-credit">JAC S3 в кредит</div>';
    ad = document.querySelector('[data-pixel-ad]')!;
  });

  it('sends one ad_view after half of the block was visible for a second', () => {
    setup({ autoPageview: false }, accepted);
    expect(observer().options.threshold).toBe(0.5);
    observer().show(ad, 0.6);
    vi.advanceTimersByTime(999);
    expect(adViews()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(adViews()).toMatchObject([{ ad: 'jac-s3-credit', page: 'http://localhost:3000/cars/jac-s3?utm_source=vk' }]);
    observer().show(ad, 0);
    observer().show(ad, 1);
    vi.advanceTimersByTime(5000);
    expect(adViews()).toHaveLength(1);
  });

  it('cancels the view when the block leaves or is less than half visible before a second', () => {
    setup({ autoPageview: false }, accepted);
    observer().show(ad, 0.3);
    vi.advanceTimersByTime(2000);
    observer().show(ad, 0.5);
    vi.advanceTimersByTime(600);
    observer().show(ad, 0);
    vi.advanceTimersByTime(2000);
    observer().show(ad, 0.6);
    observer().show(ad, 0.9);
    observer().show(ad, 0.2);
    vi.advanceTimersByTime(2000);
    expect(adViews()).toEqual([]);
  });

  it('observes nothing before acceptance and stops on withdrawal', () => {
    const { decide } = setup({ autoPageview: false });
    expect(observer()).toBeUndefined();
    decide(accepted);
    const first = observer();
    first.show(ad, 1);
    decide(undecided);
    expect(first.targets.size).toBe(0);
    vi.advanceTimersByTime(2000);
    decide(accepted);
    expect(adViews()).toEqual([]);
  });

  it('watches blocks added to the page later', async () => {
    setup({ autoPageview: false }, accepted);
    const later = document.createElement('aside');
    later.innerHTML = '<img data-pixel-ad="tires-winter" alt="">';
    document.body.append(later);
    await Promise.resolve();
    const block = later.querySelector('img')!;
    observer().show(block, 1);
    vi.advanceTimersByTime(1000);
    expect(adViews()).toMatchObject([{ ad: 'tires-winter' }]);
  });

  it('does nothing without IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    expect(() => setup({ autoPageview: false }, accepted)).not.toThrow();
    expect(hits()).toEqual([]);
  });
});

describe('single-page navigation', () => {
  const original = history.pushState;
  afterEach(() => {
    history.pushState = original;
  });

  it('sends a pageview per pushState and popstate, with the previous page as referrer', () => {
    const { pixel } = setup({ spa: true }, accepted);
    history.pushState(null, '', '/credit?email=aigerim@mail.kz');
    history.replaceState(null, '', '/credit?step=2');
    history.pushState(null, '', '/credit#calculator');
    history.replaceState(null, '', '/cars/jac-s3');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(hits().map(({ page, referrer }) => [page, referrer])).toEqual([
      ['http://localhost:3000/cars/jac-s3?utm_source=vk', ''],
      ['http://localhost:3000/credit', 'http://localhost:3000/cars/jac-s3?utm_source=vk'],
      ['http://localhost:3000/cars/jac-s3', 'http://localhost:3000/credit'],
    ]);
    pixel.destroy();
    expect(history.pushState).toBe(original);
  });

  it('sends queued pageviews with the page and referrer of the moment they were queued, scrubbed', () => {
    const { decide } = setup({ spa: true });
    history.pushState(null, '', '/credit?email=aigerim@mail.kz&step=1');
    history.replaceState(null, '', '/cars/jac-s3');
    decide(accepted);
    expect(hits().map(({ page, referrer }) => [page, referrer])).toEqual([
      ['http://localhost:3000/cars/jac-s3?utm_source=vk', ''],
      ['http://localhost:3000/credit?step=1', 'http://localhost:3000/cars/jac-s3?utm_source=vk'],
    ]);
  });

  it('leaves history alone without spa', () => {
    setup({}, accepted);
    expect(history.pushState).toBe(original);
    history.pushState(null, '', '/credit');
    expect(hits()).toHaveLength(1);
  });

  it('does not undo a patch made after its own, and goes quiet on destroy', () => {
    const { pixel } = setup({ spa: true }, accepted);
    const ours = history.pushState;
    const router = vi.fn();
    history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      router();
      ours.apply(this, args);
    };
    const theirs = history.pushState;
    pixel.destroy();
    expect(history.pushState).toBe(theirs);
    history.pushState(null, '', '/service');
    expect(router).toHaveBeenCalledTimes(1);
    expect(location.pathname).toBe('/service');
    expect(hits()).toHaveLength(1);
  });
});

describe('destroy', () => {
  it('drops the queue', () => {
    const { pixel, decide } = setup();
    pixel.track('credit_calculator');
    pixel.destroy();
    decide(accepted);
    expect(hits()).toEqual([]);
  });
});

describe('while the page loads', () => {
  // A returning visitor's pageview is granted at once, inside the task that parses the page.
  const loading = () => Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  const loaded = () => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    dispatchEvent(new Event('load'));
  };
  afterEach(() => {
    delete (document as { readyState?: string }).readyState;
  });

  it('sends a granted pageview once, in a task of its own after the load event, with the fields of its moment', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    loading();
    const { pixel } = setup({}, accepted);
    pixel.track('credit_calculator');
    vi.setSystemTime(new Date('2026-11-26T12:00:05Z'));
    history.replaceState(null, '', '/later');
    vi.runAllTimers();
    expect(hits()).toEqual([]);
    loaded();
    expect(hits()).toEqual([]);
    vi.runAllTimers();
    expect(hits().map(({ event, page, time }) => [event, page, time.slice(17, 19)])).toEqual([
      ['pageview', 'http://localhost:3000/cars/jac-s3?utm_source=vk', '00'],
      ['credit_calculator', 'http://localhost:3000/cars/jac-s3?utm_source=vk', '00'],
    ]);
    dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(hits()).toHaveLength(2);
  });

  it('sends what waits when the page is left before its load event, once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    loading();
    setup({}, accepted);
    dispatchEvent(new Event('pagehide'));
    expect(hits().map(({ event }) => event)).toEqual(['pageview']);
    loaded();
    vi.runAllTimers();
    expect(hits()).toHaveLength(1);
  });

  it('drops what waits on withdrawal and on destroy', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    loading();
    const { decide } = setup({}, accepted);
    decide(undecided);
    const other = setup({}, accepted);
    other.pixel.destroy();
    loaded();
    dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(hits()).toEqual([]);
  });

  it.each([
    ['before a decision', undecided],
    ['after a refusal', refused],
    ['after acceptance', accepted],
  ])('leaves no load or pagehide listener when destroyed before the load event, %s', (_name, initial) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    loading();
    setup({}, initial).pixel.destroy();
    const left = added.mock.calls.filter(([type, listener]) => !removed.mock.calls.some((call) => call[0] === type && call[1] === listener));
    expect(left.map(([type]) => type)).toEqual([]);
    loaded();
    dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(hits()).toEqual([]);
  });

  it('sends at once after the page has loaded', () => {
    setup({}, accepted);
    expect(hits().map(({ event }) => event)).toEqual(['pageview']);
  });
});
