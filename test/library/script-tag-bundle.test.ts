// The built script-tag core (run `npm run build` first), executed in a fresh jsdom window as a page would, with the
// UI files it fetches served from dist/.
import { describe, expect, it, vi } from 'vitest';
import { core, coreTag, scriptTagPage } from './script-tag-page';

describe('the script tag', () => {
  it('builds one instance from data-* attributes, even when loaded twice, and renders once the UI file came', async () => {
    const { window, errors, shadow, arrived, uiRequests } = scriptTagPage('', [
      coreTag('data-policy-version="2024-06-01" data-lang="kk" data-policy-url="/privacy" data-consent-log-endpoint="/stat/consent"'),
      coreTag('data-policy-version="other" data-lang="ru"'),
    ].join(''));
    expect(shadow()).toBeUndefined();
    // Asked for while the core ran: the banner is not later than from one file.
    expect(uiRequests().map((request) => request.url.pathname)).toEqual(['/allur-consent-ui.kk.js']);
    await arrived();
    expect(errors).toEqual([]);
    expect(window.document.querySelectorAll('allur-consent')).toHaveLength(1);
    const consent = window.AllurConsent as { getState(): { policyVersion: string }; config: { policyUrl: string; consentLog: unknown } };
    expect(consent.getState().policyVersion).toBe('2024-06-01');
    expect(consent.config).toMatchObject({ policyUrl: '/privacy', consentLog: { endpoint: '/stat/consent' } });
    expect(shadow()!.querySelector('.root')!.getAttribute('lang')).toBe('kk');
    expect(shadow()!.querySelector('[data-consent-action="reject-all"]')!.textContent).toBe('Барлығынан бас тарту');
    expect(uiRequests()).toHaveLength(1);
  });

  it('waits for <body> when loaded in <head>, with the core already running', async () => {
    const { window, shadow, arrived } = scriptTagPage(coreTag('data-policy-version="1"'), '');
    expect((window.AllurConsent as { getState(): { decided: boolean } }).getState().decided).toBe(false);
    expect(window.document.readyState).toBe('loading');
    expect(shadow()).toBeUndefined();
    await new Promise((resolve) => window.document.addEventListener('DOMContentLoaded', resolve));
    await arrived();
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
    expect(window.document.body.firstElementChild!.localName).toBe('allur-consent');
  });

  it('gives the fallback <style> and the UI file’s <script> the nonce of its own script tag', async () => {
    const { shadow, arrived, uiRequests } = scriptTagPage('', coreTag('nonce="abc123" data-policy-version="1"'));
    await arrived();
    expect(shadow()!.querySelector('style')!.getAttribute('nonce')).toBe('abc123');
    expect(uiRequests()[0].nonce).toBe('abc123');
  });

  it('without endpoint attributes sends nothing and says once, as information, which attribute to set', async () => {
    const { window, errors, infos, shadow, arrived } = scriptTagPage('', coreTag('data-policy-version="1"'));
    await arrived();
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
    const { infos } = scriptTagPage('', coreTag('data-policy-version="1" data-pixel-endpoint="/stat/pixel" data-consent-log-endpoint="/stat/consent"'));
    expect(infos).toEqual([]);
  });

  it('lets data-* attributes win over window.AllurConsentConfig', () => {
    const { window } = scriptTagPage(
      '<script>window.AllurConsentConfig = { policyVersion: "1", reopenButton: true, lang: "ru" }</script>',
      coreTag('data-policy-version="2" data-reopen-button="false"'),
    );
    const consent = window.AllurConsent as { config: { policyVersion: string; reopenButton: boolean; lang: string } };
    expect(consent.config).toMatchObject({ policyVersion: '2', reopenButton: false, lang: 'ru' });
  });

  it('keeps pixel: false and consentLog: false of window.AllurConsentConfig off, whatever their attributes say', () => {
    const attributes = 'data-pixel-endpoint="/stat/pixel" data-pixel-transport="image" data-consent-log-endpoint="/stat/consent"';
    const { window } = scriptTagPage(
      '<script>window.AllurConsentConfig = { pixel: false, consentLog: false }</script>',
      coreTag(`data-policy-version="1" ${attributes}`),
    );
    expect((window.AllurConsent as { config: object }).config).toMatchObject({ pixel: false, consentLog: false });
  });

  it('sets the fields of a pixel and consent log the page config turns on', () => {
    const { window } = scriptTagPage(
      "<script>window.AllurConsentConfig = { pixel: { endpoint: '/stat/pixel', spa: true } }</script>",
      coreTag('data-policy-version="1" data-pixel-transport="image" data-consent-log-endpoint="/log"'),
    );
    expect((window.AllurConsent as { config: object }).config).toMatchObject({
      pixel: { endpoint: '/stat/pixel', transport: 'image', spa: true },
      consentLog: { endpoint: '/log' },
    });
  });

  it('reports a bad attribute once, naming the field, and still shows the banner on defaults', async () => {
    const { window, errors, shadow, arrived } = scriptTagPage(
      '<script>document.documentElement.lang = "en"</script>',
      coreTag('data-policy-version="1" data-lang="de" data-pixel-transport="pigeon" data-ui-base="javascript:alert(1)"'),
    );
    await arrived();
    expect(errors.map((args) => String(args[0]))).toEqual([
      expect.stringMatching(/config\.lang/),
      expect.stringMatching(/config\.pixel\.transport/),
      expect.stringMatching(/config\.uiBase must be http\(s\) or relative/),
    ]);
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
    expect(shadow()!.querySelector('.root')!.getAttribute('lang')).toBe('en');
    expect((window.AllurConsent as { config: { pixel: { transport: string } } }).config.pixel.transport).toBe('beacon');
  });

  it('gives one console error naming policyVersion when it is missing, and still shows the banner', async () => {
    const { errors, shadow, arrived } = scriptTagPage('', coreTag('data-lang="ru"'));
    await arrived();
    expect(errors).toHaveLength(1);
    expect(String(errors[0][0])).toMatch(/policyVersion/);
    expect(shadow()!.querySelector('[role=region]')).not.toBeNull();
  });

  it('with data-autoinit="false" only exposes the factory, and fetches nothing', async () => {
    const { window, shadow, arrived, uiRequests } = scriptTagPage('', coreTag('data-policy-version="1" data-autoinit="false"'));
    expect(shadow()).toBeUndefined();
    const factory = window.AllurConsent as { create(config?: object): { showPreferences(): void } };
    expect(Object.keys(factory)).toEqual(['create']);
    expect(uiRequests()).toEqual([]);
    factory.create({ lang: 'en' }).showPreferences();
    await arrived();
    expect(shadow()!.querySelector('[role=dialog]')!.textContent).toContain('Cookie settings');
  });

  it('never throws into the page: a failing browser API becomes one console error', async () => {
    const { window, errors, uncaught, arrived } = scriptTagPage('<script>window.addEventListener("error", () => { window.pageError = true })</script>', '');
    window.Element.prototype.attachShadow = () => {
      throw new Error('shadow roots are off');
    };
    const script = window.document.createElement('script');
    script.dataset.policyVersion = '1';
    script.textContent = core;
    window.document.body.append(script);
    await arrived();
    expect((window as unknown as { pageError?: boolean }).pageError).toBeUndefined();
    expect(uncaught).toEqual([]);
    expect(errors.map((args) => String(args[0]))).toEqual([expect.stringContaining('shadow roots are off')]);
  });
});
