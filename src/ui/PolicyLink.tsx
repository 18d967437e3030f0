import { isAllowedUrl, onThisPage, POLICY_URL_SCHEMES, type Texts } from '../core/index';

/** The privacy policy link, or nothing when the address is empty or of another scheme. */
export function PolicyLink(props: { t: Texts; url: string }) {
  return isAllowedUrl(props.url, POLICY_URL_SCHEMES) ? (
    <a href={onThisPage(props.url)} target="_blank" rel="noopener">
      {props.t.policyLink}
    </a>
  ) : null;
}
