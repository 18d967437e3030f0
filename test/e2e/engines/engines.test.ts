// The same checks in every engine the visitors of allur.kz use: Chromium, Firefox ESR and WebKitGTK (the engine
// of Safari), each through its own protocol behind one driver interface. WebKit over classic WebDriver reports no
// network or console events, so what a page sent is read from the demo's collector and its errors from an in-page
// probe, in every engine alike.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BrowserTab } from './driver';
import {
  ENGINES, chosenEngines, click, consentState, cookieNames, focus, pageErrors, painted, quiet, shows, useHarness, waitFor,
} from './harness';
import { textsFor } from '../../../src/ui/texts';

const PAGEVIEW_FIELDS = ['event', 'page', 'referrer', 'time', 'browser', 'language', 'screen', 'vid', 'cid', 'pv'];
const BANNER = 'section.banner';
const DIALOG = '[role=dialog]';
const bannerAction = (name: string) => `${BANNER} [data-consent-action="${name}"]`;

/** Where focus is: whether inside the dialog, and a name for the control (its category or action). */
const FOCUSED = `(() => {
  const root = document.querySelector('allur-consent').shadowRoot;
  const element = root.activeElement;
  const dialog = root.querySelector('[role=dialog]');
  if (!element) return { inDialog: false, name: 'outside: ' + (document.activeElement?.tagName ?? 'none') };
  const name = element.dataset.category || element.dataset.consentAction || element.dataset.consentDismiss || element.className;
  return { inDialog: !!dialog && dialog.contains(element), name, inBanner: !!element.closest('section.banner') };
})()`;
type Focus = { inDialog: boolean; name: string; inBanner?: boolean };

/** The controls a keyboard user must reach in the dialog: every switch that can change, and the three decisions. */
const REQUIRED_CONTROLS = `[...document.querySelector('allur-consent').shadowRoot.querySelectorAll('[role=dialog] input[data-category]:not(:disabled)')]
  .map((input) => input.dataset.category).concat(['save', 'reject-all', 'accept-all'])`;

/** Presses `key` `times` times; every stop must be inside the dialog. Returns the names of the controls reached. */
async function walk(tab: BrowserTab, key: 'Tab' | 'Shift+Tab', times: number): Promise<Set<string>> {
  const reached = new Set<string>();
  for (let press = 1; press <= times; press++) {
    await tab.press(key);
    const focused = await tab.evaluate<Focus>(FOCUSED);
    expect(focused.inDialog, `${key} press ${press} left the dialog for ${focused.name}`).toBe(true);
    reached.add(focused.name);
  }
  return reached;
}

/** The demo's gated iframe and its placeholder, by a script of the page. */
const EMBED = `document.querySelector('iframe[data-consent]')`;
const PLACEHOLDER = `document.querySelector('allur-consent-embed')?.shadowRoot`;
/** The digest every engine must send for the Russian texts, computed as docs/cookies-and-receipts.md says. */
const russianTexts = textsFor('ru');
const RUSSIAN_TEXTS_HASH = createHash('sha256').update(JSON.stringify(russianTexts, Object.keys(russianTexts).sort())).digest('hex');
const LIBRARY_VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

const pageviews = (hits: { fields: Record<string, unknown> }[]) => hits.filter((hit) => hit.fields.event === 'pageview');

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);
  const home = () => `${harness.origin()}/`;

  /** A new session on the home page with the banner up. */
  async function onHome(): Promise<BrowserTab> {
    const { tab } = await harness.session();
    await tab.goto(home());
    await waitFor(tab, BANNER);
    return tab;
  }

  test('before a decision: the banner, and no pixel hit, vendor request or cookie', async () => {
    const tab = await onHome();
    await quiet();
    expect(harness.hits('pixel')).toEqual([]);
    expect(harness.hits('vendor')).toEqual([]);
    expect(await cookieNames(tab)).toEqual([]);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('accept all: a full pageview, the consent cookies, the gated tag; after a reload no banner and a new pageview', async () => {
    const tab = await onHome();
    await click(tab, bannerAction('accept-all'));
    await expect.poll(() => pageviews(harness.hits('pixel')).length, { timeout: 10_000 }).toBe(1);
    const [hit] = pageviews(harness.hits('pixel'));
    expect(Object.keys(hit.fields)).toEqual(expect.arrayContaining(PAGEVIEW_FIELDS));
    expect(hit.fields.language).toBe(await tab.evaluate<string>('navigator.language'));
    await expect.poll(() => cookieNames(tab)).toEqual(expect.arrayContaining(['allur_consent', 'allur_vid']));
    await expect.poll(() => harness.hits('vendor').map((vendor) => vendor.fields.path)).toContain('/vendor/tag.js');
    expect(await tab.evaluate<number>('window.demoVendorTagRuns'), 'the statistics tag ran').toBe(1);

    await tab.goto(home());
    await expect.poll(() => pageviews(harness.hits('pixel')).length, { timeout: 10_000 }).toBe(2);
    expect(await shows(tab, BANNER), 'banner after the reload').toBe(false);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('reject all: no pixel hit, the notice for signed-in visitors, a reject-all receipt', async () => {
    const tab = await onHome();
    await click(tab, bannerAction('reject-all'));
    await waitFor(tab, '[data-consent-notice="auth-warning"]');
    await expect.poll(() => harness.hits('consent').map((hit) => hit.fields.action)).toEqual(['reject-all']);
    await quiet();
    expect(harness.hits('pixel')).toEqual([]);
    expect(await cookieNames(tab)).not.toContain('allur_vid');
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('receipts carry the digest of the texts shown, the same in every engine, and the library version', async () => {
    const tab = await onHome();
    await click(tab, bannerAction('accept-all'));
    await expect.poll(() => harness.hits('consent').length).toBe(1);
    const [receipt] = harness.hits('consent');
    expect(receipt.fields).toMatchObject({ action: 'accept-all', language: 'ru', textsHash: RUSSIAN_TEXTS_HASH, libraryVersion: LIBRARY_VERSION });
  });

  test('the dialog’s withdraw button: a withdraw receipt, the cookies cleaned, the banner back', async () => {
    const tab = await onHome();
    await click(tab, bannerAction('accept-all'));
    await expect.poll(() => cookieNames(tab)).toEqual(expect.arrayContaining(['allur_consent', 'allur_vid']));
    await tab.evaluate('AllurConsent.showPreferences()');
    await waitFor(tab, DIALOG);
    await click(tab, `${DIALOG} [data-consent-action="withdraw"]`);
    await waitFor(tab, BANNER);
    await expect.poll(() => harness.hits('consent').map((hit) => hit.fields.action)).toEqual(['accept-all', 'withdraw']);
    await expect.poll(() => cookieNames(tab)).toEqual([]);
    expect(await consentState(tab)).toMatchObject({ decided: false });
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('the embed placeholder loads its iframe once: no cookie, no receipt, the placeholder again after a reload', async () => {
    const tab = await onHome();
    await expect.poll(() => tab.evaluate<boolean>(`!!${PLACEHOLDER}?.querySelector('[role=group]')`)).toBe(true);
    expect(await tab.evaluate<string | null>(`${EMBED}.getAttribute('src')`)).toBeNull();
    await tab.evaluate(`void ${PLACEHOLDER}.querySelector('[data-consent-action="load-embed"]').click()`);
    await expect.poll(() => harness.hits('vendor').map((hit) => hit.fields.path)).toContain('/vendor/embed.html');
    expect(await tab.evaluate<string>(`${EMBED}.getAttribute('src')`)).toBe('/vendor/embed.html');
    expect(await tab.evaluate<boolean>(`!document.querySelector('allur-consent-embed')`)).toBe(true);
    await quiet();
    expect(await cookieNames(tab)).toEqual([]);
    expect(harness.hits('consent')).toEqual([]);
    expect(harness.hits('pixel')).toEqual([]);
    expect(await shows(tab, BANNER)).toBe(true);
    await tab.goto(home());
    await expect.poll(() => tab.evaluate<boolean>(`!!${PLACEHOLDER}?.querySelector('[role=group]')`)).toBe(true);
    expect(await tab.evaluate<string | null>(`${EMBED}.getAttribute('src')`)).toBeNull();
    expect(await pageErrors(tab)).toEqual([]);
  });

  // MiniBrowser's window cannot be made narrower than about 450 px: there the narrow walk runs at its minimum.
  test.for([[1280, 800], [320, 640]])('the dialog by keyboard at %i px wide: Tab and Shift+Tab stay inside and reach every control, Escape returns focus', async ([width, height]) => {
    const { tab } = await harness.session();
    const actualWidth = await tab.resize(width, height);
    expect(actualWidth).toBeLessThanOrEqual(Math.max(width, 480));
    await tab.goto(home());
    await waitFor(tab, BANNER);
    await focus(tab, bannerAction('preferences'));
    await tab.press('Enter');
    await waitFor(tab, DIALOG);
    expect((await tab.evaluate<Focus>(FOCUSED)).inDialog, 'focus moved into the dialog').toBe(true);

    const required = await tab.evaluate<string[]>(REQUIRED_CONTROLS);
    const presses = required.length + 6;
    expect([...(await walk(tab, 'Tab', presses))]).toEqual(expect.arrayContaining(required));
    expect([...(await walk(tab, 'Shift+Tab', presses))]).toEqual(expect.arrayContaining(required));

    await tab.press('Escape');
    await waitFor(tab, DIALOG, false);
    const focused = await tab.evaluate<Focus>(FOCUSED);
    expect(focused, 'focus back on the banner’s settings button').toMatchObject({ inBanner: true, name: 'preferences' });
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('the strict-CSP page: the banner and the embed placeholder are styled and nothing is blocked', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/csp.html`);
    await waitFor(tab, BANNER);
    const style = await tab.evaluate<{ background: string; position: string }>(`(() => {
      const card = document.querySelector('allur-consent').shadowRoot.querySelector('section.banner');
      const dock = card.closest('.dock') ?? card;
      return { background: getComputedStyle(card).backgroundColor, position: getComputedStyle(dock).position };
    })()`);
    expect(style.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    expect(style.position).toBe('fixed');
    // The embed placeholder too: its own shadow root, styled, its size set through the CSSOM.
    const placeholder = await tab.evaluate<{ background: string; width: string }>(`(() => {
      const card = ${PLACEHOLDER}.querySelector('[role=group]');
      return { background: getComputedStyle(card).backgroundColor, width: card.style.width };
    })()`);
    expect(placeholder.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    expect(placeholder.width).toMatch(/^\d+px$/);
    await quiet();
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('two tabs: a withdrawal in one reaches the other within a second, which then sends nothing', async () => {
    const session = await harness.session();
    const first = session.tab;
    await first.goto(home());
    await waitFor(first, BANNER);
    await click(first, bannerAction('accept-all'));
    await expect.poll(() => cookieNames(first)).toContain('allur_vid');
    const second = await session.newTab();
    await second.goto(home());
    await expect.poll(async () => (await consentState(second)).decided).toBe(true);

    await first.evaluate('AllurConsent.reset()');
    await expect.poll(async () => (await consentState(second)).decided, { timeout: 1000, interval: 50 }).toBe(false);
    await second.evaluate(`AllurConsent.pixel.track('after')`);
    await quiet();
    expect(harness.hits('pixel').filter((hit) => hit.fields.event === 'after')).toEqual([]);
    expect(await pageErrors(first)).toEqual([]);
    expect(await pageErrors(second)).toEqual([]);
  });

  if (engine.canBlockCookies) {
    test('cookies blocked by the browser: the cookies-disabled notice', async () => {
      const { tab } = await harness.session({ blockCookies: true });
      await tab.goto(home());
      await waitFor(tab, '[data-consent-notice="cookies-disabled"]');
      expect(await pageErrors(tab)).toEqual([]);
    });
  } else {
    test.skip('cookies blocked by the browser: skipped, as MiniBrowser and WebKitWebDriver offer no cookie policy', () => {});
  }

  test('screenshots of the banner, the dialog, its cookie tables and an embed placeholder in ru, kk and en', async () => {
    const folder = `test-results/screenshots/${name}`;
    mkdirSync(folder, { recursive: true });
    const { tab } = await harness.session();
    const bannerTexts = new Set<string>();
    for (const lang of ['ru', 'kk', 'en']) {
      await tab.goto(`${harness.origin()}/?lang=${lang}`);
      await waitFor(tab, BANNER);
      bannerTexts.add(await tab.evaluate<string>(`document.querySelector('allur-consent').shadowRoot.querySelector('${BANNER}').textContent`));
      await painted(tab);
      await tab.screenshot(`${folder}/banner-${lang}.png`);
      await click(tab, bannerAction('preferences'));
      await waitFor(tab, DIALOG);
      await painted(tab);
      await tab.screenshot(`${folder}/dialog-${lang}.png`);
      await tab.evaluate(`(() => {
        const shadow = document.querySelector('allur-consent').shadowRoot;
        const tables = [...shadow.querySelectorAll('details')];
        for (const table of tables) table.open = true;
        tables[1].scrollIntoView();
        shadow.querySelector('.dialog').scrollTop = 0;
      })()`);
      await painted(tab);
      await tab.screenshot(`${folder}/tables-${lang}.png`);
      await tab.evaluate(`(() => {
        AllurConsent.hide();
        document.querySelector('allur-consent-embed').scrollIntoView();
      })()`);
      await painted(tab);
      await tab.screenshot(`${folder}/placeholder-${lang}.png`);
    }
    expect(bannerTexts.size, 'each language has its own text').toBe(3);
    expect(await pageErrors(tab)).toEqual([]);
  });
});
