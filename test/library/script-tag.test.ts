// The built script-tag bundle on hostile pages (run `npm run build` first; `npm test` does).
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';

const bundle = readFileSync('dist/allur-consent.iife.js', 'utf8');

/** A page whose `<head>` holds `before`, then the bundle with `attributes`; its console errors and uncaught errors. */
function pageWith(before: string, attributes = 'data-policy-version="1" data-lang="en"') {
  const consoleErrors: string[] = [];
  const uncaught: unknown[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => consoleErrors.push(args.map(String).join(' ')));
  virtualConsole.on('jsdomError', (error) => uncaught.push(error));
  const dom = new JSDOM(
    `<!doctype html><html><head>${before}</head><body><main>shop</main><script ${attributes}>${bundle}</script></body></html>`,
    { runScripts: 'dangerously', url: 'https://www.allur.kz/', virtualConsole },
  );
  const window = dom.window as unknown as Window & typeof globalThis;
  const banner = () => window.document.querySelector('allur-consent')?.shadowRoot?.querySelector('section.banner') ?? null;
  // The banner renders in a task after the page's first paint.
  const painted = () => new Promise((resolve) => window.setTimeout(resolve));
  return { window, consoleErrors, uncaught, banner, painted };
}

describe('the script tag on a hostile page', () => {
  it.each([
    ['a string', '"policyVersion"'],
    ['null', 'null'],
    ['an array', '[1, 2]'],
    ['a number', '42'],
    ['a function', 'function () {}'],
    ['an object with a __proto__ key', 'JSON.parse(\'{"__proto__": {"reopenButton": true}, "lang": "en"}\')'],
    ['bad values in every field', '{ policyUrl: "javascript:alert(1)", texts: { en: { title: 5 } }, cookie: { domain: "<b>" }, pixel: { endpoint: "data:,x" }, vendors: 1 }'],
  ])('window.AllurConsentConfig as %s: console errors only, the banner on defaults', async (_name, value) => {
    const { window, uncaught, banner, painted } = pageWith(`<script>window.AllurConsentConfig = ${value}</script>`);
    await painted();
    expect(uncaught).toEqual([]);
    expect(banner()).not.toBeNull();
    const consent = window.AllurConsent as { config: { policyUrl: string; reopenButton: boolean } };
    expect(consent.config.policyUrl).toBe('https://www.allur.kz/');
    expect(consent.config.reopenButton).toBe(false);
  });

  it('window.AllurConsentConfig with a getter that throws: one console error, nothing thrown into the page', () => {
    const { uncaught, consoleErrors } = pageWith(
      '<script>window.AllurConsentConfig = { get pixel() { throw new Error("page bug") } }</script>',
    );
    expect(uncaught).toEqual([]);
    expect(consoleErrors).toEqual([expect.stringContaining('page bug')]);
  });

  it('an element with id="AllurConsent" (DOM clobbering) does not stop the banner', async () => {
    const { window, uncaught, banner, painted } = pageWith('<div id="AllurConsent">widget</div>');
    await painted();
    expect(uncaught).toEqual([]);
    expect(banner()).not.toBeNull();
    expect(typeof (window.AllurConsent as { getState?: unknown }).getState).toBe('function');
  });
});
