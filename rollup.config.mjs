import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { resolve } from 'node:path';
import { importSource, LANGS, shippedTextsHashes, uiFileHashes } from './scripts/build-plugins.mjs';

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
// The UI, which the main entry imports dynamically, keeps a chunk of its own (`ui-…`): an app's bundler splits there.
const chunkFileNames = (extension) => (chunk) =>
  `${chunk.facadeModuleId === resolve('src/ui/index.ts') ? 'ui' : 'shared'}-[hash].${extension}`;

// A UI file's language: the module of the shipped languages (src/ui/i18n/locales.ts) holds `lang` only.
const onlyLocale = (lang) => ({
  name: 'only-locale',
  resolveId: (source, importer) => (source === './i18n/locales' && importer?.endsWith('texts.ts') ? `\0locales-${lang}` : null),
  load: (id) =>
    id === `\0locales-${lang}`
      ? `import { ${lang} } from ${JSON.stringify(resolve(`src/ui/i18n/${lang}.ts`))}; export const locales = { ${lang} };`
      : null,
});

// A UI file's cookie-table texts (src/core/cookie-texts.ts): each purpose and lifetime in `lang` only.
const onlyCookieTexts = (lang) => ({
  name: 'only-cookie-texts',
  resolveId: (source, importer) => (source === './cookie-texts' && importer?.endsWith('preset-rows.ts') ? `\0cookie-texts-${lang}` : null),
  load: async (id) => {
    if (id !== `\0cookie-texts-${lang}`) return null;
    const texts = await importSource('src/core/cookie-texts.ts');
    return Object.entries(texts)
      .map(([name, text]) => `export const ${name} = ${JSON.stringify({ [lang]: text[lang] })};`)
      .join('\n');
  },
});

// The script-tag files, minified. No `//# allFunctionsCalledOnLoad` compile hint: a returning visitor runs a small
// part of the core, and eager compiling cost every such page view heap and script time (README, benchmark). No
// `format.ascii_only` either: Blink keeps the source as two-byte text for its Cyrillic, but outside the V8 heap, so
// escaping leaves the JS heap as it is and adds bytes (`npm run heap`).
const minify = () => terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true } });

export default [
  {
    input: entries,
    external,
    plugins: [shippedTextsHashes(), compile()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: chunkFileNames('mjs'), banner: directives },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: chunkFileNames('cjs'), banner: directives },
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
  // The receipts entry, for a server: a build of its own, so the texts it holds stay out of the npm entries' chunks.
  {
    input: { receipts: 'src/receipts.ts' },
    plugins: [compile()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs' },
    ],
  },
  {
    input: { receipts: 'src/receipts.ts' },
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts' },
    ],
  },
  // The script tag's UI files, one per language: Preact, the components, the styles and that language's texts and
  // cookie-table rows.
  // Built before the core, which carries their hashes.
  ...LANGS.map((lang) => ({
    input: 'src/ui/script-tag.ts',
    plugins: [onlyLocale(lang), onlyCookieTexts(lang), nodeResolve(), compile()],
    // Like an app's bundler reading `"sideEffects": false`: of the core, only what the UI uses (its cookie names,
    // the categories, the policy link's check, the texts' digest) comes along.
    treeshake: { moduleSideEffects: false },
    output: { file: `dist/allur-consent-ui.${lang}.js`, format: 'iife', plugins: [minify()] },
  })),
  // The script tag's core: no Preact, no styles, no texts, no cookie-table rows; it fetches a UI file when something
  // must show.
  {
    input: 'src/script-tag/index.ts',
    plugins: [shippedTextsHashes(), uiFileHashes('dist'), nodeResolve(), compile()],
    output: { file: 'dist/allur-consent.iife.js', format: 'iife', plugins: [minify()] },
  },
];
