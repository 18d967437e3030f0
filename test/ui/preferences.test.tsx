import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { arrived, focused, mounted, setup, storeDecision } from './setup';
import { afterPaint } from '../helpers/after-paint';

const click = (root: ParentNode, selector: string) => fireEvent.click(root.querySelector<HTMLElement>(selector)!);
const openFromBanner = async () => {
  const fixture = await setup();
  const settings = fixture.shadow.querySelector<HTMLElement>('.banner [data-consent-action="preferences"]')!;
  settings.focus();
  fireEvent.click(settings);
  return { ...fixture, settings, dialog: fixture.ui.getByRole('dialog') };
};
const switchOf = (root: ParentNode, id: string) => root.querySelector<HTMLInputElement>(`[data-category="${id}"]`)!;

describe('the preferences dialog', () => {
  it('is an APG modal dialog labelled by its heading, with focus moved inside', async () => {
    const { dialog, shadow, ui } = await openFromBanner();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(ui.getByRole('dialog', { name: 'Настройки cookie' })).toBe(dialog);
    expect(dialog.contains(focused(shadow))).toBe(true);
    expect(shadow.querySelector('.banner')!.hasAttribute('inert')).toBe(true);
  });

  it('has one labelled switch per category, none optional pre-ticked, necessary locked on', async () => {
    const { ui, dialog } = await openFromBanner();
    const names = { necessary: 'Необходимые', functional: 'Функциональные', statistics: 'Статистика (пиксель)', marketing: 'Маркетинг и реклама' };
    for (const [id, name] of Object.entries(names)) {
      const control = ui.getByRole('switch', { name }) as HTMLInputElement;
      expect(control.dataset.category).toBe(id);
      expect(control.checked).toBe(id === 'necessary');
      expect(control.disabled).toBe(id === 'necessary');
    }
    expect(dialog.textContent).toContain('Всегда включены');
  });

  it('states operator, data, recipients, cross-border transfer, duration and how to withdraw', async () => {
    const { dialog } = await openFromBanner();
    for (const fact of ['ТОО «Аллюр Авто»', 'IP-адрес', 'Google, Meta, Яндекс', 'трансграничная передача', '6 месяцев', 'Отозвать согласие']) {
      expect(dialog.textContent).toContain(fact);
    }
  });

  it('saves exactly the switched categories', async () => {
    const { consent, dialog } = await openFromBanner();
    fireEvent.click(switchOf(dialog, 'statistics'));
    click(dialog, '[data-consent-action="save"]');
    expect(consent.getState()).toMatchObject({ decided: true, categories: { functional: false, statistics: true, marketing: false } });
  });

  it('offers accept all and reject all too', async () => {
    const { consent, dialog } = await openFromBanner();
    click(dialog, '[data-consent-action="accept-all"]');
    expect(consent.getState().categories).toEqual({ necessary: true, functional: true, statistics: true, marketing: true });
    consent.showPreferences();
    click(consent && document.querySelector('allur-consent')!.shadowRoot!, '[role=dialog] [data-consent-action="reject-all"]');
    expect(consent.getState().categories).toEqual({ necessary: true, functional: false, statistics: false, marketing: false });
  });

  it('reflects the current state when reopened, not an unsaved draft', async () => {
    storeDecision('2024-06-01', { functional: 0, statistics: 1, marketing: 0 });
    const { consent } = await setup();
    consent.showPreferences();
    await arrived();
    const { shadow } = mounted();
    expect(switchOf(shadow, 'statistics').checked).toBe(true);
    fireEvent.click(switchOf(shadow, 'marketing'));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    consent.showPreferences();
    expect(switchOf(shadow, 'marketing').checked).toBe(false);
    expect(switchOf(shadow, 'statistics').checked).toBe(true);
  });

  it('closes on Escape and on its close button without saving, and returns focus to the opener', async () => {
    const { consent, shadow, settings } = await openFromBanner();
    fireEvent.click(switchOf(shadow, 'statistics'));
    fireEvent.keyDown(focused(shadow)!, { key: 'Escape' });
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(consent.getState().decided).toBe(false);
    expect(shadow.querySelector('.banner')!.hasAttribute('inert')).toBe(false);
    expect(focused(shadow)).toBe(settings);
    fireEvent.click(settings);
    click(shadow, '[role=dialog] [data-consent-dismiss]');
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(consent.getState().decided).toBe(false);
    expect(focused(shadow)).toBe(settings);
  });

  it('keeps Tab and Shift+Tab cycling inside', async () => {
    const { dialog, shadow } = await openFromBanner();
    const items = [...dialog.querySelectorAll<HTMLElement>('*')].filter((item) => item.matches('a[href],button,input:not(:disabled)'));
    const [first, last] = [items[0], items[items.length - 1]];
    expect(last.dataset.consentAction).toBe('accept-all');
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(focused(shadow)).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(focused(shadow)).toBe(last);
    // In the middle the browser moves focus itself: nothing is prevented.
    items[1].focus();
    expect(fireEvent.keyDown(items[1], { key: 'Tab' })).toBe(true);
    expect(focused(shadow)).toBe(items[1]);
  });

  it('opens from any [data-consent-open] element of the page and gives focus back to it', async () => {
    const { consent, shadow } = await setup();
    fireEvent.click(shadow.querySelector('[data-consent-action="accept-all"]')!);
    document.body.insertAdjacentHTML('beforeend', '<footer><a href="#" data-consent-open><span>Cookie</span></a></footer>');
    const link = document.querySelector<HTMLElement>('[data-consent-open]')!;
    link.focus();
    expect(fireEvent.click(link.firstElementChild!)).toBe(false);
    expect(switchOf(shadow, 'marketing').checked).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(document.activeElement).toBe(link);
    consent.destroy();
    fireEvent.click(link);
    expect(document.querySelector('allur-consent')).toBeNull();
  });

  it('gives focus to the status region when a decision closes it with the banner it was opened from', async () => {
    const { shadow } = await openFromBanner();
    expect(shadow.activeElement!.closest('[role=dialog]')).not.toBeNull();
    fireEvent.click(shadow.querySelector('[role=dialog] [data-consent-action="save"]')!);
    expect(shadow.querySelector('.banner')).toBeNull();
    expect(shadow.activeElement).toBe(shadow.querySelector('[role=status]'));
  });

  it('gives focus back to the page element it was opened from when a decision closes it', async () => {
    const { shadow } = await setup();
    fireEvent.click(shadow.querySelector('[data-consent-action="reject-all"]')!);
    document.body.insertAdjacentHTML('beforeend', '<a href="#" data-consent-open>Cookie</a>');
    const link = document.querySelector<HTMLElement>('[data-consent-open]')!;
    link.focus();
    fireEvent.click(link);
    const accept = shadow.querySelector<HTMLElement>('[role=dialog] [data-consent-action="accept-all"]')!;
    accept.focus();
    fireEvent.click(accept);
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('locks marketing off and says why when the browser sends Global Privacy Control', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const { consent, dialog, ui } = await openFromBanner();
    const marketing = switchOf(dialog, 'marketing');
    expect(marketing.disabled && !marketing.checked).toBe(true);
    const notice = ui.getByText(/Global Privacy Control/);
    expect(marketing.getAttribute('aria-describedby')!.split(' ')).toContain(notice.id);
    click(dialog, '[data-consent-action="accept-all"]');
    expect(consent.getState().categories.marketing).toBe(false);
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  });
});

describe('the withdraw button', () => {
  it.each([
    ['ru', 'Отозвать согласие'],
    ['kk', 'Келісімді кері қайтару'],
    ['en', 'Withdraw consent'],
  ] as const)('in %s shows only once there is a decision, and takes it back as reset() does', async (lang, label) => {
    storeDecision('2024-06-01', { functional: 1, statistics: 1, marketing: 0 });
    const { consent } = await setup({ lang });
    const changes: Array<{ decided: boolean }> = [];
    consent.on('change', (state) => changes.push(state));
    consent.showPreferences();
    await arrived();
    const { shadow, ui } = mounted();
    const withdraw = ui.getByRole('button', { name: label });
    expect(withdraw.dataset.consentAction).toBe('withdraw');
    fireEvent.click(withdraw);
    expect(consent.getState()).toMatchObject({ decided: false, categories: { functional: false, statistics: false } });
    expect(document.cookie).not.toContain('allur_consent');
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(shadow.querySelector('.banner')).not.toBeNull();
    await afterPaint();
    expect(changes).toHaveLength(1);
    consent.showPreferences();
    expect(shadow.querySelector('[data-consent-action="withdraw"]')).toBeNull();
  });
});
