// Compares allur-consent with vanilla-cookieconsent 3.1.0 on the same minimal page in Debian's Chromium:
// payload, time to a visible banner, long tasks, script time, layout shift and heap, cold, at CPU 1× and 4×.
// Prints a markdown table; raw runs go to bench-results/latest.json. Not a test: numbers, not verdicts.
import { createServer } from 'node:http';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
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

// What each library's page loads, and how to find its "accept all" button once rendered.
const libraries = {
  'allur-consent': {
    files: { '/allur-consent.iife.js': 'dist/allur-consent.iife.js' },
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
const probe = (acceptButton) => `(() => {
  const m = (window.__bench = { visibleAt: null, longTasks: [], cls: 0, frames: [] });
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
  requestAnimationFrame(poll);
})();`;

function serve() {
  const routes = { '/': null };
  for (const [name, lib] of Object.entries(libraries)) {
    routes[`/${name}.html`] = { type: 'text/html', body: page(lib.head) };
    for (const [url, file] of Object.entries(lib.files)) {
      routes[url] = { type: url.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) };
    }
    for (const [url, body] of Object.entries(lib.config)) routes[url] = { type: 'text/javascript', body };
  }
  const server = createServer((req, res) => {
    const route = routes[req.url];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(route.body);
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

/** One cold load in a fresh context: the metrics of one run. */
async function measure(browser, origin, name, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await tab.addInitScript(probe(libraries[name].acceptButton));
  await tab.goto(`${origin}/${name}.html`);
  await tab.waitForFunction(() => window.__bench.visibleAt !== null, null, { timeout: 20_000 });
  await tab.waitForTimeout(SETTLE_MS * throttle);
  const probed = await tab.evaluate(() => window.__bench);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (key) => metrics.find((m) => m.name === key).value;
  await context.close();
  return {
    visibleMs: probed.visibleAt,
    longTasks: probed.longTasks.length,
    longestTaskMs: Math.max(0, ...probed.longTasks),
    tbtMs: probed.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    scriptMs: metric('ScriptDuration') * 1000,
    cls: probed.cls,
    heapKb: metric('JSHeapUsedSize') / 1024,
    longFrames: probed.frames,
  };
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
try {
  for (const throttle of THROTTLES) {
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so drift of the machine hits both libraries alike.
      for (const name of names) {
        (runs[`${name}@${throttle}`] ??= []).push(await measure(browser, origin, name, throttle));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

const sizes = Object.fromEntries(
  names.map((name) => {
    const lib = libraries[name];
    const files = Object.values(lib.files).map((file) => readFileSync(file));
    return [name, { library: payload(files), withConfig: payload([...files, ...Object.values(lib.config)]) }];
  }),
);

const [ours, theirs, floor] = names;
const rows = [];
const row = (label, [a, b, c], format) =>
  rows.push(`| ${label} | ${format(a)} | ${format(b)} | ${b ? (a / b).toFixed(2) : a ? '∞' : '–'} | ${format(c)} |`);
const bytes = (n) => `${(n / 1024).toFixed(2)} KB`;
for (const kind of ['raw', 'gzip', 'brotli']) {
  row(`payload JS+CSS, ${kind}`, names.map((name) => sizes[name].library[kind]), bytes);
}
row('payload incl. site config, brotli', names.map((name) => sizes[name].withConfig.brotli), bytes);
const metrics = [
  ['banner visible, ms', 'visibleMs', (n) => n.toFixed(0)],
  ['long tasks', 'longTasks', (n) => String(n)],
  ['longest task, ms', 'longestTaskMs', (n) => n.toFixed(0)],
  ['total blocking time, ms', 'tbtMs', (n) => n.toFixed(0)],
  ['script duration, ms', 'scriptMs', (n) => n.toFixed(1)],
  ['CLS', 'cls', (n) => n.toFixed(3)],
  ['JS heap used, KB', 'heapKb', (n) => n.toFixed(0)],
];
for (const throttle of THROTTLES) {
  for (const [label, key, format] of metrics) {
    const of = (name) => median(runs[`${name}@${throttle}`].map((r) => r[key]));
    row(`${label} (CPU ${throttle}×)`, names.map(of), format);
  }
}

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
console.log(`Median of ${RUNS} cold runs per cell, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
console.log(`| metric | ${ours} | ${theirs} | ratio | ${floor} |\n|---|---:|---:|---:|---:|\n${rows.join('\n')}`);
if (profile.length) console.log(`\nScripts in long animation frames (> 50 ms):\n${profile.join('\n')}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify({ date: new Date().toISOString(), machine, sizes, runs }, null, 2));
