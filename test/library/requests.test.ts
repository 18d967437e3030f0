// @vitest-environment-options {"url":"https://www.allur.kz/cars?utm_source=vk"}
// Where the pixel's and the consent log's requests go, and what they carry besides their fields.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../helpers/after-paint';
import { click, consoleErrors, consentOf, fetchMock, pixelHits, receipts, sent, shadowOf } from './page';

afterEach(() => {
  document.head.innerHTML = '';
  history.replaceState(null, '', '/cars?utm_source=vk');
});

describe('a fresh app that sets no endpoints', () => {
  it('sends nothing on the first "accept", logs no error and says once at start what is not sent', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    // The fixture's endpoints taken away: the config a site starts from.
    await consentOf({ pixel: undefined, consentLog: undefined });
    expect(info.mock.calls).toEqual([
      [expect.stringMatching(/^allur-consent: no pixel\.endpoint\b/)],
      [expect.stringMatching(/^allur-consent: no consentLog\.endpoint\b/)],
    ]);
    click('accept-all');
    await afterPaint();
    expect(sent).toEqual([]);
    expect(document.cookie).not.toMatch(/allur_vid/);
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(info).toHaveBeenCalledTimes(2);
  });
});

describe('a page with <base href> pointing elsewhere', () => {
  it('sends hits and receipts to the page\'s own origin, and links the policy there', async () => {
    const base = document.createElement('base');
    base.href = 'https://cdn.example/assets/';
    document.head.append(base);
    await consentOf({ policyUrl: '/privacy' });
    expect(shadowOf()!.querySelector<HTMLAnchorElement>('a[href]')!.href).toBe('https://www.allur.kz/privacy');
    click('accept-all');
    await afterPaint();
    expect(pixelHits().map((hit) => hit.url)).toEqual(['https://www.allur.kz/stat/pixel']);
    expect(receipts().map((receipt) => receipt.url)).toEqual(['https://www.allur.kz/stat/consent']);
  });
});

describe('a page address with personal data', () => {
  it('stays out of the Referer: no beacon, fetch and image without referrer', async () => {
    history.replaceState(null, '', '/cars?email=aigerim%40mail.kz');
    const images: HTMLImageElement[] = [];
    vi.stubGlobal('Image', function () {
      return images[images.push(document.createElement('img')) - 1];
    });
    const consent = await consentOf();
    click('accept-all');
    await afterPaint();
    expect(pixelHits().map((hit) => hit.transport)).toEqual(['fetch']);
    for (const [url, init] of fetchMock.mock.calls) expect(init, String(url)).toMatchObject({ referrerPolicy: 'no-referrer' });
    consent.destroy();
    // The next page, already accepted, sends its pageview as an image.
    await consentOf({ pixel: { endpoint: '/stat/pixel', transport: 'image' } });
    expect(images.map((image) => image.referrerPolicy)).toEqual(['no-referrer']);
  });

  it('a page address with nothing to scrub still goes by beacon', async () => {
    await consentOf();
    click('accept-all');
    await afterPaint();
    expect(pixelHits().map((hit) => hit.transport)).toEqual(['beacon']);
  });
});

describe('a page whose old library extends Object.prototype', () => {
  it('sends hits with their own fields only', async () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: 'from the page', enumerable: true, writable: true, configurable: true });
    try {
      const consent = await consentOf();
      click('accept-all');
      consent.pixel.track('calculator', { step: 2 });
      await afterPaint();
    } finally {
      delete (Object.prototype as { polluted?: string }).polluted;
    }
    const standard = ['event', 'page', 'referrer', 'time', 'browser', 'language', 'screen', 'vid', 'cid', 'pv'];
    expect(pixelHits().map((hit) => Object.keys(hit.body).filter((key) => !standard.includes(key)))).toEqual([[], ['step']]);
  });
});
