import { describe, expect, it } from 'vitest';
import { resolveConfig, resolveConfigLeniently } from '../../src/core/config';
import { presets } from '../../src/core/presets';
import { defaultDeclaration } from '../../src/core/index';
import type { ConsentConfig } from '../../src/core/types';

const resolveWith = (config: unknown) => resolveConfig(config as ConsentConfig);
const lenient = (config: unknown) => {
  const reports: string[] = [];
  return { config: resolveConfigLeniently(config, (message) => reports.push(message)), reports };
};

describe('resolveConfig defaults', () => {
  it('fills the Allur defaults around the policy version', () => {
    const config = resolveConfig({ policyVersion: '2024-06-01' });
    expect(config).toMatchObject({
      policyVersion: '2024-06-01',
      policyUrl: 'https://www.allur.kz/',
      lang: undefined,
      cookie: { domain: undefined, maxAgeDays: 180 },
      pixel: { endpoint: undefined, transport: 'beacon', autoPageview: true, spa: false, personalParams: [] },
      consentLog: { endpoint: undefined },
      vendors: { google: 'auto', meta: 'auto' },
      reopenButton: false,
    });
  });

  it('gives the endpoints no default: a group without one keeps its other fields', () => {
    const config = resolveConfig({ policyVersion: '1', pixel: { transport: 'image', personalParams: ['vin'] }, consentLog: {} });
    expect(config.pixel).toEqual({ endpoint: undefined, transport: 'image', autoPageview: true, spa: false, personalParams: ['vin'] });
    expect(config.consentLog).toEqual({ endpoint: undefined });
  });

  it('gives statistics and marketing the tracker presets, functional nothing', () => {
    const { categories } = resolveConfig({ policyVersion: '1' });
    expect(categories.functional).toStrictEqual({ cookies: [], storage: [], declaration: undefined });
    expect(categories.necessary).toEqual({ declaration: [] });
    // The rows are the UI's: it shows the presets' rows of a category given no `declaration` (test/ui).
    expect(categories.statistics.declaration).toBeUndefined();
    expect(defaultDeclaration('statistics')).toEqual([...presets.yandexMetrica.declaration, ...presets.googleAnalytics.declaration]);
    expect(defaultDeclaration('marketing')).toEqual([presets.meta, presets.vkTopMailRu, presets.tikTok, presets.googleAds].flatMap((preset) => preset.declaration));
    expect(defaultDeclaration('functional')).toEqual([]);
    expect(categories.statistics.cookies).toEqual([...presets.yandexMetrica.cookies, ...presets.googleAnalytics.cookies]);
    expect(categories.statistics.storage).toEqual(presets.yandexMetrica.storage);
    for (const preset of [presets.meta, presets.vkTopMailRu, presets.tikTok, presets.googleAds]) {
      expect(categories.marketing.cookies).toEqual(expect.arrayContaining(preset.cookies));
    }
  });

  it('keeps the given values, replaces a category list and turns pixel and log off with false', () => {
    const config = resolveConfig({
      policyVersion: 'v2',
      policyUrl: 'mailto:info@allur.kz',
      lang: 'kk',
      texts: { kk: { title: 'Cookie' } },
      cookie: { domain: '.allur.kz', maxAgeDays: 30 },
      categories: { statistics: { cookies: ['_ym_uid', /^_ga/] } },
      pixel: false,
      consentLog: false,
      vendors: { google: false, meta: true },
      reopenButton: true,
      nonce: 'abc',
    });
    expect(config).toMatchObject({
      policyUrl: 'mailto:info@allur.kz',
      lang: 'kk',
      texts: { kk: { title: 'Cookie' } },
      cookie: { domain: '.allur.kz', maxAgeDays: 30 },
      pixel: false,
      consentLog: false,
      vendors: { google: false, meta: true },
      reopenButton: true,
      nonce: 'abc',
    });
    expect(config.categories.statistics).toEqual({
      cookies: ['_ym_uid', /^_ga/],
      storage: presets.yandexMetrica.storage,
      declaration: undefined,
    });
  });

  it('takes storage keys as names and RegExps, as cookie names', () => {
    const storage = ['basket_hint', /^tt_/];
    expect(resolveConfig({ policyVersion: '1', categories: { marketing: { storage } } }).categories.marketing.storage).toEqual(storage);
  });

  it('gives every instance its own arrays', () => {
    const first = resolveConfig({ policyVersion: '1' });
    first.categories.statistics.cookies.push('mine');
    expect(resolveConfig({ policyVersion: '1' }).categories.statistics.cookies).not.toContain('mine');
  });

  it('copies a row\'s "__proto__" key as a key, never as the copy\'s prototype', () => {
    const row = JSON.parse('{"name":"sid","provider":"Allur","purpose":"Session","lifetime":"1 day","__proto__":{"polluted":true}}');
    const [copy] = resolveConfig({ policyVersion: '1', categories: { necessary: { declaration: [row] } } }).categories.necessary.declaration;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['name', 'provider', 'purpose', 'lifetime', '__proto__']);
    expect((copy as unknown as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('accepts its own output again unchanged', () => {
    const once = resolveConfig({ policyVersion: '1', pixel: { endpoint: 'https://stat.allur.kz/p', spa: true } });
    expect(resolveConfig(once)).toEqual(once);
  });
});

describe('resolveConfig errors', () => {
  it.each([
    [{}, 'config.policyVersion must be a non-empty string'],
    [{ policyVersion: '' }, 'config.policyVersion must be'],
    [{ policyVersion: '   ' }, 'config.policyVersion must be'],
    [{ policyVersion: 'x'.repeat(65) }, 'config.policyVersion must be'],
    [{ policyVersion: 7 }, 'config.policyVersion must be'],
    [{ policyVersion: '1', policyUrl: 'javascript:alert(1)' }, 'config.policyUrl must be http(s), mailto or relative'],
    [{ policyVersion: '1', policyUrl: ' java\tscript:alert(1)' }, 'config.policyUrl must be http(s), mailto or relative'],
    [{ policyVersion: '1', policyUrl: 'data:text/html,hi' }, 'config.policyUrl must be'],
    [{ policyVersion: '1', policyUrl: '' }, 'config.policyUrl must be'],
    [{ policyVersion: '1', policyUrl: {} }, 'config.policyUrl must be'],
    [{ policyVersion: '1', policyUrl: { kk: 'javascript:alert(1)' } }, 'config.policyUrl must be'],
    [{ policyVersion: '1', policyUrl: { de: '/de/privacy' } }, 'config.policyUrl must be'],
    [{ policyVersion: '1', policyUrl: { ru: '/privacy', kk: 7 } }, 'config.policyUrl must be'],
    [{ policyVersion: '1', lang: 'de' }, 'config.lang must be one of ru, kk, en'],
    [{ policyVersion: '1', texts: { de: {} } }, 'config.texts must map'],
    [{ policyVersion: '1', texts: { ru: { title: 1 } } }, 'config.texts must map'],
    [{ policyVersion: '1', cookie: { maxAgeDays: 0 } }, 'config.cookie.maxAgeDays must be'],
    [{ policyVersion: '1', cookie: { maxAgeDays: 401 } }, 'config.cookie.maxAgeDays must be'],
    [{ policyVersion: '1', cookie: { maxAgeDays: Infinity } }, 'config.cookie.maxAgeDays must be'],
    [{ policyVersion: '1', cookie: { maxAgeDays: '30' } }, 'config.cookie.maxAgeDays must be'],
    [{ policyVersion: '1', cookie: { domain: 'allur.kz; path=/x' } }, 'config.cookie.domain must be a host name'],
    [{ policyVersion: '1', cookie: 'allur.kz' }, 'config.cookie must be an object'],
    [{ policyVersion: '1', pixel: { endpoint: 'javascript:void 0' } }, 'config.pixel.endpoint must be http(s) or relative'],
    [{ policyVersion: '1', pixel: { endpoint: 'mailto:a@b.kz' } }, 'config.pixel.endpoint must be http(s) or relative'],
    [{ policyVersion: '1', pixel: { transport: 'xhr' } }, 'config.pixel.transport must be one of beacon, image'],
    [{ policyVersion: '1', pixel: { spa: 'yes' } }, 'config.pixel.spa must be a boolean'],
    [{ policyVersion: '1', pixel: { personalParams: ['ok', 1] } }, 'config.pixel.personalParams must be an array of strings'],
    [{ policyVersion: '1', consentLog: { endpoint: 'data:,x' } }, 'config.consentLog.endpoint must be http(s) or relative'],
    [{ policyVersion: '1', vendors: { google: 'yes' } }, 'config.vendors.google must be one of true, false, auto'],
    [{ policyVersion: '1', categories: { statistics: { cookies: [1] } } }, 'config.categories.statistics.cookies must be'],
    [{ policyVersion: '1', categories: { marketing: { storage: 'x' } } }, 'config.categories.marketing.storage must be'],
    [{ policyVersion: '1', categories: { statistics: { storage: [/^_ym/, 1] } } }, 'config.categories.statistics.storage must be an array of strings and RegExps'],
    [{ policyVersion: '1', reopenButton: 1 }, 'config.reopenButton must be a boolean'],
    [{ policyVersion: '1', nonce: 5 }, 'config.nonce must be a string'],
    [{ policyVersion: '1', uiBase: 'javascript:alert(1)' }, 'config.uiBase must be http(s) or relative'],
    [{ policyVersion: '1', foo: 1 }, 'unknown config key "foo"'],
    [{ policyVersion: '1', pixel: { endpiont: '/p' } }, 'unknown config key "pixel.endpiont"'],
    [{ policyVersion: '1', categories: { necessary: { cookies: [] } } }, 'unknown config key "categories.necessary.cookies"'],
    [{ policyVersion: '1', categories: { marketing: { declaration: {} } } }, 'config.categories.marketing.declaration must be an array of { name, provider, purpose, lifetime }'],
    [{ policyVersion: '1', categories: { necessary: { declaration: [{ name: '', provider: 'a', purpose: 'b', lifetime: 'c' }] } } }, 'config.categories.necessary.declaration must be'],
    [{ policyVersion: '1', categories: { functional: { declaration: [{ name: 'a', purpose: 'b', lifetime: 'c' }] } } }, 'config.categories.functional.declaration must be'],
    [{ policyVersion: '1', categories: { statistics: { declaration: [{ name: 'a', provider: 'p', purpose: { de: 'b' }, lifetime: 'c' }] } } }, 'config.categories.statistics.declaration must be'],
    [{ policyVersion: '1', categories: { statistics: { declaration: [{ name: 'a', provider: 'p', purpose: 'b', lifetime: {} }] } } }, 'config.categories.statistics.declaration must be'],
    [{ policyVersion: '1', categories: { statistics: { declaration: ['_ga'] } } }, 'config.categories.statistics.declaration must be'],
    [{ policyVersion: '1', categories: { statistics: { cookie: [] } } }, 'unknown config key "categories.statistics.cookie"'],
    [{ policyVersion: '1', toString: 'x' }, 'unknown config key "toString"'],
  ])('%j is refused', (config, message) => {
    expect(() => resolveWith(config)).toThrow(TypeError);
    expect(() => resolveWith(config)).toThrow('allur-consent: ' + message);
  });

  it('refuses a sparse array, whose holes would become undefined entries', () => {
    // oxlint-disable-next-line no-sparse-arrays -- the hole is the case under test
    expect(() => resolveWith({ policyVersion: '1', pixel: { personalParams: ['ok', , 'id'] } })).toThrow(
      'allur-consent: config.pixel.personalParams must be an array of strings',
    );
  });

  it('refuses a config that is not an object', () => {
    expect(() => resolveWith(null)).toThrow('allur-consent: config.policyVersion');
    expect(() => resolveConfigLeniently('x', () => {})).not.toThrow();
  });

  it.each(['https://www.allur.kz/', 'http://allur.kz', '/privacy', 'privacy.html', '//allur.kz/p', '?a=b:c'])(
    'accepts the policy URL %s',
    (policyUrl) => expect(resolveConfig({ policyVersion: '1', policyUrl }).policyUrl).toBe(policyUrl),
  );
});

describe('cookie declarations', () => {
  const row = { name: 'city', provider: 'allur.kz', purpose: { ru: 'Город', kk: 'Қала' }, lifetime: '1 year' };

  it('replace the presets’ rows of a category and leave its cleanup lists as they were', () => {
    const defaults = resolveConfig({ policyVersion: '1' }).categories.statistics;
    const { categories } = resolveConfig({ policyVersion: '1', categories: { statistics: { declaration: [row] }, necessary: { declaration: [row] } } });
    expect(categories.statistics).toEqual({ cookies: defaults.cookies, storage: defaults.storage, declaration: [row] });
    expect(categories.necessary.declaration).toEqual([row]);
  });

  it('come with a preset, which both cleans and declares', () => {
    const { statistics } = resolveConfig({ policyVersion: '1', categories: { statistics: presets.yandexMetrica } }).categories;
    expect(statistics).toEqual(presets.yandexMetrica);
  });

  it('are copied, so a later change to a row changes nothing', () => {
    const given = { ...row, purpose: { ...row.purpose } };
    const { categories } = resolveConfig({ policyVersion: '1', categories: { functional: { declaration: [given] } } });
    given.purpose.ru = 'changed';
    given.name = 'changed';
    expect(categories.functional.declaration).toEqual([row]);
  });

  it('fall back to the presets’ rows in the script tag, with one report naming the field', () => {
    const { config, reports } = lenient({ policyVersion: '1', categories: { marketing: { declaration: [{ name: 'x' }] } } });
    expect(reports).toEqual([expect.stringMatching(/^allur-consent: config\.categories\.marketing\.declaration must be/)]);
    expect(config.categories.marketing.declaration).toBeUndefined();
  });
});

describe('resolveConfigLeniently', () => {
  it('gives a config that strict resolution accepts unchanged, while a bad field put back is refused again', () => {
    const { config } = lenient({ policyVersion: 'v2', policyUrl: 'javascript:x' });
    expect(resolveConfig(config)).toEqual(config);
    expect(() => resolveWith({ ...config, policyUrl: 'javascript:x' })).toThrow('config.policyUrl');
  });

  it('reports each bad field once and uses its default', () => {
    const { config, reports } = lenient({
      policyVersion: '',
      policyUrl: 'javascript:x',
      lang: 'de',
      cookie: { maxAgeDays: -1, domain: 'allur.kz' },
      pixel: { transport: 'smoke', endpoint: '/p' },
      extra: true,
    });
    expect(reports).toEqual([
      'allur-consent: config.policyVersion must be a non-empty string of at most 64 characters',
      'allur-consent: config.policyUrl must be http(s), mailto or relative, or map ru, kk, en to such addresses',
      'allur-consent: config.lang must be one of ru, kk, en',
      'allur-consent: config.cookie.maxAgeDays must be a number of days up to 400',
      'allur-consent: config.pixel.transport must be one of beacon, image',
      'allur-consent: unknown config key "extra"',
    ]);
    expect(config).toMatchObject({
      policyVersion: '1',
      policyUrl: 'https://www.allur.kz/',
      lang: undefined,
      cookie: { maxAgeDays: 180, domain: 'allur.kz' },
      pixel: { transport: 'beacon', endpoint: '/p' },
    });
    expect('extra' in config).toBe(false);
  });

  it('falls back to policy version "1" when it is missing, and to defaults for a non-object', () => {
    const { config, reports } = lenient(undefined);
    expect(config.policyVersion).toBe('1');
    expect(reports).toEqual(['allur-consent: config.policyVersion must be a non-empty string of at most 64 characters']);
    expect(lenient(42).reports).toContain('allur-consent: config must be an object');
  });

  it('reports nothing for a good config', () => {
    expect(lenient({ policyVersion: '3', lang: 'en', pixel: false }).reports).toEqual([]);
  });
});

describe('policyUrl per language', () => {
  it('takes one address per language, each checked as a single one is', () => {
    const policyUrl = { ru: '/ru/privacy', kk: '/kk/privacy', en: 'https://www.allur.kz/en/privacy' };
    expect(resolveConfig({ policyVersion: '1', policyUrl }).policyUrl).toEqual(policyUrl);
  });
});
