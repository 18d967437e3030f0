import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PolicyLink } from '../../src/ui/PolicyLink';
import { ru as russian } from '../../src/ui/i18n/ru';
import { createConsent } from '../../src/index';
import { setup } from './setup';

const ru = russian();

describe('the host element', () => {
  it('is one <allur-consent> with an open shadow root, first in <body>, no inline style anywhere', async () => {
    document.body.innerHTML = '<main>page</main>';
    const { host, shadow } = await setup();
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    expect(document.body.firstElementChild).toBe(host);
    expect(shadow.mode).toBe('open');
    expect(shadow.querySelector('[style]')).toBeNull();
    expect(host.hasAttribute('style')).toBe(false);
  });

  it('falls back to a <style> carrying the nonce when constructable stylesheets are missing', async () => {
    const { shadow } = await setup({ nonce: 'r4nd0m' });
    const style = shadow.querySelector('style')!;
    expect(style.getAttribute('nonce')).toBe('r4nd0m');
    expect(style.textContent).toContain('--allur-consent-bg');
    expect(style.textContent).toContain('prefers-color-scheme:dark');
    expect(style.textContent).toContain('prefers-reduced-motion');
  });

  it('adopts a constructable stylesheet where the browser has them, and no <style>', async () => {
    const adopted = vi.fn();
    const original = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, get: () => [], set: adopted });
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => undefined);
    try {
      const { shadow } = await setup();
      expect(shadow.querySelector('style')).toBeNull();
      expect(adopted).toHaveBeenCalledWith([expect.any(CSSStyleSheet)]);
      expect(replaceSync.mock.calls[0][0]).toContain(':host{');
    } finally {
      if (original) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', original);
      else delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('reserves scroll padding for the dock on the page while it shows something (WCAG 2.4.11)', async () => {
    vi.useFakeTimers();
    let onResize = () => {};
    vi.stubGlobal('ResizeObserver', class {
      constructor(callback: () => void) {
        onResize = callback;
      }
      observe() {}
      disconnect() {}
    });
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => undefined);
    const page = document as { adoptedStyleSheets: CSSStyleSheet[] };
    const siteSheet = new CSSStyleSheet();
    page.adoptedStyleSheets = [siteSheet];
    const { consent, shadow } = await setup();
    vi.spyOn(shadow.querySelector<HTMLElement>('.dock')!, 'offsetHeight', 'get').mockReturnValue(212);
    onResize();
    expect(replaceSync).toHaveBeenLastCalledWith(':root{scroll-padding-bottom:212px;padding-bottom:212px}');
    fireEvent.click(shadow.querySelector('[data-consent-action="accept-all"]')!);
    vi.advanceTimersByTime(6000);
    onResize();
    expect(replaceSync).toHaveBeenLastCalledWith(':root{scroll-padding-bottom:0px;padding-bottom:0px}');
    expect(page.adoptedStyleSheets).toHaveLength(2);
    expect(page.adoptedStyleSheets[0]).toBe(siteSheet);
    consent.destroy();
    expect(page.adoptedStyleSheets).toEqual([siteSheet]);
    delete (page as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits for <body> when created in <head>, and renders after that frame', async () => {
    const body = document.body;
    body.remove();
    const consent = createConsent({ policyVersion: '1', pixel: false, consentLog: false });
    consent.showPreferences();
    expect(document.querySelector('allur-consent')).toBeNull();
    document.documentElement.append(body);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(document.querySelector('allur-consent')).toBeNull();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    consent.destroy();
  });

  it('removes the host and its page listeners on destroy', async () => {
    const { consent } = await setup();
    const removed = vi.spyOn(document, 'removeEventListener');
    consent.destroy();
    expect(document.querySelector('allur-consent')).toBeNull();
    expect(removed.mock.calls.map(([type]) => type)).toEqual(expect.arrayContaining(['keydown', 'click']));
    consent.showBanner();
    expect(document.querySelector('allur-consent')).toBeNull();
  });

  it('throws a TypeError naming the field on bad config from npm', () => {
    expect(() => createConsent({ policyVersion: '1', lang: 'de' as 'ru' })).toThrow(/lang/);
  });
});

describe('the policy link', () => {
  it('never renders a javascript:, data: or disguised scheme', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', '']) {
      const { container, unmount } = render(<PolicyLink t={ru} url={url} />);
      expect(container.querySelector('a')).toBeNull();
      unmount();
    }
    const { container } = render(<PolicyLink t={ru} url="https://www.allur.kz/" />);
    expect(container.querySelector('a')!.textContent).toBe(ru.policyLink);
  });
});
