// The embedded pixel collector: /stat/pixel, /stat/consent and the panel's /stat/hits, /stat/events, /stat/reset.
import { dirname, join } from 'node:path';
import { HttpError, clientIp, isSecure, parseCookies, readBody, send } from './http-utils.mjs';
import { ipPrefix } from './ip-prefix.mjs';
import { parsePixelFields } from './pixel-hit.mjs';
import { consentSetCookie, textsVerified, validateReceipt } from './receipt.mjs';
import { createReceiptLog } from './receipt-log.mjs';

const MAX_BODY_BYTES = 16 * 1024;
const TRANSPARENT_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const FORM_TYPES = ['', 'application/x-www-form-urlencoded', 'text/plain'];

/** The GIF answered to image requests (pixel GETs and the demo's vendor image). */
export function sendGif(res) {
  res.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
  res.end(TRANSPARENT_GIF);
}

/**
 * The Referer without query and fragment: the demo's vendors are same-origin and get the full
 * address, while the log must not keep the personal data a query may hold.
 */
const pageOnly = (referer = '') => (URL.canParse(referer) ? new URL(referer).origin + new URL(referer).pathname : '');

/**
 * Creates the collector's request handler over a hit store. Receipts also go to the hash-chained consent log
 * `receipts.ndjson` beside the store's file. `trustProxy` lets X-Forwarded-For / X-Forwarded-Proto speak
 * for the client (only behind your own proxy). `delayConsentAnswer(receipt)`, for tests, holds a receipt's answer
 * back that many milliseconds, as a slow network would.
 */
export function createCollector({ store, trustProxy = false, heartbeatMs = 15000, delayConsentAnswer = () => 0 }) {
  const receipts = createReceiptLog({ file: join(dirname(store.file), 'receipts.ndjson') });

  /** What every hit records besides its fields: §3.3's IP, cookies, browser and access time. */
  const describe = (req, kind, extra) => ({
    kind,
    receivedAt: new Date().toISOString(),
    ip: clientIp(req, trustProxy),
    userAgent: req.headers['user-agent'] ?? '',
    cookies: parseCookies(req.headers.cookie),
    ...extra,
  });

  const pixelFieldsOf = async (req, url) => {
    if (req.method === 'GET') return { transport: 'image', params: url.searchParams };
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!FORM_TYPES.includes(type)) throw new HttpError(415, `unsupported content type "${type}"`);
    return { transport: 'post', params: new URLSearchParams(await readBody(req, MAX_BODY_BYTES)) };
  };

  const pixel = async (req, res, url) => {
    const { transport, params } = await pixelFieldsOf(req, url);
    const fields = parsePixelFields(params);
    if (typeof fields === 'string') throw new HttpError(400, fields);
    store.add(describe(req, 'pixel', { transport, fields }));
    if (transport === 'image') sendGif(res);
    else send(res, 204);
  };

  const consent = async (req, res) => {
    let receipt;
    try {
      receipt = JSON.parse(await readBody(req, MAX_BODY_BYTES));
    } catch (error) {
      throw error instanceof HttpError ? error : new HttpError(400, 'body is not JSON');
    }
    const valid = validateReceipt(receipt);
    if (typeof valid === 'string') throw new HttpError(400, valid);
    // Proof of a decision needs its time and the network it came from, never the full IP or the cookies.
    const receivedAt = new Date().toISOString();
    const ip = ipPrefix(clientIp(req, trustProxy));
    receipts.append({ receivedAt, ip, ...valid, ...textsVerified(valid) });
    // The panel's copy adds only the user agent, which tells the demo's browser tabs apart.
    const userAgent = req.headers['user-agent'] ?? '';
    store.add({ kind: 'consent', receivedAt, ip, userAgent, cookies: {}, transport: 'post', fields: valid });
    const delay = delayConsentAnswer(valid);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const setCookie = consentSetCookie(valid, parseCookies(req.headers.cookie), isSecure(req, trustProxy));
    send(res, 204, '', setCookie ? { 'Set-Cookie': setCookie } : {});
  };

  const events = (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    const unsubscribe = store.subscribe((type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };

  const routes = {
    '/stat/pixel': { GET: pixel, POST: pixel },
    '/stat/consent': { POST: consent },
    '/stat/hits': { GET: (req, res) => send(res, 200, store.list()) },
    '/stat/events': { GET: events },
    '/stat/reset': {
      POST: (req, res) => {
        store.clear();
        send(res, 204);
      },
    },
  };

  return {
    /** Records a request to a demo vendor resource as a hit of kind "vendor". */
    recordVendor: (req, url) =>
      store.add(describe(req, 'vendor', { transport: 'get', fields: { path: url.pathname, referer: pageOnly(req.headers.referer) } })),
    /** Handles a collector route; returns false when `url` is not one. Errors become 4xx answers, never crashes. */
    async handle(req, res, url) {
      const route = routes[url.pathname];
      if (!route) return false;
      const handler = route[req.method];
      try {
        if (!handler) throw new HttpError(405, `${req.method} not allowed`);
        await handler(req, res, url);
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        const headers = { Connection: 'close', ...(status === 405 ? { Allow: Object.keys(route).join(', ') } : {}) };
        if (!res.headersSent) send(res, status, { error: error.message }, headers);
        // A refused upload may still be streaming in: stop reading it once the answer is out.
        if (!req.complete) res.on('finish', () => req.destroy());
      }
      return true;
    },
  };
}
