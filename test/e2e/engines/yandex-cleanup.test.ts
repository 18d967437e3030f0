// What Yandex Metrica leaves in the browser, gone after a refusal of statistics, in Chromium, Firefox and WebKit:
// its cookies, and the localStorage copy of its visitor id from which the tag would restore the cookie. The demo
// page runs the default config, whose statistics category carries the Yandex Metrica preset.
import { describe, expect, test } from 'vitest';
import type { BrowserTab } from './driver';
import { ENGINES, chosenEngines, click, pageErrors, useHarness, waitFor } from './harness';

// The cookies and storage keys the counter (id 12345) sets, with values of the shape it writes, and the site's own
// cookie and key beside them, which must stay.
const PLANT_COUNTER_LEFTOVERS = `(() => {
  const year = 'max-age=31536000; path=/';
  document.cookie = '_ym_uid=1764892800123456789; ' + year;
  document.cookie = '_ym_d=1764892800; ' + year;
  document.cookie = '_ym_isad=2; max-age=172800; path=/';
  document.cookie = '_ym_visorc=w; max-age=1800; path=/';
  document.cookie = '_ym_hostIndex=0-3%2C1-0; max-age=86400; path=/';
  document.cookie = '_ym_metrika_enabled=1; max-age=3600; path=/';
  document.cookie = 'session=site; path=/';
  localStorage.setItem('_ym_uid', '"1764892800123456789"');
  localStorage.setItem('_ym12345_lsid', '1234567890');
  localStorage.setItem('_ym12345_reqNum', '7');
  localStorage.setItem('_ym_retryReqs', '{}');
  localStorage.setItem('_ym_synced', '{"SyncedAt":1764892800}');
  localStorage.setItem('basket', 'site');
  sessionStorage.setItem('_ym12345_lastHit', '1764892800000');
})()`;

interface Leftovers {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
}

/** The cookie names and storage keys of the page, sorted. */
const leftovers = (tab: BrowserTab) =>
  tab.evaluate<Leftovers>(`({
    cookies: document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]).sort(),
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
  })`);

/** Nothing of the counter's, and the site's own cookie and key untouched. */
const CLEANED: Leftovers = { cookies: ['allur_consent', 'session'], localStorage: ['basket'], sessionStorage: [] };

describe.each(chosenEngines())('%s', (name) => {
  const engine = ENGINES[name]();
  const harness = useHarness(() => engine);

  test('a refusal of statistics deletes the Yandex counter’s cookies and storage keys; a reload finds none', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, 'section.banner');
    await tab.evaluate(PLANT_COUNTER_LEFTOVERS);
    expect((await leftovers(tab)).cookies).toContain('_ym_metrika_enabled');

    await click(tab, 'section.banner [data-consent-action="reject-all"]');
    await expect.poll(() => leftovers(tab)).toEqual(CLEANED);

    await tab.goto(`${harness.origin()}/`);
    expect(await leftovers(tab)).toEqual(CLEANED);
    expect(await pageErrors(tab)).toEqual([]);
  });

  test('a stored refusal: what the counter left since is deleted after the next page loads', async () => {
    const { tab } = await harness.session();
    await tab.goto(`${harness.origin()}/`);
    await waitFor(tab, 'section.banner');
    await click(tab, 'section.banner [data-consent-action="reject-all"]');
    // As a copy of the page opened before the refusal, whose counter still ran, would leave them.
    await tab.evaluate(PLANT_COUNTER_LEFTOVERS);

    await tab.goto(`${harness.origin()}/`);
    await expect.poll(() => leftovers(tab)).toEqual(CLEANED);
    expect(await pageErrors(tab)).toEqual([]);
  });
});
