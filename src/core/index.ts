import type { ConsentConfig, ConsentCore } from './types';

export type * from './types';

/** Creates the headless consent instance (first version: state in memory only). */
export function createConsentCore(config: ConsentConfig): ConsentCore {
  throw new TypeError(`allur-consent: createConsentCore is not ready yet (policyVersion ${config.policyVersion})`);
}
