// Shared harness of the real-browser tests: the demo server on a free port with a throw-away data directory,
// Debian's Chromium driven by playwright-core (one browser per file), and a fresh context per test whose
// requests, console errors and CSP violations are recorded.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDemoServer, type DemoServer, type Hit } from '../../demo/app.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';


/** Time given to the page to send anything it would send, before asserting that it did not. */
export const QUIET_MS = 1500;

/** Launches Debian's Chromium, or fails with the command that installs it. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

function requireChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's Chromium (apt-get install chromium) to run test/e2e`);
  }
}

/**
 * A browser whose profile blocks all cookies, as a visitor's "block cookies" setting does (content setting
 * `cookies: 2` in the profile's Preferences): cookie writes are dropped and storage access throws, yet Chromium
 * still reports `navigator.cookieEnabled === true`. Returns the context and a function that closes and removes it.
 */
export async function launchWithCookiesBlocked(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'allur-consent-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page under observation: every request URL, console error, uncaught error and CSP violation it caused. */
export interface Tab {
  page: Page;
  context: BrowserContext;
  requests: URL[];
  errors: string[];
  cspViolations: string[];
}

/** Starts recording what `page` does; call before its first navigation. */
export async function watch(page: Page): Promise<Tab> {
  const tab: Tab = { page, context: page.context(), requests: [], errors: [], cspViolations: [] };
  page.on('request', (request) => tab.requests.push(new URL(request.url())));
  page.on('console', (message) => {
    if (message.type() === 'error') tab.errors.push(message.text());
  });
  page.on('pageerror', (error) => tab.errors.push(`uncaught: ${error.message}`));
  await page.exposeBinding('reportCspViolation', (_source, violation: string) => tab.cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return tab;
}

/** Pathnames requested by `tab` (from request number `since` on) that start with `prefix`, in order. */
export function requestedPaths(tab: Tab, prefix: string, since = 0): string[] {
  return tab.requests.slice(since).map((url) => url.pathname).filter((path) => path.startsWith(prefix));
}

/** The distinct pixel and vendor paths the tab requested from request number `since` on, sorted. */
export const gatedPaths = (tab: Tab, since = 0): string[] =>
  [...new Set([...requestedPaths(tab, '/stat/pixel', since), ...requestedPaths(tab, '/vendor/', since)])].sort();

/** What the demo pages request once everything is granted: the pixel, the statistics tag, the ad image and embed. */
export const ALL_GATED_PATHS = ['/stat/pixel', '/vendor/ad-pixel.gif', '/vendor/embed.html', '/vendor/tag.js'];

/** Asserts that since request number `since` the tab neither hit the pixel nor loaded a gated vendor resource. */
export function expectNothingGatedSince(tab: Tab, since: number, why?: string): void {
  expect(gatedPaths(tab, since), why).toEqual([]);
}

/** The names of the context's cookies, sorted. */
export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((cookie) => cookie.name).sort();
}

/** The open shadow root's UI: Playwright's CSS engine pierces open shadow roots. */
export const ui = (page: Page, selector: string) => page.locator(`allur-consent ${selector}`);

export const banner = (page: Page) => ui(page, 'section.banner');
export const dialog = (page: Page) => ui(page, '[role=dialog]');
export const notice = (page: Page, name: string) => ui(page, `[data-consent-notice="${name}"]`);
export const action = (page: Page, name: string) => ui(page, `[data-consent-action="${name}"]`);

/** Waits until `page` has fired all it fires on its own, so what was not sent can be asserted. */
export const settle = (page: Page) => page.waitForTimeout(QUIET_MS);

export interface Harness {
  /** The demo server's origin, e.g. `http://localhost:40123`. */
  origin(): string;
  /** Hits of one kind the demo's collector recorded from `tab`'s context (told apart by its user agent). */
  hits(kind: Hit['kind'], tab: Tab): Hit[];
  /** Another watched page in the same context. */
  anotherTab(context: BrowserContext): Promise<Tab>;
  /** `test` with a `newTab` fixture: a new context with one watched page, closed when the test ends. */
  test: ReturnType<typeof extendTest>;
}

type NewTab = (options?: BrowserContextOptions) => Promise<Tab>;
const extendTest = (newTab: (contexts: BrowserContext[]) => NewTab) =>
  test.extend<{ newTab: NewTab }>({
    // The empty pattern is how vitest declares a fixture that uses no other fixture.
    // oxlint-disable-next-line no-empty-pattern
    newTab: async ({}, use) => {
      const contexts: BrowserContext[] = [];
      await use(newTab(contexts));
      await Promise.all(contexts.map((context) => context.close()));
    },
  });

/**
 * Registers the hooks of one test file (demo server and browser before all tests, stopped after all) and
 * returns the harness. Each context gets its own user agent, so tests may run concurrently on one collector.
 */
export function useHarness(): Harness {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  let userAgent = '';
  let dataDir = '';
  let contextCount = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'allur-consent-e2e-'));
    demo = await createDemoServer({ dataDir, port: 0 });
    browser = await launchChromium();
    const probe = await browser.newPage();
    userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const anotherTab = (context: BrowserContext) => context.newPage().then(watch);
  const tabUserAgent = new WeakMap<BrowserContext, string>();
  return {
    origin: () => demo!.url,
    hits: (kind, tab) =>
      demo!.store.list().filter((hit) => hit.kind === kind && hit.userAgent === tabUserAgent.get(tab.context)),
    anotherTab,
    test: extendTest((contexts) => async (options) => {
      const agent = `${userAgent} e2e/${++contextCount}`;
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, userAgent: agent, ...options });
      tabUserAgent.set(context, agent);
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      return anotherTab(context);
    }),
  };
}

/** Fails with the tab's recorded errors, so a broken page says why. */
export function expectNoErrors(tab: Tab): void {
  expect(tab.errors, 'console errors and uncaught exceptions').toEqual([]);
}
