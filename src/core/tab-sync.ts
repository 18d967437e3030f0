/** Connects the open tabs of the site: `notify()` after writing a decision, `onOtherTab` when another tab may have decided. */
export function createTabSync(onOtherTab: () => void): { notify(): unknown; destroy(): void } {
  if (typeof BroadcastChannel == 'function') {
    const channel = new BroadcastChannel('allur-consent');
    let open = true;
    channel.onmessage = onOtherTab;
    return {
      // A closed channel throws on postMessage: a destroyed instance's decision must not throw into the page.
      notify: () => open && channel.postMessage(1),
      destroy() {
        open = false;
        channel.close();
      },
    };
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
