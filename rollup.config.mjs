import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ts from 'typescript';

// The npm entries: js-cookie is a dependency, the frameworks are the app's own (peer dependencies).
const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  react: 'src/bindings/react.ts',
  preact: 'src/bindings/preact.tsx',
  vue: 'src/bindings/vue.ts',
};
const frameworks = ['preact', 'react', 'react-dom', 'vue'];
const external = (id) => id === 'js-cookie' || frameworks.some((name) => id === name || id.startsWith(name + '/'));
// React server components must know the bindings run on the client; rollup drops a directive in the source.
const directives = (chunk) => (chunk.name === 'react' ? "'use client';" : '');
const compile = () =>
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*'], noEmit: false, declaration: false });

// A one-language bundle: the module of the shipped languages (src/ui/i18n/locales.ts) holds `lang` only, and the
// presets' cookie texts (src/core/cookie-texts.ts, imports types only) are that language's strings, picked here at
// build time.
const onlyLocale = (lang) => ({
  name: 'only-locale',
  resolveId: (source, importer) => {
    if (source === './i18n/locales' && importer?.endsWith('texts.ts')) return `\0locales-${lang}`;
    if (source === './cookie-texts' && importer?.endsWith('presets.ts')) return `\0cookie-texts-${lang}`;
    return null;
  },
  load: async (id) => {
    if (id === `\0locales-${lang}`)
      return `import { ${lang} } from ${JSON.stringify(resolve(`src/ui/i18n/${lang}.ts`))}; export const locales = { ${lang} };`;
    if (id !== `\0cookie-texts-${lang}`) return null;
    const source = ts.transpileModule(await readFile('src/core/cookie-texts.ts', 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext } });
    const texts = await import(`data:text/javascript,${encodeURIComponent(source.outputText)}`);
    return Object.entries(texts).map(([name, text]) => `export const ${name} = ${JSON.stringify(text[lang])};`).join('\n');
  },
});

export default [
  {
    input: entries,
    external,
    plugins: [compile()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[hash].mjs', banner: directives },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'shared-[hash].cjs', banner: directives },
    ],
  },
  {
    input: entries,
    external,
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    // The same declarations twice: .d.ts beside the .mjs files and .d.cts beside the .cjs files, so TypeScript
    // sees CommonJS types for `require` and ESM types for `import` under node16 resolution.
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'shared-[hash].d.cts' },
    ],
  },
  // The script-tag bundles: everything inlined (Preact, js-cookie, styles), minified; the default with all three
  // languages, and one per language.
  ...[undefined, 'ru', 'kk', 'en'].map((lang) => ({
    input: 'src/script-tag/index.ts',
    plugins: [lang && onlyLocale(lang), nodeResolve(), compile()],
    output: {
      file: `dist/allur-consent${lang ? `.${lang}` : ''}.iife.js`,
      format: 'iife',
      // No `//# allFunctionsCalledOnLoad` compile hint: a returning visitor never runs the UI, and compiling it
      // eagerly cost every such page view about 65 KB of heap and more script time than it saved a first visit
      // (README, benchmark). No `format.ascii_only` either: Blink keeps the source as two-byte text for its Cyrillic
      // (116 KB for the default bundle, 83 KB escaped), but outside the V8 heap, so escaping leaves the JS heap as it
      // is and adds 0.62 KB brotli (`npm run heap`).
      plugins: [terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true } })],
    },
  })),
];
