// A returning visitor in Chromium, Firefox and WebKit: no consent UI at all until the page's "cookie settings" control asks.
import { describe, expect, test } from 'vitest';
import { ENGINES, chosenEngines, click, consentState, pageErrors, quiet, useHarness, waitFor } from './harness';

const HOST = `document.querySelector('allur-consent')`;

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);

  test('after a decision a reload mounts nothing; the footer control mounts the dialog at once', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, 'section.banner');
    await click(tab, 'section.banner [data-consent-action="accept-all"]');
    await tab.goto(`${harness.origin()}/`);
    await quiet();
    expect((await consentState(tab)).decided).toBe(true);
    expect(await tab.evaluate<boolean>(`!!${HOST}`), 'no host element').toBe(false);
    await tab.evaluate<void>(`void document.querySelector('[data-consent-open]').click()`);
    expect(await tab.evaluate<boolean>(`!!${HOST}?.shadowRoot.querySelector('[role=dialog]')`), 'the dialog at once').toBe(true);
    expect(await pageErrors(tab)).toEqual([]);
  });
});
