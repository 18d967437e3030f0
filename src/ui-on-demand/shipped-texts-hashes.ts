import type { Lang } from '../core/types';

/**
 * The digest a receipt carries of each language's shipped texts (docs/cookies-and-receipts.md), for a decision made
 * before the UI with the texts is here. The build writes the values from src/ui/i18n (scripts/build-plugins.mjs;
 * the unit tests get them the same way), so the core side holds 64 hex characters per language, not the texts.
 */
export declare const SHIPPED_TEXTS_HASHES: Record<Lang, string>;
