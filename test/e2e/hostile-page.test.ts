// A hostile page in a real browser: site CSS that restyles everything it can reach, and what the pixel's own
// requests tell the server through their Referer header.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { action, banner, expectNoErrors, settle, useHarness } from './setup';

const harness = useHarness();
const test = harness.test;

// Every inherited text property on the page, and on every element below <body> (the host included) the
// properties that move, hide or blur a box; `div` and `button` wiped and repainted.
const HOSTILE_CSS = `
  html, body { font: italic 40px/3 serif; color: red; letter-spacing: 3px; word-spacing: 9px; text-transform: uppercase;
    text-align: right; text-shadow: 0 0 2px red; cursor: wait; }
  body * { font-size: 30px !important; line-height: 3 !important; color: red !important; letter-spacing: 3px !important;
    text-transform: uppercase !important; transform: translateZ(0) !important; opacity: .5 !important;
    filter: blur(1px) !important; display: block !important; position: relative !important; padding: 40px !important;
    overflow: hidden !important; contain: strict !important; visibility: hidden !important; }
  div, button { all: unset !important; background: yellow !important; border: 5px solid red !important; }
`;

const PROPERTIES = [
  'display', 'position', 'visibility', 'opacity', 'transform', 'filter', 'color', 'background-color', 'font-family',
  'font-size', 'font-style', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align',
  'text-shadow', 'padding-top', 'border-top-width', 'cursor',
];

/** Computed styles and box of every element of the banner, and what is painted at its buttons' centres. */
const snapshot = (page: Page) =>
  page.evaluate((properties) => {
    const shadow = document.querySelector('allur-consent')!.shadowRoot!;
    return [...shadow.querySelectorAll('.root *')].map((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const hit = shadow.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        el: el.tagName + '.' + el.getAttribute('class'),
        ...Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)])),
        box: [box.x, box.y, box.width, box.height].map(Math.round).join(','),
        reachable: el.tagName !== 'BUTTON' || el.contains(hit),
      };
    });
  }, PROPERTIES);

describe('a hostile page', () => {
  test('site CSS on html, body, every element, div and button changes nothing in the banner', async ({ newTab }) => {
    const tab = await newTab();
    await tab.page.goto(`${harness.origin()}/`);
    await banner(tab.page).waitFor();
    await tab.page.waitForFunction(() =>
      document.querySelector('allur-consent')!.shadowRoot!.getAnimations().every((animation) => animation.playState === 'finished'),
    );
    const before = await snapshot(tab.page);
    expect(before.length).toBeGreaterThan(5);
    await tab.page.addStyleTag({ content: HOSTILE_CSS });
    expect(await snapshot(tab.page)).toEqual(before);
    await action(tab.page, 'reject-all').click();
    await expect.poll(() => banner(tab.page).count()).toBe(0);
    expectNoErrors(tab);
  });

  test.for(['beacon', 'image'])(
    'the pixel and the consent log get no Referer holding the unscrubbed address (%s transport)',
    async (transport, { newTab }) => {
      const tab = await newTab();
      const referers: Array<[string, string | undefined]> = [];
      tab.page.on('request', async (request) => {
        const path = new URL(request.url()).pathname;
        if (path === '/stat/pixel' || path === '/stat/consent') referers.push([path, (await request.allHeaders()).referer]);
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
    tab.page.on('request', (request) => new URL(request.url()).pathname === '/stat/pixel' && types.push(request.resourceType()));
    await tab.page.goto(`${harness.origin()}/?transport=beacon&utm_source=vk`);
    await action(tab.page, 'accept-all').click();
    await settle(tab.page);
    expect(types).toEqual(['ping']);
  });
});
