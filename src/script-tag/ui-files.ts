import type { Lang } from '../core/types';

/**
 * The UI files of this build (dist/allur-consent-ui.<lang>.js): a short hash of the three together, their version
 * query, and each file's Subresource Integrity. The build writes them after it has built the UI files
 * (scripts/build-plugins.mjs), so the script tag fetches only the UI it was built with.
 */
export declare const UI_FILES: { version: string; integrity: Record<Lang, string> };
