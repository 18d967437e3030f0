// Compares allur-consent with vanilla-cookieconsent 3.1.0 on the same minimal page in Debian's Chromium: payload,
// the bytes each visit transfers and decodes, first contentful paint, time to a visible banner, long tasks, script
// time, layout shift and heap, at CPU 1× and 4×, for first visits (cold, fresh context) and returning visits
// (accepted once, then new pages in the same context, cookies and HTTP cache kept). allur-consent's page includes the
// script-tag core, which fetches the Russian UI file beside it when the banner must show: a second request that a
// first visit's "banner visible" includes and a returning visit does not make. `--network fast4g|slow4g` adds
// Lighthouse's network latency and bandwidth to every request of the page (the server then sends brotli). Prints a
// markdown table with the ratio to vanilla-cookieconsent and the goal of each metric; raw runs go to
// bench-results/latest.json. Not a test: numbers, not verdicts.
// The click rows: the latency of a real click on "accept all" and "reject all" in a first visit (Event Timing, as
// INP counts it), allur-consent with its pixel and consent log on, as on allur.kz.
import { createServer } from 'node:http';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// Lighthouse's profiles as DevTools throttling applies them: RTT × 3.75 per request, throughput × 0.9.
const NETWORKS = {
  slow4g: { rttMs: 150, downKbps: 1.6 * 1024, upKbps: 750 },
  fast4g: { rttMs: 40, downKbps: 10 * 1024, upKbps: 10 * 1024 },
};
const networkName = process.argv.includes('--network') ? process.argv[process.argv.indexOf('--network') + 1] : undefined;
if (networkName && !NETWORKS[networkName]) throw new Error(`--network ${networkName}: use ${Object.keys(NETWORKS).join(' or ')}`);
const network = networkName && {
  offline: false,
  latency: NETWORKS[networkName].rttMs * 3.75,
  downloadThroughput: (NETWORKS[networkName].downKbps * 1024 * 0.9) / 8,
  uploadThroughput: (NETWORKS[networkName].upKbps * 1024 * 0.9) / 8,
};
const THROTTLES = [1, 4];
const SETTLE_MS = 1500;
const VANILLA_DIR = 'node_modules/vanilla-cookieconsent/dist/';

// Russian texts of the same length as allur-consent's first and second layers, three optional categories.
// `hideFromBots: false`: it would otherwise see the automated browser as a bot and never show the banner.
const vanillaConfig = {
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    functional: {},
    statistics: {},
    marketing: {},
  },
  language: {
    default: 'ru',
    translations: {
      ru: {
        consentModal: {
          title: 'Мы используем cookie',
          description:
            'Необходимые cookie обеспечивают работу сайта и вход в личный кабинет. С вашего согласия мы также ' +
            'подключаем статистический скрипт («пиксель»): он передаёт IP-адрес, данные cookie, сведения о браузере, ' +
            'время посещения, адрес страницы и адрес предыдущей страницы. Согласие можно отозвать в любой момент.',
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить все',
          showPreferencesBtn: 'Настройки',
          footer: '<a href="https://www.allur.kz/">Политика конфиденциальности</a>',
        },
        preferencesModal: {
          title: 'Настройки cookie',
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить все',
          savePreferencesBtn: 'Сохранить выбор',
          closeIconLabel: 'Закрыть',
          sections: [
            {
              description:
                'Выберите, какие cookie разрешить. Выбор действует 6 месяцев, изменить его можно в любой момент ' +
                'кнопкой «Настройки cookie».',
            },
            {
              title: 'Необходимые',
              description:
                'Обеспечивают работу сайта: вход в личный кабинет, корзину, безопасность и сохранение вашего выбора. ' +
                'Отключить нельзя.',
              linkedCategory: 'necessary',
            },
            {
              title: 'Функциональные',
              description: 'Сохраняют вход и настройки между визитами: язык, город, просмотренные модели.',
              linkedCategory: 'functional',
            },
            {
              title: 'Статистика (пиксель)',
              description:
                'Статистический скрипт считает посещения и помогает находить технические ошибки. Передаёт IP-адрес, ' +
                'данные cookie, сведения о браузере, время посещения, адрес текущей и предыдущей страницы.',
              linkedCategory: 'statistics',
            },
            {
              title: 'Маркетинг и реклама',
              description:
                'Позволяют рекламным системам показывать объявления Allur на других сайтах и измерять их ' +
                'эффективность. Данные передаются рекламным партнёрам, в том числе за рубеж.',
              linkedCategory: 'marketing',
            },
          ],
        },
      },
    },
  },
};

// What each library's page loads (on a first visit: allur-consent's core fetches its UI file), and how to find its
// "accept all" button once rendered.
const libraries = {
  'allur-consent': {
    files: { '/allur-consent.iife.js': 'dist/allur-consent.iife.js', '/allur-consent-ui.ru.js': 'dist/allur-consent-ui.ru.js' },
    // What a returning visitor with nothing to see loads: the core alone.
    returningFiles: ['/allur-consent.iife.js'],
    config: {},
    head:
      '<script src="/allur-consent.iife.js" defer data-policy-version="2024-06-01" data-lang="ru"' +
      ' data-policy-url="https://www.allur.kz/"></script>',
    acceptButton: `document.querySelector('allur-consent')?.shadowRoot?.querySelector('[data-consent-action="accept-all"]')`,
  },
  'vanilla-cookieconsent': {
    files: {
      '/cookieconsent.umd.js': VANILLA_DIR + 'cookieconsent.umd.js',
      '/cookieconsent.css': VANILLA_DIR + 'cookieconsent.css',
    },
    config: { '/vanilla-run.js': `CookieConsent.run(${JSON.stringify(vanillaConfig)});` },
    head:
      '<link rel="stylesheet" href="/cookieconsent.css">' +
      '<script src="/cookieconsent.umd.js" defer></script><script src="/vanilla-run.js" defer></script>',
    acceptButton: `document.querySelector('#cc-main .cm [data-role="all"]')`,
  },
  // The same page without any consent library: the floor under every number above it.
  'no-library': { files: {}, config: {}, head: '', acceptButton: `document.querySelector('footer a')` },
};

const page = (head) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Allur: автомобили</title>${head}</head>
<body><header><h1>Allur</h1><nav><a href="#models">Модели</a> <a href="#service">Сервис</a></nav></header>
<main><h2 id="models">Модели</h2><p>${'Новые автомобили с гарантией производителя, тест-драйв и кредит. '.repeat(12)}</p>
<h2 id="service">Сервис</h2><p>${'Запись на техническое обслуживание онлайн. '.repeat(12)}</p></main>
<footer><a href="#" data-consent-open>Настройки cookie</a></footer></body></html>`;

// Runs before any page script: records when the banner's accept button is first painted (non-zero box,
// visible, every ancestor with opacity > 0, crossing shadow roots), long tasks and layout shifts.
// On a returning visit nothing is polled: the banner must not show, and the poll's own frames would count as script time.
const probe = (acceptButton, poll) => `(() => {
  const m = (window.__bench = { visibleAt: null, fcp: null, longTasks: [], cls: 0, frames: [] });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; }))
    .observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.longTasks.push(e.duration)))
    .observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts that made them long: the profile of any long task.
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.frames.push({
    ms: Math.round(e.duration),
    scripts: e.scripts.map((s) => ({ ms: Math.round(s.duration), src: s.sourceURL, fn: s.sourceFunctionName, by: s.invoker })),
  }))).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) m.cls += e.value; }))
    .observe({ type: 'layout-shift', buffered: true });
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) return false;
    for (let n = el; n; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentElement) {
      const s = getComputedStyle(n);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const poll = () => {
    const el = ${acceptButton};
    if (el && shown(el)) m.visibleAt = performance.now();
    else requestAnimationFrame(poll);
  };
  if (${poll}) requestAnimationFrame(poll);
  m.bannerShown = () => { const el = ${acceptButton}; return !!el && shown(el); };
})();`;

const encodings = new Set();
function serve() {
  const routes = { '/': null };
  for (const [name, head] of Object.entries(clickPages)) routes[`/click-${name}.html`] = { type: 'text/html', body: page(head) };
  for (const [name, lib] of Object.entries(libraries)) {
    routes[`/${name}.html`] = { type: 'text/html', body: page(lib.head) };
    for (const [url, file] of Object.entries(lib.files)) {
      routes[url] = { type: url.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) };
    }
    for (const [url, body] of Object.entries(lib.config)) routes[url] = { type: 'text/javascript', body };
  }
  const server = createServer((req, res) => {
    // The click pages' pixel hits and receipts.
    if (req.method === 'POST') return res.writeHead(204).end();
    const route = routes[req.url.replace(/\?.*/, '')];
    if (!route) return res.writeHead(404).end();
    // Pages are fetched anew, scripts and styles come from the HTTP cache on a returning visit.
    const headers = { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': route.type === 'text/html' ? 'no-store' : 'max-age=3600' };
    const encoding = network && (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') ? 'br' : 'gzip');
    if (!encoding) return res.writeHead(200, headers).end(route.body);
    encodings.add(encoding);
    const body = encoding === 'br' ? brotliCompressSync(Buffer.from(route.body)) : gzipSync(Buffer.from(route.body));
    res.writeHead(200, { ...headers, 'content-encoding': encoding }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Raw, gzip and brotli bytes of the given contents together. */
function payload(contents) {
  const bytes = Buffer.concat(contents.map((c) => Buffer.from(c)));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** A context as a visitor's browser profile: a viewport and, with `--network`, its latency and bandwidth. */
async function newVisitor(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context;
}

/** One page load in `context` at CPU `throttle`: the metrics of one run. A first visit waits for the banner. */
async function load(context, origin, name, throttle, firstVisit) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await tab.addInitScript(probe(libraries[name].acceptButton, firstVisit));
  await tab.goto(`${origin}/${name}.html`);
  if (firstVisit) await tab.waitForFunction(() => window.__bench.visibleAt !== null, null, { timeout: 30_000 });
  await tab.waitForTimeout(SETTLE_MS * throttle);
  const probed = await tab.evaluate(() => ({ ...window.__bench, bannerShown: window.__bench.bannerShown() }));
  // The scripts and styles the page fetched: bytes over the network (none from the HTTP cache) and bytes decoded.
  const resources = await tab.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => ['script', 'link'].includes(e.initiatorType)).map((e) => [e.transferSize, e.decodedBodySize]),
  );
  // A returning visitor who accepted must not see the banner again (the page without a library has none).
  if (!firstVisit && probed.bannerShown && name !== 'no-library') throw new Error(`${name}: the banner showed on a returning visit`);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (key) => metrics.find((m) => m.name === key).value;
  return {
    tab,
    result: {
      fcpMs: probed.fcp,
      visibleMs: probed.visibleAt,
      longTasks: probed.longTasks.length,
      longestTaskMs: Math.max(0, ...probed.longTasks),
      tbtMs: probed.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      scriptMs: metric('ScriptDuration') * 1000,
      cls: probed.cls,
      heapKb: metric('JSHeapUsedSize') / 1024,
      transferredKb: resources.reduce((sum, [transferred]) => sum + transferred, 0) / 1024,
      decodedKb: resources.reduce((sum, [, decoded]) => sum + decoded, 0) / 1024,
      longFrames: probed.frames,
    },
  };
}

/** A first visit: a cold load in a fresh context. */
async function firstVisit(browser, origin, name, throttle) {
  const context = await newVisitor(browser);
  const { result } = await load(context, origin, name, throttle, true);
  await context.close();
  return result;
}

/** A visitor who accepted once: the context keeps the cookie and the HTTP cache for the returning loads. */
async function acceptedVisitor(browser, origin, name) {
  const context = await newVisitor(browser);
  const { tab } = await load(context, origin, name, 1, true);
  await tab.evaluate(`${libraries[name].acceptButton}.click()`);
  await tab.waitForTimeout(SETTLE_MS);
  await tab.close();
  return context;
}

/** A returning visit: a new page in the visitor's context, the previous one closed. */
async function returningVisit(context, origin, name, throttle) {
  const { tab, result } = await load(context, origin, name, throttle, false);
  await tab.close();
  return result;
}

// The click rows. Each library's page as a site has it: allur-consent with its pixel and consent log on, so a click
// does all it does on allur.kz (the receipt, the digest of the texts, the pageview).
const clickPages = {
  'allur-consent': libraries['allur-consent'].head.replace(
    '<script ',
    '<script data-pixel-endpoint="/stat/pixel" data-consent-log-endpoint="/stat/consent" ',
  ),
  'vanilla-cookieconsent': libraries['vanilla-cookieconsent'].head,
};
const clickButtons = {
  'allur-consent': { 'accept all': 'allur-consent section.banner [data-consent-action="accept-all"]', 'reject all': 'allur-consent section.banner [data-consent-action="reject-all"]' },
  'vanilla-cookieconsent': { 'accept all': '#cc-main .cm [data-role="all"]', 'reject all': '#cc-main .cm [data-role="necessary"]' },
};
// Event Timing reports an interaction only from 16 ms on: below it, the click painted within a frame.
const EVENT_THRESHOLD_MS = 16;

// Runs before any page script: keeps the Event Timing entries of interactions, as INP reads them, and the time of
// the click's dispatch, from a window capture listener (the first to run) to a window bubble one (the last).
const clickProbe = `(() => {
  const m = (window.__clicks = { entries: [], dispatch: [] });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.interactionId && m.entries.push({
    name: e.name, id: e.interactionId, duration: e.duration, processing: e.processingEnd - e.processingStart,
  }))).observe({ type: 'event', durationThreshold: ${EVENT_THRESHOLD_MS}, buffered: true });
  let start = 0;
  addEventListener('click', () => { start = performance.now(); }, true);
  addEventListener('click', () => m.dispatch.push(performance.now() - start));
})();`;

/**
 * One real click on `button` in a first visit at CPU `throttle`, once the page has settled: the interaction's
 * duration (`null` when Event Timing reports nothing, under 16 ms), its handlers' time as Event Timing reports it
 * (processingEnd − processingStart of its events), else as the probe measured the click's dispatch.
 */
async function clickRun(browser, origin, name, button, throttle) {
  const context = await newVisitor(browser);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await tab.addInitScript(clickProbe);
  await tab.goto(`${origin}/click-${name}.html`);
  const target = tab.locator(clickButtons[name][button]);
  await target.waitFor({ state: 'visible', timeout: 30_000 });
  await tab.waitForTimeout(SETTLE_MS * throttle);
  // Real input at the button's centre, the pointer already there: Event Timing ignores element.click().
  const box = await target.boundingBox();
  await tab.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await tab.waitForTimeout(200);
  await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // Event Timing delivers its entries after the paint.
  await tab.waitForTimeout(1000);
  const { entries, dispatch } = await tab.evaluate(() => window.__clicks);
  await context.close();
  if (dispatch.length !== 1) throw new Error(`${name}: ${dispatch.length} clicks dispatched on "${button}"`);
  const interaction = entries.filter((entry) => entry.id === entries.find((e) => e.name === 'click')?.id);
  return {
    durationMs: interaction.length ? Math.max(...interaction.map((entry) => entry.duration)) : null,
    handlersMs: interaction.length ? interaction.reduce((sum, entry) => sum + entry.processing, 0) : dispatch[0],
    entries: interaction,
  };
}

/** The click runs of both libraries, for each button and CPU throttle, interleaved. */
async function measureClicks(browser, origin) {
  const clicks = {};
  for (const throttle of THROTTLES) {
    for (let i = 0; i < RUNS; i++) {
      for (const name of Object.keys(clickPages)) {
        for (const button of Object.keys(clickButtons[name])) {
          (clicks[`${name} ${button}@${throttle}`] ??= []).push(await clickRun(browser, origin, name, button, throttle));
        }
      }
    }
  }
  return clicks;
}

/** The click rows of the table: median latency and handlers' time, "≤16" where Event Timing reported nothing. */
function clickRows(clicks) {
  const latency = (n) => (n < EVENT_THRESHOLD_MS ? `≤${EVENT_THRESHOLD_MS}` : n.toFixed(0));
  // An unreported interaction counts as 0 in the median: below every reported one.
  const medianOf = (cell, key) => median(clicks[cell].map((run) => run[key] ?? 0));
  for (const button of ['accept all', 'reject all']) {
    for (const throttle of THROTTLES) {
      const [ours, theirs] = Object.keys(clickPages).map((name) => `${name} ${button}@${throttle}`);
      const [a, b] = [medianOf(ours, 'durationMs'), medianOf(theirs, 'durationMs')];
      // Ours unreported: under the threshold, so under this share of theirs.
      const ratio = a >= EVENT_THRESHOLD_MS ? ratioOf(a, b) : b >= EVENT_THRESHOLD_MS ? `< ${(EVENT_THRESHOLD_MS / b).toFixed(2)}` : '–';
      rows.push(`| first visit, "${button}" click to next paint, ms (CPU ${throttle}×) | ${latency(a)} | ${latency(b)} | ${ratio} | ${throttle === 4 ? '≤ 0.5' : ''} | – |`);
      const [c, d] = [medianOf(ours, 'handlersMs'), medianOf(theirs, 'handlersMs')];
      rows.push(`| first visit, "${button}" click handlers, ms (CPU ${throttle}×) | ${c.toFixed(1)} | ${d.toFixed(1)} | ${ratioOf(c, d)} | ${throttle === 4 ? '< 8 ms' : ''} | – |`);
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const browserVersion = browser.version();
const names = Object.keys(libraries);
const runs = {};
let clicks = {};
try {
  for (const throttle of THROTTLES) {
    const visitors = {};
    for (const name of names) visitors[name] = await acceptedVisitor(browser, origin, name);
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so drift of the machine hits all three pages alike.
      for (const name of names) {
        (runs[`first ${name}@${throttle}`] ??= []).push(await firstVisit(browser, origin, name, throttle));
        (runs[`returning ${name}@${throttle}`] ??= []).push(await returningVisit(visitors[name], origin, name, throttle));
      }
    }
    for (const context of Object.values(visitors)) await context.close();
  }
  clicks = await measureClicks(browser, origin);
} finally {
  await browser.close();
  server.close();
}

const sizes = Object.fromEntries(
  names.map((name) => {
    const lib = libraries[name];
    const files = Object.values(lib.files).map((file) => readFileSync(file));
    const returning = (lib.returningFiles ?? Object.keys(lib.files)).map((url) => readFileSync(lib.files[url]));
    return [name, { library: payload(files), returning: payload(returning), withConfig: payload([...files, ...Object.values(lib.config)]) }];
  }),
);

const [ours, theirs, floor] = names;
const rows = [];
const ratioOf = (a, b) => (b ? (a / b).toFixed(2) : a ? '∞' : '–');
/** A row: the three values, the ratio to vanilla-cookieconsent (of the shares over the page without a library when `over`), the goal. */
const row = (label, [a, b, c], format, { over = false, goal = '' } = {}) => {
  const ratio = over ? ratioOf(a - c, b - c) : ratioOf(a, b);
  const share = (n) => (over ? ` (${n < 0 ? '−' : '+'}${format(Math.abs(n))})` : '');
  const own = share(a - c);
  const their = share(b - c);
  rows.push(`| ${label} | ${format(a)}${own} | ${format(b)}${their} | ${ratio} | ${goal} | ${format(c)} |`);
};
const bytes = (n) => `${(n / 1024).toFixed(2)} KB`;
// allur-consent's first visit: the core and the Russian UI file; its returning visit: the core alone.
for (const kind of ['raw', 'gzip', 'brotli']) {
  row(`payload JS+CSS, first visit, ${kind}`, names.map((name) => sizes[name].library[kind]), bytes, { goal: kind === 'brotli' ? '≤ 13.8 KB' : '' });
}
row('payload JS+CSS, returning visit, brotli', names.map((name) => sizes[name].returning.brotli), bytes, { goal: '≤ 6.9 KB' });
row('payload incl. site config, brotli', names.map((name) => sizes[name].withConfig.brotli), bytes);
const ms = (n) => n.toFixed(0);
const kb = (n) => `${n.toFixed(2)} KB`;
// Under slow 4G the banner waits for the network more than for the CPU.
const [bannerGoal1, bannerGoal4] = networkName === 'slow4g' ? ['≤ 1.0', '≤ 1.0'] : ['≤ 0.5', '≤ 0.75'];
// [label, key, format, goal at CPU 1×, goal at 4×, compared over the page without a library]
const metrics = {
  first: [
    ['script and style bytes transferred, KB', 'transferredKb', kb, '', '', false],
    ['script and style bytes decoded, KB', 'decodedKb', kb, '', '', false],
    ['first contentful paint, ms', 'fcpMs', ms, '', '', false],
    ['FCP delay over no library, ms', 'fcpMs', ms, '', '≤ 0.8', true],
    ['banner visible, ms', 'visibleMs', ms, bannerGoal1, bannerGoal4, false],
    ['long tasks', 'longTasks', String, '', '', false],
    ['longest task, ms', 'longestTaskMs', ms, '', '', false],
    ['total blocking time, ms', 'tbtMs', ms, '', '≤ 0.5 over', true],
    ['script duration, ms', 'scriptMs', (n) => n.toFixed(1), '', '', true],
    ['CLS', 'cls', (n) => n.toFixed(3), '', '', false],
    ['JS heap used, KB', 'heapKb', ms, '≤ 1 over', '≤ 1 over', true],
  ],
  returning: [
    ['script and style bytes transferred, KB', 'transferredKb', kb, '', '', false],
    ['script and style bytes decoded, KB', 'decodedKb', kb, '', '', false],
    ['first contentful paint, ms', 'fcpMs', ms, '', '', true],
    ['long tasks', 'longTasks', String, '', '', false],
    ['longest task, ms', 'longestTaskMs', ms, '', '', false],
    ['total blocking time, ms', 'tbtMs', ms, '', '0 over', true],
    ['script duration, ms', 'scriptMs', (n) => n.toFixed(1), '≤ 0.5 over', '≤ 0.5 over', true],
    ['JS heap used, KB', 'heapKb', ms, '≤ 1 over', '≤ 1 over', true],
  ],
};
for (const [visit, list] of Object.entries(metrics)) {
  for (const throttle of THROTTLES) {
    for (const [label, key, format, goal1, goal4, over] of list) {
      const of = (name) => median(runs[`${visit} ${name}@${throttle}`].map((r) => r[key]));
      row(`${visit} visit, ${label} (CPU ${throttle}×)`, names.map(of), format, { over, goal: throttle === 1 ? goal1 : goal4 });
    }
  }
}
clickRows(clicks);

// Where the time of long frames went, per script entry point, summed over all runs of each cell.
const profile = [];
for (const [cell, cellRuns] of Object.entries(runs)) {
  const spent = {};
  // Scripts without a URL are this probe's own callbacks.
  const scripts = cellRuns.flatMap((r) => r.longFrames.flatMap((f) => f.scripts)).filter((s) => s.src);
  for (const script of scripts) {
    const where = `${script.by} ${script.fn || ''} ${script.src.replace(/^.*\//, '/')}`.trim();
    spent[where] = (spent[where] ?? 0) + script.ms;
  }
  for (const [where, ms] of Object.entries(spent)) profile.push(`- ${cell}: ${where}: ${(ms / cellRuns.length).toFixed(0)} ms per run`);
}

const cpu = cpus();
const machine = `${cpu[0].model.trim()}, ${cpu.length} cores, Node ${process.version}, Chromium ${browserVersion}`;
const how = network ? `network ${networkName} (${[...encodings].join(', ')})` : 'no network throttling';
console.log(`Median of ${RUNS} first and ${RUNS} returning visits per cell, ${how}, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
console.log('(+n): the share over the page without a library; the ratio of such a row is of those shares.\n');
console.log(`| metric | ${ours} | ${theirs} | ratio | goal | ${floor} |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}`);
if (profile.length) console.log(`\nScripts in long animation frames (> 50 ms):\n${profile.join('\n')}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify({ date: new Date().toISOString(), machine, network: networkName ?? null, sizes, runs, clicks }, null, 2));
