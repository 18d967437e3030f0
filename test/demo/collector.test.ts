// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoServer, type DemoServer, type Hit } from '../../demo/app.mjs';
import { ipPrefix } from '../../demo/ip-prefix.mjs';
import { textsHash } from '../../src/receipts';

let demo: DemoServer;
let dataDir: string;

const start = async (options = {}) => {
  demo = await createDemoServer({ dataDir, port: 0, host: '127.0.0.1', ...options });
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allur-demo-'));
  await start();
});

afterEach(async () => {
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pixelFields = {
  event: 'pageview',
  page: 'https://www.allur.kz/catalog?utm_source=demo',
  referrer: 'https://www.google.kz/',
  time: '2026-11-26T17:05:00.000+05:00',
  browser: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
  language: 'ru-RU',
  screen: '1280x800',
  vid: 'v-123',
  cid: 'c-456',
  pv: '2024-06-01',
};

const receipt = {
  id: 'c-456',
  time: '2026-11-26T12:00:00.000Z',
  policyVersion: '2024-06-01',
  categories: { necessary: true, functional: false, statistics: true, marketing: false },
  action: 'save',
  language: 'ru',
  page: 'https://www.allur.kz/',
  gpc: false,
};

const post = (path: string, body: string, type = 'application/x-www-form-urlencoded;charset=UTF-8', headers = {}) =>
  fetch(demo.url + path, { method: 'POST', body, headers: { 'Content-Type': type, ...headers } });

const postReceipt = (body: unknown, headers = {}) => post('/stat/consent', JSON.stringify(body), 'application/json', headers);
/** The Cookie header of a browser holding the consent cookie of `receipt`'s decision, with `changes`. */
const carrying = (changes: object = {}) => {
  const value = { v: 1, id: receipt.id, t: Date.parse(receipt.time), pv: receipt.policyVersion, c: { functional: 0, statistics: 1, marketing: 0 }, ...changes };
  return { Cookie: `session=s1; allur_consent=${encodeURIComponent(JSON.stringify(value))}` };
};

const hits = async (): Promise<Hit[]> => (await fetch(demo.url + '/stat/hits')).json();

/** Sends a raw request (paths are not normalized, bodies may stream) and resolves with the status. */
const rawRequest = (path: string, options: { method?: string; chunks?: Buffer[] } = {}) =>
  new Promise<number>((resolve, reject) => {
    const { port } = new URL(demo.url);
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });

describe('pixel hits', () => {
  it('records a beacon POST with every field, the IP, the cookies and the user agent', async () => {
    const res = await post('/stat/pixel', new URLSearchParams(pixelFields).toString(), 'application/x-www-form-urlencoded;charset=UTF-8', {
      Cookie: 'allur_vid=v-123; allur_consent=%7B%22v%22%3A1%7D',
      'User-Agent': 'TestAgent/1.0',
    });
    expect(res.status).toBe(204);
    const [hit] = await hits();
    expect(hit).toMatchObject({ kind: 'pixel', transport: 'post', ip: '127.0.0.1', userAgent: 'TestAgent/1.0', fields: pixelFields });
    expect(hit.cookies).toEqual({ allur_vid: 'v-123', allur_consent: '{"v":1}' });
    expect(Date.parse(hit.receivedAt)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('reads form fields from a text/plain body', async () => {
    expect((await post('/stat/pixel', 'event=demo_click&button=test&_step=2', 'text/plain;charset=UTF-8')).status).toBe(204);
    expect((await hits())[0].fields).toEqual({ event: 'demo_click', button: 'test', _step: '2' });
  });

  it('answers an image GET with a 1x1 GIF that is not cached, and records the query fields', async () => {
    const res = await fetch(`${demo.url}/stat/pixel?${new URLSearchParams({ ...pixelFields, event: 'ad_view', ad: 'spring-sale' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const gif = Buffer.from(await res.arrayBuffer());
    expect(gif.subarray(0, 6).toString()).toBe('GIF89a');
    expect(gif.readUInt16LE(6)).toBe(1);
    expect(gif.readUInt16LE(8)).toBe(1);
    expect((await hits())[0]).toMatchObject({ transport: 'image', fields: { event: 'ad_view', ad: 'spring-sale' } });
  });

  it('trusts X-Forwarded-For only when told to', async () => {
    const forwarded = { 'X-Forwarded-For': '203.0.113.7, 10.0.0.1' };
    await post('/stat/pixel', 'event=pageview', undefined, forwarded);
    expect((await hits())[0].ip).toBe('127.0.0.1');
    await demo.close();
    await start({ trustProxy: true });
    await post('/stat/pixel', 'event=pageview', undefined, forwarded);
    expect((await hits())[0].ip).toBe('203.0.113.7');
  });

  it('refuses a JSON body with 415', async () => {
    expect((await post('/stat/pixel', '{"event":"pageview"}', 'application/json')).status).toBe(415);
  });
});

describe('consent receipts', () => {
  it('records the receipt and re-sets the consent cookie the request carried, in the documented format', async () => {
    const res = await postReceipt(receipt, carrying());
    expect(res.status).toBe(204);
    const [cookie] = res.headers.getSetCookie();
    const [pair, ...attributes] = cookie.split('; ');
    const [name, value] = pair.split(/=(.*)/s);
    expect(name).toBe('allur_consent');
    expect(decodeURIComponent(value)).toBe(
      '{"v":1,"id":"c-456","t":1795694400000,"pv":"2024-06-01","c":{"functional":0,"statistics":1,"marketing":0}}',
    );
    expect(value).not.toMatch(/[\s",;\\]/);
    expect(attributes).toEqual(['Path=/', 'SameSite=Lax', 'Max-Age=15552000']);
    expect((await hits())[0]).toMatchObject({ kind: 'consent', fields: receipt });
  });

  it('adds Secure when the request came over https through a trusted proxy', async () => {
    await demo.close();
    await start({ trustProxy: true });
    const res = await fetch(demo.url + '/stat/consent', {
      method: 'POST',
      body: JSON.stringify(receipt),
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https', ...carrying() },
    });
    expect(res.headers.getSetCookie()[0].split('; ')).toContain('Secure');
  });

  // An answer may arrive after a later decision: it must set nothing the visitor has not decided last.
  it.each([
    ['a request without the cookie (cookies off, or withdrawn since)', {}],
    ['a cookie of a later decision', carrying({ t: Date.parse(receipt.time) + 1 })],
    ['a cookie of another consent id', carrying({ id: 'c-789' })],
    ['a cookie that is not JSON', { Cookie: 'allur_consent=%7Bv' }],
  ])('sets no cookie for %s', async (_name, headers) => {
    const res = await postReceipt(receipt, headers);
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('sets no cookie on a withdrawal: neither re-sets nor expires it, whatever the request carried', async () => {
    for (const headers of [{}, carrying()]) {
      const res = await postReceipt({ ...receipt, action: 'withdraw' }, headers);
      expect(res.status).toBe(204);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it.each([
    ['bad JSON', '{"id":'],
    ['a JSON array', '[]'],
    ['a missing id', JSON.stringify({ ...receipt, id: undefined })],
    ['an unknown action', JSON.stringify({ ...receipt, action: 'maybe' })],
    ['a string gpc', JSON.stringify({ ...receipt, gpc: 'false' })],
    ['a numeric category', JSON.stringify({ ...receipt, categories: { ...receipt.categories, statistics: 1 } })],
    ['refused necessary', JSON.stringify({ ...receipt, categories: { ...receipt.categories, necessary: false } })],
    ['a bad time', JSON.stringify({ ...receipt, time: 'now' })],
    ['a textsHash that is not hex', JSON.stringify({ ...receipt, textsHash: 'not-a-digest-at-all' })],
    ['a numeric textsHash', JSON.stringify({ ...receipt, textsHash: 1234567890123456 })],
    ['an over-long libraryVersion', JSON.stringify({ ...receipt, libraryVersion: '1'.repeat(41) })],
    ['a libraryVersion with markup', JSON.stringify({ ...receipt, libraryVersion: '<b>1</b>' })],
  ])('refuses %s with 400 and keeps serving', async (_name, body) => {
    const res = await post('/stat/consent', body, 'application/json');
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await postReceipt(receipt)).status).toBe(204);
  });
});

describe('the consent log', () => {
  const receiptsFile = () => join(dataDir, 'receipts.ndjson');
  const storedReceipts = () => readFileSync(receiptsFile(), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const verify = (file: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['demo/verify-receipts.mjs', file], (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  const tampered = (edit: (lines: string[]) => string[]) => {
    const lines = readFileSync(receiptsFile(), 'utf8').trimEnd().split('\n');
    const file = join(dataDir, 'tampered.ndjson');
    writeFileSync(file, edit(lines).join('\n') + '\n');
    return file;
  };
  const postThree = async () => {
    for (const action of ['accept-all', 'save', 'withdraw']) expect((await postReceipt({ ...receipt, action })).status).toBe(204);
  };

  it('keeps the receipt, its arrival time and the /24 of the IP, and no cookie, header or full address', async () => {
    await demo.close();
    await start({ trustProxy: true });
    await post('/stat/consent', JSON.stringify(receipt), 'application/json', {
      Cookie: 'session=s3cr3t; allur_vid=v-123',
      'X-Forwarded-For': '203.0.113.7',
      'User-Agent': 'TestAgent/1.0',
    });
    const [line] = storedReceipts();
    expect(Object.keys(line)).toEqual(['receivedAt', 'ip', ...Object.keys(receipt), 'prev', 'hash']);
    expect(line).toMatchObject({ ...receipt, ip: '203.0.113.0/24' });
    expect(Date.parse(line.receivedAt)).toBeGreaterThan(Date.now() - 10_000);
    expect(readFileSync(receiptsFile(), 'utf8')).not.toMatch(/s3cr3t|v-123|203\.0\.113\.7|TestAgent/);
    expect((await hits())[0]).toMatchObject({ kind: 'consent', ip: '203.0.113.0/24', cookies: {} });
    expect(readFileSync(demo.hitsFile, 'utf8')).not.toMatch(/s3cr3t|v-123|203\.0\.113\.7/);
  });

  it('keeps textsHash and libraryVersion when the receipt has them', async () => {
    const proof = { textsHash: 'a3f1'.repeat(16), libraryVersion: '0.2.0-beta.1' };
    expect((await postReceipt({ ...receipt, ...proof })).status).toBe(204);
    expect(storedReceipts()[0]).toMatchObject(proof);
    expect((await hits())[0].fields).toEqual({ ...receipt, ...proof });
  });

  it('records whether textsHash is the digest of the shipped texts of the receipt’s language, and the chain holds', async () => {
    const shipped = { ...receipt, language: 'kk', textsHash: textsHash('kk') };
    for (const body of [shipped, { ...shipped, language: 'ru' }, { ...shipped, language: 'de' }, receipt]) {
      expect((await postReceipt(body)).status).toBe(204);
    }
    expect(storedReceipts().map((line) => line.textsVerified)).toEqual([true, false, false, undefined]);
    expect(Object.keys(storedReceipts()[0]).slice(-3)).toEqual(['textsVerified', 'prev', 'hash']);
    expect(await verify(receiptsFile())).toMatchObject({ code: 0, stderr: '' });
  });

  it('chains each line to the one before it, across a restart, and the verifier accepts the chain', async () => {
    await postThree();
    await demo.close();
    await start();
    await postReceipt(receipt);
    const lines = storedReceipts();
    expect(lines[0].prev).toBe('0'.repeat(64));
    for (const [index, line] of lines.entries()) {
      expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
      if (index) expect(line.prev).toBe(lines[index - 1].hash);
    }
    const result = await verify(receiptsFile());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`4 receipts, chain intact; last hash ${lines[3].hash}`);
  });

  it.each([
    ['a changed line', (lines: string[]) => lines.map((line, index) => (index === 1 ? line.replace('"save"', '"accept-all"') : line)), 2, 'was changed'],
    ['a removed line', (lines: string[]) => lines.filter((_line, index) => index !== 1), 2, 'does not follow line 1'],
    ['a removed first line', (lines: string[]) => lines.slice(1), 1, 'not the first line'],
    ['two lines swapped', (lines: string[]) => [lines[0], lines[2], lines[1]], 2, 'does not follow line 1'],
    ['a line added', (lines: string[]) => [...lines.slice(0, 2), lines[0], lines[2]], 3, 'does not follow line 2'],
  ])('fails on %s, naming the first broken line', async (_name, edit, brokenLine, reason) => {
    await postThree();
    const result = await verify(tampered(edit));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`line ${brokenLine} is broken`);
    expect(result.stderr).toContain(reason);
  });
});

describe('the IP prefix kept with a receipt', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['fe80::1%eth0', 'fe80::/48'],
    ['::1', '::/48'],
    ['', ''],
    ['not an address', ''],
  ])('%j → %j', (address, prefix) => {
    expect(ipPrefix(address)).toBe(prefix);
  });
});

describe('limits and methods', () => {
  it('refuses a body over 16 KB with 413, declared or streamed, and keeps serving', async () => {
    expect((await post('/stat/pixel', `event=pageview&x=${'a'.repeat(17 * 1024)}`)).status).toBe(413);
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(1024, 'a'));
    expect(await rawRequest('/stat/consent', { method: 'POST', chunks })).toBe(413);
    expect((await post('/stat/pixel', 'event=pageview')).status).toBe(204);
    expect(await hits()).toHaveLength(1);
  });

  it.each([
    ['PUT', '/stat/pixel'],
    ['GET', '/stat/consent'],
    ['POST', '/stat/hits'],
    ['GET', '/stat/reset'],
    ['DELETE', '/'],
  ])('answers %s %s with 405', async (method, path) => {
    expect((await fetch(demo.url + path, { method })).status).toBe(405);
  });
});

describe('storage', () => {
  it('appends the same hits to the NDJSON file', async () => {
    await post('/stat/pixel', 'event=pageview');
    await postReceipt(receipt);
    await fetch(`${demo.url}/stat/pixel?event=ad_view&ad=spring-sale`);
    const lines = readFileSync(demo.hitsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(demo.hitsFile).toBe(join(dataDir, 'hits.ndjson'));
    expect(lines).toEqual(await hits());
    expect(lines.map((hit) => hit.kind)).toEqual(['pixel', 'consent', 'pixel']);
  });

  it('keeps only the newest hits in memory, and reset clears them', async () => {
    await demo.close();
    await start({ maxHits: 3 });
    for (const n of [1, 2, 3, 4, 5]) await post('/stat/pixel', `event=e${n}`);
    expect((await hits()).map((hit) => hit.fields.event)).toEqual(['e3', 'e4', 'e5']);
    expect(readFileSync(demo.hitsFile, 'utf8').trim().split('\n')).toHaveLength(5);
    expect((await fetch(demo.url + '/stat/reset', { method: 'POST' })).status).toBe(204);
    expect(await hits()).toEqual([]);
  });
});

describe('pages and files', () => {
  it('serves the pages with the chosen language and policy version on the script tag', async () => {
    const html = await (await fetch(`${demo.url}/?lang=kk&pv=2025-01-01&transport=image`)).text();
    expect(html).toContain('data-pixel-transport="image"');
    expect(html).toMatch(/<script src="\/dist\/allur-consent\.iife\.js" defer[^>]*data-policy-version="2025-01-01"/);
    expect(html).toContain('data-lang="kk"');
    const fallback = await (await fetch(`${demo.url}/?lang=%22%3E%3Cscript%3E&pv=x`)).text();
    expect(fallback).toContain('data-lang="ru"');
    expect(fallback).toContain('data-policy-version="2024-06-01"');
    expect(fallback).toContain('data-pixel-transport="beacon"');
  });

  it('serves /csp.html with a strict Content-Security-Policy and no inline script or style', async () => {
    const res = await fetch(demo.url + '/csp.html');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="text\/plain")[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('serves the whitelisted modules of node_modules and demo assets', async () => {
    for (const path of ['/node_modules/preact/dist/preact.mjs', '/node_modules/js-cookie/dist/js.cookie.mjs', '/demo/panel.js']) {
      const res = await fetch(demo.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/javascript');
    }
  });

  it.each([
    '/node_modules/preact/package.json',
    '/node_modules/vitest/package.json',
    '/demo/../package.json',
    '/demo/..%2Fpackage.json',
    '/demo/%2e%2e/app.mjs',
    '/demo/app.mjs',
    '/dist/..%2F..%2Fpackage.json',
    '/dist/../demo/app.mjs',
    '//etc/passwd',
    '/package.json',
  ])('refuses %s', async (path) => {
    expect(await rawRequest(path)).toBe(404);
  });

  it('counts requests to the vendor stand-ins as vendor hits', async () => {
    const res = await fetch(demo.url + '/vendor/tag.js', { headers: { Referer: `${demo.url}/account?email=a%40b.kz#x` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('vendor-log');
    expect((await hits())[0]).toMatchObject({ kind: 'vendor', fields: { path: '/vendor/tag.js', referer: `${demo.url}/account` } });
  });
});

describe('live events', () => {
  it('streams each new hit to an SSE client and stops when it disconnects', async () => {
    await demo.close();
    await start({ heartbeatMs: 50 });
    const abort = new AbortController();
    const res = await fetch(demo.url + '/stat/events', { signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await post('/stat/pixel', 'event=sse_test');
    let text = '';
    while (!text.includes('sse_test') || !text.includes(': heartbeat')) text += (await reader.read()).value;
    const data = text.split('\n').find((line) => line.startsWith('data: ') && line.includes('sse_test'));
    expect(JSON.parse(data!.slice(6))).toMatchObject({ kind: 'pixel', fields: { event: 'sse_test' } });
    expect(text).toMatch(/event: hit\n/);
    expect(demo.store.subscriberCount()).toBe(1);
    abort.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(demo.store.subscriberCount()).toBe(0);
    expect((await post('/stat/pixel', 'event=after')).status).toBe(204);
  });
});

describe('malformed and padded input', () => {
  it.each([
    ['more than 40 fields', Array.from({ length: 41 }, (_, index) => `f${index}=1`).join('&') + '&event=pageview'],
    ['a field given twice', 'event=pageview&page=a&page=b'],
    ['a field name with markup', 'event=pageview&%3Cimg%3E=1'],
    ['a field name with a space', 'event=pageview&a%20b=1'],
    ['the event given twice', 'event=pageview&event=ad_view'],
    ['an over-long field name', `event=pageview&${'a'.repeat(65)}=1`],
    ['no event', 'page=https%3A%2F%2Fwww.allur.kz%2F'],
    ['an event with markup', 'event=%3Cscript%3E'],
    ['an unparsable time', 'event=pageview&time=yesterday'],
    ['an ad_view without ad', 'event=ad_view'],
  ])('refuses a pixel hit with %s with 400 and keeps serving', async (_name, body) => {
    expect((await post('/stat/pixel', body)).status).toBe(400);
    expect(await hits()).toEqual([]);
    expect((await post('/stat/pixel', 'event=pageview')).status).toBe(204);
  });

  it('answers an image GET with a query larger than the server takes with 4xx, and keeps serving', async () => {
    const res = await fetch(`${demo.url}/stat/pixel?event=pageview&x=${'a'.repeat(64 * 1024)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${demo.url}/stat/pixel?event=pageview`)).status).toBe(200);
  });

  it('keeps only the documented fields of a receipt: junk keys are neither stored, written to the file nor streamed', async () => {
    const padded = {
      ...receipt,
      junk: 'x'.repeat(12_000),
      html: '<img src=x onerror=alert(1)>',
      categories: { ...receipt.categories, extra: '<script>alert(1)</script>' },
    };
    expect((await postReceipt(padded)).status).toBe(204);
    expect((await hits())[0].fields).toEqual(receipt);
    expect(readFileSync(demo.hitsFile, 'utf8')).not.toMatch(/junk|onerror|<script>/);
    expect(readFileSync(join(dataDir, 'receipts.ndjson'), 'utf8')).not.toMatch(/junk|onerror|<script>/);
  });
});
