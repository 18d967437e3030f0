import { isAllowedUrl, POLICY_URL_SCHEMES } from './page-url';
import { presets } from './presets';
import type { CategoryConfig, ConsentConfig, OptionalCategory, ResolvedConfig } from './types';

type Bag = Record<string, any>;
type Rule = [test: (value: any) => unknown, message: string];

/** The categories a visitor may refuse, in the order they are shown and stored. */
export const OPTIONAL_CATEGORIES: OptionalCategory[] = ['functional', 'statistics', 'marketing'];

const LANGS = ['ru', 'kk', 'en'];

const isString = (value: unknown): value is string => typeof value == 'string';
const isObject = (value: unknown): value is Bag => !!value && typeof value == 'object' && !Array.isArray(value);
// Array.from first: `every` skips the holes of a sparse array, which the copy would turn into `undefined`.
const isArrayOf = (test: (item: unknown) => boolean) => (value: unknown) => Array.isArray(value) && Array.from(value).every(test);

const isUrl = (schemes: RegExp) => (value: unknown) => isAllowedUrl(value, schemes);

const VERSION_RULE: Rule = [
  (value) => isString(value) && value.trim() && value.length <= 64,
  'must be a non-empty string of at most 64 characters',
];
const STRINGS_RULE: Rule = [isArrayOf(isString), 'must be an array of strings'];
const oneOf = (...values: unknown[]): Rule => [(value) => values.includes(value), 'must be one of ' + values.join(', ')];
const VENDOR_RULE = oneOf(true, false, 'auto');
const ENDPOINT_RULE: Rule = [isUrl(/^https?:/i), 'must be http(s) or relative'];

// Fields whose type alone does not say what is valid, by key; any other field must have its default's type.
const RULES: Record<string, Rule> = {
  policyVersion: VERSION_RULE,
  policyUrl: [isUrl(POLICY_URL_SCHEMES), 'must be http(s), mailto or relative'],
  lang: oneOf(...LANGS),
  texts: [
    (value) => isObject(value) && Object.keys(value).every((lang) => LANGS.includes(lang) && isObject(value[lang]) && Object.values(value[lang]).every(isString)),
    'must map ru, kk, en to texts',
  ],
  domain: [(value) => isString(value) && value.length < 254 && /^\.?[a-z\d-]+(\.[a-z\d-]+)*$/i.test(value), 'must be a host name'],
  maxAgeDays: [(value) => typeof value == 'number' && value > 0 && value <= 400, 'must be a number of days up to 400'],
  cookies: [isArrayOf((pattern) => isString(pattern) || pattern instanceof RegExp), 'must be an array of strings and RegExps'],
  storage: STRINGS_RULE,
  personalParams: STRINGS_RULE,
  endpoint: ENDPOINT_RULE,
  transport: oneOf('beacon', 'image'),
  google: VENDOR_RULE,
  meta: VENDOR_RULE,
  nonce: [isString, 'must be a string'],
};

const category = (...list: CategoryConfig[]) => ({
  cookies: list.flatMap((preset) => preset.cookies ?? []),
  storage: list.flatMap((preset) => preset.storage ?? []),
});

/** The Allur defaults, made fresh for every instance so no two share an array. */
const defaults = (): ResolvedConfig => ({
  policyVersion: '1',
  policyUrl: 'https://www.allur.kz/',
  lang: undefined,
  texts: {},
  cookie: { domain: undefined, maxAgeDays: 180 },
  categories: {
    functional: category(),
    statistics: category(presets.yandexMetrica, presets.googleAnalytics),
    marketing: category(presets.meta, presets.vkTopMailRu, presets.tikTok, presets.googleAds),
  },
  pixel: { endpoint: '/stat/pixel', transport: 'beacon', autoPageview: true, spa: false, personalParams: [] },
  consentLog: { endpoint: '/stat/consent' },
  vendors: { google: 'auto', meta: 'auto' },
  reopenButton: false,
  nonce: undefined,
});

// Configs resolved here: the script tag resolves leniently, and the core need not check its result again.
const resolvedConfigs = new WeakSet<object>();

/** Resolves `config` with defaults, reporting each bad field or unknown key to `report` and using the default for it. */
export function resolveConfigLeniently(config: unknown, report: (message: string) => void): ResolvedConfig {
  const bad = (path: string, message: string) => report(`allur-consent: config${path} ${message}`);
  const merge = (given: unknown, fallback: Bag, path: string): Bag => {
    if (!isObject(given)) return given === undefined || bad(path, 'must be an object'), fallback;
    const merged = { ...fallback };
    for (const key of Object.keys(given)) {
      const value = given[key];
      const name = path + '.' + key;
      if (!Object.keys(fallback).includes(key)) report(`allur-consent: unknown config key "${name.slice(1)}"`);
      else if (value === false && (key == 'pixel' || key == 'consentLog')) merged[key] = false;
      else if (isObject(fallback[key]) && !RULES[key]) merged[key] = merge(value, fallback[key], name);
      else if (value !== undefined) {
        const [test, message] = RULES[key] ?? [(it: unknown) => typeof it == typeof fallback[key], 'must be a ' + typeof fallback[key]];
        if (test(value)) merged[key] = Array.isArray(value) ? [...value] : value;
        else bad(name, message);
      }
    }
    return merged;
  };
  if ((config as Bag)?.policyVersion === undefined) bad('.policyVersion', VERSION_RULE[1]);
  const resolved = merge(config, defaults(), '') as ResolvedConfig;
  resolvedConfigs.add(resolved);
  return resolved;
}

/** Resolves `config` with defaults; throws a TypeError naming the first bad field or unknown key. */
export function resolveConfig(config: ConsentConfig): ResolvedConfig {
  if (resolvedConfigs.has(config)) return config as ResolvedConfig;
  return resolveConfigLeniently(config, (message) => {
    throw new TypeError(message);
  });
}
