// The npm entry, `allur-consent`: the core with the Preact UI.
import { resolveConfig } from './core/index';
import type { ConsentConfig } from './core/index';
import { type Consent, startConsent } from './consent-with-ui';

export * from './core/index';
export type { Consent } from './consent-with-ui';
export type { ConsentUi } from './ui/mount';

/** Creates the consent instance with its UI (docs/instance.md); throws a TypeError naming the field on bad config. */
export const createConsent = (config: ConsentConfig): Consent => startConsent(resolveConfig(config));
