// A hostile page in a real browser: what the pixel's own requests tell the server through their Referer header.
import { describe, expect } from 'vitest';
import { action, settle, useHarness } from './setup';

const harness = useHarness();
const test = harness.test;

describe('a hostile page', () => {
  test.for(['beacon', 'image'])(
    'the pixel and the consent log get no Referer holding the unscrubbed address (%s transport)',
    async (transport, { newTab }) => {
      const tab = await newTab();
      const referers: Array<[string, string | undefined]> = [];
      tab.page.on('request', async (request) => {
        const path = new URL(request.url()).pathname;
        if (path == '/stat/pixel' || path == '/stat/consent') referers.push([path, (await request.allHeaders()).referer]);
      });
      await tab.page.goto(`${harness.origin()}/?transport=${transport}&email=aigerim%40mail.kz&phone=87012345678#iin=880215300123`);
      await action(tab.page, 'accept-all').click();
      await settle(tab.page);
      expect(referers.map(([path]) => path).sort()).toEqual(['/stat/consent', '/stat/pixel']);
      for (const [path, referer] of referers) expect(referer ?? '', path).not.toMatch(/aigerim|87012345678|email|phone/);
      const [hit] = harness.hits('pixel', tab);
      expect(hit.fields.page).toBe(`${harness.origin()}/?transport=${transport}`);
    },
  );

  test('a page without personal data in its address still sends the pixel by sendBeacon', async ({ newTab }) => {
    const tab = await newTab();
    const types: string[] = [];
    tab.page.on('request', (request) => new URL(request.url()).pathname == '/stat/pixel' && types.push(request.resourceType()));
    await tab.page.goto(`${harness.origin()}/?transport=beacon&utm_source=vk`);
    await action(tab.page, 'accept-all').click();
    await settle(tab.page);
    expect(types).toEqual(['ping']);
  });
});
