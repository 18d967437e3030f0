// @vitest-environment node
// `allur-consent/receipts` where receipts are stored: a server with no document recomputes a receipt's textsHash.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { textsDigest } from '../../src/core/consent-log';
import { LIBRARY_VERSION as CORE_VERSION } from '../../src/core/version';
import { LIBRARY_VERSION, textsHash } from '../../src/receipts';
import { SHIPPED_TEXTS_HASHES } from '../../src/ui-on-demand/shipped-texts-hashes';
import { textsFor } from '../../src/ui/texts';
import type { Lang } from '../../src/core/types';

const LANGS = ['ru', 'kk', 'en'] as const;

describe('textsHash on a server', () => {
  it('runs with no document', () => {
    expect(typeof document).toBe('undefined');
    expect(textsHash('kk')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(LANGS)('of the shipped %s texts is the digest the core carries for a decision before any UI', (lang) => {
    expect(textsHash(lang)).toBe(SHIPPED_TEXTS_HASHES[lang]);
  });

  it.each(LANGS)('of %s with overrides is the digest the UI gives those texts, and differs from the shipped one', (lang) => {
    const overrides = { title: 'Cookie?', body: 'Мы используем cookie.' };
    expect(textsHash(lang, overrides)).toBe(textsDigest(textsFor(lang, overrides)));
    expect(textsHash(lang, overrides)).not.toBe(textsHash(lang));
    expect(textsHash(lang, {})).toBe(textsHash(lang));
  });

  it('gives the version receipts carry as libraryVersion', () => {
    expect(LIBRARY_VERSION).toBe(CORE_VERSION);
  });

  it('names a language the library does not ship and overrides that are not texts, rather than give a digest nothing matches', () => {
    expect(() => textsHash('de' as Lang)).toThrow(/textsHash lang must be one of ru, kk, en, got "de"/);
    expect(() => textsHash('toString' as Lang)).toThrow(TypeError);
    expect(() => textsHash('ru', { title: 1 } as never)).toThrow(/overrides must map text keys to strings/);
    expect(() => textsHash('ru', null as never)).toThrow(TypeError);
  });
});

describe('the built entry in plain Node', () => {
  const run = (script: string, type: 'module' | 'commonjs') =>
    execFileSync(process.execPath, [`--input-type=${type}`, '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const print = `console.log(JSON.stringify([typeof document, textsHash('kk'), textsHash('kk', { title: 'Cookie?' }), LIBRARY_VERSION]));`;
  const expected = ['undefined', SHIPPED_TEXTS_HASHES.kk, textsDigest(textsFor('kk', { title: 'Cookie?' })), CORE_VERSION];

  it('imports as allur-consent/receipts from dist/receipts.mjs', () => {
    const output = run(`import { LIBRARY_VERSION, textsHash } from 'allur-consent/receipts';${print}`, 'module');
    expect(JSON.parse(output)).toEqual(expected);
  });

  it('requires as allur-consent/receipts from dist/receipts.cjs', () => {
    const output = run(`const { LIBRARY_VERSION, textsHash } = require('allur-consent/receipts');${print}`, 'commonjs');
    expect(JSON.parse(output)).toEqual(expected);
  });
});
