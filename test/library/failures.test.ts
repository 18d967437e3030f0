// @vitest-environment-options {"url":"https://www.allur.kz/cars"}
import { describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../helpers/after-paint';
import { click, consentOf, consoleErrors, fetchMock, network, pixelHits, receipts, shadowOf, tick, uncaught } from './page';

type Answer = () => Promise<Response>;
const answers: Record<string, Answer> = {
  'down (connection refused)': () => Promise.reject(new TypeError('Failed to fetch')),
  'offline': () => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.')),
  'answering 500': async () => new Response('oops', { status: 500 }),
  'answering an HTML error page': async () => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
  'answering 200 with HTML (a captive portal)': async () => new Response('<html>Login to Wi-Fi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
  'slow (10 s)': () => new Promise((resolve) => setTimeout(() => resolve(new Response(null, { status: 204 })), 10_000)),
};

describe.each(Object.keys(answers))('pixel and consent-log endpoints %s', (name) => {
  it('throw nothing into the page, retry nothing, report once, and later hits still go out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    network.beacon = () => false;
    network.fetch = answers[name];
    const consent = await consentOf();
    click('accept-all');
    for (let index = 0; index < 30; index++) consent.pixel.track('calculator', { step: index });
    await vi.advanceTimersByTimeAsync(60_000);
    const calls = () => fetchMock.mock.calls.map(([url]) => String(url));
    // One request per hit and one per receipt: nothing retried.
    expect(calls().filter((url) => url === '/stat/pixel')).toHaveLength(31);
    expect(calls().filter((url) => url === '/stat/consent')).toHaveLength(1);
    expect(uncaught).toEqual([]);
    expect(consoleErrors.mock.calls.length).toBeLessThanOrEqual(2);
    // The page keeps working: the dialog opens, a new choice is recorded, hits go out again when the endpoint is back.
    consent.showPreferences();
    expect(shadowOf()!.querySelector('[role=dialog]')).not.toBeNull();
    click('save');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls().filter((url) => url === '/stat/consent')).toHaveLength(2);
    network.fetch = async () => new Response(null, { status: 204 });
    consent.pixel.track('after');
    expect(calls().filter((url) => url === '/stat/pixel')).toHaveLength(32);
    vi.useRealTimers();
  });
});

describe('an ad blocker', () => {
  it('blocking the gated tag\'s src: reported once, the next gated script still runs, the page goes on', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="statistics" src="https://mc.yandex.ru/metrika/tag.js"></script>
      <script type="text/plain" data-consent="statistics">window.afterBlocked = true</script>`;
    const errors = vi.fn();
    const consent = await consentOf();
    consent.on('error', errors);
    click('accept-all');
    await afterPaint();
    const blocked = document.querySelector<HTMLScriptElement>('script[src*="metrika"]')!;
    expect(blocked.type).not.toBe('text/plain');
    blocked.dispatchEvent(new Event('error'));
    await tick();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0][0]).toMatchObject({ source: 'gate' });
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(0);
    expect(uncaught).toEqual([]);
  });

  it('blocking the pixel endpoint (sendBeacon throws, fetch rejects): hits dropped, reported once', async () => {
    network.beacon = () => {
      throw new TypeError('blocked by client');
    };
    network.fetch = () => Promise.reject(new TypeError('net::ERR_BLOCKED_BY_CLIENT'));
    const consent = await consentOf({ consentLog: false });
    click('accept-all');
    consent.pixel.track('one');
    consent.pixel.track('two');
    await afterPaint();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(consoleErrors).toHaveBeenCalledTimes(1);
    expect(uncaught).toEqual([]);
    expect(pixelHits().filter((hit) => hit.transport === 'fetch')).toHaveLength(3);
    expect(receipts()).toHaveLength(0);
  });
});
