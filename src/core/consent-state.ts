import { OPTIONAL_CATEGORIES } from './config';
import type { ConsentRecord } from './consent-cookie';
import { newRandomId } from './random-id';
import type { Category, CategoryChoices, ConsentState, OptionalCategory } from './types';

/**
 * Turns decisions into states and back for one policy version. Under Global Privacy Control, an opt-out of
 * advertising, marketing stays off whatever was chosen (docs/ui.md).
 */
export function createConsentStates(policyVersion: string, gpc: boolean) {
  const granted = (name: OptionalCategory, value?: boolean) => !!value && !(gpc && name === 'marketing');
  return {
    /** The state a stored decision stands for (none: undecided). Frozen and kept until the next change, a stable snapshot for framework stores. */
    stateOf(record?: ConsentRecord): ConsentState {
      const categories = { necessary: true } as CategoryChoices;
      for (const name of OPTIONAL_CATEGORIES) categories[name] = granted(name, record?.c[name] === 1);
      const decidedAt = record ? new Date(record.t).toISOString() : null;
      return Object.freeze({ decided: !!record, categories: Object.freeze(categories), policyVersion, decidedAt, id: record?.id ?? null });
    },
    /** The decision to store when `choices` change `state`; it keeps the consent id of an earlier decision. */
    recordOf(state: ConsentState, choices: Partial<Record<Category, boolean>>): ConsentRecord {
      const wanted = { ...state.categories, ...choices };
      const record = { v: 1, id: state.id ?? newRandomId(), t: Date.now(), pv: policyVersion, c: {} } as ConsentRecord;
      for (const name of OPTIONAL_CATEGORIES) record.c[name] = granted(name, wanted[name]) ? 1 : 0;
      return record;
    },
  };
}

/** Throws a TypeError for a choice `set()` must refuse: an unknown category, a non-boolean, `necessary: false`. */
export function checkChoices(choices: Partial<Record<Category, boolean>>): void {
  for (const [name, value] of Object.entries(choices)) {
    if (name !== 'necessary' && !OPTIONAL_CATEGORIES.includes(name as OptionalCategory)) {
      throw new TypeError(`allur-consent: unknown category "${name}"`);
    }
    if (value !== true && (name === 'necessary' || value !== false)) {
      throw new TypeError(`allur-consent: ${name} must be ${name === 'necessary' ? 'true' : 'true or false'}`);
    }
  }
}
