import { fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { setup, storeDecision } from './setup';
import { deleteCookie } from '../helpers/cookies';
import { afterPaint } from '../helpers/after-paint';

const action = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[data-consent-action="${name}"]`)!;

describe('the first layer', () => {
  it('is a labelled non-modal region with title, the §3.3 data list, the policy link and four controls', async () => {
    const { ui, shadow } = await setup();
    const region = ui.getByRole('region', { name: 'Согласие на cookie' });
    expect(region.getAttribute('aria-modal')).toBeNull();
    expect(ui.getByRole('heading', { name: 'Мы используем cookie' })).toBeTruthy();
    expect(region.textContent).toContain('IP-адрес, данные cookie и браузера, время посещения, адреса страницы и предыдущей страницы');
    expect(ui.getByRole('link', { name: 'Политика конфиденциальности' }).getAttribute('href')).toBe('https://www.allur.kz/');
    expect(ui.getByRole('button', { name: 'Принять все' }).dataset.consentAction).toBe('accept-all');
    expect(ui.getByRole('button', { name: 'Отклонить все' }).dataset.consentAction).toBe('reject-all');
    expect(ui.getByRole('button', { name: 'Настройки' }).dataset.consentAction).toBe('preferences');
    expect(ui.getByRole('button', { name: 'Закрыть' }).dataset.consentAction).toBe('close');
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
  });

  it('gives accept, reject and settings the very same styling', async () => {
    const { shadow } = await setup();
    const classes = ['accept-all', 'reject-all', 'preferences'].map((name) => action(shadow, name).className);
    expect(new Set(classes)).toEqual(new Set(['button']));
  });

  it('records each first-layer action as the core decision it names', async () => {
    const cases = [
      ['accept-all', { functional: true, statistics: true, marketing: true }],
      ['reject-all', { functional: false, statistics: false, marketing: false }],
      ['close', { functional: false, statistics: false, marketing: false }],
    ] as const;
    for (const [name, categories] of cases) {
      const { consent, shadow } = await setup();
      fireEvent.click(action(shadow, name));
      expect(consent.getState()).toMatchObject({ decided: true, categories: { necessary: true, ...categories } });
      expect(shadow.querySelector('.banner')).toBeNull();
      consent.destroy();
      deleteCookie('allur_consent');
    }
  });

  it('records a refusal on Escape inside the banner, and ignores Escape elsewhere on the page', async () => {
    const { consent, shadow } = await setup();
    document.body.append(Object.assign(document.createElement('input'), { id: 'page-field' }));
    fireEvent.keyDown(document.getElementById('page-field')!, { key: 'Escape' });
    expect(consent.getState().decided).toBe(false);
    fireEvent.keyDown(action(shadow, 'accept-all'), { key: 'Escape' });
    expect(consent.getState()).toMatchObject({ decided: true, categories: { functional: false, statistics: false, marketing: false } });
  });

  it('does not show when a decision for this policy version is stored, and says so when the policy changed', async () => {
    storeDecision('2024-06-01', { functional: 1, statistics: 0, marketing: 0 });
    const first = await setup();
    expect(first.host).toBeNull();
    first.consent.destroy();
    const second = await setup({ policyVersion: '2025-01-01' });
    expect(second.ui.getByText(/Мы обновили политику конфиденциальности/)).toBeTruthy();
  });

  it('renders the policy link only for http(s), mailto or relative addresses', async () => {
    for (const [url, shown] of [['mailto:info@allur.kz', true], ['/privacy', true], ['policy.html', true]] as const) {
      const { shadow, consent } = await setup({ policyUrl: url });
      expect(!!shadow.querySelector(`a[href="${url}"]`)).toBe(shown);
      consent.destroy();
    }
  });

  it('comes back on showBanner(), reset() and goes on hide()', async () => {
    const { consent, shadow } = await setup();
    fireEvent.click(action(shadow, 'accept-all'));
    consent.showBanner();
    expect(shadow.querySelector('.banner')).not.toBeNull();
    consent.hide();
    expect(shadow.querySelector('.banner')).toBeNull();
    consent.reset();
    await afterPaint();
    expect(shadow.querySelector('.banner')).not.toBeNull();
  });
});

describe('a click', () => {
  /** An instance that sends receipts, its change listener, and what the click must leave for after the paint. */
  const watched = async () => {
    const receipts = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', receipts);
    const instance = await setup({ consentLog: { endpoint: '/stat/consent' } });
    const changed = vi.fn();
    instance.consent.on('change', changed);
    return { ...instance, later: [receipts, changed] };
  };

  it.each([
    ['accept-all', false],
    ['reject-all', true],
    ['close', true],
  ])('on %s shows its whole result in its own task, and leaves the receipt and the change event for after the paint', async (name, warned) => {
    const { shadow, later } = await watched();
    fireEvent.click(action(shadow, name));
    expect(shadow.querySelector('.banner')).toBeNull();
    expect(shadow.textContent).toContain('Выбор сохранён');
    expect(!!shadow.querySelector('[data-consent-notice="auth-warning"]')).toBe(warned);
    for (const work of later) expect(work).not.toHaveBeenCalled();
    await afterPaint();
    for (const work of later) expect(work).toHaveBeenCalled();
    expect(shadow.querySelector('.banner')).toBeNull();
    expect(!!shadow.querySelector('[data-consent-notice="auth-warning"]')).toBe(warned);
  });

  it('in the dialog closes it and shows "saved" in its own task', async () => {
    const { consent, shadow, later } = await watched();
    consent.showPreferences();
    fireEvent.click(shadow.querySelector('[data-category="functional"]')!);
    fireEvent.click(action(shadow.querySelector('[role=dialog]')!, 'save'));
    expect(shadow.querySelector('[role=dialog]')).toBeNull();
    expect(shadow.querySelector('.banner')).toBeNull();
    expect(shadow.textContent).toContain('Выбор сохранён');
    expect(shadow.querySelector('[data-consent-notice="auth-warning"]')).toBeNull();
    for (const work of later) expect(work).not.toHaveBeenCalled();
    await afterPaint();
    expect(consent.getState().categories).toMatchObject({ functional: true, statistics: false });
    for (const work of later) expect(work).toHaveBeenCalled();
  });
});
