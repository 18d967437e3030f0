// The script tag's UI file in Chromium, Firefox and WebKit: fetched with the script tag's nonce and its Subresource
// Integrity, from another origin with `crossorigin`, through a Trusted Types policy; and when it fails (not found,
// altered, blocked by the page's CSP, another origin without CORS): one console error naming it, nothing granted,
// and the next showPreferences() tries again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserTab, Engine } from './driver';
import { ENGINES, chosenEngines, consentState, pageErrors, quiet, shows, waitFor } from './harness';
import { corePage, startScriptTagServer, type ScriptTagServer, type UiFileAnswer } from '../script-tag-server';

interface UiScript {
  src: string;
  integrity: string;
  nonce: string;
  crossOrigin: string | null;
}
const uiScripts = (tab: BrowserTab) => tab.evaluate<UiScript[]>('window.__uiScripts');
const consoleErrors = (tab: BrowserTab) => tab.evaluate<string[]>('window.__consoleErrors');

describe.each(chosenEngines())('%s', (name) => {
  let engine: Engine;
  // The page's own server, and a second origin (a CDN) with and without CORS.
  let site: ScriptTagServer;
  let cdn: ScriptTagServer;
  let cdnWithoutCors: ScriptTagServer;

  beforeAll(async () => {
    engine = ENGINES[name]();
    [site, cdn, cdnWithoutCors] = await Promise.all([startScriptTagServer(), startScriptTagServer({ cors: true }), startScriptTagServer()]);
  });
  afterAll(async () => {
    await engine?.stop();
    await Promise.all([site, cdn, cdnWithoutCors].map((server) => server?.close()));
  });

  /** A fresh session on `path` of the site, served as `html` with `headers`. */
  async function open(path: string, html: string, headers?: Record<string, string>) {
    site.page(path, html, headers);
    const session = await engine.openSession();
    await session.tab.goto(site.origin + path);
    return session;
  }

  test('under a nonce CSP the UI file carries the nonce and its Subresource Integrity, same-origin without crossorigin', async () => {
    const session = await open('/nonce.html', corePage('', 'r4nd0m'), { 'Content-Security-Policy': "script-src 'nonce-r4nd0m'; object-src 'none'; base-uri 'none'" });
    try {
      await waitFor(session.tab, 'section.banner');
      const [script] = await uiScripts(session.tab);
      expect(script.src).toMatch(new RegExp(`^${site.origin}/dist/allur-consent-ui\\.ru\\.js\\?v=[0-9a-f]{10}$`));
      expect(script.integrity).toMatch(/^sha384-[\w+/]{64}$/);
      expect(script.nonce).toBe('r4nd0m');
      expect(script.crossOrigin).toBeNull();
      expect(await pageErrors(session.tab)).toEqual([]);
      expect(await consoleErrors(session.tab)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('from data-ui-base on another origin with CORS: a crossorigin request, checked and shown', async () => {
    const before = cdn.uiRequests.length;
    const session = await open('/cdn.html', corePage(`data-ui-base="${cdn.origin}/dist/"`));
    try {
      await waitFor(session.tab, 'section.banner');
      expect((await uiScripts(session.tab))[0].crossOrigin).toBe('anonymous');
      expect(cdn.uiRequests.slice(before)).toEqual([{ url: expect.stringMatching(/^\/dist\/allur-consent-ui\.ru\.js\?v=/), origin: site.origin }]);
      expect(await consoleErrors(session.tab)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('where the page enforces Trusted Types, through the policy allur-consent', async () => {
    const session = await open('/trusted-types.html', corePage(''), { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types allur-consent" });
    try {
      await waitFor(session.tab, 'section.banner');
      expect(await pageErrors(session.tab)).toEqual([]);
      expect(await consoleErrors(session.tab)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  interface Failure {
    /** How the site's UI files answer; a failure of their answer is healed before the second try. */
    uiFiles?: UiFileAnswer;
    /** The core's attributes: where the UI file comes from. */
    attributes(): string;
    headers?: Record<string, string>;
  }
  test('where the page enforces Trusted Types but allows no policy allur-consent: one console error, nothing shown', async ({ skip }) => {
    const session = await open('/trusted-types-other.html', corePage(''), { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types other" });
    try {
      if (!(await session.tab.evaluate<boolean>('!!window.trustedTypes'))) skip('this engine has no Trusted Types');
      await quiet();
      expect(await consoleErrors(session.tab)).toEqual([expect.stringContaining('allur-consent-ui.ru.js')]);
      expect(await shows(session.tab, 'section.banner')).toBe(false);
    } finally {
      await session.close();
    }
  });

  const failures: Record<string, Failure> = {
    'not found': { uiFiles: 'missing', attributes: () => '' },
    'altered after the build (its hash does not match)': { uiFiles: 'altered', attributes: () => '' },
    'blocked by the page’s CSP': { attributes: () => `data-ui-base="${cdn.origin}/dist/"`, headers: { 'Content-Security-Policy': "script-src 'self' 'unsafe-inline'" } },
    'on another origin without CORS': { attributes: () => `data-ui-base="${cdnWithoutCors.origin}/dist/"` },
  };

  test.each(Object.keys(failures))('a UI file %s: one console error naming it, nothing granted, and showPreferences() tries again', async (failure) => {
    const { uiFiles = 'built', attributes, headers } = failures[failure];
    site.uiFiles = uiFiles;
    const session = await open(`/failing-${Object.keys(failures).indexOf(failure)}.html`, corePage(attributes()), headers);
    const { tab } = session;
    try {
      await quiet();
      const [first] = await uiScripts(tab);
      expect(await consoleErrors(tab)).toEqual([`Error: allur-consent: the UI file ${first.src} did not load`]);
      expect(await tab.evaluate<boolean>(`!!document.querySelector('allur-consent')`)).toBe(false);
      expect(await consentState(tab)).toMatchObject({ decided: false, categories: { functional: false, statistics: false, marketing: false } });
      expect(await tab.evaluate<string>('document.cookie')).toBe('');
      site.uiFiles = 'built';
      await tab.evaluate<void>('AllurConsent.showPreferences()');
      if (uiFiles !== 'built') {
        // Healed: the second try brings the dialog.
        await waitFor(tab, '[role=dialog]');
        expect(await consoleErrors(tab)).toHaveLength(1);
      } else {
        // Still blocked: a second try, a second error, still nothing shown or granted.
        await quiet();
        expect(await shows(tab, '[role=dialog]')).toBe(false);
        expect(await consoleErrors(tab)).toHaveLength(2);
      }
      expect(await uiScripts(tab)).toHaveLength(2);
      expect((await consentState(tab)).decided).toBe(false);
    } finally {
      site.uiFiles = 'built';
      await session.close();
    }
  });
});
