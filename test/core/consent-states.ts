import type { CategoryChoices, ConsentState } from '../../src/core/types';

/** The state before any decision: every optional category off. */
export const undecided: ConsentState = {
  decided: false,
  categories: { necessary: true, functional: false, statistics: false, marketing: false },
  policyVersion: '2024-06-01',
  decidedAt: null,
  id: null,
};

/** A decided state with the given categories granted and the others refused. */
export const decided = (choices: Partial<CategoryChoices>): ConsentState => ({
  ...undecided,
  decided: true,
  categories: { ...undecided.categories, ...choices },
  decidedAt: '2026-11-26T17:05:00.000+05:00',
  id: 'consent-1234abcd',
});
