// The library beside the page's other code in Chromium: Meta's base code loaded after it, and an app's npm bundle
// that creates its own instance on a page that still has the script tag.
import { describe, expect } from 'vitest';
import { type Tab, action, banner, expectNoErrors, settle, useHarness } from './setup';

const harness = useHarness();
const test = harness.test;

const POLICY_VERSION = '2024-06-01';
const SCRIPT_TAG_ATTRIBUTES = `data-policy-version="${POLICY_VERSION}" data-lang="ru" data-policy-url="https://www.allur.kz/"
  data-pixel-endpoint="/stat/pixel" data-consent-log-endpoint="/stat/consent"`;

/** Serves `head` and `body` as the page at `path` of the demo's origin; returns its address. */
async function pageAt(tab: Tab, path: string, head: string, body: string) {
  const url = `${harness.origin()}${path}`;
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${path}</title>${head}</head>` +
    `<body><main>Allur</main><button data-consent-open>Настройки cookie</button>${body}</body></html>`;
  await tab.page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

// Meta's published base code, as a site pastes it.
const META_BASE_CODE = `<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890');
fbq('track', 'PageView');
</script>`;

// A stand-in for fbevents.js: it replays the queue in order, then takes each call as it comes, and records them.
const FAKE_FBEVENTS = `window.metaCommands = [];
fbq.callMethod = function () { metaCommands.push(Array.from(arguments)); };
fbq.queue.splice(0).forEach(function (args) { fbq.callMethod.apply(fbq, args); });`;

const metaCommands = (tab: Tab) => tab.page.evaluate(() => (window as { metaCommands?: unknown[] }).metaCommands);

describe('Meta base code after the library, vendors.meta: true', () => {
  test('fbevents.js loads and replays revoke before init and PageView; grant follows the decision', async ({ newTab }) => {
    const tab = await newTab();
    await tab.page.route('https://connect.facebook.net/en_US/fbevents.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: FAKE_FBEVENTS }),
    );
    const url = await pageAt(
      tab,
      '/meta-after.html',
      `<script>window.AllurConsentConfig = { vendors: { meta: true } }</script>
       <script src="/dist/allur-consent.iife.js" ${SCRIPT_TAG_ATTRIBUTES}></script>`,
      META_BASE_CODE,
    );
    await tab.page.goto(url);
    const before = [['consent', 'revoke'], ['init', '1234567890'], ['track', 'PageView']];
    await expect.poll(() => metaCommands(tab)).toEqual(before);
    await action(tab.page, 'accept-all').first().click();
    await expect.poll(() => metaCommands(tab)).toEqual([...before, ['consent', 'grant']]);
    expectNoErrors(tab);
  });
});

// The ESM build of the app, its imports mapped as the demo's ESM page maps them.
const APP = `<script type="importmap">{ "imports": {
  "preact": "/node_modules/preact/dist/preact.mjs",
  "preact/hooks": "/node_modules/preact/hooks/dist/hooks.mjs",
  "preact/jsx-runtime": "/node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs",
  "js-cookie": "/node_modules/js-cookie/dist/js.cookie.mjs"
} }</script>
<script type="module">
  import { createConsent } from '/dist/index.mjs';
  window.appConsent = createConsent({
    policyVersion: '${POLICY_VERSION}', lang: 'ru', policyUrl: 'https://www.allur.kz/',
    pixel: { endpoint: '/stat/pixel' }, consentLog: { endpoint: '/stat/consent' },
  });
</script>`;

describe('the script tag and an app bundle on one page', () => {
  test.for([
    ['script tag first', `<script src="/dist/allur-consent.iife.js" ${SCRIPT_TAG_ATTRIBUTES}></script>${APP}`],
    // Module scripts and deferred scripts run in document order once the page is parsed.
    ['app first', `${APP}<script src="/dist/allur-consent.iife.js" defer ${SCRIPT_TAG_ATTRIBUTES}></script>`],
  ])('%s: one instance, one banner, one pageview, one receipt', async ([, head], { newTab }) => {
    const tab = await newTab();
    await tab.page.goto(await pageAt(tab, '/two-builds.html', head, ''));
    await banner(tab.page).waitFor();
    await expect.poll(() => tab.page.evaluate(() => 'appConsent' in window)).toBe(true);
    expect(await tab.page.evaluate(() => (window as { appConsent?: unknown }).appConsent === window.AllurConsent)).toBe(true);
    expect(await tab.page.locator('allur-consent').count()).toBe(1);
    await action(tab.page, 'accept-all').first().click();
    await settle(tab.page);
    expect(harness.hits('pixel', tab).map((hit) => hit.fields.event)).toEqual(['pageview']);
    expect(harness.hits('consent', tab)).toHaveLength(1);
    expectNoErrors(tab);
  });
});
