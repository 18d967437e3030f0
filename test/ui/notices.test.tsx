import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setup } from './setup';
import { deleteCookie } from '../helpers/cookies';
import { removeLinkBack } from '../helpers/link-back';
import { afterPaint } from '../helpers/after-paint';

const notice = (shadow: ShadowRoot, name: string) => shadow.querySelector<HTMLElement>(`[data-consent-notice="${name}"]`);
const press = (shadow: ShadowRoot, selector: string) => fireEvent.click(shadow.querySelector<HTMLElement>(selector)!);

afterEach(() => vi.useRealTimers());

describe('notices', () => {
  it('warns about sections needing authorization after every refusal of functional (§3.3.1), not before', async () => {
    for (const refuse of ['reject-all', 'close']) {
      const { consent, shadow } = await setup();
      expect(notice(shadow, 'auth-warning')).toBeNull();
      press(shadow, `.banner [data-consent-action="${refuse}"]`);
      const warning = notice(shadow, 'auth-warning')!;
      expect(warning.textContent).toContain('разделы сайта, требующие авторизации, могут быть недоступны');
      expect(warning.closest('[role=status]')).not.toBeNull();
      expect(shadow.querySelector('[role=dialog]')).toBeNull();
      consent.destroy();
      deleteCookie('allur_consent');
    }
  });

  it('warns after saving with functional off, and not after accepting it', async () => {
    const { consent, shadow } = await setup();
    consent.showPreferences();
    fireEvent.click(shadow.querySelector('[data-category="statistics"]')!);
    press(shadow, '[data-consent-action="save"]');
    expect(notice(shadow, 'auth-warning')).not.toBeNull();
    consent.acceptAll();
    await afterPaint();
    expect(notice(shadow, 'auth-warning')).toBeNull();
  });

  it('lets the visitor reopen settings from the warning, or dismiss it', async () => {
    const { shadow } = await setup();
    press(shadow, '.banner [data-consent-action="reject-all"]');
    press(shadow, '[data-consent-notice="auth-warning"] [data-consent-action="preferences"]');
    expect(shadow.querySelector('[role=dialog]')).not.toBeNull();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    press(shadow, '[data-consent-notice="auth-warning"] [data-consent-dismiss]');
    expect(notice(shadow, 'auth-warning')).toBeNull();
  });

  it('renders the banner without probing storage, and probes it in the next task', async () => {
    const probes = vi.spyOn(window, 'localStorage', 'get');
    const { ui } = await setup();
    expect(ui.getByRole('region')).toBeTruthy();
    expect(probes).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve));
    expect(probes).toHaveBeenCalled();
  });

  it('warns, right after the banner renders, when the browser keeps no cookies', async () => {
    vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false);
    const { shadow, ui } = await setup({ lang: 'en' });
    // Probed in the task after the first render: the probe's first use of storage is slow.
    expect(notice(shadow, 'cookies-disabled')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve));
    expect(notice(shadow, 'cookies-disabled')!.textContent).toContain('Cookies are disabled in your browser');
    expect(ui.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
    press(shadow, '[data-consent-notice="cookies-disabled"] [data-consent-dismiss]');
    expect(notice(shadow, 'cookies-disabled')).toBeNull();
  });

  it('announces "saved" in the status region after a choice, for a few seconds', async () => {
    vi.useFakeTimers();
    const { shadow } = await setup();
    const status = shadow.querySelector('[role=status]')!;
    expect(status.textContent).toBe('');
    press(shadow, '.banner [data-consent-action="accept-all"]');
    expect(status.textContent).toBe('Выбор сохранён');
    vi.advanceTimersByTime(6000);
    expect(status.textContent).toBe('');
  });
});

describe('the reopen button', () => {
  it('floats once a choice is made, opens the preferences and takes focus back', async () => {
    const { consent, shadow, ui } = await setup({ reopenButton: true });
    expect(shadow.querySelector('[data-consent-reopen]')).toBeNull();
    press(shadow, '.banner [data-consent-action="accept-all"]');
    const reopen = ui.getByRole('button', { name: 'Настройки cookie' });
    expect(reopen.matches('[data-consent-reopen][data-consent-action="preferences"]')).toBe(true);
    reopen.focus();
    fireEvent.click(reopen);
    expect(ui.getByRole('dialog')).toBeTruthy();
    press(shadow, '[role=dialog] [data-consent-action="reject-all"]');
    expect(consent.getState().categories.statistics).toBe(false);
    expect(shadow.activeElement).toBe(shadow.querySelector('[data-consent-reopen]'));
  });

  it('without it, focus left in the banner goes to the status region, and page focus is never taken', async () => {
    const { consent, shadow } = await setup();
    const accept = shadow.querySelector<HTMLElement>('[data-consent-action="accept-all"]')!;
    accept.focus();
    fireEvent.click(accept);
    expect(shadow.activeElement).toBe(shadow.querySelector('[role=status]'));
    document.body.insertAdjacentHTML('beforeend', '<input id="search">');
    document.getElementById('search')!.focus();
    consent.showBanner();
    consent.hide();
    expect(document.activeElement!.id).toBe('search');
  });

  it('is not there unless asked for', async () => {
    const { shadow } = await setup();
    press(shadow, '.banner [data-consent-action="accept-all"]');
    expect(shadow.querySelector('[data-consent-reopen]')).toBeNull();
  });
});

describe('cookies that do not stick', () => {
  it('shows the cookies-disabled notice once writing the decision fails', async () => {
    const { consent, shadow } = await setup();
    expect(notice(shadow, 'cookies-disabled')).toBeNull();
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(() => undefined);
    consent.acceptAll();
    await afterPaint();
    expect(consent.getStatus().cookiesDisabled).toBe(true);
    expect(notice(shadow, 'cookies-disabled')).not.toBeNull();
  });
});

describe('a page with no way back to the choices', () => {
  it('is told once, after a decision, that withdrawal must stay reachable', async () => {
    removeLinkBack();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { consent } = await setup();
    expect(warn).not.toHaveBeenCalled();
    consent.rejectAll();
    consent.acceptAll();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/data-consent-open.*reopenButton/);
  });

  it('says nothing when the page has a data-consent-open element', async () => {
    removeLinkBack();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const link = document.body.appendChild(document.createElement('a'));
    link.setAttribute('data-consent-open', '');
    (await setup()).consent.acceptAll();
    link.remove();
    expect(warn).not.toHaveBeenCalled();
  });
});
