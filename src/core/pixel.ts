import Cookies from 'js-cookie';
import { afterLoad } from './after-load';
import { cleanCookiesAndStorage } from './cookie-cleanup';
import { firstPartyCookie } from './first-party-cookie';
import { onThisPage } from './page-url';
import { post } from './post';
import { readCookie } from './read-cookie';
import { newRandomId, RANDOM_ID } from './random-id';
import { scrubUrl } from './scrub-url';
import type { ConsentError, ConsentState, Pixel, ResolvedConfig } from './types';

export interface PixelOptions {
  config: Exclude<ResolvedConfig['pixel'], false> & { endpoint: string };
  getState(): ConsentState;
  cookieDomain: string | undefined;
  onError(error: ConsentError): void;
}

export interface PixelController extends Pixel {
  update(state: ConsentState): void;
  destroy(): void;
}

type Props = Parameters<Pixel['track']>[1];
/**
 * A hit as recorded when it happened, with its page and referrer as they were (unscrubbed, kept in memory only);
 * they are scrubbed and the time, visitor, consent and browser fields added when it is sent.
 */
type Hit = [event: string, page: string, referrer: string, props: Props, at: Date];

/** The visitor id cookie and its lifetime in days, for a UI's cookie table too. */
export const VISITOR_COOKIE = 'allur_vid';
export const VISITOR_COOKIE_DAYS = 180;
// Hits made before a decision wait in memory; a page that tracks in a loop must not grow it without end.
const QUEUE_LIMIT = 20;
const AD_SELECTOR = '[data-pixel-ad]';

/** The access time as ISO 8601 with the visitor's local offset: `2026-11-26T17:05:00.000+05:00`. */
const localTime = (now: Date) => {
  const offset = -now.getTimezoneOffset() * 6e4;
  // The offset, as a time since the epoch, prints its own `hh:mm`.
  const iso = (time: number) => new Date(time).toISOString();
  return iso(+now + offset).slice(0, 23) + (offset < 0 ? '-' : '+') + iso(Math.abs(offset)).slice(11, 16);
};

/** Creates the statistics pixel (docs/pixel.md): sends hits only while statistics is granted. */
export function createPixel({ config, getState, cookieDomain, onError }: PixelOptions): PixelController {
  const { endpoint, personalParams } = config;
  const scrub = (url: string) => scrubUrl(url, personalParams);
  // Hits made before a decision; `null` once decided, so nothing is kept after a refusal.
  let queue: Hit[] | null = [];
  let destroyed = false;
  // The state now, not that of the last update(): a decision reaches update() only after the next paint
  // (docs/instance.md), and a refusal must stop the very next hit.
  const granted = () => {
    const { decided, categories } = getState();
    return !destroyed && decided && categories.statistics;
  };
  let visitorId = '';
  /** The visitor id: the stored one (or a new one) once per page, its cookie renewed then. */
  const visitor = () => {
    if (!visitorId) {
      try {
        visitorId = (readCookie(VISITOR_COOKIE) || '').match(RANDOM_ID)?.[0] || newRandomId();
        Cookies.set(VISITOR_COOKIE, visitorId, firstPartyCookie(cookieDomain, VISITOR_COOKIE_DAYS));
      } catch {
        // A document that forbids cookies: hits go without a visitor id.
      }
    }
    return visitorId;
  };
  // Each read or write of a cookie is a round trip to the browser's cookie store: while the page loads, the visitor
  // cookie is set or deleted after the load event, in the order decided (afterLoad); a newer decision replaces an
  // older one of its kind, and destroy() drops both.
  let stopVisitorTask = () => {};
  let stopVisitorCleanup = () => {};
  // Scrubbing waits for a hit to be sent: before a decision (and after a refusal) its work is never needed.
  let page = location.href;
  let referrer = document.referrer;
  let stopAdViews: (() => void) | undefined;
  const viewedAds = new WeakSet<Element>();

  /** Posts one hit, if still granted; a hit that cannot be sent is reported once and dropped, never retried. */
  const send = ([event, hitPage, hitReferrer, props, at]: Hit) => {
    if (!granted()) return;
    const { id, policyVersion } = getState();
    const body = new URLSearchParams({
      event,
      page: scrub(hitPage),
      referrer: scrub(hitReferrer),
      time: localTime(at),
      browser: navigator.userAgent,
      language: navigator.language,
      screen: screen.width + 'x' + screen.height,
      vid: visitor(),
      cid: id || '',
      pv: policyVersion,
    });
    // Extra fields never overwrite the standard ones.
    // Own keys only: a page that extends Object.prototype must not add fields to every hit.
    for (const [key, value] of Object.entries({ ...props })) if (!body.has(key)) body.append(key, String(value));
    const fail = (cause?: unknown) =>
      onError({ source: 'pixel', message: `pixel hit to ${endpoint} failed and was dropped`, cause });
    const url = onThisPage(endpoint);
    if (config.transport === 'image') {
      const image = new Image();
      image.onerror = fail;
      // A same-origin request would otherwise carry the unscrubbed page address as its Referer.
      image.referrerPolicy = 'no-referrer';
      image.src = url + (url.includes('?') ? '&' : '?') + body;
      return;
    }
    try {
      // A beacon's Referer is the full page address: a beacon only when scrubbing would leave it as it is.
      // false when the browser refuses to queue it (too large, or too many pending): fetch then.
      if (scrub(location.href) === location.href.split('#')[0] && navigator.sendBeacon(url, body)) return;
    } catch {
      // Missing, or blocked by an extension: fetch may still get through.
    }
    post(endpoint, body, fail);
  };

  // Granted hits made while the page still loads (a returning visitor's pageview) wait for a task of their own
  // after the load event (afterLoad), and are sent at once after it.
  let waiting: Hit[] = [];
  let stopWaiting = () => {};
  const sendWaiting = () => {
    const hits = waiting;
    waiting = [];
    hits.forEach(send);
  };
  const deliver = (hit: Hit) => {
    waiting.push(hit);
    if (waiting.length === 1) stopWaiting = afterLoad(sendWaiting);
  };
  const dropWaiting = () => {
    waiting = [];
    stopWaiting();
  };

  const track: Pixel['track'] = (event, props) => {
    const hit: Hit = [event || 'pageview', location.href, referrer, props, new Date()];
    // Granted, with the queue still there: the first decision's update() is about to send it, and this hit after it.
    if (granted()) {
      if (queue) queue.push(hit);
      else deliver(hit);
    } else if (queue && queue.length < QUEUE_LIMIT) queue.push(hit);
  };

  /** Sends one `ad_view` per `[data-pixel-ad]` element, the first time half of it is visible for a second. */
  const watchAdViews = () => {
    const timers = new Map<Element, ReturnType<typeof setTimeout>>();
    const visibility = new IntersectionObserver(
      (entries) => {
        // A target that does not intersect has a ratio of 0.
        for (const { target, intersectionRatio } of entries) {
          if (intersectionRatio < 0.5) {
            clearTimeout(timers.get(target));
            timers.delete(target);
          } else if (!timers.has(target))
            timers.set(
              target,
              setTimeout(() => {
                // Its timer stays in the map: no more entries come for it, and clearing a fired timer does nothing.
                visibility.unobserve(target);
                viewedAds.add(target);
                track('ad_view', { ad: target.getAttribute('data-pixel-ad') || '' });
              }, 1000),
            );
        }
      },
      { threshold: 0.5 },
    );
    const observeAds = () =>
      document.querySelectorAll(AD_SELECTOR).forEach((ad) => viewedAds.has(ad) || visibility.observe(ad));
    const additions = new MutationObserver(observeAds);
    observeAds();
    additions.observe(document.documentElement, { childList: true, subtree: true });
    return () => {
      visibility.disconnect();
      additions.disconnect();
      timers.forEach(clearTimeout);
    };
  };

  const navigated = () => {
    const current = location.href;
    if (scrub(current) === scrub(page)) return;
    referrer = page;
    page = current;
    track();
  };

  // replaceState is left alone: routers call it to normalise a URL or store scroll state, not to show a new page.
  const originalPushState = history.pushState;
  const pushState: History['pushState'] = function (this: History, ...args) {
    originalPushState.apply(this, args);
    navigated();
  };
  if (config.spa) {
    history.pushState = pushState;
    addEventListener('popstate', navigated);
  }

  const stopAds = () => {
    stopAdViews?.();
    stopAdViews = undefined;
  };

  const update = (state: ConsentState) => {
    // A destroyed pixel stays quiet even when a stale reference to its instance decides.
    if (destroyed) return;
    stopVisitorTask();
    if (state.decided && state.categories.statistics) {
      stopVisitorTask = afterLoad(visitor);
      queue?.forEach(deliver);
      if (!stopAdViews && typeof IntersectionObserver === 'function') stopAdViews = watchAdViews();
    } else {
      stopAds();
      dropWaiting();
      visitorId = '';
      stopVisitorCleanup();
      stopVisitorCleanup = afterLoad(() => cleanCookiesAndStorage({ cookies: [VISITOR_COOKIE] }, cookieDomain));
    }
    // Undecided again after a withdrawal: new hits wait for the next decision.
    queue = state.decided ? null : queue || [];
  };

  const destroy = () => {
    destroyed = true;
    stopAds();
    dropWaiting();
    stopVisitorTask();
    stopVisitorCleanup();
    queue = null;
    removeEventListener('popstate', navigated);
    // Another script may have wrapped pushState after us: then ours stays in its chain, inert.
    if (history.pushState === pushState) history.pushState = originalPushState;
  };

  if (config.autoPageview) track();
  return { track, update, destroy };
}
