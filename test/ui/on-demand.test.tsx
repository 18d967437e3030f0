// A returning visitor with nothing to see gets no UI at all; each thing that must show fetches and mounts it.
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { arrived, mounted, setup, storeDecision } from './setup';
import { afterPaint } from '../helpers/after-paint';

const host = () => document.querySelector('allur-consent');
const decidedBefore = (functional: 0 | 1 = 1) => storeDecision('2024-06-01', { functional, statistics: 1, marketing: 0 });

describe('the UI of a returning visitor', () => {
  it('is not mounted: no host, no stylesheet on the page, no keydown listener, one click listener', async () => {
    decidedBefore();
    const added = vi.spyOn(document, 'addEventListener');
    const page = document as { adoptedStyleSheets: CSSStyleSheet[] };
    page.adoptedStyleSheets = [];
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    const { consent } = await setup();
    expect(consent.getState().decided).toBe(true);
    expect(host()).toBeNull();
    expect(page.adoptedStyleSheets).toEqual([]);
    expect(added.mock.calls.map(([type]) => type).filter((type) => type === 'keydown' || type === 'click')).toEqual(['click']);
    delete (page as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  });

  it('mounts with the dialog on a click on a [data-consent-open] element, which gets focus back', async () => {
    decidedBefore();
    document.body.innerHTML = '<footer><a href="#" data-consent-open>Cookie settings</a></footer>';
    await setup({ lang: 'en' });
    const link = document.querySelector<HTMLElement>('[data-consent-open]')!;
    link.focus();
    expect(fireEvent.click(link)).toBe(false);
    await arrived();
    const { ui } = mounted();
    expect(ui.getByRole('dialog', { name: 'Cookie settings' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(document.activeElement).toBe(link);
  });

  it('mounts on showPreferences() and on showBanner(), not on hide()', async () => {
    decidedBefore();
    const { consent } = await setup();
    consent.hide();
    await arrived();
    expect(host()).toBeNull();
    consent.showPreferences();
    await arrived();
    expect(mounted().shadow.querySelector('[role=dialog]')).not.toBeNull();
    consent.destroy();
    const again = await setup();
    again.consent.showBanner();
    await arrived();
    expect(mounted().shadow.querySelector('section.banner')).not.toBeNull();
  });

  it('mounts with the banner on reset()', async () => {
    decidedBefore();
    const { consent } = await setup();
    consent.reset();
    await arrived();
    await afterPaint();
    expect(mounted().shadow.querySelector('section.banner')).not.toBeNull();
  });

  it('mounts with the banner when another tab withdraws', async () => {
    decidedBefore();
    await setup();
    const otherTab = new BroadcastChannel('allur-consent');
    otherTab.postMessage({ decision: null });
    await waitFor(() => expect(host()?.shadowRoot?.querySelector('section.banner')).toBeTruthy());
    otherTab.close();
  });

  it('mounts with the §3.3.1 notice when a page script refuses functional', async () => {
    decidedBefore();
    const { consent } = await setup();
    consent.rejectAll();
    await arrived();
    await afterPaint();
    expect(mounted().shadow.querySelector('[data-consent-notice="auth-warning"]')).not.toBeNull();
  });

  it('mounts at once with the banner when the policy changed', async () => {
    decidedBefore();
    await setup({ policyVersion: '2025-01-01' });
    expect(mounted().shadow.querySelector('.policy-updated')).not.toBeNull();
  });

  it.each([
    ['cookies are off', {}, () => vi.spyOn(navigator, 'cookieEnabled', 'get').mockReturnValue(false), '[data-consent-notice="cookies-disabled"]'],
    ['the reopen button is on', { reopenButton: true }, () => {}, '[data-consent-reopen]'],
  ] as const)('mounts at once when %s', async (_name, config, arrange, selector) => {
    decidedBefore();
    arrange();
    await setup(config);
    expect(document.querySelector('allur-consent')).not.toBeNull();
    // The cookies notice follows the first render by a task (the probe's first use of storage is slow).
    await new Promise((resolve) => setTimeout(resolve));
    expect(mounted().shadow.querySelector(selector)).not.toBeNull();
  });
});
