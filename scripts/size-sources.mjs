// Where the script-tag bundle's bytes come from: the minified IIFE attributed, character by character, to the
// source file each came from through the source map. Brotli per file is of that file's share alone, so the
// column adds up to more than the bundle; it ranks what to look at, `npm run size` gives the verdict.
import { brotliCompressSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import config from '../rollup.config.mjs';

const iife = config.find((entry) => entry.input === 'src/iife.ts');
const { output: outputOptions } = iife;
const bundle = await rollup({
  input: iife.input,
  plugins: [nodeResolve(), typescript({ tsconfig: './tsconfig.json', include: ['src/**/*'], noEmit: false, declaration: false, sourceMap: true })],
});
const { output } = await bundle.generate({ format: 'iife', sourcemap: true, plugins: outputOptions.plugins });
const { code, map } = output[0];
const trace = new TraceMap(map);
const shares = new Map();
code.split('\n').forEach((line, index) => {
  for (let column = 0; column < line.length; column++) {
    const { source } = originalPositionFor(trace, { line: index + 1, column });
    const name = (source ?? '(bundle glue)').replace(/^.*node_modules\//, '').replace(/^.*?src\//, 'src/');
    if (!shares.has(name)) shares.set(name, []);
    shares.get(name).push(line[column]);
  }
});
const brotli = (text) => brotliCompressSync(Buffer.from(text)).length;
console.log(`bundle: ${Buffer.byteLength(code)} B raw, ${brotli(code)} B brotli\n`);
console.log('raw B'.padStart(8) + 'brotli B'.padStart(10) + '  source');
for (const [name, text] of [...shares].map(([name, chars]) => [name, chars.join('')]).sort((a, b) => Buffer.byteLength(b[1]) - Buffer.byteLength(a[1]))) {
  console.log(String(Buffer.byteLength(text)).padStart(8) + String(brotli(text)).padStart(10) + '  ' + name);
}
