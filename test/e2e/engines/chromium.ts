// Debian's Chromium driven by playwright-core, behind the same interface as Firefox and WebKit, so the
// cross-browser checks run in the third engine too: one browser for the file, a fresh context per session, and a
// profile of its own when cookies are blocked.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, launchWithCookiesBlocked } from '../setup';
import { ERROR_PROBE, type BrowserTab, type Engine, type Session } from './driver';

async function chromiumTab(context: BrowserContext): Promise<BrowserTab> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // An init script runs before the page's own scripts, so it also sees errors while loading.
  await page.addInitScript(ERROR_PROBE);
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    press: (key) => page.keyboard.press(key),
    async resize(width, height) {
      await page.setViewportSize({ width, height });
      return page.evaluate(() => innerWidth);
    },
    screenshot: async (path) => void (await page.screenshot({ path })),
  };
}

export function chromiumEngine(): Engine {
  let shared: Promise<Browser> | undefined;
  return {
    name: 'chromium',
    canBlockCookies: true,
    async openSession({ blockCookies = false } = {}) {
      const blocked = blockCookies ? await launchWithCookiesBlocked() : undefined;
      const context = blocked?.context ?? (await (await (shared ??= launchChromium())).newContext());
      const session: Session = {
        tab: await chromiumTab(context),
        newTab: () => chromiumTab(context),
        // A blocked-cookies profile is removed with its browser.
        close: () => (blocked ? blocked.close() : context.close()),
      };
      return session;
    },
    async stop() {
      await (await shared)?.close();
    },
  };
}
