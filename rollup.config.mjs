import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// The npm entries: js-cookie is a dependency, the frameworks are the app's own (peer dependencies).
const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  react: 'src/react.ts',
  preact: 'src/preact.tsx',
  vue: 'src/vue.ts',
};
const frameworks = ['preact', 'react', 'react-dom', 'vue'];
const external = (id) => id === 'js-cookie' || frameworks.some((name) => id === name || id.startsWith(name + '/'));
// React server components must know the bindings run on the client; rollup drops a directive in the source.
const directives = (chunk) => (chunk.name === 'react' ? "'use client';" : '');
const compile = () =>
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*'], noEmit: false, declaration: false });

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
  // The script-tag bundle: everything inlined (Preact, js-cookie, styles, three languages), minified.
  {
    input: 'src/iife.ts',
    plugins: [nodeResolve(), compile()],
    output: {
      file: 'dist/allur-consent.iife.js',
      format: 'iife',
      // V8's compile hint: nearly every function runs at load, so compile them all eagerly, off the main thread
      // while the script streams in, instead of one by one on first call inside the page's startup task.
      banner: '//# allFunctionsCalledOnLoad',
      plugins: [terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true }, format: { comments: /allFunctionsCalledOnLoad/ } })],
    },
  },
];
