// One banner and one pixel per page, however the page treats the instance.
import { describe, expect, it } from 'vitest';
import { click, consentOf, pixelHits, receipts, tick } from './page';

describe('createConsent called again while an instance lives (React StrictMode, two bundles on one page)', () => {
  it('gives the live instance back: one banner, one pageview, one receipt', async () => {
    const first = consentOf();
    const second = consentOf();
    expect(second).toBe(first);
    expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
    click('accept-all');
    await tick(20);
    expect(pixelHits()).toHaveLength(1);
    expect(receipts()).toHaveLength(1);
  });
});
