// Every combination of the optional categories, chosen in the preferences dialog: what the browser requests
// and which cookies it holds before the decision, after it, and after a reload.
import { describe } from 'vitest';
import {
  action, banner, cookieNames, dialog, expectNoErrors, expectNothingGatedSince, gatedPaths, requestedPaths, settle, ui, useHarness,
} from './setup';

const harness = useHarness();
const test = harness.test;
const OPTIONAL = ['functional', 'statistics', 'marketing'] as const;
type Choice = Record<(typeof OPTIONAL)[number], boolean>;

const combinations: Choice[] = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({
  functional: (bits & 1) > 0,
  statistics: (bits & 2) > 0,
  marketing: (bits & 4) > 0,
}));

/** What the demo page must request, given the choice: the pixel and gated tag with statistics, the ad image and embed with marketing. */
function expectedGatedPaths(choice: Choice): string[] {
  return [
    ...(choice.statistics ? ['/stat/pixel', '/vendor/tag.js'] : []),
    ...(choice.marketing ? ['/vendor/ad-pixel.gif', '/vendor/embed.html'] : []),
  ].sort();
}

const label = (choice: Choice) => OPTIONAL.map((id) => `${id} ${choice[id] ? 'on' : 'off'}`).join(', ');

describe.concurrent.each(combinations.map((choice) => [label(choice), choice] as const))('%s', (_, choice) => {
  test('nothing before the decision; exactly the granted requests and cookies after it and after a reload', async ({ newTab, expect }) => {
    const tab = await newTab();
    const { page, context } = tab;
    await page.goto(`${harness.origin()}/`);
    await banner(page).waitFor();
    await settle(page);
    expectNothingGatedSince(tab, 0, 'requests before the decision');
    expect(requestedPaths(tab, '/stat/consent')).toEqual([]);
    expect(await cookieNames(context), 'cookies before the decision').toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);

    await action(page, 'preferences').click();
    for (const id of OPTIONAL) await ui(page, `input[data-category="${id}"]`).setChecked(choice[id]);
    const beforeSave = tab.requests.length;
    await dialog(page).locator('[data-consent-action="save"]').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await settle(page);

    expect(gatedPaths(tab, beforeSave), 'requests after the decision').toEqual(expectedGatedPaths(choice));
    expect(requestedPaths(tab, '/stat/consent', beforeSave)).toEqual(['/stat/consent']);
    expect(await cookieNames(context)).toEqual(choice.statistics ? ['allur_consent', 'allur_vid'] : ['allur_consent']);
    const stored = JSON.parse(decodeURIComponent((await context.cookies()).find((c) => c.name === 'allur_consent')!.value));
    expect(stored.c).toEqual({
      functional: Number(choice.functional), statistics: Number(choice.statistics), marketing: Number(choice.marketing),
    });
    expect(harness.hits('pixel', tab).map((hit) => hit.fields.event)).toEqual(choice.statistics ? ['pageview'] : []);
    expect(await page.evaluate(() => (window as { demoVendorTagRuns?: number }).demoVendorTagRuns ?? 0)).toBe(
      choice.statistics ? 1 : 0,
    );

    const beforeReload = tab.requests.length;
    await page.reload();
    await settle(page);
    await expect(banner(page).count()).resolves.toBe(0);
    expect(gatedPaths(tab, beforeReload), 'requests after a reload').toEqual(expectedGatedPaths(choice));
    expect(requestedPaths(tab, '/stat/consent', beforeReload), 'no new receipt without a new decision').toEqual([]);
    expect(await cookieNames(context)).toEqual(choice.statistics ? ['allur_consent', 'allur_vid'] : ['allur_consent']);
    expect(harness.hits('pixel', tab).map((hit) => hit.fields.event)).toEqual(choice.statistics ? ['pageview', 'pageview'] : []);
    expectNoErrors(tab);
  });
});

describe('Global Privacy Control', () => {
  test('with navigator.globalPrivacyControl, "accept all" grants statistics but never marketing', async ({ newTab, expect }) => {
    const tab = await newTab();
    const { page } = tab;
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(`${harness.origin()}/`);
    await action(page, 'accept-all').first().click();
    await settle(page);
    expect(gatedPaths(tab, 0)).toEqual(['/stat/pixel', '/vendor/tag.js']);
    const [receipt] = harness.hits('consent', tab);
    expect(receipt.fields).toMatchObject({ gpc: true, categories: { statistics: true, marketing: false } });

    await page.locator('.site-footer [data-consent-open]').click();
    expect(await ui(page, 'input[data-category="marketing"]').isDisabled(), 'the switch is locked off').toBe(true);
    expect(await ui(page, 'input[data-category="marketing"]').isChecked()).toBe(false);
    expectNoErrors(tab);
  });
});
