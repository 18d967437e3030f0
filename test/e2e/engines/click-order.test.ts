// A click on the banner paints first, in Chromium, Firefox and WebKit: the receipt and the pageview leave after the
// frame that shows the banner gone, the decision is written before anything it grants runs, a refusal stops the
// very next hit, and a page left in the click's own task still keeps the cookie and sends the receipt.
import { describe, expect, test } from 'vitest';
import type { BrowserTab } from './driver';
import { ENGINES, chosenEngines, click, cookieNames, pageErrors, quiet, useHarness, waitFor } from './harness';

const BANNER = 'section.banner';
const bannerAction = (name: string) => `${BANNER} [data-consent-action="${name}"]`;

/**
 * Records in the page each request the library makes (fetch, sendBeacon): whether the banner was still there, and
 * whether a frame had run since the last click. The frame callback is asked for in the capture phase, before the
 * library's handler runs.
 */
const RECORD_REQUESTS = `void (() => {
  window.__requests = [];
  const bannerShown = () => !!document.querySelector('allur-consent')?.shadowRoot?.querySelector('${BANNER}');
  let framed = false;
  document.addEventListener('click', () => {
    framed = false;
    requestAnimationFrame(() => { framed = true; });
  }, true);
  const record = (url) => __requests.push({ url: String(url), bannerShown: bannerShown(), framed });
  const pageFetch = window.fetch;
  window.fetch = function (url) {
    record(url);
    return pageFetch.apply(this, arguments);
  };
  const pageBeacon = navigator.sendBeacon;
  navigator.sendBeacon = function (url) {
    record(url);
    return pageBeacon.apply(this, arguments);
  };
})()`;
type Request = { url: string; bannerShown: boolean; framed: boolean };

/** The control of the consent UI matching `selector`, clicked by a script of the page. */
const clickInPage = (selector: string) =>
  `document.querySelector('allur-consent').shadowRoot.querySelector(${JSON.stringify(selector)}).click()`;

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);

  async function firstVisit(): Promise<BrowserTab> {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, BANNER);
    return tab;
  }

  test.each(['accept-all', 'reject-all'])('after "%s", the receipt and the pageview leave once the banner is gone and a frame has run', async (action) => {
    const tab = await firstVisit();
    await tab.evaluate(RECORD_REQUESTS);
    await click(tab, bannerAction(action));
    await expect.poll(() => harness.hits('consent').length).toBe(1);
    const requests = await tab.evaluate<Request[]>('__requests');
    const leaving = requests.filter((request) => /\/stat\/(consent|pixel)/.test(request.url));
    // The receipt always, the queued pageview only when statistics is granted.
    expect(leaving.map((request) => new URL(request.url, harness.origin()).pathname).sort()).toEqual(
      action === 'accept-all' ? ['/stat/consent', '/stat/pixel'] : ['/stat/consent'],
    );
    for (const request of leaving) expect(request, request.url).toMatchObject({ bannerShown: false, framed: true });
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('nothing the decision grants runs before the cookie is written', async () => {
    const tab = await firstVisit();
    await tab.evaluate(`document.body.insertAdjacentHTML('beforeend',
      '<script type="text/plain" data-consent="statistics">window.cookieAtGrant = document.cookie.includes("allur_consent=")</' + 'script>')`);
    await click(tab, bannerAction('accept-all'));
    await expect.poll(() => tab.evaluate<boolean | null>('window.cookieAtGrant ?? null')).toBe(true);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('a hit tracked right after a refusal never leaves', async () => {
    const tab = await firstVisit();
    await click(tab, bannerAction('accept-all'));
    await expect.poll(() => harness.hits('pixel').length).toBe(1);
    await tab.evaluate(`void (AllurConsent.rejectAll(), AllurConsent.pixel.track('after-refusal'))`);
    await tab.evaluate(`void (AllurConsent.acceptAll(), AllurConsent.reset(), AllurConsent.pixel.track('after-withdrawal'))`);
    await quiet();
    expect(harness.hits('pixel').map((hit) => hit.fields.event)).toEqual(['pageview']);
    expect(harness.hits('consent').map((hit) => hit.fields.action)).toEqual(['accept-all', 'reject-all', 'accept-all', 'withdraw']);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('a page left in the click\'s own task, before any frame, keeps the cookie and sends the receipt', async () => {
    const tab = await firstVisit();
    // No frame comes: what the click left for after the paint can only run as the page goes.
    await tab.evaluate(`void (window.requestAnimationFrame = () => 0)`);
    await tab.evaluate(`void (${clickInPage(bannerAction('reject-all'))}, location.assign('/account'))`);
    await expect.poll(() => tab.evaluate<string>('location.pathname').catch(() => ''), { timeout: 10_000 }).toBe('/account');
    await expect.poll(() => harness.hits('consent').map((hit) => hit.fields.action)).toEqual(['reject-all']);
    await expect.poll(() => cookieNames(tab).catch(() => [])).toContain('allur_consent');
    expect(await tab.evaluate<boolean>('AllurConsent.getState().decided')).toBe(true);
  });
});
