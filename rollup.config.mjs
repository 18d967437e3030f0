import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// The npm entries: Preact and js-cookie stay dependencies of the package.
const entries = { index: 'src/index.ts', core: 'src/core/index.ts' };
const external = (id) => id === 'js-cookie' || id === 'preact' || id.startsWith('preact/');
const compile = () =>
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*'], noEmit: false, declaration: false });

export default [
  {
    input: entries,
    external,
    plugins: [compile()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[hash].mjs' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'shared-[hash].cjs' },
    ],
  },
  {
    input: entries,
    external,
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared-[hash].d.ts' },
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
