// The gated markup in Chromium, Firefox and WebKit: what only a real browser shows. A gated source that would run
// script never runs, a gated script the browser never fetches holds nothing back, and a script the page's Trusted
// Types policy refuses stops neither the decision nor the scripts after it.
import { describe, expect, test } from 'vitest';
import { ENGINES, chosenEngines, click, pageErrors, quiet, useHarness, waitFor } from './harness';

const ACCEPT_ALL = 'section.banner [data-consent-action="accept-all"]';
/** Keeps what the instance reports and each change it announces, in the page. */
const LISTEN = `void (window.seen = { errors: [], changes: 0 },
  AllurConsent.on('error', (error) => seen.errors.push(error.message)),
  AllurConsent.on('change', () => seen.changes++))`;
type Seen = { errors: string[]; changes: number };

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);

  /** The home page with the banner up, the instance heard, and `markup` added after the page's own gated tag. */
  async function homeWith(markup: string) {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, 'section.banner');
    await tab.evaluate(LISTEN);
    await tab.evaluate(`void (window.ran = [], document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(markup)}))`);
    return tab;
  }

  test('a javascript: or data: source never runs, on a grant or on "load once"', async () => {
    const tab = await homeWith(`
      <iframe id="plain" data-consent="marketing" data-src="javascript:parent.ran.push('iframe')"></iframe>
      <iframe data-consent="marketing" data-src=" JaVa&#9;Script&#10;:parent.ran.push('tricky iframe')"></iframe>
      <script type="text/plain" data-consent="statistics" src="data:text/javascript,ran.push('data script')"></script>
      <script type="text/plain" data-consent="statistics">ran.push('last')</script>`);
    await tab.evaluate(`AllurConsent.activate(document.getElementById('plain'))`);
    await click(tab, ACCEPT_ALL);
    await expect.poll(() => tab.evaluate<string[]>('ran')).toContain('last');
    await quiet();
    expect(await tab.evaluate<string[]>('ran')).toEqual(['last']);
    expect((await tab.evaluate<Seen>('seen')).errors).toEqual([
      expect.stringMatching(/^Gated <iframe data-consent="marketing"> not activated: its data-src "javascript:/),
      expect.stringMatching(/^Gated <iframe data-consent="marketing"> not activated: its data-src " JaVa\\tScript\\n:/),
      expect.stringMatching(/^Gated <script data-consent="statistics"> not activated: its src "data:text\/javascript,/),
    ]);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('a nomodule or non-JavaScript gated script is never fetched and holds back nothing', async () => {
    const tab = await homeWith(`
      <script type="text/plain" data-consent="statistics" nomodule src="/vendor/tag.js"></script>
      <script type="text/plain" data-consent="statistics" data-type="text/x-template" src="/vendor/tag.js"></script>
      <script type="text/plain" data-consent="statistics">ran.push('last')</script>`);
    await click(tab, ACCEPT_ALL);
    await expect.poll(() => tab.evaluate<string[]>('ran'), { timeout: 5000 }).toEqual(['last']);
    await quiet();
    // The page's own gated tag ran once, and was fetched once: neither copy of it was.
    expect(await tab.evaluate<number>('window.demoVendorTagRuns')).toBe(1);
    expect(harness.hits('vendor').filter((hit) => hit.fields.path === '/vendor/tag.js')).toHaveLength(1);
    expect((await tab.evaluate<Seen>('seen')).errors).toEqual([]);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('under Trusted Types a refused inline script is reported, and the decision, the receipt and the next tag go on', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/trusted-types.html`);
    await waitFor(tab, 'section.banner');
    // Whether this engine enforces the page's `require-trusted-types-for 'script'`.
    const enforced = await tab.evaluate<boolean>(`(() => {
      try {
        document.createElement('script').text = 'void 0';
        return false;
      } catch {
        return true;
      }
    })()`);
    if (name === 'chromium') expect(enforced, 'Chromium enforces Trusted Types').toBe(true);
    await tab.evaluate(LISTEN);
    await click(tab, ACCEPT_ALL);
    await expect.poll(() => tab.evaluate<number | null>('window.demoVendorTagRuns ?? null'), { timeout: 5000 }).toBe(1);
    await expect.poll(() => harness.hits('consent').length).toBe(1);
    const seen = await tab.evaluate<Seen>('seen');
    expect(seen.changes).toBe(1);
    expect(await tab.evaluate<number | null>('window.demoInlineTagRuns ?? null')).toBe(enforced ? null : 1);
    expect(seen.errors).toEqual(
      enforced ? [expect.stringMatching(/^Gated <script data-consent="statistics"> not activated: the page refused to run its text/)] : [],
    );
    // Nothing escaped into the page; the only violation is the refused text.
    const errors = await pageErrors(tab);
    expect(errors.filter((error) => !error.startsWith('CSP: require-trusted-types-for'))).toEqual([]);
  });
});
