// What a returning visitor's JS heap holds because of the script tag's core. In Debian's Chromium a visitor accepts
// once (the core fetches its UI file for the banner), then opens the page again (nothing shown, no UI file fetched);
// the same is done on the page without a library.
// After a GC each gets JSHeapUsedSize (the bench's heap row) and a heap snapshot, and the difference is printed:
// the snapshot's V8 objects by type, the bundle's functions (compiled, or lazy: parsed but never run), the largest
// strings the page without it lacks, and the script's source, which Blink keeps outside the V8 heap (so not in
// JSHeapUsedSize), two bytes a character once one character is beyond Latin-1.
// The bench's page runs a probe that already uses many DOM interfaces, so its share is lower than on this bare page.
// `npm run heap` for the built core, `npm run heap -- path/to/allur-consent.iife.js` for another build of it (its UI
// files beside it). Numbers, not verdicts.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const BUNDLE = process.argv[2] ?? 'dist/allur-consent.iife.js';
const RUNS = Number(process.env.HEAP_RUNS ?? 3);
const SETTLE_MS = 1500;
const ACCEPT_BUTTON = `document.querySelector('allur-consent')?.shadowRoot?.querySelector('[data-consent-action="accept-all"]')`;

const page = (head) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Allur</title>${head}</head>
<body><main><h1>Allur</h1><p>Новые автомобили с гарантией производителя.</p></main>
<footer><a href="#" data-consent-open>Настройки cookie</a></footer></body></html>`;
const routes = {
  '/bundle.html': page('<script src="/bundle.js" defer data-policy-version="2024-06-01" data-policy-url="https://www.allur.kz/"></script>'),
  '/no-library.html': page(''),
  '/bundle.js': readFileSync(BUNDLE),
  // The UI file the banner of the first visit needs, fetched beside the core.
  '/allur-consent-ui.ru.js': readFileSync(join(dirname(BUNDLE), 'allur-consent-ui.ru.js')),
};

function serve() {
  const server = createServer((req, res) => {
    const body = routes[req.url.replace(/\?.*/, '')];
    if (!body) return res.writeHead(404).end();
    const type = req.url.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': type === 'text/html' ? 'no-store' : 'max-age=3600' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Opens `url` in `context`, waits for the page to settle, collects garbage: the tab, its CDP session, JSHeapUsedSize. */
async function settledPage(context, url) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(url);
  await tab.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return { tab, cdp, heapKb: metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 };
}

/** The heap snapshot of the tab `cdp` is attached to, parsed. */
async function snapshot(cdp) {
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  return parseSnapshot(JSON.parse(chunks.join('')));
}

/** A snapshot's nodes as { type, name, size, edges: [{ type, name, to }] }, `to` an index into the list. */
function parseSnapshot({ snapshot: { meta }, nodes, edges, strings }) {
  const [nodeFields, edgeFields] = [meta.node_fields, meta.edge_fields];
  const [nodeTypes, edgeTypes] = [meta.node_types[0], meta.edge_types[0]];
  const field = (name) => nodeFields.indexOf(name);
  const list = [];
  let edge = 0;
  for (let at = 0; at < nodes.length; at += nodeFields.length) {
    const node = { type: nodeTypes[nodes[at + field('type')]], name: strings[nodes[at + field('name')]], size: nodes[at + field('self_size')], edges: [] };
    for (let left = nodes[at + field('edge_count')]; left > 0; left--, edge += edgeFields.length) {
      const type = edgeTypes[edges[edge + edgeFields.indexOf('type')]];
      const nameOrIndex = edges[edge + edgeFields.indexOf('name_or_index')];
      node.edges.push({ type, name: type === 'element' || type === 'hidden' ? nameOrIndex : strings[nameOrIndex], to: edges[edge + edgeFields.indexOf('to_node')] / nodeFields.length });
    }
    list.push(node);
  }
  return list;
}

/** A visitor who accepted once, back on the page: the median JSHeapUsedSize of RUNS visits and the last one's snapshot. */
async function returningVisits(browser, origin, path) {
  const context = await browser.newContext();
  if (path === '/bundle.html') {
    const { tab } = await settledPage(context, origin + path);
    await tab.waitForFunction(`!!(${ACCEPT_BUTTON})`);
    await tab.evaluate(`${ACCEPT_BUTTON}.click()`);
    await tab.waitForTimeout(SETTLE_MS);
    await tab.close();
  }
  const heaps = [];
  let nodes;
  for (let run = 1; run <= RUNS; run++) {
    const { tab, cdp, heapKb } = await settledPage(context, origin + path);
    heaps.push(heapKb);
    if (run === RUNS) nodes = await snapshot(cdp);
    await tab.close();
  }
  await context.close();
  return { heapKb: heaps.sort((a, b) => a - b)[heaps.length >> 1], nodes };
}

// A snapshot's `native` nodes are Blink's C++ objects and the bytes of external strings, outside the V8 heap, and
// V8's own records (`system / …`: function templates of the DOM interfaces a script uses, accessors), inside it.
const EXTERNAL_BYTES = 'system / ExternalStringData';
const onV8Heap = (node) => node.type !== 'native' || (node.name.startsWith('system / ') && node.name !== EXTERNAL_BYTES);
const typeOf = (node) => (node.type === 'native' ? node.name.replace('system / ', 'V8 ') : node.type);
const isString = (node) => node.type.endsWith('string');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (nodes) => nodes.reduce((total, node) => total + node.size, 0);

function byType(nodes) {
  const sizes = {};
  for (const node of nodes.filter(onV8Heap)) sizes[typeOf(node)] = (sizes[typeOf(node)] ?? 0) + node.size;
  return sizes;
}

/** The bundle's source string and its functions: SharedFunctionInfos of its Script, each with the code it owns. */
function bundleFunctions(nodes) {
  const script = nodes.find((node) => node.type === 'code' && node.name.startsWith('system / Script') && node.name.endsWith('/bundle.js'));
  const source = nodes[script.edges.find((edge) => edge.name === 'source').to];
  // Blink's copy of the text: the largest of the external data the source string points to.
  const outside = source.edges
    .map((edge) => nodes[edge.to])
    .filter((node) => node.name === EXTERNAL_BYTES)
    .sort((a, b) => b.size - a.size)[0];
  const isFunctionInfo = (node) => node.name.startsWith('system / SharedFunctionInfo');
  // Code an SFI owns: what it reaches through code objects (bytecode, constant pool, scope and feedback metadata,
  // baseline code), not other functions, the script, strings or JS objects.
  const owned = new Set();
  const ownedSize = (start) => {
    let size = 0;
    for (const stack = [start]; stack.length; ) {
      const at = stack.pop();
      if (owned.has(at)) continue;
      owned.add(at);
      size += nodes[at].size;
      for (const edge of nodes[at].edges) {
        const next = nodes[edge.to];
        if (edge.type !== 'weak' && next.type === 'code' && next !== script && !isFunctionInfo(next)) stack.push(edge.to);
      }
    }
    return size;
  };
  const functions = nodes
    .map((node, at) => ({ node, at }))
    .filter(({ node }) => isFunctionInfo(node) && node.edges.some((edge) => nodes[edge.to] === script))
    .map(({ node, at }) => ({
      compiled: node.edges.some((edge) => /Bytecode|^system \/ Code/.test(nodes[edge.to].name)),
      size: ownedSize(at),
    }));
  return { source, outside, functions };
}

/** Strings of `nodes` that `baseline` lacks, the largest first. */
function newStrings(nodes, baseline) {
  const left = new Map();
  for (const node of baseline.filter(isString)) left.set(node.name, (left.get(node.name) ?? 0) + 1);
  return nodes.filter(isString).filter((node) => {
    const count = left.get(node.name) ?? 0;
    left.set(node.name, count - 1);
    return count <= 0;
  }).sort((a, b) => b.size - a.size);
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const browserVersion = browser.version();
let ours;
let floor;
try {
  ours = await returningVisits(browser, origin, '/bundle.html');
  floor = await returningVisits(browser, origin, '/no-library.html');
} finally {
  await browser.close();
  server.close();
}

console.log(`${BUNDLE}, returning visit, median of ${RUNS}, Chromium ${browserVersion}\n`);
console.log(`JSHeapUsedSize: ${kb(ours.heapKb * 1024)}, without the bundle ${kb(floor.heapKb * 1024)}: +${kb((ours.heapKb - floor.heapKb) * 1024)}`);
const [oursByType, floorByType] = [byType(ours.nodes), byType(floor.nodes)];
const v8Share = sum(ours.nodes.filter(onV8Heap)) - sum(floor.nodes.filter(onV8Heap));
console.log(`\nSnapshot, V8 heap over the page without the bundle: +${kb(v8Share)}`);
for (const [type, size] of Object.entries(oursByType).map(([type, size]) => [type, size - (floorByType[type] ?? 0)]).sort((a, b) => b[1] - a[1])) {
  if (Math.abs(size) >= 512) console.log(`  ${type.padEnd(28)} ${size < 0 ? '-' : '+'}${kb(Math.abs(size))}`);
}
const { source, outside, functions } = bundleFunctions(ours.nodes);
const compiled = functions.filter((f) => f.compiled);
const lazy = functions.filter((f) => !f.compiled);
console.log(`\nThe bundle's functions: ${compiled.length} compiled ${kb(sum(compiled))}, ${lazy.length} lazy ${kb(sum(lazy))}`);
const strings = newStrings(ours.nodes, floor.nodes).filter((node) => node !== source);
const beyondLatin1 = (text) => [...text].some((character) => character.codePointAt(0) > 0xff);
const twoByte = strings.filter((node) => beyondLatin1(node.name));
console.log(`Strings the page without it lacks: ${strings.length}, ${kb(sum(strings))}, of them beyond Latin-1 (two bytes a character) ${twoByte.length}, ${kb(sum(twoByte))}; the largest:`);
for (const node of strings.slice(0, 10)) console.log(`  ${kb(node.size).padStart(8)} ${JSON.stringify(node.name.slice(0, 70))}`);
const twoBytesEach = outside && outside.size > readFileSync(BUNDLE, 'utf8').length * 1.5;
console.log(`\nThe script's source, outside the V8 heap: ${kb(outside?.size ?? 0)} (${twoBytesEach ? 'two bytes' : 'one byte'} a character)`);
