/** Whether reading `localStorage` throws (SecurityError): the browser blocks all site storage, cookies included. */
const storageBlocked = () => {
  try {
    return !localStorage;
  } catch {
    return true;
  }
};

/**
 * Whether the browser keeps cookies. With all cookies blocked, Chromium keeps `cookieEnabled` true, drops cookie
 * writes and throws on reading storage. Storage is probed only when asked (its first use is slow), and a cookie
 * that reads or writes back settles the question without it.
 */
export function createCookieAvailability() {
  let disabled: boolean | undefined = navigator.cookieEnabled === false || undefined;
  return {
    /** Known to be off, without probing: reading the cookie is pointless. */
    knownOff: () => disabled === true,
    /** Off, probing storage if nothing has told yet. */
    off: () => (disabled ??= storageBlocked()),
    /** A consent cookie read back (`true`) or a write that did not stick (`false`). */
    learned(works: boolean) {
      if (!works) disabled = true;
      else if (disabled === undefined) disabled = false;
    },
  };
}
