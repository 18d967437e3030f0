import { describe, expect, it } from 'vitest';
import { presets, UNLISTED_COOKIES } from '../../src/core/presets';
import type { CategoryConfig, CookieDeclaration } from '../../src/core/types';

type Preset = Required<Pick<CategoryConfig, 'cookies' | 'declaration'>> & CategoryConfig;
const named = Object.entries(presets) as Array<[keyof typeof presets, Preset]>;

/** A cookie of a row's name: a placeholder such as `<container-id>` stands for an id. */
const sampleName = (row: CookieDeclaration) => row.name.replace(/<[^>]+>/g, 'G1ABC23');
const cleans = (preset: Preset, name: string) =>
  preset.cookies.some((pattern) => (typeof pattern === 'string' ? pattern === name : name.search(pattern) >= 0));

describe.each(named)('the %s preset', (id, preset) => {
  const tableNames = preset.declaration.map((row) => row.name);
  const unlisted = UNLISTED_COOKIES[id] ?? {};

  it('lists in its table every cookie it deletes by name, or says why not', () => {
    for (const name of preset.cookies.filter((pattern) => typeof pattern === 'string')) {
      if (name in unlisted) expect(unlisted[name], `the reason ${name} is unlisted`).toMatch(/\w{3}/);
      else expect(tableNames, `${name} in the table`).toContain(name);
    }
  });

  it('leaves out of its table only cookies it deletes, and none it lists', () => {
    for (const name of Object.keys(unlisted)) {
      expect(preset.cookies, `${name} deleted`).toContain(name);
      expect(tableNames).not.toContain(name);
    }
  });

  it('deletes every cookie its table declares, once per name', () => {
    for (const row of preset.declaration) expect(cleans(preset, sampleName(row)), `${row.name} deleted`).toBe(true);
    expect(new Set(tableNames).size).toBe(tableNames.length);
  });

  it('gives each row a purpose and a lifetime in Russian, Kazakh and English', () => {
    for (const { purpose, lifetime } of preset.declaration) {
      for (const text of [purpose, lifetime]) expect(Object.keys(text).sort()).toEqual(['en', 'kk', 'ru']);
    }
  });
});

describe('UNLISTED_COOKIES', () => {
  it('names presets that exist', () => {
    for (const id of Object.keys(UNLISTED_COOKIES)) expect(presets).toHaveProperty(id);
  });
});

describe('the Yandex Metrica preset', () => {
  it('deletes every cookie and storage key of the tag, the per-counter ones too', () => {
    const keys = ['_ym_uid', '_ym_d', '_ym_isad', '_ym_visorc', '_ym_hostIndex', '_ym_metrika_enabled', '_ym12345_lsid', '_ym12345_reqNum', '_ym_retryReqs', '_ym_synced'];
    const { cookies, storage } = presets.yandexMetrica;
    for (const key of keys) {
      expect(cookies.some((pattern) => key.search(pattern) >= 0), `cookie ${key}`).toBe(true);
      expect(storage.some((pattern) => key.search(pattern) >= 0), `storage key ${key}`).toBe(true);
    }
  });
});
