import type { ChangeListener, ConsentError, ConsentState, ErrorListener, HeldListener } from './types';

/**
 * The instance's subscribers. A listener that throws is reported once and does not stop the others; an error
 * with no `error` listener goes to the console, once per source, so a page with a dead endpoint is not flooded.
 */
export function createListeners() {
  const listeners = { change: new Set<ChangeListener>(), error: new Set<ErrorListener>(), held: new Set<HeldListener>() };
  const reported = new Set<string>();
  const reportOnce = (key: string, ...details: unknown[]) => {
    if (reported.has(key)) return;
    reported.add(key);
    console.error(...details);
  };
  const call = <A extends unknown[]>(set: Set<(...args: A) => void>, ...args: A) => {
    // A copy: a listener may unsubscribe itself or another while they are called.
    // oxlint-disable-next-line unicorn/no-useless-spread
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        reportOnce('listener', 'allur-consent: a listener threw', error);
      }
    }
  };
  return {
    on(event: 'change' | 'error' | 'held', listener: ChangeListener & ErrorListener & HeldListener) {
      if (!Object.keys(listeners).includes(event)) throw new TypeError(`allur-consent: unknown event "${event}"`);
      const set: Set<unknown> = listeners[event];
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    changed: (state: ConsentState, previous: ConsentState) => call(listeners.change, state, previous),
    held: (iframes: HTMLIFrameElement[]) => call(listeners.held, iframes),
    failed(error: ConsentError) {
      if (listeners.error.size) call(listeners.error, error);
      else reportOnce(error.source, error.message, error.cause);
    },
    clear() {
      listeners.change.clear();
      listeners.error.clear();
      listeners.held.clear();
    },
  };
}
