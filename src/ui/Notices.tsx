import { ActionButtons } from './ActionButtons';
import { CloseButton } from './CloseButton';
import type { Texts } from '../core/index';
import type { NoticeName } from './actions';
import type { NoticeFlags } from './view-state';

/** A non-blocking notice with a dismiss button; `children` add actions. */
function Notice(props: { t: Texts; name: NoticeName; text: string; children?: any }) {
  return (
    <div class="notice card" data-consent-notice={props.name}>
      <p>{props.text}</p>
      {props.children}
      <CloseButton label={props.t.close} attrs={{ 'data-consent-dismiss': props.name }} />
    </div>
  );
}

/** The status region: §3.3.1 warnings and the "saved" confirmation, announced politely. */
export function Notices(props: { t: Texts; show: NoticeFlags }) {
  const { t, show } = props;
  return (
    <div class="notices" role="status" tabIndex={-1}>
      {show['cookies-disabled'] && <Notice t={t} name="cookies-disabled" text={t.cookiesDisabled} />}
      {show['auth-warning'] && (
        <Notice t={t} name="auth-warning" text={t.authWarning}>
          <ActionButtons t={t} class="" actions={['preferences']} />
        </Notice>
      )}
      {show.saved && <p class="notice card">{t.saved}</p>}
    </div>
  );
}
