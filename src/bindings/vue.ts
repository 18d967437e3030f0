// Vue binding: the consent state as a read-only ref.
import { getCurrentScope, onScopeDispose, type ShallowRef, shallowReadonly, shallowRef } from 'vue';
import type { ConsentCore, ConsentState } from '../core/types';

/** A read-only ref of the consent state of `instance`, updated on every change until its scope ends. */
export function useConsent(instance: ConsentCore): Readonly<ShallowRef<ConsentState>> {
  const state = shallowRef(instance.getState());
  const unsubscribe = instance.on('change', (next) => {
    state.value = next;
  });
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return shallowReadonly(state);
}
