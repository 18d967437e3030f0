// Small request/response helpers shared by the collector and the page server.
import { endCompressed } from './compression.mjs';

/** An error that carries the HTTP status to answer with. */
export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Sends `body` (a string, a Buffer or a value sent as JSON) with `status` and extra headers, compressed when worth it. */
export function send(res, status, body = '', headers = {}) {
  const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(isRaw ? body : JSON.stringify(body));
  const type = isRaw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  endCompressed(res, status, payload, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
}

/**
 * Reads the request body, refusing it with 413 as soon as it passes `limit` bytes:
 * the declared Content-Length is checked first, then the streamed byte count, so an
 * oversized or endless body is never held in memory.
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, `body larger than ${limit} bytes`);
    if (Number(req.headers['content-length']) > limit) return reject(tooLarge());
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a Cookie header into a name → value object; undecodable values are kept raw. */
export function parseCookies(header = '') {
  const cookies = {};
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const raw = pair.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // A malformed escape: show the value as the browser sent it.
    }
    cookies[pair.slice(0, at).trim()] = value;
  }
  return cookies;
}

/** The client's IP: the socket's peer, or the first X-Forwarded-For entry when a proxy is trusted. */
export function clientIp(req, trustProxy) {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0].trim();
  return req.socket.remoteAddress ?? '';
}

/** Whether the request reached us over https (directly, or through a trusted proxy). */
export function isSecure(req, trustProxy) {
  return Boolean(req.socket.encrypted) || (trustProxy && req.headers['x-forwarded-proto'] === 'https');
}
