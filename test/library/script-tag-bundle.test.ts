// The built script-tag bundle (run `npm run build` first), executed in a fresh jsdom window as a page would.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';

const bundle = readFileSync('dist/allur-consent.iife.js', 'utf8');

/** A page that runs `scripts` (attribute strings) in order, each with the bundle inline; returns its window and errors. */
function page(scripts: string[], head = '') {
  const errors: unknown[][] = [];
  const infos: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => errors.push(args));
  virtualConsole.on('info', (message: unknown) => infos.push(String(message)));
  virtualConsole.on('jsdomError', (error) => errors.push([error]));
  const tags = scripts.map((attributes) => `<script ${attributes}>${bundle}</script>`).join('');
  const dom = new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${tags}</body></html>`, {
    runScripts: 'dangerously',
    url: 'https://www.allur.kz/',
    virtualConsole,
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  // The banner renders in a task after the page's first paint.
  const painted = () => new Promise((resolve) => window.setTimeout(resolve));
  return { window, errors, infos, painted, shadow: () => window.document.querySelector('allur-consent')?.shadowRoot };
}

describe('the script tag', () => {
  it('builds one instance from data-* attributes, even when loaded twice, and renders after the first paint', async () => {
    const { window, errors, shadow, painted } = page([
      'data-policy-version="2024-06-01" data-lang="kk" data-policy-url="/privacy" data-consent-log-endpoint="/stat/consent"',
      'data-policy-version="other" data-lang="ru"',
    ]);
    expect(shadow()).toBeUndefined();
    await painted();
    expect(errors).toEqual([]);
    expect(window.document.querySelectorAll('allur-consent')).toHaveLength(1);
    const consent = window.AllurConsent as { getState(): { policyVersion: string }; config: { policyUrl: string; consentLog: unknown } };
    expect(consent.getState().policyVersion).toBe('2024-06-01');
    expect(consent.config).toMatchObject({ policyUrl: '/privacy', consentLog: { endpoint: '/stat/consent' } });
    expect(shadow()!.querySelector('.root')!.getAttribute('lang')).toBe('kk');
    expect(shadow()!.querySelector('[data-consent-action="reject-all"]')!.textContent).toBe('Барлығынан бас тарту');
  });

  it('waits for <body> when loaded in <head>, with the core already running', async () => {
    const { window, shadow, painted } = page([], `<script data-policy-version="1">${bundle}</script>`);
    expect((window.AllurConsent as { getState(): { decided: boolean } }).getState().decided).toBe(false);
    expect(window.document.readyState).toBe('loading');
    expect(shadow()).toBeUndefined();
    await new Promise((resolve) => window.document.addEventListener('DOMContentLoaded', resolve));
    await painted();
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
    expect(window.document.body.firstElementChild!.localName).toBe('allur-consent');
  });

  it('gives the fallback <style> the nonce of its own script tag', async () => {
    const { shadow, painted } = page(['nonce="abc123" data-policy-version="1"']);
    await painted();
    expect(shadow()!.querySelector('style')!.getAttribute('nonce')).toBe('abc123');
  });

  it('without endpoint attributes sends nothing and says once, as information, which attribute to set', async () => {
    const { window, errors, infos, shadow, painted } = page(['data-policy-version="1"']);
    await painted();
    const fetch = (window.fetch = vi.fn());
    shadow()!.querySelector<HTMLButtonElement>('[data-consent-action="accept-all"]')!.click();
    expect(fetch).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
    expect(infos).toEqual([
      expect.stringMatching(/^allur-consent: no pixel\.endpoint \(data-pixel-endpoint\): /),
      expect.stringMatching(/^allur-consent: no consentLog\.endpoint \(data-consent-log-endpoint\): /),
    ]);
  });

  it('says nothing of endpoints the attributes set', () => {
    const { infos } = page(['data-policy-version="1" data-pixel-endpoint="/stat/pixel" data-consent-log-endpoint="/stat/consent"']);
    expect(infos).toEqual([]);
  });

  it('lets data-* attributes win over window.AllurConsentConfig', () => {
    const { window } = page(
      ['data-policy-version="2" data-reopen-button="false"'],
      '<script>window.AllurConsentConfig = { policyVersion: "1", reopenButton: true, lang: "ru" }</script>',
    );
    const consent = window.AllurConsent as { config: { policyVersion: string; reopenButton: boolean; lang: string } };
    expect(consent.config).toMatchObject({ policyVersion: '2', reopenButton: false, lang: 'ru' });
  });

  it('keeps pixel: false and consentLog: false of window.AllurConsentConfig off, whatever their attributes say', () => {
    const attributes = 'data-pixel-endpoint="/stat/pixel" data-pixel-transport="image" data-consent-log-endpoint="/stat/consent"';
    const { window } = page(
      [`data-policy-version="1" ${attributes}`],
      '<script>window.AllurConsentConfig = { pixel: false, consentLog: false }</script>',
    );
    expect((window.AllurConsent as { config: object }).config).toMatchObject({ pixel: false, consentLog: false });
  });

  it('sets the fields of a pixel and consent log the page config turns on', () => {
    const { window } = page(
      ['data-policy-version="1" data-pixel-transport="image" data-consent-log-endpoint="/log"'],
      "<script>window.AllurConsentConfig = { pixel: { endpoint: '/stat/pixel', spa: true } }</script>",
    );
    expect((window.AllurConsent as { config: object }).config).toMatchObject({
      pixel: { endpoint: '/stat/pixel', transport: 'image', spa: true },
      consentLog: { endpoint: '/log' },
    });
  });

  it('reports a bad attribute once, naming the field, and still shows the banner on defaults', async () => {
    const { window, errors, shadow, painted } = page(['data-policy-version="1" data-lang="de" data-pixel-transport="pigeon"']);
    await painted();
    expect(errors.map((args) => String(args[0]))).toEqual([
      expect.stringMatching(/config\.lang/),
      expect.stringMatching(/config\.pixel\.transport/),
    ]);
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
    expect(shadow()!.querySelector('.root')!.getAttribute('lang')).toBe('en');
    expect((window.AllurConsent as { config: { pixel: { transport: string } } }).config.pixel.transport).toBe('beacon');
  });

  it('gives one console error naming policyVersion when it is missing, and still shows the banner', async () => {
    const { errors, shadow, painted } = page(['data-lang="ru"']);
    await painted();
    expect(errors).toHaveLength(1);
    expect(String(errors[0][0])).toMatch(/policyVersion/);
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
  });

  it('with data-autoinit="false" only exposes the factory', () => {
    const { window, shadow } = page(['data-policy-version="1" data-autoinit="false"']);
    expect(shadow()).toBeUndefined();
    const factory = window.AllurConsent as { create(config?: object): { showPreferences(): void } };
    expect(Object.keys(factory)).toEqual(['create']);
    factory.create({ lang: 'en' }).showPreferences();
    expect(shadow()!.querySelector('[role=dialog]')!.textContent).toContain('Cookie settings');
  });

  it('never throws into the page: a failing browser API becomes one console error', async () => {
    const { window, errors, painted } = page([], '<script>window.addEventListener("error", () => { window.pageError = true })</script>');
    window.Element.prototype.attachShadow = () => {
      throw new Error('shadow roots are off');
    };
    const script = window.document.createElement('script');
    script.dataset.policyVersion = '1';
    script.textContent = bundle;
    window.document.body.append(script);
    await painted();
    expect((window as unknown as { pageError?: boolean }).pageError).toBeUndefined();
    expect(errors.map((args) => String(args[0]))).toEqual([expect.stringContaining('shadow roots are off')]);
  });
});
