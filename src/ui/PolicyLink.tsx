import { isAllowedUrl, onThisPage, POLICY_URL_SCHEMES } from '../core/page-url';
import type { Texts } from '../core/types';

/** The privacy policy link, or nothing when the address is empty or of another scheme. */
export function PolicyLink(props: { t: Texts; url: string }) {
  return isAllowedUrl(props.url, POLICY_URL_SCHEMES) ? (
    <a href={onThisPage(props.url)} target="_blank" rel="noopener">
      {props.t.policyLink}
    </a>
  ) : null;
}
