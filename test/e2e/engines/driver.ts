// The one interface the cross-browser checks drive every engine through: each engine implements it over its
// own automation protocol, so a check is written once and runs the same in Firefox and WebKit.

/** The keys the checks press, as a keyboard user would. */
export type Key = 'Tab' | 'Shift+Tab' | 'Escape' | 'Enter';

/** One tab or window of a browser session. */
export interface BrowserTab {
  /** Navigates and resolves once the page has loaded, with the error probe installed. */
  goto(url: string): Promise<void>;
  /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Presses a key with the engine's real input events, to whatever element has focus. */
  press(key: Key): Promise<void>;
  /** Resizes the viewport (or the window, where only that can be sized); returns the resulting `innerWidth`. */
  resize(width: number, height: number): Promise<number>;
  /** Writes a PNG of the viewport to `path`. */
  screenshot(path: string): Promise<void>;
}

/** A browser profile of its own: no cookies or storage shared with another session. */
export interface Session {
  /** The tab the session opened with. */
  tab: BrowserTab;
  /** Another tab in the same profile, so it shares the cookies and the BroadcastChannel. */
  newTab(): Promise<BrowserTab>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** The browser refuses every cookie, as a visitor's "block all cookies" setting does. */
  blockCookies?: boolean;
}

export interface Engine {
  name: string;
  /** Whether the engine can refuse cookies at the browser level (else that check is skipped). */
  canBlockCookies: boolean;
  openSession(options?: SessionOptions): Promise<Session>;
  /** Stops every process the engine started. */
  stop(): Promise<void>;
}

/**
 * Records uncaught errors, unhandled rejections and CSP violations in `window.__e2eErrors`, which the checks
 * read back: classic WebDriver reports no console or page events. Installing it twice is harmless.
 */
export const ERROR_PROBE = `(() => {
  if (window.__e2eErrors) return;
  const errors = (window.__e2eErrors = []);
  addEventListener('error', (event) => errors.push('uncaught: ' + event.message));
  addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: ' + String(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) =>
    errors.push('CSP: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')));
})()`;

/** The browser's language comes from the environment: `C.UTF-8` is the one locale every Debian has. */
export const BROWSER_ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
