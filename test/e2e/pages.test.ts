// The three ways the demo loads the library (script tag, strict CSP, ESM), gated scripts really running in
// document order, and a browser with cookies switched off.
import { describe, expect } from 'vitest';
import { ru as russian } from '../../src/ui/i18n/ru';
import {
  ALL_GATED_PATHS, type Tab, action, banner, cookieNames, expectNoErrors, expectNothingGatedSince, gatedPaths,
  launchWithCookiesBlocked, notice, settle, useHarness, watch,
} from './setup';

const ru = russian();

const harness = useHarness();
const test = harness.test;

/** Accepts all on the tab's page and waits for the gated requests the demo makes with consent. */
async function acceptAndExpectGatedRequests(tab: Tab) {
  const since = tab.requests.length;
  await action(tab.page, 'accept-all').first().click();
  await settle(tab.page);
  expect(gatedPaths(tab, since)).toEqual(ALL_GATED_PATHS);
  // The ad block may be in view on short pages: its ad_view follows the pageview after a second.
  const events = harness.hits('pixel', tab).map((hit) => hit.fields.event);
  expect(events[0]).toBe('pageview');
  expect(events.filter((event) => event !== 'ad_view')).toEqual(['pageview']);
}

describe('pages', () => {
  test('strict CSP page: banner visible and working with zero securitypolicyviolation events', async ({ newTab }) => {
    const tab = await newTab();
    const response = await tab.page.goto(`${harness.origin()}/csp.html`);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    await banner(tab.page).waitFor();
    await acceptAndExpectGatedRequests(tab);
    expect(await tab.page.evaluate(() => (window as { demoVendorTagRuns?: number }).demoVendorTagRuns)).toBe(1);
    expect(tab.cspViolations).toEqual([]);
    expectNoErrors(tab);
  });

  test('ESM page: createConsent from dist/index.mjs shows the banner and gates the pixel', async ({ newTab }) => {
    const tab = await newTab();
    await tab.page.goto(`${harness.origin()}/esm.html`);
    await banner(tab.page).waitFor();
    await settle(tab.page);
    expectNothingGatedSince(tab, 0);
    await acceptAndExpectGatedRequests(tab);
    expectNoErrors(tab);
  });

  test('gated scripts run in Chromium in document order: an inline tag after the external one sees it ran', async ({ newTab }) => {
    const tab = await newTab();
    // The demo gates one external tag; an inline one is added right after it to check the order.
    await tab.page.route(`${harness.origin()}/`, async (route) => {
      const response = await route.fetch();
      const inline =
        '<script type="text/plain" data-consent="statistics">' +
        'window.gatedOrder = (window.gatedOrder || []).concat("inline after tag runs=" + (window.demoVendorTagRuns || 0));' +
        '</script>';
      const body = (await response.text()).replace(/(<script type="text\/plain" data-consent="statistics" src="\/vendor\/tag.js"><\/script>)/, `$1${inline}`);
      expect(body).toContain(inline);
      await route.fulfill({ response, body });
    });
    await tab.page.goto(`${harness.origin()}/`);
    await banner(tab.page).waitFor();
    await settle(tab.page);
    expect(await tab.page.evaluate(() => (window as { gatedOrder?: string[] }).gatedOrder)).toBeUndefined();
    await acceptAndExpectGatedRequests(tab);
    expect(await tab.page.evaluate(() => (window as { gatedOrder?: string[] }).gatedOrder)).toEqual(['inline after tag runs=1']);
    expect(await tab.page.locator('#vendor-log li').count()).toBe(1);
    expectNoErrors(tab);
  });
});

/** The cookies-disabled notice shows at once; a choice still works for the page, is not kept, and nothing is stored. */
async function expectCookiesDisabledHandled(tab: Tab) {
  const { page } = tab;
  await page.goto(`${harness.origin()}/`);
  await notice(page, 'cookies-disabled').waitFor();
  await expect(notice(page, 'cookies-disabled').textContent()).resolves.toContain(ru.cookiesDisabled);
  await banner(page).waitFor();
  await settle(page);
  expectNothingGatedSince(tab, 0);

  await action(page, 'reject-all').first().click();
  await expect.poll(() => banner(page).count()).toBe(0);
  expect(await page.evaluate(() => (window as any).AllurConsent.getState().decided)).toBe(true);
  await page.reload();
  await banner(page).waitFor();
  await notice(page, 'cookies-disabled').waitFor();
}

describe('cookies switched off in the browser', () => {
  test('profile setting "block all cookies": the notice shows at once and nothing throws', async () => {
    const blocked = await launchWithCookiesBlocked();
    try {
      const tab = await watch(blocked.context.pages()[0] ?? (await blocked.context.newPage()));
      await expectCookiesDisabledHandled(tab);
      expect(await cookieNames(blocked.context)).toEqual([]);
      expect(tab.errors.filter((error) => error.startsWith('uncaught'))).toEqual([]);
    } finally {
      await blocked.close();
    }
  });

  test('document.cookie disabled (CDP Emulation.setDocumentCookieDisabled, navigator.cookieEnabled false)', async ({ newTab }) => {
    const tab = await newTab();
    const cdp = await tab.context.newCDPSession(tab.page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await expectCookiesDisabledHandled(tab);
    expectNoErrors(tab);
  });
});
