/** Connects the open tabs of the site: `notify()` after writing a decision, `onOtherTab` when another tab may have decided. */
export function createTabSync(onOtherTab: () => void): { notify(): void; destroy(): void } {
  if (typeof BroadcastChannel == 'function') {
    const channel = new BroadcastChannel('allur-consent');
    channel.onmessage = onOtherTab;
    return { notify: () => channel.postMessage(1), destroy: () => channel.close() };
  }
  // Without BroadcastChannel the cookie is read again whenever the visitor comes back to this tab.
  const onReturn = () => document.visibilityState != 'hidden' && onOtherTab();
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
