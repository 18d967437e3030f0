// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi: one browser for the file, a fresh
// browser context (its own cookies and storage) per session, and a browser of its own when cookies are blocked.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { BROWSER_ENV, ERROR_PROBE, type BrowserTab, type Engine, type Key, type Session } from './driver';

const FIREFOX_PATH = '/usr/bin/firefox-esr';

function launch(prefs: Record<string, unknown> = {}): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`${FIREFOX_PATH} is missing: install it with apt-get install firefox-esr`);
  }
  return puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, env: BROWSER_ENV, extraPrefsFirefox: prefs,
  });
}

async function firefoxTab(context: BrowserContext): Promise<BrowserTab> {
  const page: Page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewport({ width: 1280, height: 800 });
  // A preload script: it runs before the page's own scripts, so it also sees errors while loading.
  await page.evaluateOnNewDocument(ERROR_PROBE);
  const press = async (key: Key) => {
    if (key !== 'Shift+Tab') return page.keyboard.press(key);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
  };
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    press,
    async resize(width, height) {
      await page.setViewport({ width, height });
      return page.evaluate(() => innerWidth);
    },
    screenshot: async (path) => void (await page.screenshot({ path })),
  };
}

export function firefoxEngine(): Engine {
  let shared: Promise<Browser> | undefined;
  return {
    name: 'firefox',
    canBlockCookies: true,
    async openSession({ blockCookies = false } = {}) {
      // cookieBehavior 2 is Firefox's "block all cookies".
      const own = blockCookies ? await launch({ 'network.cookie.cookieBehavior': 2 }) : undefined;
      const browser = own ?? (await (shared ??= launch()));
      const context = await browser.createBrowserContext();
      const session: Session = {
        tab: await firefoxTab(context),
        newTab: () => firefoxTab(context),
        close: async () => {
          await context.close();
          await own?.close();
        },
      };
      return session;
    },
    async stop() {
      await (await shared)?.close();
    },
  };
}
