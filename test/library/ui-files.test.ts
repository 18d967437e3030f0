// The script tag's two kinds of file (run `npm run build` first): the core the page includes, and the UI file of
// one language it fetches when something must show, found, fresh and whole.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en as english } from '../../src/ui/i18n/en';
import { kk as kazakh } from '../../src/ui/i18n/kk';
import { ru as russian } from '../../src/ui/i18n/ru';
import * as cookieTexts from '../../src/core/cookie-texts';
import { wipeCookies } from '../helpers/cookies';
import { core, coreTag, distServer, scriptTagPage } from './script-tag-page';

const locales = { ru: russian(), kk: kazakh(), en: english() };
const uiFileOf = (lang: string) => readFileSync(`dist/allur-consent-ui.${lang}.js`, 'utf8');
/** Strings of a language's texts long enough to be that language's alone. */
const textsOf = (lang: keyof typeof locales) =>
  (['title', 'body', 'preferencesIntro', 'marketingDescription'] as const).map((key) => JSON.stringify(locales[lang][key]).slice(1, 40));
/** The cookie-table purposes of a language, of the presets' rows (src/core/cookie-texts.ts). */
const cookieTextsOf = (lang: keyof typeof locales) =>
  [cookieTexts.visitorId, cookieTexts.sessionReplay, cookieTexts.cookiesSetCheck, cookieTexts.browserCheck].map((text) => (text as Record<string, string>)[lang]);
const DECIDED = encodeURIComponent(JSON.stringify({ v: 1, id: 'abcdefgh12', t: Date.now(), pv: '1', c: { functional: 1, statistics: 1, marketing: 0 } }));

describe('the core, dist/allur-consent.iife.js', () => {
  it('holds no Preact, no styles, no texts, no cookie-table rows and no SHA-256', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) for (const text of [...textsOf(lang), ...cookieTextsOf(lang)]) expect(core).not.toContain(text);
    expect(core).not.toContain('_ym_metrika_enabled');
    expect(core).not.toContain('forceUpdate');
    expect(core).not.toContain('--allur-consent-bg');
    expect(core).not.toContain('Math.cbrt');
  });
});

describe.each(Object.keys(locales) as Array<keyof typeof locales>)('the %s UI file', (lang) => {
  const others = (Object.keys(locales) as Array<keyof typeof locales>).filter((other) => other !== lang);

  it('carries its own texts and cookie-table rows only, and none of the core', () => {
    const file = uiFileOf(lang);
    for (const text of [...textsOf(lang), ...cookieTextsOf(lang)]) expect(file).toContain(text);
    for (const other of others) for (const text of [...textsOf(other), ...cookieTextsOf(other)]) expect(file).not.toContain(text);
    expect(file).not.toContain('allur_vid=');
    expect(file).not.toContain('must be http(s) or relative');
  });

  it.each([
    ['data-lang', '', `data-lang="${lang}"`],
    ['<html lang>', `<script>document.documentElement.lang = "${lang}-KZ"</script>`, ''],
  ])('is what the core fetches for %s: versioned, with its Subresource Integrity, same-origin without crossorigin', async (_name, head, attributes) => {
    const { uiRequests, shadow, arrived } = scriptTagPage(head, coreTag(`data-policy-version="1" ${attributes}`));
    const [request] = uiRequests();
    expect(request.url.pathname).toBe(`/allur-consent-ui.${lang}.js`);
    expect(request.url.search).toMatch(/^\?v=[0-9a-f]{10}$/);
    expect(request.integrity).toBe(`sha384-${createHash('sha384').update(readFileSync(`dist/allur-consent-ui.${lang}.js`)).digest('base64')}`);
    expect(request.crossOrigin).toBeNull();
    await arrived();
    expect(shadow()!.querySelector('h2')!.textContent).toBe(locales[lang].title);
  });
});

describe('where the UI file comes from', () => {
  it.each([
    ['beside the script’s own src', '<script src="https://cdn.allur.kz/consent/allur-consent.iife.js" data-policy-version="1" data-lang="ru"></script>', 'https://cdn.allur.kz/consent/allur-consent-ui.ru.js', 'anonymous'],
    ['from data-ui-base, relative to the page', coreTag('data-policy-version="1" data-lang="ru" data-ui-base="/assets/consent"'), 'https://www.allur.kz/assets/consent/allur-consent-ui.ru.js', null],
    ['from data-ui-base on another origin', coreTag('data-policy-version="1" data-lang="ru" data-ui-base="https://cdn.allur.kz/ui/"'), 'https://cdn.allur.kz/ui/allur-consent-ui.ru.js', 'anonymous'],
    ['from uiBase of window.AllurConsentConfig', `<script>window.AllurConsentConfig = { uiBase: "/static/", lang: "ru" }</script>${coreTag('data-policy-version="1"')}`, 'https://www.allur.kz/static/allur-consent-ui.ru.js', null],
  ])('%s', async (_name, body, url, crossOrigin) => {
    const { uiRequests, shadow, arrived, errors } = scriptTagPage('', body);
    await arrived();
    const [request] = uiRequests();
    expect(request.url.origin + request.url.pathname).toBe(url);
    expect(request.crossOrigin).toBe(crossOrigin);
    expect(shadow()!.querySelector('section.banner')).not.toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('when the UI file is fetched', () => {
  it('not on a returning visit with nothing to see, and at a [data-consent-open] click, which gets the dialog', async () => {
    const { window, uiRequests, shadow, arrived } = scriptTagPage(
      `<script>document.cookie = "allur_consent=${DECIDED}; path=/"</script>`,
      `<a href="#" data-consent-open>Cookie settings</a>${coreTag('data-policy-version="1"')}`,
    );
    await arrived();
    expect((window.AllurConsent as { getState(): { decided: boolean } }).getState().decided).toBe(true);
    expect(uiRequests()).toEqual([]);
    const link = window.document.querySelector<HTMLElement>('[data-consent-open]')!;
    link.focus();
    link.click();
    await arrived();
    expect(uiRequests()).toHaveLength(1);
    expect(shadow()!.querySelector('[role=dialog]')).not.toBeNull();
    window.document.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape' }));
    expect(window.document.activeElement).toBe(link);
    wipeCookies();
  });

  it('ahead of a click, when a pointer comes over a [data-consent-open] control or it takes focus', async () => {
    const { window, uiRequests, shadow, arrived } = scriptTagPage(
      `<script>document.cookie = "allur_consent=${DECIDED}; path=/"</script>`,
      `<button data-consent-open>Cookie settings</button>${coreTag('data-policy-version="1"')}`,
    );
    const button = window.document.querySelector('button')!;
    button.dispatchEvent(new window.Event('pointerover', { bubbles: true }));
    button.focus();
    await arrived();
    expect(uiRequests()).toHaveLength(1);
    expect(shadow()).toBeUndefined();
  });
});

describe('a UI file that fails', () => {
  it.each([
    ['is not found', () => new Response(null, { status: 404 })],
    ['hands nothing over (another file at its address)', () => new Response('void 0', { headers: { 'Content-Type': 'text/javascript' } })],
  ])('%s: one console error naming it, nothing granted, and showPreferences() tries again', async (_name, failure) => {
    const server = { answer: (url: URL) => (url.pathname.includes('allur-consent-ui.') ? failure() : distServer(url)) };
    const { window, uiRequests, shadow, arrived, errors, uncaught } = scriptTagPage('', coreTag('data-policy-version="1" data-lang="en"'), server);
    await arrived();
    const [first] = uiRequests();
    expect(errors.map((args) => String(args[0]))).toEqual([`Error: allur-consent: the UI file ${first.url.href} did not load`]);
    expect(uncaught).toEqual([]);
    expect(shadow()).toBeUndefined();
    const consent = window.AllurConsent as { getState(): { decided: boolean; categories: object }; showPreferences(): void };
    expect(consent.getState()).toMatchObject({ decided: false, categories: { functional: false, statistics: false, marketing: false } });
    expect(window.document.cookie).not.toContain('allur_consent');
    server.answer = distServer;
    consent.showPreferences();
    await arrived();
    expect(uiRequests()).toHaveLength(2);
    expect(shadow()!.querySelector('[role=dialog]')).not.toBeNull();
    expect(errors).toHaveLength(1);
  });
});

describe('the npm entry’s UI chunk', () => {
  it.each(['mjs', 'cjs'])('stays a chunk of its own in the .%s output, which the entry loads only on demand', (extension) => {
    const entry = readFileSync(`dist/index.${extension}`, 'utf8');
    const [chunk] = readdirSync('dist').filter((name) => name.startsWith('ui-') && name.endsWith(`.${extension}`));
    expect(entry).not.toMatch(/['"]preact/);
    expect(entry).toContain(extension === 'mjs' ? `import('./${chunk}')` : `require('./${chunk}')`);
    expect(readFileSync(`dist/${chunk}`, 'utf8')).toMatch(/['"]preact['"]/);
  });
});
