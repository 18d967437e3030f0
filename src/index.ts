// The npm entry, `allur-consent`: the core, with the Preact UI in a chunk of its own that comes only when
// something must show.
import { resolveConfig } from './core/index';
import type { ConsentConfig } from './core/index';
import { createInertConsent, hasDocument } from './core/inert';
import type { Consent } from './ui-on-demand/consent';
import { startConsent } from './ui-on-demand/consent-with-ui';

export * from './core/index';
export type { Consent, ConsentUi } from './ui-on-demand/consent';

const nothing = () => {};

// A dynamic import: an app's bundler puts Preact, the components, the styles and the texts in a chunk of their own.
const loadUi = () => import('./ui/index').then((module) => module.ui);

/** Creates the consent instance with its UI (docs/instance.md); throws a TypeError naming the field on bad config. */
export function createConsent(config: ConsentConfig): Consent {
  const resolved = resolveConfig(config);
  // On a server the core is inert, and so is the UI: a first visit's page, rendered without a banner.
  if (!hasDocument()) return { ...createInertConsent(resolved), showBanner: nothing, showPreferences: nothing, hide: nothing };
  return startConsent(resolved, loadUi);
}
