/** Keeps Tab and Shift+Tab inside `dialog` (APG modal dialog): from either end, focus wraps to the other. */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement, shadow: ShadowRoot) {
  // Filtering every element keeps document order (some engines group a selector list's matches by selector).
  const items = [...dialog.querySelectorAll<HTMLElement>('*')].filter((item) => item.matches('a[href],button,input:not(:disabled)'));
  const index = items.indexOf(shadow.activeElement as HTMLElement);
  const last = items.length - 1;
  const wrapTo = event.shiftKey ? (index <= 0 ? items[last] : null) : index < 0 || index == last ? items[0] : null;
  if (wrapTo) {
    event.preventDefault();
    wrapTo.focus();
  }
}
