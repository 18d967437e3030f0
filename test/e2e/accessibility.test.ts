// WCAG 2.2 AA in Chromium: axe on the banner, the dialog with its cookie tables, an embed placeholder and the notices in every language and colour scheme,
// a keyboard-only walk through a whole decision, and screenshots of the banner and dialog for review.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { action, banner, dialog, expectNoErrors, notice, ui, useHarness } from './setup';

const harness = useHarness();
const test = harness.test;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = 'test-results/screenshots';

/** axe violations inside the `host` element (its open shadow root included), as readable lines. */
async function violations(page: Page, host = 'allur-consent'): Promise<string[]> {
  // Cards fade in: contrast is judged on the final colours, not mid-animation.
  await page.waitForFunction(
    (host) => document.querySelector(host)!.shadowRoot!.getAnimations().every((a) => a.playState === 'finished'),
    host,
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).include(host).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

describe.concurrent.each(['ru', 'kk', 'en'])('axe, lang %s', (lang) => {
  test.for(['light', 'dark'] as const)('%s: banner with the cookies-disabled notice, dialog, §3.3.1 notice', async (colorScheme, { newTab, expect }) => {
    const tab = await newTab({ colorScheme });
    const { page } = tab;
    // document.cookie off, so the cookies-disabled notice is on screen together with the banner.
    const cdp = await tab.context.newCDPSession(page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await page.goto(`${harness.origin()}/?lang=${lang}`);
    await banner(page).waitFor();
    await notice(page, 'cookies-disabled').waitFor();
    expect(await ui(page, '.root').getAttribute('lang')).toBe(lang);
    expect(await violations(page), 'banner and cookies-disabled notice').toEqual([]);
    expect(await violations(page, 'allur-consent-embed'), 'the embed placeholder').toEqual([]);

    await action(page, 'preferences').click();
    await dialog(page).waitFor();
    // Every cookie table unfolded.
    for (const summary of await dialog(page).locator('summary').all()) await summary.click();
    expect(await dialog(page).getByRole('table').count()).toBeGreaterThan(1);
    expect(await violations(page), 'preferences dialog with its cookie tables').toEqual([]);

    await dialog(page).locator('[data-consent-action="reject-all"]').click();
    await notice(page, 'auth-warning').waitFor();
    expect(await violations(page), 'auth-warning notice').toEqual([]);
    expectNoErrors(tab);
  });
});

/** The focused element, looking through shadow roots, with where it is and whether a dock card covers it. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    const host = document.querySelector('allur-consent')!;
    const box = el!.getBoundingClientRect();
    const inHost = el!.getRootNode() === host.shadowRoot;
    // Cards of the fixed dock (banner, notices) that overlap the focused page control.
    const covering = inHost
      ? []
      : [...host.shadowRoot!.querySelectorAll<HTMLElement>('.dock .card')]
          .map((card) => card.getBoundingClientRect())
          .filter((card) => box.left < card.right && card.left < box.right && box.top < card.bottom && card.top < box.bottom)
          .map((card) => `${Math.round(card.top)}..${Math.round(card.bottom)}`);
    return {
      body: el === document.body || el === document.documentElement,
      inHost,
      action: el!.dataset.consentAction ?? null,
      category: el!.dataset.category ?? null,
      opener: el!.hasAttribute('data-consent-open') && !!el!.closest('.site-footer'),
      describe: `${el!.tagName.toLowerCase()} "${(el!.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(box.top)}..${Math.round(box.bottom)}`,
      covering,
    };
  });

type Focus = Awaited<ReturnType<typeof focusState>>;

/** Presses Tab until `reached` holds (at most `limit` times), checking at each stop that focus is visible and not lost. */
async function tabUntil(page: Page, reached: (focus: Focus) => boolean, limit: number): Promise<Focus> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusState(page);
    expect(focus.body, `focus lost after ${i + 1} Tab presses`).toBe(false);
    expect(focus.covering, `${focus.describe} hidden behind the banner`).toEqual([]);
    if (reached(focus)) return focus;
  }
  throw new Error(`not reached in ${limit} Tab presses`);
}

test('keyboard only: banner, settings, a switch with Space, save, reopen from the footer with Enter', async ({ newTab }) => {
  const tab = await newTab();
  const { page } = tab;
  await page.goto(`${harness.origin()}/`);
  await banner(page).waitFor();

  const settingsButton = await tabUntil(page, (f) => f.inHost && f.action === 'preferences', 10);
  expect(settingsButton.inHost).toBe(true);
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  expect((await focusState(page)).inHost, 'focus moves into the dialog').toBe(true);

  await tabUntil(page, (f) => f.category === 'statistics', 10);
  await page.keyboard.press('Space');
  expect(await ui(page, 'input[data-category="statistics"]').isChecked()).toBe(true);
  await tabUntil(page, (f) => f.action === 'save', 10);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog(page).count()).toBe(0);
  expect((await focusState(page)).body, 'focus lost when the dialog closed').toBe(false);
  expect(await page.evaluate(() => (window as any).AllurConsent.getState().categories.statistics)).toBe(true);

  await tabUntil(page, (f) => f.opener, 150);
  await page.keyboard.press('Enter');
  await dialog(page).waitFor();
  expect((await focusState(page)).inHost, 'focus moves into the reopened dialog').toBe(true);
  expect(await ui(page, 'input[data-category="statistics"]').isChecked(), 'the dialog shows the saved choice').toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);
  expect((await focusState(page)).opener, 'focus returns to the footer link').toBe(true);
  expectNoErrors(tab);
});

test('with the banner open, no page control reached by Tab is hidden behind it (WCAG 2.4.11)', async ({ newTab }) => {
  const tab = await newTab();
  const { page } = tab;
  await page.goto(`${harness.origin()}/`);
  await banner(page).waitFor();
  await tabUntil(page, (f) => f.opener, 150);
  expect(await banner(page).isVisible(), 'the banner stayed open during the walk').toBe(true);
  expectNoErrors(tab);
});

// The demo page's own links and buttons: the header wraps into rows at 700 px and below.
test.for([1280, 600, 320])('the demo header, footer and panel controls are targets of at least 24×24 px at %i px (WCAG 2.5.8)', async (width, { newTab }) => {
  const tab = await newTab({ viewport: { width, height: 800 } });
  const { page } = tab;
  await page.goto(`${harness.origin()}/`);
  await banner(page).waitFor();
  const controls = ':is(.site-header, .site-footer, .dev-panel) :is(a, button, summary)';
  const small = await page.locator(controls).evaluateAll((elements) =>
    elements
      .map((element) => ({ text: element.textContent!.trim(), box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ text, box }) => `"${text}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
  const results = await new AxeBuilder({ page }).withRules(['target-size']).include('.site-header').include('.site-footer').include('.dev-panel').analyze();
  expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  expectNoErrors(tab);
});

test.for([1280, 320])('screenshots of the banner and the dialog at %i px', async (width, { newTab }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const tab = await newTab({ viewport: { width, height: width > 800 ? 800 : 640 } });
  const { page } = tab;
  await page.goto(`${harness.origin()}/`);
  await banner(page).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/banner-${width}.png` });
  const bannerBox = (await banner(page).boundingBox())!;
  expect(bannerBox.x).toBeGreaterThanOrEqual(0);
  expect(bannerBox.x + bannerBox.width, 'banner fits the viewport').toBeLessThanOrEqual(width);

  await action(page, 'preferences').click();
  await dialog(page).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/dialog-${width}.png` });
  const dialogBox = (await dialog(page).boundingBox())!;
  expect(dialogBox.x + dialogBox.width, 'dialog fits the viewport').toBeLessThanOrEqual(width);
  expectNoErrors(tab);
});
