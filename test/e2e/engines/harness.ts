// Shared harness of the cross-browser checks: the demo server on a free port with a throw-away data directory,
// the engines chosen by E2E_ENGINES, a fresh session per test, and helpers that reach the consent UI in its
// shadow root through nothing but `evaluate`, so they work over every protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createDemoServer, type DemoServer, type DemoServerOptions, type Hit } from '../../../demo/app.mjs';
import { chromiumEngine } from './chromium';
import type { BrowserTab, Engine, Session, SessionOptions } from './driver';
import { firefoxEngine } from './firefox';
import { webkitEngine } from './webkit';

/** Time given to the page to send anything it would send, before asserting that it did not. */
export const QUIET_MS = 1500;

/** Every engine the checks run in, by the name E2E_ENGINES uses. */
export const ENGINES: Record<string, () => Engine> = { chromium: chromiumEngine, firefox: firefoxEngine, webkit: webkitEngine };

/** The engines to run: all of them, or the comma-separated names in E2E_ENGINES (e.g. `E2E_ENGINES=webkit`). */
export function chosenEngines(): string[] {
  const names = (process.env.E2E_ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((name) => name.trim());
  return names.filter((name) => name in ENGINES);
}

const SHADOW = `document.querySelector('allur-consent')?.shadowRoot`;

/** Whether an element matching `selector` is rendered in the consent UI. */
export const shows = (tab: BrowserTab, selector: string) =>
  tab.evaluate<boolean>(`!!${SHADOW}?.querySelector(${JSON.stringify(selector)})`);

/** Activates the first control matching `selector` in the consent UI. */
export const click = (tab: BrowserTab, selector: string) =>
  tab.evaluate<void>(`void ${SHADOW}.querySelector(${JSON.stringify(selector)}).click()`);

/** Gives keyboard focus to the first control matching `selector` in the consent UI, as Tab would. */
export const focus = (tab: BrowserTab, selector: string) =>
  tab.evaluate<void>(`void ${SHADOW}.querySelector(${JSON.stringify(selector)}).focus()`);

/** Waits until an element matching `selector` is (or, with `present` false, is no longer) in the consent UI. */
export const waitFor = (tab: BrowserTab, selector: string, present = true) =>
  expect.poll(() => shows(tab, selector), { timeout: 10_000, message: `${selector} present` }).toBe(present);

export const cookieNames = (tab: BrowserTab) =>
  tab.evaluate<string[]>(`document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]).sort()`);

/** What the page's error probe caught: uncaught errors, unhandled rejections and CSP violations. */
export const pageErrors = (tab: BrowserTab) => tab.evaluate<string[]>('window.__e2eErrors ?? ["error probe missing"]');

export const consentState = (tab: BrowserTab) =>
  tab.evaluate<{ decided: boolean; categories: Record<string, boolean> }>('AllurConsent.getState()');

/** Waits two animation frames, so the screenshot shows what was last rendered. */
export const painted = (tab: BrowserTab) =>
  tab.evaluate<void>('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))');

export const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

export interface Harness {
  origin(): string;
  /** Hits of one kind the collector recorded during the current test (the store is emptied before each). */
  hits(kind: Hit['kind']): Hit[];
  /** A new session of the engine, closed when the test ends. */
  session(options?: SessionOptions): Promise<Session>;
}

/**
 * Registers the hooks of one engine's checks: the demo server (with `serverOptions`) and the engine for the file, a
 * clean store per test.
 */
export function useHarness(engine: () => Engine, serverOptions: DemoServerOptions = {}): Harness {
  let demo: DemoServer | undefined;
  let running: Engine | undefined;
  let dataDir = '';
  let sessions: Session[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'allur-consent-engines-'));
    demo = await createDemoServer({ ...serverOptions, dataDir, port: 0 });
    running = engine();
  });
  afterAll(async () => {
    await running?.stop();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  // Sessions close before the store is emptied, so no late hit of one test lands among the next one's.
  beforeEach(() => demo!.store.clear());
  afterEach(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    sessions = [];
  });

  return {
    origin: () => demo!.url,
    hits: (kind) => demo!.store.list().filter((hit) => hit.kind === kind),
    async session(options) {
      const session = await running!.openSession(options);
      sessions.push(session);
      return session;
    },
  };
}
