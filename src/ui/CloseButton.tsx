import type { Dismissable } from './actions';

/** An icon button with an accessible label; `attrs` carry its `data-consent-*` action. */
export function CloseButton(props: { label: string; attrs: { 'data-consent-action': 'close' } | { 'data-consent-dismiss': Dismissable } }) {
  return (
    <button type="button" class="close" aria-label={props.label} {...props.attrs}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M3 3l10 10M13 3 3 13" />
      </svg>
    </button>
  );
}
