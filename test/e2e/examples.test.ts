// @vitest-environment node
// The apps in examples/ as their users build them: each installed from the packed library with npm, built with
// its framework's tools (or none), served, and used in Chromium. React runs under <StrictMode>, on the dev servers too,
// where StrictMode renders and subscribes twice; the Next.js app is prerendered on the server and hydrated.
import { rmSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppServer, freePort, installExample, packLibrary, run, serve } from './packed-apps';
import { launchChromium } from './setup';

// Installs and builds take a while on a cold npm cache.
const SETUP_MS = 300_000;

interface Served {
  /** What serves the app on `port`, as `node_modules/.bin/<bin> ...args`. */
  serve(port: number): [bin: string, args: string[]];
  /** Build before serving (`npm run build`); a dev server builds as it serves. */
  build: boolean;
}

const vitePreview: Served = {
  build: true,
  serve: (port) => ['vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort']],
};
const viteDev: Served = {
  build: false,
  serve: (port) => ['vite', ['--host', '127.0.0.1', '--port', String(port), '--strictPort']],
};
const nextStart: Served = {
  build: true,
  serve: (port) => ['next', ['start', '--hostname', '127.0.0.1', '--port', String(port)]],
};

const nextDev: Served = {
  build: false,
  serve: (port) => ['next', ['dev', '--hostname', '127.0.0.1', '--port', String(port)]],
};

const apps: [example: string, how: string, served: Served][] = [
  ['react-vite', 'vite build + vite preview', vitePreview],
  ['react-vite', 'vite dev server', viteDev],
  ['next-app', 'next build + next start', nextStart],
  // Development React checks hydration in full (attributes too) and StrictMode renders twice.
  ['next-app', 'next dev', nextDev],
  ['vue-vite', 'vite build + vite preview', vitePreview],
  // The README's minimal config in a framework-free app: no endpoints, a gated tag in the page's HTML.
  ['vanilla-vite', 'vite build + vite preview', vitePreview],
];

let tarball = '';
let browser: Browser;
const installed = new Map<string, string>();

beforeAll(async () => {
  tarball = packLibrary();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const folder of [...installed.values(), tarball.replace(/\/[^/]+$/, '')]) {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The example installed once, however many ways it is served. */
function example(name: string): string {
  if (!installed.has(name)) installed.set(name, installExample(name, tarball));
  return installed.get(name)!;
}

// Only the UI chunk holds these: the embed placeholders' element and the UI's stylesheet.
const UI_MARKERS = ['allur-consent-embed', '--allur-consent-bg'];

/** The scripts `page` downloads from now on that hold the library's UI, by URL. */
function uiScripts(page: Page): Promise<string[]>[] {
  const seen: Promise<string[]>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push(response.text().then((body) => (UI_MARKERS.some((marker) => body.includes(marker)) ? [response.url()] : []), () => []));
  });
  return seen;
}
const urlsOf = async (seen: Promise<string[]>[]) => (await Promise.all(seen)).flat();

/** Console errors and warnings, and uncaught exceptions: a hydration mismatch is reported as one of them. */
function complaints(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  return seen;
}

describe.each(apps)('examples/%s (%s)', (name, _how, served) => {
  let server: AppServer | undefined;

  beforeAll(async () => {
    const folder = example(name);
    if (served.build) run(folder, 'npm', ['run', 'build']);
    const port = await freePort();
    const [bin, args] = served.serve(port);
    server = await serve(folder, bin, args, `http://127.0.0.1:${port}/`);
  }, SETUP_MS);

  afterAll(() => server?.stop());

  test('one banner; accept shows in the app and opens the gate; reset closes it; nothing complains', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      const seen = complaints(page);
      await page.goto(server!.url);
      const state = page.locator('#consent-state');
      const accept = page.locator('allur-consent >> [data-consent-action=accept-all]');

      await expect.poll(() => accept.isVisible()).toBe(true);
      await expect.poll(() => state.textContent()).toBe('undecided');
      expect(await page.locator('allur-consent').count(), 'banner hosts').toBe(1);
      expect(await page.locator('#fallback').isVisible()).toBe(true);
      expect(await page.locator('#gated').count()).toBe(0);

      await accept.click();
      await expect.poll(() => state.textContent()).toMatch(/^decided .*marketing/);
      await page.locator('#gated').waitFor();
      expect(await page.locator('#fallback').count()).toBe(0);
      expect(await accept.isVisible()).toBe(false);

      await page.locator('#reset').click();
      await expect.poll(() => state.textContent()).toBe('undecided');
      await page.locator('#fallback').waitFor();
      expect(await page.locator('#gated').count()).toBe(0);
      await expect.poll(() => accept.isVisible()).toBe(true);
      expect(await page.locator('allur-consent').count(), 'banner hosts').toBe(1);

      expect(seen).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.runIf(name === 'vanilla-vite')('the gated statistics tag runs once statistics is granted; no endpoint is only an info', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      const infos: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'info') infos.push(message.text());
      });
      await page.goto(server!.url);
      const accept = page.locator('allur-consent >> [data-consent-action=accept-all]');
      await expect.poll(() => accept.isVisible()).toBe(true);
      expect(await page.locator('#statistics').textContent()).toBe('not run');
      expect(infos).toEqual([expect.stringMatching(/no pixel\.endpoint/), expect.stringMatching(/no consentLog\.endpoint/)]);
      await accept.click();
      await expect.poll(() => page.locator('#statistics').textContent()).toBe('ran');
    } finally {
      await context.close();
    }
  });

  test('the UI comes in a chunk of its own: a first visit downloads it, a returning visit after a decision does not', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      const firstVisit = uiScripts(page);
      await page.goto(server!.url);
      const accept = page.locator('allur-consent >> [data-consent-action=accept-all]');
      await expect.poll(() => accept.isVisible()).toBe(true);
      expect(await urlsOf(firstVisit), 'the UI chunk on a first visit').not.toEqual([]);

      await accept.click();
      await expect.poll(() => page.locator('#consent-state').textContent()).toMatch(/^decided/);
      const returning = await context.newPage();
      const returningVisit = uiScripts(returning);
      await returning.goto(server!.url);
      await expect.poll(() => returning.locator('#consent-state').textContent()).toMatch(/^decided/);
      await returning.waitForLoadState('networkidle');
      expect(await urlsOf(returningVisit), 'no UI on a returning visit').toEqual([]);
      expect(await returning.locator('allur-consent').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
