import { createInertConsent } from '../core/inert';
import type { ConsentCore, ConsentState } from '../core/types';

const undecided = new WeakMap<ConsentCore, ConsentState>();

/**
 * What a server renders for `instance`: the undecided state, one object per instance so a store may compare it.
 * The hydrating client renders it too, then its own state: both agree, and hydration has nothing to fix.
 */
export function undecidedState(instance: ConsentCore): ConsentState {
  let state = undecided.get(instance);
  if (!state) undecided.set(instance, (state = createInertConsent(instance.config).getState()));
  return state;
}
