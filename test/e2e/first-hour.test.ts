// @vitest-environment node
// A newcomer's script tag: the built files copied next to a plain static page, as the README's first step says,
// served by a static file server and used in Chromium. (The npm path, a fresh Vite app on the README's minimal
// config, is examples/vanilla-vite in examples.test.ts.)
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tempFolder } from './packed-apps';
import { launchChromium } from './setup';

const FILES = ['allur-consent.iife.js', 'allur-consent-ui.ru.js', 'allur-consent-ui.kk.js', 'allur-consent-ui.en.js'];

const PAGE = `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Allur</title>
  <link rel="icon" href="data:,">
  <script src="allur-consent.iife.js" defer data-policy-version="2024-06-01"></script>
</head>
<body>
  <main>Allur</main>
  <footer><a href="#" data-consent-open>Настройки cookie</a></footer>
</body>
</html>`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

let folder = '';
let server: Server;
let origin = '';
let browser: Browser;

/** A static file server of `root`, as any web server of a plain site would be: files by path, index.html for `/`. */
function serveFolder(root: string) {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://server.invalid').pathname;
    const file = join(root, path === '/' ? 'index.html' : path.slice(1));
    if (!file.startsWith(root + '/')) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  folder = tempFolder('static-site');
  for (const file of FILES) copyFileSync(join('dist', file), join(folder, file));
  writeFileSync(join(folder, 'index.html'), PAGE);
  server = serveFolder(folder);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

/** The console's messages by type, and uncaught exceptions as errors. */
function consoleOf(page: Page) {
  const seen = { errors: [] as string[], warnings: [] as string[], infos: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
    if (message.type() === 'warning') seen.warnings.push(message.text());
    if (message.type() === 'info') seen.infos.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(`uncaught: ${error.message}`));
  return seen;
}

/** The UI files `page` requests from now on. */
function uiRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/allur-consent-ui.')) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test('the script tag on a static page: the banner in the page’s language, accept, the link reopens the choices; only the documented info in the console', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  try {
    const page = await context.newPage();
    const seen = consoleOf(page);
    const requested = uiRequests(page);
    await page.goto(origin);
    const accept = page.locator('allur-consent >> [data-consent-action=accept-all]');
    await expect.poll(() => accept.isVisible()).toBe(true);
    expect(await page.locator('allur-consent').count(), 'banner hosts').toBe(1);
    expect(requested).toEqual(['/allur-consent-ui.ru.js']);
    expect(await accept.textContent()).toBe('Принять все');

    await accept.click();
    await expect.poll(() => accept.isVisible()).toBe(false);
    const state = await page.evaluate(() => (window as unknown as { AllurConsent: { getState(): unknown } }).AllurConsent.getState());
    expect(state).toMatchObject({ decided: true, policyVersion: '2024-06-01', categories: { statistics: true, marketing: true } });
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain('allur_consent');

    await page.locator('[data-consent-open]').click();
    const statistics = page.locator('allur-consent >> input[data-category="statistics"]');
    await expect.poll(() => statistics.isVisible()).toBe(true);
    expect(await statistics.isChecked()).toBe(true);

    expect(seen.errors).toEqual([]);
    expect(seen.warnings).toEqual([]);
    expect(seen.infos).toEqual([expect.stringMatching(/no pixel\.endpoint/), expect.stringMatching(/no consentLog\.endpoint/)]);

    const returning = await context.newPage();
    const requestedAgain = uiRequests(returning);
    const seenAgain = consoleOf(returning);
    await returning.goto(origin);
    await returning.waitForLoadState('networkidle');
    expect(requestedAgain, 'no UI file on a returning visit').toEqual([]);
    expect(await returning.locator('allur-consent').count()).toBe(0);
    expect([...seenAgain.errors, ...seenAgain.warnings]).toEqual([]);
  } finally {
    await context.close();
  }
});
