// Prints raw, gzip and brotli sizes of the built files against the budgets in package.json.
// The npm entries are measured as a site's bundler would ship them: minified, with their dependencies inlined, the
// main entry's UI in its own chunk as the dynamic import leaves it. The script tag's UI files are each a second
// request after the core: "core + UI" adds the two files' compressed sizes, as a first visit downloads them.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const { sizeBudgets } = JSON.parse(readFileSync('package.json', 'utf8'));
const LANGS = ['ru', 'kk', 'en'];

/** An npm entry as a site's bundler would ship it: the entry's chunk and the chunks it imports dynamically. */
async function bundled(entry) {
  const bundle = await rollup({ input: entry, plugins: [nodeResolve()] });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ compress: { passes: 2 } })] });
  const [main, ...lazy] = output.filter((chunk) => chunk.type === 'chunk');
  return { main: Buffer.from(main.code), lazy: Buffer.from(lazy.map((chunk) => chunk.code).join('')) };
}

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
/** Two files fetched one after the other: their sizes added. */
const together = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

const core = sizes(readFileSync('dist/allur-consent.iife.js'));
const uiFiles = Object.fromEntries(LANGS.map((lang) => [lang, sizes(readFileSync(`dist/allur-consent-ui.${lang}.js`))]));
const npmCore = await bundled('dist/core.mjs');
const npmMain = await bundled('dist/index.mjs');
const measured = {
  'core (minified, with js-cookie)': sizes(npmCore.main),
  'npm entry, first load (minified)': sizes(npmMain.main),
  'npm entry, UI chunk (minified)': sizes(npmMain.lazy),
  'dist/allur-consent.iife.js': core,
  ...Object.fromEntries(LANGS.map((lang) => [`dist/allur-consent-ui.${lang}.js`, uiFiles[lang]])),
  ...Object.fromEntries(LANGS.map((lang) => [`core + UI ${lang} (two requests)`, together(core, uiFiles[lang])])),
};

const kb = (n) => (n / 1024).toFixed(2).padStart(6) + ' KB';
let over = 0;
console.log('file'.padEnd(36) + 'raw'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10) + '   budget (brotli)');
for (const [name, size] of Object.entries(measured)) {
  const budget = sizeBudgets[name];
  const verdict = budget === undefined ? '' : `${kb(budget)} ${size.brotli <= budget ? 'ok' : 'OVER'}`;
  if (budget !== undefined && size.brotli > budget) over++;
  console.log(name.padEnd(36) + kb(size.raw) + kb(size.gzip) + kb(size.brotli) + '   ' + verdict);
}
if (over) {
  console.error(`${over} file(s) over budget`);
  process.exit(1);
}
