// One banner and one pixel per page, however the page treats the instance.
import { describe, expect, it } from 'vitest';
import { afterPaint } from '../helpers/after-paint';
import { click, consentOf, pixelHits, receipts, shadowOf, uncaught } from './page';

describe('createConsent called again while an instance lives (React StrictMode, two bundles on one page)', () => {
  it('gives the live instance back: one banner, one pageview, one receipt', async () => {
    const first = await consentOf();
    const second = await consentOf();
    expect(second).toBe(first);
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    click('accept-all');
    await afterPaint();
    expect(pixelHits()).toHaveLength(1);
    expect(receipts()).toHaveLength(1);
  });
});

describe('a page that removes the host element', () => {
  it('puts the banner back on the next show, and the dialog on a data-consent-open click', async () => {
    const consent = await consentOf();
    document.querySelector('allur-consent')!.remove();
    consent.showBanner();
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    expect(shadowOf()!.querySelector('section.banner')).not.toBeNull();
    document.body.innerHTML = '<button data-consent-open>Cookie settings</button>';
    document.querySelector<HTMLButtonElement>('[data-consent-open]')!.click();
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    expect(shadowOf()!.querySelector('[role=dialog]')).not.toBeNull();
    expect(uncaught).toEqual([]);
  });
});
