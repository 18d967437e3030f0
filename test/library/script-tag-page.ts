// The built script-tag core (run `npm run build` first) inline on a jsdom page, as a page would run it, with the
// network of a server that holds the built UI files: each request it makes is recorded with the attributes of the
// element that made it, and answered from dist/ (or as a test says); its console errors and uncaught errors counted.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole, requestInterceptor } from 'jsdom';
import { vi } from 'vitest';

export const core = readFileSync('dist/allur-consent.iife.js', 'utf8');

/** One request of the page: its URL and the `integrity`, `nonce` and `crossOrigin` of the <script> that made it. */
export interface PageRequest {
  url: URL;
  integrity?: string;
  nonce?: string;
  crossOrigin?: string | null;
}

/** How the server answers `url`: by default the script-tag files from dist/ (in any folder), a 404 for anything else. */
export type Server = (url: URL) => Response;
export const distServer: Server = (url) => {
  const name = url.pathname.split('/').pop()!;
  return /^allur-consent(\.iife|-ui\.(ru|kk|en))\.js$/.test(name)
    ? new Response(readFileSync(`dist/${name}`), { headers: { 'Content-Type': 'text/javascript' } })
    : new Response(null, { status: 404 });
};

/** A `<script>` tag running the core inline with `attributes`. */
export const coreTag = (attributes: string) => `<script ${attributes}>${core}</script>`;

/** A page of `head` and `body` markup at https://www.allur.kz/, answered by `server`. */
export function scriptTagPage(head: string, body: string, server: { answer: Server } = { answer: distServer }) {
  const errors: unknown[][] = [];
  const infos: string[] = [];
  const uncaught: unknown[] = [];
  const requests: PageRequest[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => errors.push(args));
  virtualConsole.on('info', (message: unknown) => infos.push(String(message)));
  virtualConsole.on('jsdomError', (error) => (error.type === 'resource-loading' ? undefined : uncaught.push(error)));
  const interceptor = requestInterceptor((request, { element }) => {
    const script = element as HTMLScriptElement | null;
    requests.push({ url: new URL(request.url), integrity: script?.integrity, nonce: script?.nonce, crossOrigin: script?.crossOrigin });
    return server.answer(new URL(request.url));
  });
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    runScripts: 'dangerously',
    url: 'https://www.allur.kz/',
    virtualConsole,
    resources: { interceptors: [interceptor] },
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  const shadow = () => window.document.querySelector('allur-consent')?.shadowRoot ?? undefined;
  /** The UI files requested, by their path. */
  const uiRequests = () => requests.filter((request) => request.url.pathname.includes('allur-consent-ui.'));
  /** Waits until the page has loaded and no UI file is loading, and a task more for what it does on arrival. */
  const arrived = async () => {
    await vi.waitFor(() => {
      if (window.document.readyState !== 'complete') throw new Error('the page is loading');
      if (window.document.querySelector('script[src*="allur-consent-ui."]')) throw new Error('a UI file is loading');
    });
    await new Promise((resolve) => window.setTimeout(resolve));
  };
  return { window, errors, infos, uncaught, requests, uiRequests, shadow, arrived };
}
