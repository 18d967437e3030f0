import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(__dirname, '../../src/core');
const UI = join(__dirname, '../../src/ui');
const IMPORT = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

/** Every module specifier imported or re-exported by a source text. */
const specifiers = (source: string) => [...source.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3]);

describe('the headless core', () => {
  const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));

  it('finds the core files and reads their imports', () => {
    expect(files).toContain('index.ts');
    expect(specifiers("import { h } from 'preact';\nimport '../ui/mount';\nconst m = import('preact/hooks');")).toEqual([
      'preact',
      '../ui/mount',
      'preact/hooks',
    ]);
  });

  it('imports neither Preact nor the UI, only js-cookie and itself', () => {
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(join(CORE, file), 'utf8'))) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(js-cookie|\.\/[\w-]+)$/);
        expect(specifier).not.toMatch(/preact|\/ui\b/);
      }
    }
  });
});

describe('the UI', () => {
  const files = readdirSync(UI, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));

  it('reaches the core only through its public entry', () => {
    expect(files).toContain('mount.tsx');
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(join(UI, file), 'utf8'))) {
        if (specifier.includes('core')) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.\.\/)+core\/index$/);
      }
    }
  });
});

describe('the core side of the UI (the script tag, the npm entry, the on-demand logic)', () => {
  const SRC = join(__dirname, '../../src');
  // receipts.ts is no page's: the entry a server imports to recompute the texts' digest, texts included.
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !/^(core|ui|bindings)\//.test(file) && file !== 'receipts.ts',
  );

  it('takes the UI by types only, or by the npm entry’s dynamic import: the UI stays out of what loads first', () => {
    expect(files).toContain(join('ui-on-demand', 'on-demand.ts'));
    expect(files).toContain(join('script-tag', 'index.ts'));
    for (const file of files) {
      const source = readFileSync(join(SRC, file), 'utf8');
      const statics = [...source.matchAll(/^import (?!type )[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
      for (const specifier of statics) expect(specifier, `${file} imports ${specifier}`).not.toMatch(/\/ui\/|preact/);
    }
    expect(readFileSync(join(SRC, 'index.ts'), 'utf8')).toContain("import('./ui/index')");
  });
});

