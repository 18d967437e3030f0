// Changing one's mind without a reload: withdrawal through the dialog or reset(), a new policy version,
// the §3.3.1 notice after a refusal, and a decision reaching another open tab.
import { describe, expect } from 'vitest';
import { ru as russian } from '../../src/ui/i18n/ru';
import {
  ALL_GATED_PATHS, type Tab, action, banner, cookieNames, dialog, expectNoErrors, expectNothingGatedSince, gatedPaths,
  notice, requestedPaths, settle, ui, useHarness,
} from './setup';

const ru = russian();

const harness = useHarness();
const test = harness.test;

// Cookies and a storage key the statistics and marketing presets name, as the trackers would have set them.
const TRACKER_COOKIES = ['_fbp', '_ga', '_ga_ABC123', '_gid', '_ym_uid'];

/** Accepts everything on the home page and plants the trackers' cookies, as their tags would after a grant. */
async function acceptedWithTrackers(tab: Tab, query = '') {
  const { page } = tab;
  await page.goto(`${harness.origin()}/${query}`);
  await action(page, 'accept-all').first().click();
  await expect.poll(() => cookieNames(tab.context)).toContain('allur_vid');
  await page.evaluate((names) => {
    for (const name of names) document.cookie = `${name}=1; path=/; max-age=3600`;
    localStorage.setItem('_ym_uid', '1');
    (window as { notReloaded?: boolean }).notReloaded = true;
  }, TRACKER_COOKIES);
  await settle(page);
}

/** After withdrawal: no tracker cookie or key left, and neither a pixel hit nor a vendor request however the page is used. */
async function expectNothingMoreSent(tab: Tab) {
  const { page } = tab;
  // The cleanup runs after the paint of the decision (docs/instance.md): a frame or so later.
  const left = async () => (await cookieNames(tab.context)).filter((name) => ['allur_vid', ...TRACKER_COOKIES].includes(name));
  await expect.poll(left, { message: 'cookies left after the withdrawal' }).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('_ym_uid'))).toBeNull();

  const since = tab.requests.length;
  const pixelHits = harness.hits('pixel', tab).length;
  await page.evaluate(() => (window as any).AllurConsent.pixel.track('after_withdrawal'));
  await page.locator('[data-pixel-ad]').scrollIntoViewIfNeeded();
  await settle(page);
  expectNothingGatedSince(tab, since);
  expect(harness.hits('pixel', tab)).toHaveLength(pixelHits);
  expect(await cookieNames(tab.context)).not.toContain('allur_vid');
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded), 'withdrawn without a reload').toBe(true);
}

describe('withdrawal without a reload', () => {
  test('the dialog: every switch off and save stops the pixel and deletes allur_vid and the trackers’ cookies', async ({ newTab }) => {
    const tab = await newTab();
    await acceptedWithTrackers(tab);
    const { page } = tab;
    await page.locator('.site-footer [data-consent-open]').click();
    for (const id of ['functional', 'statistics', 'marketing']) await ui(page, `input[data-category="${id}"]`).uncheck();
    await dialog(page).locator('[data-consent-action="save"]').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => (window as any).AllurConsent.getState().categories)).toEqual({
      necessary: true, functional: false, statistics: false, marketing: false,
    });
    await expectNothingMoreSent(tab);
    expectNoErrors(tab);
  });

  test('reset() forgets the decision: banner again, pixel stopped, cookies deleted, banner again after a reload', async ({ newTab }) => {
    const tab = await newTab();
    await acceptedWithTrackers(tab);
    const { page } = tab;
    await page.locator('#dev-reset').click();
    await banner(page).waitFor();
    await expectNothingMoreSent(tab);

    const since = tab.requests.length;
    await page.reload();
    await banner(page).waitFor();
    await settle(page);
    expectNothingGatedSince(tab, since);
    expectNoErrors(tab);
  });
});

describe('policy version', () => {
  test('a new data-policy-version asks again, says the policy was updated, and sends nothing until decided', async ({ newTab }) => {
    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${harness.origin()}/?pv=2024-06-01`);
    await action(page, 'accept-all').first().click();
    await expect.poll(() => cookieNames(tab.context)).toContain('allur_consent');
    await expect(ui(page, '.policy-updated').count(), 'no "updated" line on a first visit').resolves.toBe(0);

    await page.goto(`${harness.origin()}/?pv=2024-06-01`);
    await settle(page);
    await expect(banner(page).count(), 'same version: decided').resolves.toBe(0);

    const since = tab.requests.length;
    await page.goto(`${harness.origin()}/?pv=2025-01-01`);
    await banner(page).waitFor();
    await expect(banner(page).textContent()).resolves.toContain(ru.policyUpdated);
    await settle(page);
    expectNothingGatedSince(tab, since, 'old consent does not count');
    expectNoErrors(tab);
  });
});

describe('§3.3.1 notice', () => {
  test('appears after "reject all", not before a decision and not after "accept all"', async ({ newTab }) => {
    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${harness.origin()}/`);
    await banner(page).waitFor();
    await expect(notice(page, 'auth-warning').count()).resolves.toBe(0);
    await action(page, 'reject-all').first().click();
    await notice(page, 'auth-warning').waitFor();
    await expect(notice(page, 'auth-warning').textContent()).resolves.toContain(ru.authWarning);

    await page.reload();
    await settle(page);
    await expect(banner(page).count()).resolves.toBe(0);
    await page.locator('.site-footer [data-consent-open]').click();
    await dialog(page).locator('[data-consent-action="accept-all"]').click();
    await expect.poll(() => notice(page, 'auth-warning').count()).toBe(0);
    expectNoErrors(tab);
  });

  test('appears after saving with functional off and other categories on', async ({ newTab }) => {
    const tab = await newTab();
    const { page } = tab;
    await page.goto(`${harness.origin()}/`);
    await action(page, 'preferences').click();
    await ui(page, 'input[data-category="marketing"]').check();
    await dialog(page).locator('[data-consent-action="save"]').click();
    await notice(page, 'auth-warning').waitFor();
  });
});

describe('two tabs', () => {
  test('a decision in one tab reaches the other within a second, without a reload', async ({ newTab }) => {
    const first = await newTab();
    const second = await harness.anotherTab(first.context);
    for (const { page } of [first, second]) {
      await page.goto(`${harness.origin()}/`);
      await banner(page).waitFor();
    }
    await second.page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
    const since = second.requests.length;

    await action(first.page, 'accept-all').first().click();
    const decidedAt = Date.now();
    await banner(second.page).waitFor({ state: 'detached', timeout: 1000 });
    expect(Date.now() - decidedAt).toBeLessThanOrEqual(1000);
    await expect
      .poll(() => second.page.evaluate(() => (window as any).AllurConsent.getState().categories.statistics), { timeout: 1000 })
      .toBe(true);
    await settle(second.page);
    expect(await second.page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(requestedPaths(second, '/stat/pixel', since), 'the other tab sends its pageview').toEqual(['/stat/pixel']);
    expect(gatedPaths(second, since)).toEqual(ALL_GATED_PATHS);

    const withdrawnSince = second.requests.length;
    await first.page.evaluate(() => (window as any).AllurConsent.rejectAll());
    await expect
      .poll(() => second.page.evaluate(() => (window as any).AllurConsent.getState().categories.statistics), { timeout: 1000 })
      .toBe(false);
    await second.page.evaluate(() => (window as any).AllurConsent.pixel.track('after_withdrawal'));
    await settle(second.page);
    expect(requestedPaths(second, '/stat/pixel', withdrawnSince)).toEqual([]);
    expectNoErrors(first);
    expectNoErrors(second);
  });
});
