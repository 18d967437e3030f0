// A returning visitor in Chromium, Firefox and WebKit: no consent UI at all, not even its file, until the page's
// "cookie settings" control asks.
import { describe, expect, test } from 'vitest';
import { ENGINES, chosenEngines, click, consentState, pageErrors, quiet, useHarness, waitFor } from './harness';

const HOST = `document.querySelector('allur-consent')`;
/** The script-tag files the page requested, by name: what the browser's resource timing saw. */
const SCRIPT_TAG_FILES = `performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop())
  .filter((name) => name.startsWith('allur-consent'))`;

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);

  test('the first visit fetches the UI file of its language with the core; a reload after a decision fetches none', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/?lang=kk`);
    await waitFor(tab, 'section.banner');
    expect(await tab.evaluate<string[]>(SCRIPT_TAG_FILES)).toEqual(['allur-consent.iife.js', 'allur-consent-ui.kk.js']);
    await click(tab, 'section.banner [data-consent-action="accept-all"]');
    // What the decision runs after its paint (the gate loading the granted frames) is let finish: Firefox's driver
    // reports a reload that cuts a frame's load short as a failed navigation.
    await quiet();
    await tab.goto(`${harness.origin()}/?lang=kk`);
    await quiet();
    expect((await consentState(tab)).decided).toBe(true);
    expect(await tab.evaluate<boolean>(`!!${HOST}`), 'no host element').toBe(false);
    expect(await tab.evaluate<string[]>(SCRIPT_TAG_FILES), 'no UI file').toEqual(['allur-consent.iife.js']);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('after a decision the footer control fetches the UI file and opens the dialog; focus comes back on Escape', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, 'section.banner');
    await click(tab, 'section.banner [data-consent-action="accept-all"]');
    await quiet();
    await tab.goto(`${harness.origin()}/`);
    await quiet();
    await tab.evaluate<void>(`void document.querySelector('[data-consent-open]').focus()`);
    await tab.evaluate<void>(`void document.querySelector('[data-consent-open]').click()`);
    await waitFor(tab, '[role=dialog]');
    expect(await tab.evaluate<string[]>(SCRIPT_TAG_FILES)).toEqual(['allur-consent.iife.js', 'allur-consent-ui.ru.js']);
    await tab.press('Escape');
    await waitFor(tab, '[role=dialog]', false);
    expect(await tab.evaluate<boolean>(`document.activeElement === document.querySelector('[data-consent-open]')`)).toBe(true);
    expect(await pageErrors(tab)).toEqual([]);
  });
});
