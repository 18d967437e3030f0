import type { Category, OptionalCategory } from './types';

/** The categories a visitor may refuse, in the order they are shown and stored. */
export const OPTIONAL_CATEGORIES: OptionalCategory[] = ['functional', 'statistics', 'marketing'];
/** Every category, `necessary` first. */
export const CATEGORIES: Category[] = ['necessary', ...OPTIONAL_CATEGORIES];
