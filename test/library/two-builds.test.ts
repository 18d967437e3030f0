// A page moving from the script tag to an app's npm bundle has both: the built script-tag bundle and the npm entry,
// each with its own copy of the library, still make one instance (run `npm run build` first; `npm test` does).
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../src/index';
import { afterPaint } from '../helpers/after-paint';
import { click, consentOf, pixelHits, receipts, tick } from './page';

const bundle = readFileSync('dist/allur-consent.iife.js', 'utf8');

/** Runs `code` in this window as the given `<script>` element runs it (`document.currentScript`). */
function runAs(script: HTMLScriptElement, code: string) {
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  try {
    runInThisContext(code);
  } finally {
    delete (document as { currentScript?: unknown }).currentScript;
  }
}

/**
 * Runs the built bundle in this window as a `<script>` with these `data-*` attributes runs, and serves the UI file
 * it asks for from dist/ (this window fetches no script); returns `window.AllurConsent`.
 */
function scriptTag(attributes: Record<string, string>) {
  const script = document.createElement('script');
  Object.assign(script.dataset, attributes);
  script.src = 'https://www.allur.kz/assets/allur-consent.iife.js';
  const serveUiFiles = new MutationObserver(() => {
    for (const requested of document.querySelectorAll<HTMLScriptElement>('script[src*="allur-consent-ui."]')) {
      const name = new URL(requested.src).pathname.split('/').pop()!;
      runAs(requested, readFileSync(`dist/${name}`, 'utf8'));
      requested.dispatchEvent(new Event('load'));
    }
  });
  serveUiFiles.observe(document.head, { childList: true });
  observers.push(serveUiFiles);
  runAs(script, bundle);
  return window.AllurConsent as Consent;
}
const observers: MutationObserver[] = [];

// The attributes that give the config of the app's `consentOf()`.
const SAME_CONFIG = { policyVersion: 'v1', lang: 'en', pixelEndpoint: '/stat/pixel', consentLogEndpoint: '/stat/consent' };

/** One banner; after accepting, one pageview and one receipt. */
async function expectOneInstanceAtWork() {
  await tick();
  expect(document.querySelectorAll('allur-consent')).toHaveLength(1);
  click('accept-all');
  await afterPaint();
  expect(pixelHits().map((hit) => hit.body.event)).toEqual(['pageview']);
  expect(receipts()).toHaveLength(1);
}

beforeEach(() => {
  document.body.innerHTML = '<button data-consent-open>Cookie settings</button>';
});
afterEach(() => {
  for (const observer of observers.splice(0)) observer.disconnect();
  (window.AllurConsent as Consent | undefined)?.destroy?.();
  delete window.AllurConsent;
});

describe('the script tag and an app bundle on one page', () => {
  it('script tag first: the app gets the script tag\'s instance', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tagged = scriptTag(SAME_CONFIG);
    expect(await consentOf()).toBe(tagged);
    await expectOneInstanceAtWork();
    expect(warn).not.toHaveBeenCalled();
  });

  it('app first: the script tag exposes the app\'s instance, and names the config it ignores', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = await consentOf();
    expect(scriptTag({ ...SAME_CONFIG, policyVersion: 'v2' })).toBe(app);
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/other policyVersion: the live instance keeps its own config/)]]);
    await expectOneInstanceAtWork();
  });

  it('builds a new instance once the live one is destroyed', async () => {
    const tagged = scriptTag(SAME_CONFIG);
    tagged.destroy();
    expect(await consentOf()).not.toBe(tagged);
    await expectOneInstanceAtWork();
  });
});
