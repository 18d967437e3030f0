import { ActionButtons } from './ActionButtons';
import { CloseButton } from './CloseButton';
import { PolicyLink } from './PolicyLink';
import type { Texts } from '../core/index';

/**
 * The first layer: a non-modal region whose text names every purpose "accept all" grants (with the §3.3
 * data list) and the operator, then the policy link and three equal buttons.
 */
export function Banner(props: { t: Texts; policyUrl: string; policyUpdated: boolean; inert: boolean }) {
  const { t } = props;
  return (
    <section class="banner card" role="region" aria-label={t.region} inert={props.inert}>
      <div class="banner-text">
        <h2>{t.title}</h2>
        {props.policyUpdated && <p class="policy-updated">{t.policyUpdated}</p>}
        <p>
          {t.body} <PolicyLink t={t} url={props.policyUrl} />
        </p>
      </div>
      <ActionButtons t={t} class="banner-actions" actions={['accept-all', 'reject-all', 'preferences']} />
      <CloseButton label={t.close} attrs={{ 'data-consent-action': 'close' }} />
    </section>
  );
}
