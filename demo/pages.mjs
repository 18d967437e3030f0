// Static side of the demo: templated pages and whitelisted files. Nothing outside the lists is served.
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endCompressed } from './compression.mjs';
import { send } from './http-utils.mjs';
import { PANEL_TEXTS } from './panel-texts.mjs';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROOT_DIR = join(DEMO_DIR, '..');
const PAGES_DIR = join(DEMO_DIR, 'pages');
const PUBLIC_DIR = join(DEMO_DIR, 'public');

export const LANGS = ['ru', 'kk', 'en'];
export const POLICY_VERSIONS = ['2024-06-01', '2025-01-01'];
export const TRANSPORTS = ['beacon', 'image'];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.gif': 'image/gif',
};

// The strict page proves the library needs nothing inline.
const STRICT_CSP = "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'";

// Each page fills the layout's `head` and `main` slots with fragments of demo/pages.
const PAGES = {
  '/': { title: 'Allur — автомобили казахстанской сборки', head: 'consent-script', main: 'home' },
  '/esm.html': { title: 'Allur — подключение через ESM', head: 'esm-head', main: 'esm-main' },
  '/csp.html': {
    title: 'Allur — строгий Content-Security-Policy',
    head: 'consent-script',
    main: 'csp-main',
    headers: { 'Content-Security-Policy': STRICT_CSP },
  },
  // A site enforcing Trusted Types: a gated script the page's policy refuses must not stop the rest.
  '/trusted-types.html': {
    title: 'Allur — Trusted Types',
    head: 'consent-script',
    main: 'trusted-types-main',
    headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'" },
  },
  '/account': { title: 'Allur — личный кабинет', head: 'account-head', main: 'account-main' },
};
PAGES['/index.html'] = PAGES['/'];

// Only what the ESM page's import map points at.
const NODE_MODULES = new Set([
  '/node_modules/preact/dist/preact.mjs',
  '/node_modules/preact/hooks/dist/hooks.mjs',
  '/node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs',
  '/node_modules/js-cookie/dist/js.cookie.mjs',
]);

/** Reads `dir` and returns `name` if it is one of its files with a served extension, else undefined. */
async function listedFile(dir, name) {
  const names = await readdir(dir).catch(() => []);
  return names.includes(name) && CONTENT_TYPES[extname(name)] ? join(dir, name) : undefined;
}

async function sendFile(res, path) {
  const body = await readFile(path);
  endCompressed(res, 200, body, { 'Content-Type': CONTENT_TYPES[extname(path)], 'Cache-Control': 'no-cache' }, path);
}

/**
 * Renders fragment `name` of demo/pages (the page's own fragment for the `head` and `main` slots),
 * expanding `{{> fragment}}` includes and `{{name}}` variables; `vars` only hold whitelisted values.
 */
async function renderFragment(name, page, vars) {
  let html = await readFile(join(PAGES_DIR, `${page[name] ?? name}.html`), 'utf8');
  for (const [tag, inner] of html.matchAll(/\{\{> ([\w-]+)\}\}/g)) html = html.replace(tag, await renderFragment(inner, page, vars));
  return html.replace(/\{\{(\w+)\}\}/g, (tag, key) => vars[key] ?? tag);
}

/** The page's `?lang=`, `?pv=` and `?transport=`, each limited to the demo's choices (else the first). */
export function pageVars(url) {
  const pick = (name, allowed) => (allowed.includes(url.searchParams.get(name)) ? url.searchParams.get(name) : allowed[0]);
  return { lang: pick('lang', LANGS), pv: pick('pv', POLICY_VERSIONS), transport: pick('transport', TRANSPORTS) };
}

/** Serves a page, a demo asset, a dist file or a whitelisted module; returns false when `url` is none of them. */
export async function servePage(req, res, url, distDir) {
  const page = PAGES[url.pathname];
  if (page) {
    const vars = pageVars(url);
    const html = await renderFragment('layout', page, { ...vars, ...PANEL_TEXTS[vars.lang], title: page.title });
    send(res, 200, html, { 'Content-Type': CONTENT_TYPES['.html'], ...page.headers });
    return true;
  }
  const [, area, ...rest] = url.pathname.split('/');
  const name = rest.join('/');
  let path;
  if (area === 'demo') path = await listedFile(PUBLIC_DIR, name);
  else if (area === 'dist') path = await listedFile(distDir, name);
  else if (NODE_MODULES.has(url.pathname)) path = join(ROOT_DIR, url.pathname);
  if (!path) return false;
  await sendFile(res, path);
  return true;
}

/** Sends a file of `demo/public` (for the vendor routes, which serve fixed files). */
export const sendPublicFile = (res, name) => sendFile(res, join(PUBLIC_DIR, name));

/** The default `dist/` directory of the package. */
export const DEFAULT_DIST_DIR = join(ROOT_DIR, 'dist');
