/** What a button of the UI does, as its `data-consent-action` (docs/ui.md): one name for the markup and the handler. */
export type UiAction = 'accept-all' | 'reject-all' | 'preferences' | 'save' | 'close' | 'withdraw';

/** The notices, named as their `data-consent-notice`. */
export type NoticeName = 'auth-warning' | 'cookies-disabled';

/** What a close button dismisses, as its `data-consent-dismiss`. */
export type Dismissable = NoticeName | 'preferences';
