import type { Lang } from '../core/types';
import type { UiModule } from '../ui/index';
import type { UiFileScript } from '../ui/script-tag';
import { trustedScriptUrl } from './trusted-url';
import { UI_FILES } from './ui-files';

/**
 * Loads the UI file of `lang` from `folder` (docs/script-tag.md) with a fresh `<script>`: versioned, checked against
 * the hash this build wrote in (Subresource Integrity, `crossorigin` when the folder is on another origin), with the
 * page's `nonce`. Resolves with the UI the file hands over; rejects with an error naming its URL when it is not
 * found, blocked, offline, altered, or hands nothing over.
 */
export function loadUiFile(folder: string, lang: Lang, nonce: string | undefined): Promise<UiModule> {
  const url = new URL(`allur-consent-ui.${lang}.js?v=${UI_FILES.version}`, folder).href;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script') as UiFileScript;
    const fail = (cause?: unknown) => {
      script.remove();
      reject(new Error(`allur-consent: the UI file ${url} did not load`, { cause }));
    };
    script.registerAllurConsentUi = resolve;
    // After it ran: a file that handed its UI over has resolved already, and a rejection then changes nothing.
    script.onload = script.onerror = () => fail();
    script.integrity = UI_FILES.integrity[lang];
    if (new URL(url).origin !== location.origin) script.crossOrigin = 'anonymous';
    if (nonce) script.nonce = nonce;
    try {
      script.src = trustedScriptUrl(url);
    } catch (refused) {
      // The page's Trusted Types took no URL of ours: no policy allur-consent allowed, and no default policy.
      return fail(refused);
    }
    document.head.append(script);
  });
}
