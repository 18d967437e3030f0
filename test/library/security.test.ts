// @vitest-environment-options {"url":"https://www.allur.kz/cars"}
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createConsent, resolveConfig, resolveConfigLeniently } from '../../src/index';
import { en as english } from '../../src/ui/i18n/en';
import { afterPaint } from '../helpers/after-paint';
import { click, consentOf, pixelHits, shadowOf, tick } from './page';

const en = english();

const TEXT_KEYS = Object.keys(en) as Array<keyof typeof en>;
const payload = (key: string) => `<img src=x onerror="window.pwned='${key}'">${key}<script>window.pwned='${key}'</script>`;

/** The shadow root's text and attribute values, so texts shown as labels count too. */
const rendered = () => {
  const shadow = shadowOf()!;
  const attributes = [...shadow.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((attribute) => attribute.value));
  return [shadow.textContent, ...attributes].join('\n');
};
// The UI's own markup has buttons, text and one close icon (svg path): nothing that loads or runs anything.
const markupElements = () =>
  shadowOf()!.querySelector('.root')!.querySelectorAll('img, script, iframe, object, embed, foreignObject, image, use, style, link, a:not([href^="https://"])');
const handlerAttributes = () =>
  [...shadowOf()!.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((attribute) => /^on/i.test(attribute.name)));

describe('texts from config never become HTML', () => {
  it('renders an <img onerror> and a <script> in every text key as text, in every view', async () => {
    const texts = Object.fromEntries(TEXT_KEYS.map((key) => [key, payload(key)]));
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    // An old decision: the banner says the policy was updated.
    document.cookie = `allur_consent=${encodeURIComponent(JSON.stringify({ v: 1, id: 'abcdefgh12', t: Date.now(), pv: 'old', c: { functional: 1, statistics: 0, marketing: 0 } }))}; path=/`;
    const seen: string[] = [];
    const look = () => {
      seen.push(rendered());
      expect(markupElements()).toHaveLength(0);
      expect(handlerAttributes()).toEqual([]);
    };
    const consent = await consentOf({ texts: { en: texts }, reopenButton: true, pixel: false, consentLog: false });
    look();
    consent.showPreferences();
    look();
    click('reject-all');
    look();
    // With a decision the dialog has its withdraw button.
    consent.showPreferences();
    look();
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    consent.destroy();
    // The browser has cookies off: its notice too.
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    // A held-back iframe has its placeholder; a pixel has its visitor cookie row; declared rows are texts too.
    document.body.insertAdjacentHTML('beforeend', '<iframe data-consent="marketing" data-src="https://maps.example/x"></iframe>');
    const row = { name: payload('name'), provider: payload('provider'), purpose: payload('purpose'), lifetime: payload('lifetime') };
    const second = await consentOf({ texts: { en: texts }, consentLog: false, categories: { functional: { declaration: [row] } } });
    // The cookies notice follows the first render by a task.
    await new Promise((resolve) => setTimeout(resolve));
    second.showPreferences();
    look();
    const placeholder = document.querySelector('allur-consent-embed')!.shadowRoot!;
    seen.push(placeholder.textContent!);
    expect(placeholder.querySelectorAll('img, script, [onerror]')).toHaveLength(0);
    const all = seen.join('\n');
    for (const field of Object.keys(row)) expect(all).toContain(payload(field));
    const missing = TEXT_KEYS.filter((key) => !all.includes(payload(key)));
    expect(missing).toEqual([]);
    expect((window as { pwned?: string }).pwned).toBeUndefined();
  });
});

describe('URLs from config', () => {
  // Schemes that run script or carry a document, disguised the ways browsers still read them.
  const dangerous = [
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    'java\rscript:alert(1)', '\x00javascript:alert(1)', '\x01\x1fjavascript:alert(1)', 'javascript\t:alert(1)',
    'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'blob:https://www.allur.kz/1', 'jar:https://x!/', 'intent://x#Intent;end',
  ];
  const fields = { policyUrl: (url: string) => ({ policyUrl: url }), 'pixel.endpoint': (url: string) => ({ pixel: { endpoint: url } }), 'consentLog.endpoint': (url: string) => ({ consentLog: { endpoint: url } }) };

  it.each(Object.keys(fields))('%s: every disguised javascript:, data:, vbscript: (and other non-http) scheme is refused', (field) => {
    for (const url of dangerous) {
      const config = { policyVersion: 'v1', ...fields[field as keyof typeof fields](url) };
      expect(() => resolveConfig(config), JSON.stringify(url)).toThrow(new RegExp(`^allur-consent: config\\.${field.replace('.', '\\.')} `));
      const reported: string[] = [];
      const resolved = resolveConfigLeniently(config, (message) => reported.push(message));
      expect(reported, JSON.stringify(url)).toHaveLength(1);
      expect(JSON.stringify(resolved)).not.toContain('script');
    }
  });

  it('shows the default policy link when the script tag gives a javascript: one', async () => {
    const reported: string[] = [];
    createConsent(resolveConfigLeniently({ policyVersion: 'v1', policyUrl: 'java\tscript:alert(1)', pixel: false, consentLog: false }, (message) => reported.push(message))).destroy();
    await consentOf(resolveConfigLeniently({ policyVersion: 'v1', policyUrl: 'java\tscript:alert(1)', pixel: false, consentLog: false }, () => {}));
    expect(reported).toEqual([expect.stringContaining('config.policyUrl')]);
    const links = [...shadowOf()!.querySelectorAll('a')].map((link) => link.href);
    expect(links).toEqual(['https://www.allur.kz/']);
  });

  it('accepts http(s), mailto, relative and protocol-relative addresses: destinations are the site\'s choice', () => {
    for (const url of ['https://www.allur.kz/privacy', 'http://allur.kz', 'mailto:info@allur.kz', '/privacy', 'privacy.html', '?policy', '//policies.allur.kz/']) {
      expect(resolveConfig({ policyVersion: 'v1', policyUrl: url }).policyUrl).toBe(url);
    }
    expect(resolveConfig({ policyVersion: 'v1', pixel: { endpoint: '//stat.allur.kz/pixel' } }).pixel).toMatchObject({ endpoint: '//stat.allur.kz/pixel' });
  });
});

describe('the consent cookie cannot inject anything into the page', () => {
  const record = { v: 1, id: 'abcdefgh12', t: Date.now(), pv: 'v1', c: { functional: 1, statistics: 1, marketing: 1 } };
  const hostile: Record<string, unknown> = {
    'HTML in pv': { ...record, pv: '<img src=x onerror=alert(1)>' },
    'HTML in id': { ...record, id: '"><script>alert(1)</script>' },
    'a script URL in id': { ...record, id: 'javascript:alert(1)' },
    'a number as id': { ...record, id: 18308319224572002000 },
    'an extra key': { ...record, html: '<img src=x onerror=alert(1)>' },
    'HTML in a category': { ...record, c: { ...record.c, statistics: '<b>1</b>' } },
    'a __proto__ key': JSON.parse(JSON.stringify(record).replace('{', '{"__proto__":{"decided":true},')),
    'no JSON at all': '<script>alert(1)</script>',
  };

  it.each(Object.keys(hostile))('%s: no decision, the banner shows, nothing rendered from the cookie', async (name) => {
    const value = hostile[name];
    document.cookie = `allur_consent=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}; path=/`;
    const consent = await consentOf();
    expect(consent.getState()).toMatchObject({ decided: false, id: null, categories: { statistics: false } });
    expect(shadowOf()!.querySelector('section.banner')).not.toBeNull();
    expect(markupElements()).toHaveLength(0);
    expect(rendered()).not.toMatch(/alert|onerror/);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    await tick();
    expect(pixelHits()).toEqual([]);
  });

  it('a visitor-id cookie holding HTML is replaced, never sent', async () => {
    document.cookie = `allur_vid=${encodeURIComponent('<img src=x onerror=alert(1)>')}; path=/`;
    await consentOf();
    click('accept-all');
    await afterPaint();
    expect(pixelHits()[0].body.vid).toMatch(/^[\w-]{8,64}$/);
  });
});

describe('the built files', () => {
  // The script tag's core and UI files; the npm entries and the main entry's UI chunk.
  const files = [
    'dist/allur-consent.iife.js',
    ...['ru', 'kk', 'en'].map((lang) => `dist/allur-consent-ui.${lang}.js`),
    'dist/index.mjs',
    'dist/core.mjs',
    ...readdirSync('dist').filter((name) => /^ui-.*\.mjs$/.test(name)).map((name) => `dist/${name}`),
  ];

  it.each(files)('%s has no eval, Function constructor, inline handler or HTML string sink', (file) => {
    expect(existsSync(file), `${file} is missing: run npm run build (npm test does)`).toBe(true);
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(\s*["'`]/);
    expect(code).not.toMatch(/setTimeout\s*\(\s*["'`]|setInterval\s*\(\s*["'`]/);
    expect(code).not.toMatch(/setAttribute\s*\(\s*["'`]on/i);
    expect(code).not.toMatch(/\son[a-z]+\s*=\s*\\?["']/i);
    expect(code).not.toMatch(/insertAdjacentHTML|outerHTML|document\.write|createContextualFragment|DOMParser/);
    // Preact's dangerouslySetInnerHTML path is the only innerHTML; no source of the library ever uses it (below).
    for (const { index } of code.matchAll(/innerHTML/g)) expect(code.slice(Math.max(0, index - 80), index + 80)).toContain('__html');
  });

  it('no source file asks Preact for raw HTML or writes HTML itself', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    for (const file of sources('src')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
  });
});
