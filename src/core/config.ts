import { isAllowedUrl, POLICY_URL_SCHEMES } from './page-url';
import { CATEGORY_PRESETS, PRESET_CLEANUP } from './preset-cleanup';
import type { CategoryConfig, ConsentConfig, CookieDeclaration, OptionalCategory, ResolvedConfig } from './types';

type Bag = Record<string, any>;

// In a module of their own, which a UI takes without the config's tables.
export { CATEGORIES, OPTIONAL_CATEGORIES } from './categories';

/** The languages the library ships. */
export const LANGS = ['ru', 'kk', 'en'];

/**
 * One config field (docs/config.md): its default; what a valid value is and the message naming the rule, where the
 * default's type alone does not say it; and whether the script tag's `data-*` attribute named after its path
 * (`pixel.endpoint` → `data-pixel-endpoint`) may set it.
 */
interface Field {
  fallback: unknown;
  valid?: (value: unknown) => unknown;
  message?: string;
  attribute?: true;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Bag => !!value && typeof value === 'object' && !Array.isArray(value);
// Array.from first: `every` skips the holes of a sparse array, which the copy would turn into `undefined`.
const isArrayOf = (test: (item: unknown) => boolean) => (value: unknown) => Array.isArray(value) && Array.from(value).every(test);
const isPattern = (pattern: unknown) => isString(pattern) || pattern instanceof RegExp;
const isPolicyUrl = (url: unknown) => isAllowedUrl(url, POLICY_URL_SCHEMES);
/** `{ ru?, kk?, en? }` with at least one language, each value passing `test`. */
const isPerLanguage = (test: (item: unknown) => boolean) => (value: unknown) =>
  isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((lang) => LANGS.includes(lang) && test(value[lang]));
const isLocalizedText = (text: unknown) => isString(text) || isPerLanguage(isString)(text);
const isDeclaration = (row: unknown) =>
  isObject(row) && isString(row.name) && !!row.name && isString(row.provider) && isLocalizedText(row.purpose) && isLocalizedText(row.lifetime);

const oneOf = (...values: unknown[]): Pick<Field, 'valid' | 'message'> => ({
  valid: (value) => values.includes(value),
  message: 'must be one of ' + values.join(', '),
});
// An http(s) or relative URL with no default: a guessed endpoint path fails on every site without that collector, and
// without an endpoint nothing is sent (docs/config.md).
const httpUrl: Field = {
  fallback: undefined,
  valid: (value) => isAllowedUrl(value, /^https?:/i),
  message: 'must be http(s) or relative',
  attribute: true,
};
const strings = (fallback: string[]): Field => ({ fallback, valid: isArrayOf(isString), message: 'must be an array of strings' });

const declaration = (fallback: CookieDeclaration[] | undefined): Field => ({
  fallback,
  valid: isArrayOf(isDeclaration),
  message: 'must be an array of { name, provider, purpose, lifetime } (purpose and lifetime a string or { ru, kk, en })',
});
/** Cookie names or storage keys: each a name or a RegExp. */
const patterns = (fallback: Array<string | RegExp>): Field => ({ fallback, valid: isArrayOf(isPattern), message: 'must be an array of strings and RegExps' });
/**
 * A category's fields, by default the cleanup lists of its presets together. Each list its own field: a
 * `declaration` alone leaves the default cleanup lists as they are. No `declaration` stays undefined: the UI shows
 * the presets' rows then (src/core/preset-rows.ts), which the core, cleaning only, never carries.
 */
const categoryFields = (id: OptionalCategory): Record<string, Field> => {
  const presets: CategoryConfig[] = CATEGORY_PRESETS[id].map((name) => PRESET_CLEANUP[name]);
  return {
    [`categories.${id}.cookies`]: patterns(presets.flatMap((preset) => preset.cookies ?? [])),
    [`categories.${id}.storage`]: patterns(presets.flatMap((preset) => preset.storage ?? [])),
    [`categories.${id}.declaration`]: declaration(undefined),
  };
};

const VERSION_MESSAGE = 'must be a non-empty string of at most 64 characters';

/** Every config field by its full path: validation, defaults and the script tag's attributes all come from here. */
const FIELDS = new Map<string, Field>(Object.entries({
  policyVersion: {
    fallback: '1',
    valid: (value) => isString(value) && value.trim() && value.length <= 64,
    message: VERSION_MESSAGE,
    attribute: true,
  },
  policyUrl: {
    fallback: 'https://www.allur.kz/',
    // One address, or one per language: the Kazakh page links the Kazakh policy.
    valid: (value) => isPolicyUrl(value) || isPerLanguage(isPolicyUrl)(value),
    message: 'must be http(s), mailto or relative, or map ru, kk, en to such addresses',
    attribute: true,
  },
  lang: { fallback: undefined, ...oneOf(...LANGS), attribute: true },
  texts: {
    fallback: {},
    valid: (value) =>
      isObject(value) &&
      Object.keys(value).every((lang) => LANGS.includes(lang) && isObject(value[lang]) && Object.values(value[lang]).every(isString)),
    message: 'must map ru, kk, en to texts',
  },
  'cookie.domain': {
    fallback: undefined,
    valid: (value) => isString(value) && value.length < 254 && /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(value),
    message: 'must be a host name',
    attribute: true,
  },
  'cookie.maxAgeDays': {
    fallback: 180,
    valid: (value) => typeof value === 'number' && value > 0 && value <= 400,
    message: 'must be a number of days up to 400',
  },
  // Necessary cookies are never deleted, only declared: the site's session, cart and CSRF cookies.
  'categories.necessary.declaration': declaration([]),
  ...categoryFields('functional'),
  ...categoryFields('statistics'),
  ...categoryFields('marketing'),
  'pixel.endpoint': httpUrl,
  'pixel.transport': { fallback: 'beacon', ...oneOf('beacon', 'image'), attribute: true },
  'pixel.autoPageview': { fallback: true },
  'pixel.spa': { fallback: false },
  'pixel.personalParams': strings([]),
  'consentLog.endpoint': httpUrl,
  'vendors.google': { fallback: 'auto', ...oneOf(true, false, 'auto') },
  'vendors.meta': { fallback: 'auto', ...oneOf(true, false, 'auto') },
  reopenButton: { fallback: false, attribute: true },
  nonce: { fallback: undefined, valid: isString, message: 'must be a string' },
  // The folder of the script tag's UI files (docs/script-tag.md); by default the script's own.
  uiBase: httpUrl,
} satisfies Record<string, Field>));

/** The groups a site may turn off whole with `false`. */
const SWITCHABLE = ['pixel', 'consentLog'];

/** The paths of the fields a `data-*` attribute of the script tag may set. */
export const ATTRIBUTE_FIELDS = [...FIELDS.keys()].filter((path) => FIELDS.get(path)!.attribute);

const isGroup = (path: string) => [...FIELDS.keys()].some((field) => field.startsWith(path + '.'));

// A deep copy of every array and object put into a config: no two instances, and no site and instance, share one.
// A spread copies an object in one step where entries and back would build an array per key; its `__proto__` key,
// if any, stays an own property, so setting it below sets no prototype.
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (!isObject(value) || value instanceof RegExp) return value;
  const copy: Bag = { ...value };
  for (const key of Object.keys(copy)) copy[key] = copyOf(copy[key]);
  return copy;
}

/** Sets `value` at the dotted `path` of `target`, making the groups on the way. */
function setAt(target: Bag, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop()!;
  for (const key of keys) target = target[key] ??= {};
  target[last] = copyOf(value);
}

/** Resolves `config` with defaults, reporting each bad field or unknown key to `report` and using the default for it. */
export function resolveConfigLeniently(config: unknown, report: (message: string) => void): ResolvedConfig {
  const bad = (path: string, message: string) => report(`allur-consent: config${path ? '.' + path : ''} ${message}`);
  const resolved: Bag = {};
  for (const [path, field] of FIELDS) setAt(resolved, path, field.fallback);

  const take = (given: unknown, group: string) => {
    if (!isObject(given)) {
      if (given === false && SWITCHABLE.includes(group)) setAt(resolved, group, false);
      else if (given !== undefined) bad(group, 'must be an object');
      return;
    }
    for (const key of Object.keys(given)) {
      const path = group ? group + '.' + key : key;
      const value = given[key];
      const field = FIELDS.get(path);
      if (field) {
        if (value === undefined) continue;
        if (field.valid ? field.valid(value) : typeof value === typeof field.fallback) setAt(resolved, path, value);
        else bad(path, field.message ?? 'must be a ' + typeof field.fallback);
      } else if (isGroup(path)) take(value, path);
      else report(`allur-consent: unknown config key "${path}"`);
    }
  };

  if ((config as Bag)?.policyVersion === undefined) bad('policyVersion', VERSION_MESSAGE);
  take(config, '');
  return resolved as ResolvedConfig;
}

/** Resolves `config` with defaults; throws a TypeError naming the first bad field or unknown key. */
export function resolveConfig(config: ConsentConfig): ResolvedConfig {
  return resolveConfigLeniently(config, (message) => {
    throw new TypeError(message);
  });
}
