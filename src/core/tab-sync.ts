import { CONSENT_COOKIE } from './consent-cookie';

/** The site's channel, or undefined without one: Firefox throws a SecurityError when the visitor blocks cookies. */
function openChannel(): BroadcastChannel | undefined {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel('allur-consent') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects the open tabs of the site. `notify(message)` tells this origin's other tabs what was decided, and
 * `onOtherTab(message)` receives what they tell. The decision travels in the message itself: Firefox may deliver
 * the message before the new cookie is visible to the receiving tab, which re-reading the cookie would miss.
 * `onOtherTab()`, without a message, asks to read the stored cookie again: tabs on other subdomains sharing the
 * cookie (`cookie.domain`) are other origins, which no message reaches. So it is asked whenever the browser tells
 * of a change of the cookie (`cookieStore`), and whenever the visitor comes back to this tab.
 */
export function createTabSync(onOtherTab: (message?: unknown) => void): {
  notify(message: object): unknown;
  destroy(): void;
} {
  const channel = openChannel();
  let open = true;
  if (channel) channel.onmessage = (event: MessageEvent) => onOtherTab(event.data);
  const onReturn = () => document.visibilityState !== 'hidden' && onOtherTab();
  const onCookieChange = ({ changed, deleted }: CookieChangeEvent) =>
    [...changed, ...deleted].some((cookie) => cookie.name === CONSENT_COOKIE) && onOtherTab();
  // Only where the browser has it, and only in a secure context: Chromium, Firefox 140+, Safari 18.4+.
  const { cookieStore } = window as Partial<Window>;
  cookieStore?.addEventListener('change', onCookieChange);
  addEventListener('focus', onReturn);
  document.addEventListener('visibilitychange', onReturn);
  return {
    // A closed channel throws on postMessage: a destroyed instance's decision must not throw into the page.
    notify: (message) => open && channel?.postMessage(message),
    destroy() {
      open = false;
      channel?.close();
      cookieStore?.removeEventListener('change', onCookieChange);
      removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    },
  };
}
