import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsentCore, resolveConfig, resolveConfigLeniently } from '../../src/core';
import type { ConsentCore } from '../../src/core/types';
import { wipeCookies } from '../helpers/cookies';

// Every field path of the config (docs/config.md), so each one in turn gets a hostile value.
const FIELDS = [
  'policyVersion', 'policyUrl', 'lang', 'texts', 'texts.ru', 'texts.ru.title', 'cookie', 'cookie.domain',
  'cookie.maxAgeDays', 'categories', 'categories.statistics', 'categories.statistics.cookies',
  'categories.marketing.storage', 'pixel', 'pixel.endpoint', 'pixel.transport', 'pixel.autoPageview', 'pixel.spa',
  'pixel.personalParams', 'consentLog', 'consentLog.endpoint', 'vendors', 'vendors.google', 'vendors.meta',
  'reopenButton', 'nonce', 'uiBase', 'unknownKey',
];

/** Any JS value, including the odd ones a page may hand over: NaN, -0, symbols, functions, RegExps, Maps, null-prototype objects. */
const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
  fc.constantFrom(NaN, -0, Infinity, Symbol('x'), () => 1, /x/g, new Error('x'), Object.create(null), 'javascript:alert(1)'),
);

/** `{ policyVersion: 'v1' }` with `value` put at `path`. */
const configWith = (path: string, value: unknown) => {
  const config: Record<string, any> = { policyVersion: 'v1' };
  const keys = path.split('.');
  let target = config;
  for (const key of keys.slice(0, -1)) target = target[key] = {};
  target[keys.at(-1)!] = value;
  return config;
};

const cores: ConsentCore[] = [];
afterEach(() => cores.splice(0).forEach((core) => core.destroy()));

describe('a list with a hole (a stray comma)', () => {
  it('is refused, never read as a pattern that matches every cookie on refusal', () => {
    // oxlint-disable-next-line no-sparse-arrays -- the hole is the case under test
    const config = { policyVersion: 'v1', pixel: false, consentLog: false, categories: { statistics: { cookies: ['_ga', , '_gid'] } } };
    expect(() => resolveConfig(config as never)).toThrow(/config\.categories\.statistics\.cookies/);
    document.cookie = 'session=abc; path=/';
    const core = createConsentCore(resolveConfigLeniently(config, () => {}));
    cores.push(core);
    core.rejectAll();
    expect(document.cookie).toContain('session=abc');
    wipeCookies();
  });
});

describe('config validation under any value', () => {
  it('resolveConfig gives a resolved config or a TypeError naming the field, never another exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyValue, (path, value) => {
        try {
          resolveConfig(configWith(path, value) as never);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as Error).message).toMatch(new RegExp(`config\\.${path.split('.')[0]}|"${path.split('.')[0]}`));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('resolveConfig names policyVersion when the whole config is not an object', () => {
    fc.assert(
      fc.property(anyValue, (config) => {
        try {
          resolveConfig(config as never);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as Error).message).toMatch(/^allur-consent: (config|unknown config key)/);
        }
      }),
    );
  });

  it('resolveConfigLeniently never throws, and what it returns is a valid config a core starts with', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constantFrom(...FIELDS).chain((path) => anyValue.map((value) => configWith(path, value)))), (config) => {
        const messages: string[] = [];
        const resolved = resolveConfigLeniently(config, (message) => messages.push(message));
        expect(messages.every((message) => typeof message === 'string' && message.startsWith('allur-consent: '))).toBe(true);
        // Strict validation accepts it unchanged: every field is a valid value or the default.
        expect(resolveConfig(resolved as never)).toEqual(resolved);
        const core = createConsentCore({ ...resolved, pixel: false, consentLog: false });
        cores.push(core);
        expect(core.getState().decided).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
