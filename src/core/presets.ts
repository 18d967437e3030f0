import { PRESET_CLEANUP } from './preset-cleanup';
import type { PresetName } from './preset-cleanup';
import { PRESET_ROWS } from './preset-rows';
import type { CookieDeclaration } from './types';

type Preset<Name extends PresetName> = (typeof PRESET_CLEANUP)[Name] & { declaration: CookieDeclaration[] };

/**
 * The presets a site names in `categories.*` (docs/categories.md): what each deletes and the rows it adds to the
 * dialog's cookie table. The npm entries export them; the config's defaults take the cleanup lists alone.
 */
export const presets = Object.fromEntries(
  Object.entries(PRESET_CLEANUP).map(([name, cleanup]) => [name, { ...cleanup, declaration: PRESET_ROWS[name as PresetName] }]),
) as { [Name in PresetName]: Preset<Name> };

/**
 * Cookies a preset deletes by name but leaves out of its table, each with the reason; a test holds every other
 * cookie a preset names to its table.
 */
export const UNLISTED_COOKIES: Partial<Record<PresetName, Record<string, string>>> = {
  googleAnalytics: {
    _gid: 'set by Universal Analytics only, not by GA4: deleted for sites still running the old tag, not declared',
  },
};
