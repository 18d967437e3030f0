// The built script-tag core on hostile pages (run `npm run build` first; `npm test` does).
import { describe, expect, it } from 'vitest';
import { coreTag, scriptTagPage } from './script-tag-page';

/** A page whose `<head>` holds `before`, then the core with `attributes`; its console errors, uncaught errors and banner. */
function pageWith(before: string, attributes = 'data-policy-version="1" data-lang="en"') {
  const page = scriptTagPage(before, `<main>shop</main>${coreTag(attributes)}`);
  const banner = () => page.shadow()?.querySelector('section.banner') ?? null;
  return { ...page, banner };
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
    const { window, uncaught, banner, arrived } = pageWith(`<script>window.AllurConsentConfig = ${value}</script>`);
    await arrived();
    expect(uncaught).toEqual([]);
    expect(banner()).not.toBeNull();
    const consent = window.AllurConsent as { config: { policyUrl: string; reopenButton: boolean } };
    expect(consent.config.policyUrl).toBe('https://www.allur.kz/');
    expect(consent.config.reopenButton).toBe(false);
  });

  it('window.AllurConsentConfig with a getter that throws: one console error, nothing thrown into the page', () => {
    const { uncaught, errors } = pageWith(
      '<script>window.AllurConsentConfig = { get pixel() { throw new Error("page bug") } }</script>',
    );
    expect(uncaught).toEqual([]);
    expect(errors.map((args) => args.map(String).join(' '))).toEqual([expect.stringContaining('page bug')]);
  });

  it('an element with id="AllurConsent" (DOM clobbering) does not stop the banner', async () => {
    const { window, uncaught, banner, arrived } = pageWith('<div id="AllurConsent">widget</div>');
    await arrived();
    expect(uncaught).toEqual([]);
    expect(banner()).not.toBeNull();
    expect(typeof (window.AllurConsent as { getState?: unknown }).getState).toBe('function');
  });
});
