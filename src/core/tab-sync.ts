/** The site's channel, or undefined without one: Firefox throws a SecurityError when the visitor blocks cookies. */
function openChannel(): BroadcastChannel | undefined {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel('allur-consent') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects the open tabs of the site. `notify(decision)` tells the other tabs what was decided (`null` for a
 * withdrawal); `onOtherTab(decision)` receives it, or `undefined` when only the stored cookie can tell.
 * The decision travels in the message itself: Firefox may deliver the message before the new cookie is
 * visible to the receiving tab, which re-reading the cookie would miss while it kept sending.
 */
export function createTabSync<Decision>(onOtherTab: (decision?: Decision | null) => void): {
  notify(decision: Decision | null): unknown;
  destroy(): void;
} {
  const channel = openChannel();
  if (channel) {
    let open = true;
    channel.onmessage = (event: MessageEvent) => {
      const data = event.data as { decision?: Decision | null } | null;
      // A message of another shape (an older copy of the library in another tab) only says that something changed.
      onOtherTab(data && typeof data === 'object' && 'decision' in data ? data.decision : undefined);
    };
    return {
      // A closed channel throws on postMessage: a destroyed instance's decision must not throw into the page.
      notify: (decision) => open && channel.postMessage({ decision }),
      destroy() {
        open = false;
        channel.close();
      },
    };
  }
  // Without a channel the cookie is read again whenever the visitor comes back to this tab.
  const onReturn = () => document.visibilityState !== 'hidden' && onOtherTab();
  addEventListener('focus', onReturn);
  document.addEventListener('visibilitychange', onReturn);
  return {
    notify() {},
    destroy() {
      removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    },
  };
}
