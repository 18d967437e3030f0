// React bindings: the consent state as a store, and a gate for markup that needs a category.
import { type ReactNode, useSyncExternalStore } from 'react';
import type { Category, ConsentCore, ConsentState } from '../core/types';
import { undecidedState } from './undecided-state';

/** The consent state of `instance`, re-rendering on every change; undecided on the server and while hydrating. */
export function useConsent(instance: ConsentCore): ConsentState {
  return useSyncExternalStore(
    (onChange) => instance.on('change', onChange),
    () => instance.getState(),
    () => undecidedState(instance),
  );
}

export interface ConsentGateProps {
  instance: ConsentCore;
  category: Category;
  /** Shown while the category is not granted (a placeholder, a "enable cookies" notice); nothing by default. */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Renders `children` only while `category` is granted, else `fallback`. */
export function ConsentGate({ instance, category, fallback = null, children }: ConsentGateProps): ReactNode {
  return useConsent(instance).categories[category] ? children : fallback;
}
