// A small server for the real-browser checks of the script tag's UI files: the built core and UI files under /dist/,
// the pages a test registers with the headers it needs (a CSP, Trusted Types), UI files that fail as a test says,
// and a record of each UI file request with its Origin header (sent for a `crossorigin` request).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** How the UI files answer: as built, not at all (404), or altered after the build (their hash no longer matches). */
export type UiFileAnswer = 'built' | 'missing' | 'altered';

export interface ScriptTagServer {
  origin: string;
  /** Serves `html` at `path`, with `headers`. */
  page(path: string, html: string, headers?: Record<string, string>): void;
  /** How the UI files answer from now on. */
  uiFiles: UiFileAnswer;
  /** Each UI file request so far: its path and query, and its Origin header. */
  uiRequests: Array<{ url: string; origin: string | undefined }>;
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1; with `cors`, its files may be read by pages of any origin. */
export async function startScriptTagServer({ cors = false } = {}): Promise<ScriptTagServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    const page = pages.get(url.pathname);
    if (page) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
    const name = url.pathname.match(/^\/dist\/(allur-consent(?:\.iife|-ui\.(?:ru|kk|en))\.js)$/)?.[1];
    if (!name) return void res.writeHead(404).end();
    const headers = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', ...(cors && { 'Access-Control-Allow-Origin': '*' }) };
    if (name.startsWith('allur-consent-ui.')) {
      served.uiRequests.push({ url: url.pathname + url.search, origin: req.headers.origin });
      if (served.uiFiles === 'missing') return void res.writeHead(404, headers).end();
      if (served.uiFiles === 'altered') return void res.writeHead(200, headers).end(`${readFileSync(`dist/${name}`, 'utf8')}\n// altered`);
    }
    res.writeHead(200, headers).end(readFileSync(`dist/${name}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const served: ScriptTagServer = {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    page: (path, html, headers = {}) => void pages.set(path, { html, headers }),
    uiFiles: 'built',
    uiRequests: [],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return served;
}

/**
 * Records, before anything else runs, the page's console errors (`window.__consoleErrors`) and each UI file
 * `<script>` the core adds (`window.__uiScripts`: its src, integrity, nonce and crossOrigin).
 */
const RECORDER = `window.__consoleErrors = [];
const error = console.error.bind(console);
console.error = (...args) => { window.__consoleErrors.push(args.map(String).join(' ')); error(...args); };
window.__uiScripts = [];
new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => {
  if (node.localName === 'script' && node.src.includes('allur-consent-ui.')) {
    window.__uiScripts.push({ src: node.src, integrity: node.integrity, nonce: node.nonce, crossOrigin: node.crossOrigin });
  }
}))).observe(document.documentElement, { childList: true, subtree: true });`;

/** A shop page with the recorder, then the core from `/dist/` with `attributes` (and `nonce` on both scripts). */
export const corePage = (attributes: string, nonce = '') => {
  const nonceAttribute = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Allur</title>
<script${nonceAttribute}>${RECORDER}</script>
<script src="/dist/allur-consent.iife.js"${nonceAttribute} data-policy-version="1" data-lang="ru" ${attributes}></script>
</head><body><main>Allur</main><a href="#" data-consent-open>Настройки cookie</a></body></html>`;
};
