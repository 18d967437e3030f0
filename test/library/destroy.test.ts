// @vitest-environment-options {"url":"https://www.allur.kz/cars"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { click, consentOf, pixelHits, tick, uncaught } from './page';

type Listener = [target: string, type: string, listener: unknown, capture: boolean];
const key = ([target, type, listener, capture]: Listener) => [target, type, capture, listener];

/** Every listener added to and removed from window and document, whoever added it. */
function watchListeners() {
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as AddEventListenerOptions)?.capture);
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type: string, listener: any, options?: any) => {
      added.push([name, type, listener, capture(options)]);
      add(type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, listener: any, options?: any) => {
      removed.push([name, type, listener, capture(options)]);
      remove(type, listener, options);
    });
  }
  /** Listeners added and never removed. */
  return () => added.filter((entry) => !removed.some((gone) => key(gone).every((part, index) => part === key(entry)[index])));
}

/** Observers of one kind, each with whether it still observes. */
function watchObservers<T extends { new (...args: any[]): any }>(name: string, Base: T) {
  const live = new Set<unknown>();
  const all: unknown[] = [];
  class Watched extends Base {
    constructor(...args: any[]) {
      super(...args);
      all.push(this);
    }
    observe(...args: unknown[]) {
      live.add(this);
      return super.observe(...args);
    }
    disconnect() {
      live.delete(this);
      return super.disconnect();
    }
  }
  vi.stubGlobal(name, Watched);
  return { live, all };
}

// jsdom has neither: minimal stand-ins that hold what they observe.
class FakeIntersectionObserver {
  constructor(public callback: IntersectionObserverCallback) {}
  observe() {}
  unobserve() {}
  disconnect() {}
}
class FakeResizeObserver extends FakeIntersectionObserver {}

const channels: Array<{ closed: boolean; name: string }> = [];
class FakeBroadcastChannel {
  closed = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(public name: string) {
    channels.push(this);
  }
  postMessage() {}
  close() {
    this.closed = true;
  }
}

let originalPushState: History['pushState'];
beforeEach(() => {
  originalPushState = history.pushState;
  channels.length = 0;
  document.body.innerHTML = '<main><div data-pixel-ad="hero">Ad</div><button data-consent-open>Cookies</button></main>';
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each([
  ['with BroadcastChannel', FakeBroadcastChannel],
  ['without BroadcastChannel', undefined],
])('destroy() %s', (_name, Channel) => {
  it('leaves no listener, observer, timer, channel, element or history patch behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    vi.stubGlobal('BroadcastChannel', Channel);
    const mutations = watchObservers('MutationObserver', MutationObserver);
    const intersections = watchObservers('IntersectionObserver', FakeIntersectionObserver);
    const resizes = watchObservers('ResizeObserver', FakeResizeObserver);
    const leftListeners = watchListeners();

    const consent = await consentOf({ pixel: { endpoint: '/stat/pixel', spa: true } });
    // Everything running: granted statistics (ad views watched), the "saved" notice timer, the dialog opened and closed.
    click('accept-all');
    await vi.advanceTimersByTimeAsync(1000);
    consent.showPreferences();
    consent.hide();
    // And a decision whose work still waits for the paint: destroy() runs it, and leaves nothing of its waiting.
    consent.set({ marketing: false });
    (intersections.all[0] as FakeIntersectionObserver).callback(
      [{ target: document.querySelector('[data-pixel-ad]')!, isIntersecting: true, intersectionRatio: 1 } as never],
      intersections.all[0] as never,
    );
    expect(history.pushState).not.toBe(originalPushState);
    expect(mutations.live.size + intersections.live.size).toBeGreaterThan(0);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    expect(leftListeners().length).toBeGreaterThan(0);

    consent.destroy();

    expect(leftListeners()).toEqual([]);
    expect([...mutations.live, ...intersections.live, ...resizes.live]).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(channels.every((channel) => channel.closed)).toBe(true);
    expect(document.querySelector('allur-consent')).toBeNull();
    expect(history.pushState).toBe(originalPushState);

    // And it stays quiet: navigation, a click on a data-consent-open element, another tab, new gated markup.
    const hits = pixelHits().length;
    history.pushState(null, '', '/credit');
    document.querySelector<HTMLButtonElement>('[data-consent-open]')!.click();
    dispatchEvent(new Event('focus'));
    document.body.insertAdjacentHTML('beforeend', '<img data-consent="statistics" data-src="/stat/gif">');
    vi.useRealTimers();
    await tick();
    expect(pixelHits()).toHaveLength(hits);
    expect(document.querySelector('allur-consent')).toBeNull();
    expect(document.querySelector('img[data-consent]')!.hasAttribute('src')).toBe(false);
    expect(uncaught).toEqual([]);
    history.replaceState(null, '', '/cars');
  });
});

describe.each([
  ['a first visit', undefined],
  ['a returning visitor who accepted', 'accept-all'],
  ['a returning visitor who refused', 'reject-all'],
] as const)('destroy() while the page still loads, %s', (_name, decision) => {
  afterEach(() => {
    delete (document as { readyState?: string }).readyState;
  });

  it('leaves no listener behind, and the load event sends nothing', async () => {
    if (decision) {
      const earlier = await consentOf();
      earlier[decision === 'accept-all' ? 'acceptAll' : 'rejectAll']();
      earlier.destroy();
    }
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const hits = pixelHits().length;
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const leftListeners = watchListeners();
    (await consentOf()).destroy();
    expect(leftListeners()).toEqual([]);
    dispatchEvent(new Event('load'));
    dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(pixelHits()).toHaveLength(hits);
    expect(uncaught).toEqual([]);
  });
});

describe('a destroyed instance kept by a stale reference (React StrictMode cleanup)', () => {
  it('sends no hit and watches no ad, whatever it is told', async () => {
    const intersections = watchObservers('IntersectionObserver', FakeIntersectionObserver);
    const stale = await consentOf();
    stale.destroy();
    stale.acceptAll();
    stale.pixel.track('calculator');
    await tick();
    expect(pixelHits()).toEqual([]);
    expect(intersections.all).toEqual([]);
  });
});
