// @vitest-environment-options {"url":"https://www.allur.kz/cars?utm_source=vk"}
// Where the pixel's and the consent log's requests go, and what they carry besides their fields.
import { afterEach, describe, expect, it } from 'vitest';
import { click, consentOf, pixelHits, receipts, shadowOf, tick } from './page';

afterEach(() => {
  document.head.innerHTML = '';
  history.replaceState(null, '', '/cars?utm_source=vk');
});

describe('a page with <base href> pointing elsewhere', () => {
  it('sends hits and receipts to the page\'s own origin, and links the policy there', async () => {
    const base = document.createElement('base');
    base.href = 'https://cdn.example/assets/';
    document.head.append(base);
    consentOf({ policyUrl: '/privacy' });
    expect(shadowOf()!.querySelector<HTMLAnchorElement>('a[href]')!.href).toBe('https://www.allur.kz/privacy');
    click('accept-all');
    await tick();
    expect(pixelHits().map((hit) => hit.url)).toEqual(['https://www.allur.kz/stat/pixel']);
    expect(receipts().map((receipt) => receipt.url)).toEqual(['https://www.allur.kz/stat/consent']);
  });
});
