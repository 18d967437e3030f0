// Where a script-tag file's bytes come from: the minified IIFE attributed, character by character, to the source
// file each came from through the source map. "alone" is the brotli size of a file's share by itself; "adds" is
// what it adds to the compressed bundle (the bundle with and without its characters), which is smaller where the
// rest of the bundle already holds the same patterns. `npm run size` gives the verdict.
// `npm run size:sources` for the core, `npm run size:sources -- dist/allur-consent-ui.ru.js` for a UI file (after
// `npm run build`: the core carries the UI files' hashes).
import { brotliCompressSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import config from '../rollup.config.mjs';

const file = process.argv[2] ?? 'dist/allur-consent.iife.js';
const iife = config.find((entry) => entry.output.file === file);
const { output: outputOptions } = iife;
// The file's own plugins, with the compiler swapped for one that writes a source map.
const plugins = iife.plugins.map((plugin) =>
  plugin.name === 'typescript'
    ? typescript({ tsconfig: './tsconfig.json', include: ['src/**/*'], noEmit: false, declaration: false, sourceMap: true })
    : plugin,
);
const bundle = await rollup({ input: iife.input, treeshake: iife.treeshake, plugins });
const { output } = await bundle.generate({ format: 'iife', sourcemap: true, plugins: outputOptions.plugins });
const { code, map } = output[0];
const trace = new TraceMap(map);
const shares = new Map();
const owners = [];
code.split('\n').forEach((line, index) => {
  if (index) owners.push('(bundle glue)');
  for (let column = 0; column < line.length; column++) {
    const { source } = originalPositionFor(trace, { line: index + 1, column });
    const name = (source ?? '(bundle glue)').replace(/^.*node_modules\//, '').replace(/^.*?src\//, 'src/');
    if (!shares.has(name)) shares.set(name, []);
    shares.get(name).push(line[column]);
    owners.push(name);
  }
});
const brotli = (text) => brotliCompressSync(Buffer.from(text)).length;
const total = brotli(code);
const characters = code.split('');
const without = (name) => brotli(characters.filter((_, index) => owners[index] !== name).join(''));
console.log(`bundle: ${Buffer.byteLength(code)} B raw, ${total} B brotli\n`);
console.log('raw B'.padStart(8) + 'alone B'.padStart(9) + 'adds B'.padStart(8) + '  source');
for (const [name, text] of [...shares].map(([name, chars]) => [name, chars.join('')]).sort((a, b) => Buffer.byteLength(b[1]) - Buffer.byteLength(a[1]))) {
  const columns = [Buffer.byteLength(text), brotli(text), total - without(name)];
  console.log(columns.map((value, index) => String(value).padStart(index ? 9 - (index >> 1) : 8)).join('') + '  ' + name);
}
