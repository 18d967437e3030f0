// Screenshots of the built script-tag files (the core and the UI file it fetches): banner, dialog with its cookie tables, an embed placeholder and both notices, in ru/kk/en, 1280 and 320 px wide,
// light and dark, in Debian's Chromium. Writes PNGs to screenshots/ (git-ignored). Run `npm run build` first.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const ORIGIN = 'https://shop.allur.test/';
const PAGE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<body style="margin:0;font:16px system-ui;background:#eef1f5;color:#0b1a30">
<header style="background:#0b1a30;color:#fff;padding:16px 24px;font-weight:700">ALLUR</header>
<main style="padding:24px;max-width:900px">${'<p>Каталог автомобилей, сервис и запчасти. '.repeat(6)}</p>
<iframe data-consent="marketing" data-src="https://maps.example/embed?city=almaty" width="640" height="360" title="Карта дилеров"></iframe>
<p>${'Каталог автомобилей, сервис и запчасти. '.repeat(6)}</p>
<p><a href="#" data-consent-open>Настройки cookie</a></p></main></body>`;

// Each state starts from a fresh page; `before` runs ahead of the script, `after` once it is up.
const states = {
  banner: {},
  dialog: { after: () => window.AllurConsent.showPreferences() },
  // Every cookie table unfolded, the statistics one scrolled into view.
  'dialog-tables': {
    after: () => {
      window.AllurConsent.showPreferences();
      const shadow = document.querySelector('allur-consent').shadowRoot;
      const tables = [...shadow.querySelectorAll('details')];
      for (const table of tables) table.open = true;
      tables[1].scrollIntoView();
      // Only the dialog's body scrolls to the table: its title stays in view.
      shadow.querySelector('.dialog').scrollTop = 0;
    },
  },
  placeholder: {
    after: () => {
      window.AllurConsent.hide();
      document.querySelector('allur-consent-embed').scrollIntoView();
    },
  },
  'dialog-gpc': { before: () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }), after: () => window.AllurConsent.showPreferences() },
  'auth-warning': { after: () => window.AllurConsent.rejectAll() },
  'cookies-disabled': { before: () => Object.defineProperty(Navigator.prototype, 'cookieEnabled', { get: () => false }) },
};

mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const width of [1280, 320]) {
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height: width > 400 ? 800 : 640 }, colorScheme, reducedMotion: 'reduce' });
    // A page of a real origin: on about:blank storage throws and cookies are off, which would show the
    // cookies-disabled notice in every shot.
    await page.route(ORIGIN, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
    // The inline core fetches its UI files beside the page.
    await page.route(`${ORIGIN}allur-consent-ui.*`, (route) =>
      route.fulfill({ contentType: 'text/javascript', path: `dist/${new URL(route.request().url()).pathname.slice(1)}` }),
    );
    for (const lang of ['ru', 'kk', 'en']) {
      for (const [name, { before, after }] of Object.entries(states)) {
        await page.context().clearCookies();
        await page.goto(ORIGIN);
        if (before) await page.evaluate(before);
        await page.evaluate((lang) => (window.AllurConsentConfig = { policyVersion: '1', lang, pixel: false, consentLog: false, reopenButton: true }), lang);
        await page.addScriptTag({ path: 'dist/allur-consent.iife.js' });
        // The UI file came and mounted the banner.
        await page.waitForFunction(() => document.querySelector('allur-consent'));
        if (after) await page.evaluate(after);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.screenshot({ path: `screenshots/${name}-${lang}-${width}-${colorScheme}.png` });
      }
    }
    await page.close();
  }
}
await browser.close();
console.log('screenshots/ written');
