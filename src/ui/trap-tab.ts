/** Whether `event` is the Tab key: WebKitGTK reports `key` "Unidentified" for it, with `code` "Tab" and keyCode 9. */
export const isTabKey = (event: KeyboardEvent) => event.key === 'Tab' || event.code === 'Tab' || event.keyCode === 9;

/**
 * Keeps Tab and Shift+Tab inside `dialog` (APG modal dialog): from either end, focus wraps to the other.
 * Focus may rest on an element outside the list of controls (Firefox makes an overflowing scroll area a Tab
 * stop), so the ends are found by document order relative to the focused element, not by its index.
 */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement, shadow: ShadowRoot) {
  // Filtering every element keeps document order (some engines group a selector list's matches by selector).
  const items = [...dialog.querySelectorAll<HTMLElement>('*')].filter((item) => item.matches('a[href],button,input:not(:disabled)'));
  const focused = shadow.activeElement;
  if (!items.length) return;
  const position = (item: HTMLElement) => (focused ? focused.compareDocumentPosition(item) : 0);
  const towards = event.shiftKey ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  // Inside the dialog with a control still ahead, the browser moves focus itself.
  if (focused && dialog.contains(focused) && items.some((item) => position(item) & towards)) return;
  event.preventDefault();
  (event.shiftKey ? items[items.length - 1] : items[0]).focus();
}
