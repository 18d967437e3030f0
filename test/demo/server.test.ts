// @vitest-environment node
// The demo server as a production server should answer: compressed text, pages whose panel speaks the page's
// language, and an address to open that works whatever HOST it listens on.
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer } from '../../demo/app.mjs';

let demo: DemoServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allur-demo-server-'));
  demo = await createDemoServer({ dataDir, port: 0, host: '127.0.0.1' });
  // Enough hits for /stat/hits to be worth compressing.
  for (let i = 0; i < 10; i++) await fetch(`${demo.url}/stat/pixel?event=pageview&page=https%3A%2F%2Fwww.allur.kz%2Fcatalog%2F${i}`);
});

afterAll(async () => {
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly the given headers (fetch would add its own Accept-Encoding and decode the body). */
const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = request(`${demo.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

/** The body as text, decoded by the answer's Content-Encoding. */
const decoded = ({ headers, body }: RawAnswer) => {
  if (headers['content-encoding'] === 'br') return brotliDecompressSync(body).toString('utf8');
  if (headers['content-encoding'] === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
};

describe('compression', () => {
  it.each(['/', '/demo/site.css', '/demo/panel.js', '/stat/hits'])('sends %s as brotli to a client that accepts br', async (path) => {
    const plain = await get(path);
    const answer = await get(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decoded(answer)).toBe(decoded(plain));
  });

  it('sends gzip to a client that accepts gzip but not br', async () => {
    const answer = await get('/', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(decoded(answer)).toContain('<!doctype html>');
    expect((await get('/', { 'Accept-Encoding': 'deflate, gzip;q=0.5' })).headers['content-encoding']).toBe('gzip');
  });

  it('sends plain text, still with Vary, to a client that accepts neither', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const answer = await get('/', acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {});
      expect(answer.headers['content-encoding'], String(acceptEncoding)).toBeUndefined();
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.body.toString('utf8')).toContain('<!doctype html>');
    }
  });

  it('leaves images and empty answers alone', async () => {
    const gif = await get('/stat/pixel?event=pageview', { 'Accept-Encoding': 'br' });
    expect(gif.headers['content-type']).toBe('image/gif');
    expect(gif.headers['content-encoding']).toBeUndefined();
    const missing = await get('/no-such-page', { 'Accept-Encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(decoded(missing)).toBe('not found');
  });
});

describe('the developer panel', () => {
  const panelOf = async (query: string) => {
    const html = decoded(await get(`/${query}`));
    return html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));
  };

  it.each([
    ['', 'ru', 'Панель разработчика', 'Что попробовать'],
    ['?lang=ru', 'ru', 'Панель разработчика', 'Что попробовать'],
    ['?lang=kk', 'kk', 'Әзірлеуші панелі', 'Не істеп көруге болады'],
    ['?lang=en', 'en', 'Developer panel', 'What to try'],
  ])('follows the page language %s', async (query, lang, title, tryTitle) => {
    const panel = await panelOf(query);
    expect(panel).toMatch(new RegExp(`^<aside [^>]*lang="${lang}"`));
    expect(panel).toContain(title);
    expect(panel).toContain(tryTitle);
    expect(panel).not.toMatch(/\{\{\w+\}\}/);
  });

  it('has no Russian left in the English panel', async () => {
    expect(await panelOf('?lang=en')).not.toMatch(/[А-Яа-яЁё]/);
  });
});

describe('the printed address', () => {
  it('is one a browser can open, also when HOST listens on every interface', async () => {
    for (const [host, shown] of [['0.0.0.0', 'localhost'], ['127.0.0.1', '127.0.0.1']]) {
      const server = await createDemoServer({ dataDir, port: 0, host });
      try {
        const { hostname, port } = new URL(server.url);
        expect(hostname, host).toBe(shown);
        expect(Number(port)).toBe((server.server.address() as { port: number }).port);
        expect((await fetch(`${server.url}/`)).status).toBe(200);
      } finally {
        await server.close();
      }
    }
  });
});
