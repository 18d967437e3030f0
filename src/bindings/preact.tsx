// Preact bindings: the consent state as a hook, and a gate for markup that needs a category.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Category, ConsentCore, ConsentState } from '../core/types';

/** The consent state of `instance`, re-rendering on every change (undecided on the server: the instance is inert). */
export function useConsent(instance: ConsentCore): ConsentState {
  const [state, setState] = useState(() => instance.getState());
  useEffect(() => {
    // A change between the render and this effect would otherwise be missed.
    setState(instance.getState());
    return instance.on('change', setState);
  }, [instance]);
  return state;
}

export interface ConsentGateProps {
  instance: ConsentCore;
  category: Category;
  /** Shown while the category is not granted; nothing by default. */
  fallback?: ComponentChildren;
  children?: ComponentChildren;
}

/** Renders `children` only while `category` is granted, else `fallback`. */
export function ConsentGate({ instance, category, fallback = null, children }: ConsentGateProps) {
  return <>{useConsent(instance).categories[category] ? children : fallback}</>;
}
