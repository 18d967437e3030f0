// The decision the visitor made last wins, in Chromium, Firefox and WebKit: whatever order the answers to receipts
// arrive in, and in the open tabs of other subdomains that share the consent cookie (`cookie.domain`).
import { describe, expect, test } from 'vitest';
import type { BrowserTab } from './driver';
import { ENGINES, chosenEngines, consentState, cookieNames, pageErrors, quiet, useHarness } from './harness';

/** How late the answer to an accept-all receipt comes: after the withdrawal made meanwhile, and its answer. */
const LATE_MS = 1500;
/** Every engine resolves `*.localhost` to the loopback, where the demo listens; the cookie is shared on this domain. */
const SHARED_DOMAIN = 'allur.localhost';

/**
 * Replaces the page's instance with one that keeps its cookie on `SHARED_DOMAIN`: the same script tag, with
 * `data-cookie-domain` added.
 */
const WITH_SHARED_COOKIE = `new Promise((loaded, failed) => {
  AllurConsent.destroy();
  delete window.AllurConsent;
  const script = document.createElement('script');
  Object.assign(script.dataset, document.querySelector('script[data-policy-version]').dataset, { cookieDomain: '${SHARED_DOMAIN}' });
  script.onload = () => loaded();
  script.onerror = () => failed(new Error('the script did not load'));
  script.src = '/dist/allur-consent.iife.js';
  document.head.append(script);
})`;

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine, { delayConsentAnswer: (receipt) => (receipt.action === 'accept-all' ? LATE_MS : 0) });

  test('a late answer to the accept receipt does not bring back the decision withdrawn since', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await tab.evaluate('AllurConsent.acceptAll()');
    await tab.evaluate('AllurConsent.reset()');
    await new Promise((resolve) => setTimeout(resolve, LATE_MS));
    await quiet();
    expect.soft(await cookieNames(tab), 'the cookie after the late answer').not.toContain('allur_consent');
    const pageviews = harness.hits('pixel').length;
    await tab.goto(`${harness.origin()}/`);
    await quiet();
    expect((await consentState(tab)).decided).toBe(false);
    expect(harness.hits('pixel')).toHaveLength(pageviews);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('a withdrawal on one subdomain reaches an open tab of another within a second, which then sends nothing', async () => {
    const { port } = new URL(harness.origin());
    const open = async (tab: BrowserTab, subdomain: string) => {
      await tab.goto(`http://${subdomain}.${SHARED_DOMAIN}:${port}/`);
      await tab.evaluate(WITH_SHARED_COOKIE);
    };
    const session = await harness.session();
    const www = session.tab;
    await open(www, 'www');
    await www.evaluate('AllurConsent.acceptAll()');
    const shop = await session.newTab();
    await open(shop, 'shop');
    expect((await consentState(shop)).decided).toBe(true);

    await www.evaluate('AllurConsent.reset()');
    await expect.poll(async () => (await consentState(shop)).decided, { timeout: 1000, interval: 50 }).toBe(false);
    await shop.evaluate(`AllurConsent.pixel.track('after')`);
    await quiet();
    expect(harness.hits('pixel').filter((hit) => hit.fields.event === 'after')).toEqual([]);
    expect(await pageErrors(www)).toEqual([]);
    expect(await pageErrors(shop)).toEqual([]);
  });
});
