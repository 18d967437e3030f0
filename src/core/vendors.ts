import type { ConsentState, OptionalCategory, ResolvedConfig } from './types';

type Call = (...args: unknown[]) => void;
/** Meta's `fbq`: until Meta's script runs, a function that pushes its calls onto `queue`. */
type Fbq = Call & { queue?: unknown[]; callMethod?: Call };
type VendorWindow = { gtag?: Call; dataLayer?: unknown[]; fbq?: Fbq };

const signal = (granted: boolean) => (granted ? 'granted' : 'denied');

/** Google Consent Mode v2 types for the given choices (docs/vendors.md); GPC keeps the ad types denied. */
const googleConsent = (statistics: boolean, marketing: boolean, functional: boolean) => ({
  ad_storage: signal(marketing),
  ad_user_data: signal(marketing),
  ad_personalization: signal(marketing),
  analytics_storage: signal(statistics),
  functionality_storage: signal(functional),
  personalization_storage: signal(functional),
});

/** Created FIRST in createConsentCore (Google `consent default` must precede any tag). */
export function createVendorSignals(
  config: ResolvedConfig['vendors'],
  gpc: boolean,
): { update(state: ConsentState): void; destroy(): void } {
  const page = window as unknown as VendorWindow;
  let googleSent: string | undefined;
  let metaSent: string | undefined;
  let metaWanted = 'revoke';

  // A vendor function that throws (or a dataLayer that is no array) is the tag's failure: the page goes on.
  const call = (vendor: () => void) => {
    try {
      vendor();
    } catch {}
  };
  // gtag() itself pushes its `arguments` object, and GTM reads only such objects from the dataLayer.
  const gtag: Call = function () {
    const args = arguments;
    call(() => (typeof page.gtag === 'function' ? page.gtag(...args) : (page.dataLayer = page.dataLayer || []).push(args)));
  };
  const tellMeta = (fbq: Fbq) => {
    if (metaWanted === metaSent) return;
    call(() => fbq('consent', metaWanted));
    metaSent = metaWanted;
  };
  /**
   * With `meta: true` and Meta's base code still to come: that code starts with `if (f.fbq) return`, so an `fbq`
   * of ours would keep it from loading Meta's script. The page's own `fbq` is kept as it is set instead, and told
   * the state at its first use once it has its queue (the base code's `init`): the signal is queued first.
   */
  let awaitingFbq = config.meta === true && typeof page.fbq !== 'function';
  let pageFbq: Fbq | undefined;
  // A non-configurable `fbq` (a `var fbq` of the page) cannot be awaited: it is told when it is a function.
  if (awaitingFbq)
    call(() =>
      Object.defineProperty(page, 'fbq', {
        configurable: true,
        get() {
          if (awaitingFbq && (pageFbq?.queue || pageFbq?.callMethod)) {
            awaitingFbq = false;
            tellMeta(pageFbq);
          }
          return pageFbq;
        },
        set(fbq: Fbq) {
          pageFbq = fbq;
        },
      }),
    );

  /** Tells each vendor present on the page the state; `state` is undefined before the cookie is read. */
  const tell = (state?: ConsentState) => {
    const granted = (category: OptionalCategory) => !!state?.decided && state.categories[category];
    const marketing = granted('marketing') && !gpc;
    const google =
      config.google === true || (config.google === 'auto' && !!(page.gtag || page.dataLayer));
    // googleSent: undefined until `default` is sent, then the last `update` sent ('' for none yet).
    if (google && googleSent === undefined) {
      gtag('consent', 'default', {
        ...googleConsent(false, false, false),
        security_storage: 'granted',
        wait_for_update: 500,
      });
      googleSent = '';
    }
    const consent = googleConsent(granted('statistics'), marketing, granted('functional'));
    const sent = JSON.stringify(consent);
    // One update per decision; after a withdrawal (no decision again) one all-denied update.
    if (google && (state?.decided || googleSent) && sent !== googleSent) {
      gtag('consent', 'update', consent);
      googleSent = sent;
    }
    metaWanted = marketing ? 'grant' : 'revoke';
    if (config.meta && typeof page.fbq === 'function') tellMeta(page.fbq);
  };

  tell();
  // What the vendors were told stays with them; an `fbq` still awaited is left untold.
  return {
    update: tell,
    destroy() {
      awaitingFbq = false;
    },
  };
}
