import type { TextKey, Texts } from '../core/index';
import type { UiAction } from './actions';

// The close action is an icon button (CloseButton); every other action is a labelled button.
const labels: Record<Exclude<UiAction, 'close'>, TextKey> = {
  'accept-all': 'acceptAll',
  'reject-all': 'rejectAll',
  preferences: 'settings',
  save: 'save',
  withdraw: 'withdrawConsent',
};

/** Buttons of identical size and style, one per `data-consent-action`; the first layer's reject is as easy as accept. */
export function ActionButtons(props: { t: Texts; class: string; actions: Array<keyof typeof labels> }) {
  return (
    <div class={props.class}>
      {props.actions.map((action) => (
        <button type="button" class="button" data-consent-action={action}>
          {props.t[labels[action]]}
        </button>
      ))}
    </div>
  );
}
