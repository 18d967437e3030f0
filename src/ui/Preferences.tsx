import { CATEGORIES, type Category, type CategoryChoices, type Texts } from '../core/index';
import { ActionButtons } from './ActionButtons';
import { CloseButton } from './CloseButton';
import type { CookieRow } from './cookie-rows';
import { CookieTable } from './CookieTable';
import { PolicyLink } from './PolicyLink';

/** One labelled switch per category with its cookie table; `necessary` is locked on, `marketing` locked off under GPC. */
function CategorySwitch(props: { t: Texts; id: Category; checked: boolean; gpc: boolean; cookies: CookieRow[] }) {
  const { t, id } = props;
  const necessary = id === 'necessary';
  const gpcLocked = props.gpc && id === 'marketing';
  return (
    <li>
      <div class="row">
        <label for={'ac-' + id}>{t[id]}</label>
        {necessary && <span class="small" id="ac-on">{t.alwaysOn}</span>}
        <input
          id={'ac-' + id}
          type="checkbox"
          role="switch"
          data-category={id}
          checked={props.checked && !gpcLocked}
          disabled={necessary || gpcLocked}
          aria-describedby={(necessary ? 'ac-on ' : gpcLocked ? 'ac-gpc ' : '') + 'ac-d-' + id}
        />
      </div>
      <p class="small" id={'ac-d-' + id}>{t[`${id}Description`]}</p>
      {gpcLocked && <p class="small gpc" id="ac-gpc">{t.gpcNotice}</p>}
      {props.cookies.length > 0 && <CookieTable t={t} id={id} rows={props.cookies} />}
    </li>
  );
}

/**
 * The second layer: an APG modal dialog with the switches, what is processed by whom, and how to withdraw;
 * each category's cookies; once there is a decision, a withdraw button that takes it back whole (docs/ui.md).
 */
export function Preferences(props: {
  t: Texts;
  choices: CategoryChoices;
  gpc: boolean;
  policyUrl: string;
  decided: boolean;
  cookies: Record<Category, CookieRow[]>;
}) {
  const { t } = props;
  return (
    <div class="backdrop">
      <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="ac-title">
        <h2 id="ac-title" tabIndex={-1}>{t.preferencesTitle}</h2>
        <CloseButton label={t.close} attrs={{ 'data-consent-dismiss': 'preferences' }} />
        <div class="scroll">
          <p>{t.preferencesIntro}</p>
          <ul>
            {CATEGORIES.map((id) => (
              <CategorySwitch t={t} id={id} checked={props.choices[id]} gpc={props.gpc} cookies={props.cookies[id]} />
            ))}
          </ul>
          <p class="small">{t.operator}</p>
          <p class="small">{t.recipients}</p>
          <p class="small">
            {t.withdraw} <PolicyLink t={t} url={props.policyUrl} />
          </p>
          {props.decided && <ActionButtons t={t} class="withdraw" actions={['withdraw']} />}
        </div>
        <ActionButtons t={t} class="dialog-actions" actions={['save', 'reject-all', 'accept-all']} />
      </div>
    </div>
  );
}
