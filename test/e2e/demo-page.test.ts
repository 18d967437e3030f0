// @vitest-environment node
// The demo as a visitor sees it, in Chromium, against the built script-tag and ESM bundles in dist/.
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer, type Hit } from '../../demo/app.mjs';
import { launchChromium } from './setup';

// The fields of docs/pixel.md that every hit carries (referrer may be empty on a first page).
const HIT_FIELDS = ['event', 'page', 'referrer', 'time', 'browser', 'language', 'screen', 'vid', 'cid', 'pv'];

let demo: DemoServer;
let browser: Browser;
let dataDir: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allur-demo-page-'));
  demo = await createDemoServer({ dataDir, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => demo.store.clear());
afterEach(() => context?.close());

const trackingHits = () => demo.store.list().filter((hit) => hit.kind !== 'consent');
const pixelHits = (event: string) => demo.store.list().filter((hit) => hit.kind === 'pixel' && hit.fields.event === event);

/** Opens `path` in a fresh 1280×800 context (with Global Privacy Control if asked); collects page errors and CSP violations. */
async function visit(path: string, { gpc = false } = {}): Promise<{ page: Page; problems: string[] }> {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (gpc) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(demo.url + path);
  await page.locator('[data-consent-action="accept-all"]').first().waitFor();
  return { page, problems };
}

const clickAction = (page: Page, action: string) => page.locator(`[data-consent-action="${action}"]`).first().click();

/** Waits until the collector holds a hit matching `predicate`. */
const waitForHit = (predicate: (hit: Hit) => boolean) =>
  expect.poll(() => demo.store.list().some(predicate), { timeout: 5000 }).toBe(true);

describe('the demo page in Chromium', { timeout: 30_000 }, () => {
  it('sends nothing before consent, then every §3.3 field after "accept all"', async () => {
    const { page, problems } = await visit('/');
    await page.waitForTimeout(500);
    expect(demo.store.list()).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await expect.poll(() => page.locator('#dev-empty').isVisible()).toBe(true);

    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    const [pageview] = pixelHits('pageview');
    for (const field of HIT_FIELDS) expect(pageview.fields, field).toHaveProperty(field);
    for (const field of HIT_FIELDS.filter((name) => name !== 'referrer')) expect(pageview.fields[field], field).not.toBe('');
    expect(pageview.ip).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
    expect(pageview.cookies.allur_vid).toBe(pageview.fields.vid);
    expect(JSON.parse(pageview.cookies.allur_consent)).toMatchObject({ v: 1, pv: '2024-06-01' });

    await expect.poll(() => page.locator('#dev-hits').textContent()).toContain('pageview');
    expect(await page.locator('#dev-empty').isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('runs the gated tag, image and iframe only after consent, and counts them as vendor hits', async () => {
    const { page } = await visit('/');
    expect(await page.evaluate(() => (window as { demoVendorTagRuns?: number }).demoVendorTagRuns)).toBeUndefined();
    await clickAction(page, 'accept-all');
    for (const path of ['/vendor/tag.js', '/vendor/ad-pixel.gif', '/vendor/embed.html']) await waitForHit((hit) => hit.fields.path === path);
    await expect.poll(() => page.locator('#vendor-log').textContent()).toContain('Тег статистики выполнен (1)');
  });

  it('sends nothing but the receipt after "reject all", and shows the §3.3.1 notice', async () => {
    const { page } = await visit('/');
    await clickAction(page, 'reject-all');
    await waitForHit((hit) => hit.kind === 'consent');
    await page.locator('[data-consent-notice="auth-warning"]').waitFor();
    await page.locator('[data-pixel-ad]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    expect(trackingHits()).toEqual([]);
    expect(demo.store.list()[0].fields).toMatchObject({ action: 'reject-all', categories: { statistics: false } });
    expect(await page.locator('#dev-empty').isVisible()).toBe(true);
    expect((await context!.cookies()).map((cookie) => cookie.name)).toEqual(['allur_consent']);
    await page.goto(demo.url + '/account');
    await expect.poll(() => page.locator('#login-status').textContent()).toContain('3.3.1');
  });

  it('scrubs personal data from the page address of a hit', async () => {
    const { page } = await visit('/?email=aigerim%40mail.kz&phone=%2B77012345678&iin=880215300123&utm_source=demo#section');
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    const { page: address } = pixelHits('pageview')[0].fields as { page: string };
    expect(address).toContain('utm_source=demo');
    expect(address).not.toMatch(/aigerim|mail\.kz|7012345678|880215300123|#/);
  });

  it('works under the strict Content-Security-Policy of /csp.html', async () => {
    const { page, problems } = await visit('/csp.html');
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    expect(problems).toEqual([]);
  });

  it('works from the ESM build on /esm.html and sends a custom event from the panel', async () => {
    const { page, problems } = await visit('/esm.html');
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    await page.locator('#dev-track').click();
    await waitForHit((hit) => hit.fields.event === 'demo_click' && hit.fields.button === 'test');
    expect(problems).toEqual([]);
  });

  it('sends hits as image GETs with ?transport=image, and receipts in the page language', async () => {
    const { page } = await visit('/?transport=image&lang=kk');
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    expect(pixelHits('pageview')[0].transport).toBe('image');
    expect(demo.store.list().find((hit) => hit.kind === 'consent')?.fields.language).toBe('kk');
  });

  it.for(['ru', 'kk', 'en'])('shows the developer panel in the page language (%s), naming the banner’s own buttons in what to try', async (lang) => {
    const { page, problems } = await visit(`/?lang=${lang}`);
    const panel = page.locator('.dev-panel');
    expect(await panel.getAttribute('lang')).toBe(lang);
    const steps = await panel.locator('.dev-try li').allTextContents();
    expect(steps).toHaveLength(6);
    const label = async (selector: string) => (await page.locator(selector).first().textContent())!.trim();
    expect(steps[0]).toContain(await label('[data-consent-action="accept-all"]'));
    expect(steps[1]).toContain(await label('[data-consent-action="reject-all"]'));
    expect(steps[2]).toContain(await label('.dev-panel [data-consent-open]'));
    expect(steps[3]).toContain(await label('#dev-reset'));
    // Texts the panel's script writes come in the same language as the page around them.
    const none = { ru: '(нет)', kk: '(жоқ)', en: '(none)' }[lang];
    await expect.poll(() => page.locator('#dev-cookie').textContent()).toBe(`allur_consent = ${none}\nallur_vid = ${none}`);
    expect(problems).toEqual([]);
  });

  it('has no axe violations in its own markup (the banner is checked by the library tests)', async () => {
    for (const path of ['/', '/account']) {
      const { page } = await visit(path);
      await clickAction(page, 'accept-all');
      await waitForHit((hit) => hit.fields.event === 'pageview');
      const { violations } = await new AxeBuilder({ page }).exclude('allur-consent').analyze();
      expect(violations.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
      demo.store.clear();
    }
  });

  it('keeps marketing off under Global Privacy Control, even on "accept all"', async () => {
    const { page } = await visit('/', { gpc: true });
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.fields.event === 'pageview');
    await page.waitForTimeout(1000);
    expect(demo.store.list().find((hit) => hit.kind === 'consent')?.fields).toMatchObject({
      gpc: true,
      categories: { statistics: true, marketing: false },
    });
    const vendorPaths = demo.store.list().map((hit) => hit.fields.path);
    expect(vendorPaths).not.toContain('/vendor/ad-pixel.gif');
    expect(vendorPaths).not.toContain('/vendor/embed.html');
  });

  it('asks again when the policy version changes', async () => {
    const { page } = await visit('/');
    await clickAction(page, 'accept-all');
    await waitForHit((hit) => hit.kind === 'consent');
    demo.store.clear();
    await page.goto(`${demo.url}/?pv=2025-01-01`);
    await page.locator('[data-consent-action="accept-all"]').first().waitFor();
    await page.waitForTimeout(500);
    expect(trackingHits()).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { AllurConsent: { getState(): { decided: boolean } } }).AllurConsent.getState().decided)).toBe(false);
  });
});
