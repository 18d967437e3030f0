import { OPTIONAL_CATEGORIES } from './config';
import type { CategoryChoices, ConsentCore, ResolvedConfig } from './types';

/** Whether this is a browser page: server rendering and Node have no `document`. */
export const hasDocument = () => typeof document === 'object';

/**
 * The instance outside a browser: undecided, nothing granted but the necessary, and deaf to decisions, so a
 * server render shows what a first visit shows and never touches cookies, storage or the network.
 */
export function createInertConsent(config: ResolvedConfig): ConsentCore {
  const categories = { necessary: true } as CategoryChoices;
  for (const name of OPTIONAL_CATEGORIES) categories[name] = false;
  const state = Object.freeze({
    decided: false,
    categories: Object.freeze(categories),
    policyVersion: config.policyVersion,
    decidedAt: null,
    id: null,
  });
  const nothing = () => {};
  return {
    config,
    pixel: { track: nothing },
    getState: () => state,
    getStatus: () => ({ cookiesDisabled: false, policyUpdated: false, gpc: false }),
    has: (category) => category === 'necessary',
    held: () => [],
    activate: nothing,
    acceptAll: nothing,
    rejectAll: nothing,
    set: nothing,
    reset: nothing,
    on: () => nothing,
    destroy: nothing,
  };
}
