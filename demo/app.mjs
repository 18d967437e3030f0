// The demo server: pages, built files and the pixel collector on plain node:http.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector, sendGif } from './collector.mjs';
import { createHitStore } from './hit-store.mjs';
import { send } from './http-utils.mjs';
import { DEFAULT_DIST_DIR, sendPublicFile, servePage } from './pages.mjs';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

// Stand-ins for third-party resources: each request is counted at the collector.
const VENDOR_ROUTES = {
  '/vendor/tag.js': (res) => sendPublicFile(res, 'vendor-tag.js'),
  '/vendor/embed.html': (res) => sendPublicFile(res, 'vendor-embed.html'),
  '/vendor/ad-pixel.gif': (res) => sendGif(res),
};

/** The host part of an address a browser on this machine can open: a wildcard listens on localhost too. */
function browsableHost(host) {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the demo server and resolves once it listens. `port: 0` picks a free port.
 * Returns the server, its URL, the NDJSON file of hits, the store and `close()`.
 */
export async function createDemoServer({
  dataDir = DEFAULT_DATA_DIR,
  port = 8080,
  host = 'localhost',
  distDir = DEFAULT_DIST_DIR,
  trustProxy = false,
  maxHits = 1000,
  heartbeatMs = 15000,
  delayConsentAnswer,
} = {}) {
  const store = createHitStore({ file: join(dataDir, 'hits.ndjson'), limit: maxHits });
  const collector = createCollector({ store, trustProxy, heartbeatMs, delayConsentAnswer });

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      if (await collector.handle(req, res, url)) return;
      const vendor = VENDOR_ROUTES[url.pathname];
      if (vendor && req.method === 'GET') {
        collector.recordVendor(req, url);
        return void (await vendor(res));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      if (!(await servePage(req, res, url, distDir))) send(res, 404, 'not found');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    server,
    store,
    url: `http://${browsableHost(host)}:${address.port}`,
    hitsFile: store.file,
    /** Stops listening and drops open connections (SSE streams included). */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
