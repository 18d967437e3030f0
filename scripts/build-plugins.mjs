// Rollup plugins (Vite takes them too: the unit tests use the first) that write into the code what only the build
// knows. Each replaces a module whose source merely declares the constant's type.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ts from 'typescript';

export const LANGS = ['ru', 'kk', 'en'];

/** A module of this repository that imports types only, compiled and imported here. */
export async function importSource(path) {
  const source = ts.transpileModule(await readFile(path, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext } });
  return import(`data:text/javascript,${encodeURIComponent(source.outputText)}`);
}

/** A plugin that loads the module at `path` as `code()` gives it. */
const constants = (name, path, code) => ({
  name,
  load: (id) => (id.split('?')[0] === resolve(path) ? code() : null),
});

/**
 * src/ui-on-demand/shipped-texts-hashes.ts: the digest a receipt carries of each language's texts of src/ui/i18n, as
 * docs/cookies-and-receipts.md defines it (SHA-256 of the JSON with sorted keys).
 */
export const shippedTextsHashes = () =>
  constants('shipped-texts-hashes', 'src/ui-on-demand/shipped-texts-hashes.ts', async () => {
    const hashes = {};
    for (const lang of LANGS) {
      const texts = (await importSource(`src/ui/i18n/${lang}.ts`))[lang]();
      hashes[lang] = createHash('sha256').update(JSON.stringify(texts, Object.keys(texts).sort())).digest('hex');
    }
    return `export const SHIPPED_TEXTS_HASHES = ${JSON.stringify(hashes)};`;
  });

/**
 * src/script-tag/ui-files.ts: the version query of the UI files in `folder` (the first 10 hex digits of the SHA-256
 * of the three together) and each file's Subresource Integrity (SHA-384). Build the UI files first.
 */
export const uiFileHashes = (folder) =>
  constants('ui-files', 'src/script-tag/ui-files.ts', async () => {
    const files = await Promise.all(LANGS.map((lang) => readFile(`${folder}/allur-consent-ui.${lang}.js`)));
    const version = createHash('sha256').update(Buffer.concat(files)).digest('hex').slice(0, 10);
    const integrity = Object.fromEntries(
      LANGS.map((lang, index) => [lang, 'sha384-' + createHash('sha384').update(files[index]).digest('base64')]),
    );
    return `export const UI_FILES = ${JSON.stringify({ version, integrity })};`;
  });
