// Prints raw, gzip and brotli sizes of the built files against the budgets in package.json.
// The npm entries are measured as a site's bundler would ship them: minified, with their dependencies inlined.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const { sizeBudgets } = JSON.parse(readFileSync('package.json', 'utf8'));

/** An npm entry as a site's bundler would ship it: its chunks and dependencies inlined, minified. */
async function bundled(entry) {
  const bundle = await rollup({ input: entry, plugins: [nodeResolve()] });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ compress: { passes: 2 } })] });
  return Buffer.from(output[0].code);
}

const measured = {
  'core (minified, with js-cookie)': await bundled('dist/core.mjs'),
  'npm entry (minified, with deps)': await bundled('dist/index.mjs'),
  // The script-tag bundles: all three languages (the default), then one per language.
  ...Object.fromEntries(
    ['', '.ru', '.kk', '.en'].map((lang) => [`dist/allur-consent${lang}.iife.js`, readFileSync(`dist/allur-consent${lang}.iife.js`)]),
  ),
};

const kb = (n) => (n / 1024).toFixed(2).padStart(6) + ' KB';
let over = 0;
console.log('file'.padEnd(36) + 'raw'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10) + '   budget (brotli)');
for (const [name, bytes] of Object.entries(measured)) {
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = sizeBudgets[name];
  const verdict = budget === undefined ? '' : `${kb(budget)} ${brotli <= budget ? 'ok' : 'OVER'}`;
  if (budget !== undefined && brotli > budget) over++;
  console.log(name.padEnd(36) + kb(bytes.length) + kb(gzipSync(bytes, { level: 9 }).length) + kb(brotli) + '   ' + verdict);
}
if (over) {
  console.error(`${over} file(s) over budget`);
  process.exit(1);
}
