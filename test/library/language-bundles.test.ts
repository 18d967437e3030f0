// The one-language script-tag bundles (run `npm run build` first), each executed in a fresh jsdom window.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import * as cookieTexts from '../../src/core/cookie-texts';
import { en as english } from '../../src/ui/i18n/en';
import { kk as kazakh } from '../../src/ui/i18n/kk';
import { ru as russian } from '../../src/ui/i18n/ru';

const ru = russian();
const kk = kazakh();
const en = english();

const locales = { ru, kk, en };
/** The presets' cookie texts (purposes and lifetimes), each in every language. */
const presetTexts = Object.values(cookieTexts) as Array<Record<keyof typeof locales, string>>;
const bundleOf = (lang: string) => readFileSync(`dist/allur-consent.${lang}.iife.js`, 'utf8');

/** A page in `pageLang` (nothing sent: no pixel, no consent log) running the bundle of `lang` with `attributes`; resolves once the banner had its frame. */
async function page(lang: string, pageLang: string, attributes: string) {
  const dom = new JSDOM(
    `<!doctype html><html lang="${pageLang}"><head><script>window.AllurConsentConfig = { pixel: false, consentLog: false }</script></head><body><script data-policy-version="1" ${attributes}>${bundleOf(lang)}</script></body></html>`,
    { runScripts: 'dangerously', url: 'https://www.allur.kz/' },
  );
  const window = dom.window as unknown as Window & typeof globalThis;
  await new Promise((resolve) => window.setTimeout(resolve));
  return { window, shadow: window.document.querySelector('allur-consent')!.shadowRoot! };
}

describe.each(Object.entries(locales))('the %s bundle', (lang, texts) => {
  const others = Object.entries(locales).filter(([other]) => other !== lang);

  it('carries its own texts only', () => {
    const bundle = bundleOf(lang);
    for (const key of ['title', 'body', 'preferencesIntro', 'marketingDescription'] as const) {
      expect(bundle).toContain(JSON.stringify(texts[key]).slice(1, 40));
      for (const [, other] of others) expect(bundle).not.toContain(JSON.stringify(other[key]).slice(1, 40));
    }
  });

  it('carries its own language of the presets’ cookie texts only', () => {
    const bundle = bundleOf(lang);
    for (const text of presetTexts) {
      const own = text[lang as keyof typeof locales];
      expect(bundle).toContain(own);
      for (const [other] of others) if (text[other as keyof typeof locales] !== own) expect(bundle).not.toContain(text[other as keyof typeof locales]);
    }
  });

  it('shows the presets’ cookie texts in its tables', async () => {
    const { window, shadow } = await page(lang, lang, '');
    (window.AllurConsent as { showPreferences(): void }).showPreferences();
    const cells = [...shadow.querySelectorAll('td')].map((cell) => cell.textContent);
    for (const text of presetTexts) expect(cells).toContain(text[lang as keyof typeof locales]);
  });

  it.each([
    ['its own language', lang, `data-lang="${lang}"`],
    ...others.map(([other]) => [`data-lang="${other}"`, other, `data-lang="${other}"`]),
    ...others.map(([other]) => [`<html lang="${other}">`, other, '']),
  ])('shows its own language for %s, and records it', async (_name, pageLang, attributes) => {
    const { window, shadow } = await page(lang, pageLang, attributes);
    expect(shadow.querySelector('.root')!.getAttribute('lang')).toBe(lang);
    expect(shadow.querySelector('h2')!.textContent).toBe(texts.title);
    const consent = window.AllurConsent as { config: { lang: string }; acceptAll(): void; getState(): { decided: boolean } };
    expect(consent.config.lang).toBe(lang);
    shadow.querySelector<HTMLButtonElement>('[data-consent-action="accept-all"]')!.click();
    expect(consent.getState().decided).toBe(true);
  });
});
