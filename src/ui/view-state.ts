import type { CategoryChoices, ConsentState, OptionalCategory } from '../core/index';
import type { NoticeName } from './actions';

/** Which notices show, and whether "saved" is announced. */
export type NoticeFlags = Record<NoticeName | 'saved', boolean>;

/** What the UI shows: the banner, the dialog with the visitor's unsaved choices, the notices. */
export interface ViewState {
  banner: boolean;
  preferences: boolean;
  choices: CategoryChoices;
  notices: NoticeFlags;
}

/** Everything that changes what the UI shows. */
export type ViewEvent =
  | { type: 'changed'; state: ConsentState; cookiesDisabled: boolean }
  | { type: 'decided'; state: ConsentState }
  | { type: 'saved-shown' }
  | { type: 'open-preferences'; choices: CategoryChoices }
  | { type: 'close-preferences' }
  | { type: 'choose'; category: OptionalCategory; granted: boolean }
  | { type: 'show-banner' }
  | { type: 'hide' }
  | { type: 'dismiss'; notice: NoticeName }
  | { type: 'cookies-disabled' };

/** The view of a page that just loaded: the banner until there is a decision; cookies found off follow (`cookies-disabled`). */
export const initialView = (state: ConsentState): ViewState => ({
  banner: !state.decided,
  preferences: false,
  choices: state.categories,
  notices: { 'auth-warning': false, 'cookies-disabled': false, saved: false },
});

/** The view after `event`: a pure function, so every transition is tested without a DOM. */
export function reduceView(view: ViewState, event: ViewEvent): ViewState {
  const notices = (changes: Partial<NoticeFlags>) => ({ ...view, notices: { ...view.notices, ...changes } });
  switch (event.type) {
    case 'changed': {
      const { state } = event;
      return {
        ...view,
        banner: !state.decided,
        notices: {
          ...view.notices,
          // §3.3.1: after a refusal of functional, sections that need authorization may not work.
          'auth-warning': state.decided && !state.categories.functional,
          // The core may learn only on writing the decision that the browser keeps no cookies.
          'cookies-disabled': view.notices['cookies-disabled'] || event.cookiesDisabled,
        },
      };
    }
    // The visitor's own decision, or withdrawal, in this UI: the dialog closes and "saved" is announced, but for a
    // withdrawal, which is no choice: the banner asks again.
    case 'decided': {
      const changed = reduceView(view, { type: 'changed', state: event.state, cookiesDisabled: false });
      return { ...changed, preferences: false, notices: { ...changed.notices, saved: event.state.decided } };
    }
    case 'saved-shown':
      return notices({ saved: false });
    case 'open-preferences':
      return { ...view, preferences: true, choices: { ...event.choices } };
    case 'close-preferences':
      return { ...view, preferences: false };
    case 'choose':
      return { ...view, choices: { ...view.choices, [event.category]: event.granted } };
    case 'show-banner':
      return { ...view, banner: true };
    case 'hide':
      return { ...view, banner: false, preferences: false };
    case 'dismiss':
      return notices({ [event.notice]: false });
    case 'cookies-disabled':
      return notices({ 'cookies-disabled': true });
  }
}
