import type { ConsentState, ResolvedConfig } from './types';

/** Created FIRST in createConsentCore (Google `consent default` must precede any tag). */
export function createVendorSignals(
  config: ResolvedConfig['vendors'],
  gpc: boolean,
): { update(state: ConsentState): void; destroy(): void } {
  void config;
  void gpc;
  return { update() {}, destroy() {} };
}
