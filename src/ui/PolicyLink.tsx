import { onThisPage } from '../core/page-url';
import type { Texts } from '../core/types';

// Only http(s), mailto or relative addresses become links; browsers drop control characters before reading a scheme.
const isSafeUrl = (url: string) => {
  const bare = url.replace(/[\x00-\x20]/g, '');
  return !!bare && (/^(https?|mailto):/i.test(bare) || !/^[^/?#]*:/.test(bare));
};

/** The privacy policy link, or nothing when the address is empty or of another scheme. */
export function PolicyLink(props: { t: Texts; url: string }) {
  return isSafeUrl(props.url) ? (
    <a href={onThisPage(props.url)} target="_blank" rel="noopener">
      {props.t.policyLink}
    </a>
  ) : null;
}
