// The developer panel: what the collector received (live over SSE, polling as a fallback) and the consent state.
(() => {
  const $ = (id) => document.getElementById(id);
  const hitList = $('dev-hits');
  // The texts of the page's language, set by the server on the panel (demo/panel-texts.mjs).
  const texts = document.querySelector('.dev-panel').dataset;
  const shown = new Set();
  const consent = () => window.AllurConsent;

  /** Appends a `<dt>`/`<dd>` pair; values are set as text, never as markup (hits are untrusted input). */
  const addRow = (list, label, value) => {
    const term = document.createElement('dt');
    const detail = document.createElement('dd');
    term.textContent = label;
    detail.textContent = value === '' ? texts.textEmpty : String(value);
    list.append(term, detail);
  };

  const titleOf = (hit) => {
    if (hit.kind === 'pixel') return hit.fields.event;
    if (hit.kind === 'consent') return `receipt: ${hit.fields.action}`;
    return hit.fields.path;
  };

  const cookieText = (cookies) =>
    Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ') || texts.textNone;

  const renderHit = (hit) => {
    if (shown.has(hit.seq)) return;
    shown.add(hit.seq);
    const item = document.createElement('li');
    item.className = `dev-hit dev-hit--${hit.kind}`;
    const head = document.createElement('p');
    head.className = 'dev-hit__head';
    head.textContent = `${new Date(hit.receivedAt).toLocaleTimeString()} · ${hit.kind} · ${titleOf(hit)}`;
    const rows = document.createElement('dl');
    addRow(rows, 'IP', hit.ip);
    const { browser, ...fields } = hit.fields;
    for (const [name, value] of Object.entries(fields)) addRow(rows, name, typeof value === 'object' ? JSON.stringify(value) : value);
    addRow(rows, 'browser', browser ?? hit.userAgent);
    addRow(rows, 'cookies', cookieText(hit.cookies));
    item.append(head, rows);
    hitList.prepend(item);
    updateSummary();
  };

  // Consent receipts are the site's own record of the choice; "nothing sent" is about tracking.
  const updateSummary = () => {
    const tracking = hitList.querySelectorAll('.dev-hit--pixel, .dev-hit--vendor').length;
    $('dev-empty').hidden = tracking > 0;
    $('dev-count').textContent = `(${shown.size})`;
  };

  const clearHits = () => {
    shown.clear();
    hitList.replaceChildren();
    updateSummary();
  };

  const setConnection = (text) => ($('dev-connection').textContent = text);

  const loadHits = async () => {
    const hits = await (await fetch('/stat/hits', { cache: 'no-store' })).json();
    if (hits.length < shown.size) clearHits();
    hits.forEach(renderHit);
  };

  const poll = () => {
    setConnection(texts.textPolling);
    setInterval(() => loadHits().catch(() => setConnection(texts.textOffline)), 2000);
  };

  const listen = () => {
    if (!window.EventSource) return poll();
    const events = new EventSource('/stat/events');
    events.addEventListener('open', () => setConnection('live (SSE)'));
    events.addEventListener('hit', (event) => renderHit(JSON.parse(event.data)));
    events.addEventListener('reset', clearHits);
    events.addEventListener('error', () => {
      if (events.readyState !== EventSource.CLOSED) return setConnection(texts.textReconnecting);
      poll();
    });
  };

  const readCookie = (name) => {
    const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${name}=`));
    return pair ? decodeURIComponent(pair.slice(name.length + 1)) : texts.textNone;
  };

  const showState = () => {
    if (consent()) $('dev-state').textContent = JSON.stringify(consent().getState(), null, 2);
    $('dev-cookie').textContent = `allur_consent = ${readCookie('allur_consent')}\nallur_vid = ${readCookie('allur_vid')}`;
  };

  // Each switch link sets one of the page's query choices and keeps the others.
  const linkSwitches = () => {
    const current = document.documentElement.dataset;
    for (const link of document.querySelectorAll('.dev-switch a')) {
      // `data-set-lang="kk"` → dataset `setLang` → query `lang`, page choice `demoLang`.
      const [attribute, value] = Object.entries(link.dataset)[0];
      const name = attribute.slice(3);
      const key = name.toLowerCase();
      const url = new URL(location.href);
      url.searchParams.set(key, value);
      url.hash = '';
      link.href = url.pathname + url.search;
      if (current['demo' + name] === value) link.setAttribute('aria-current', 'true');
    }
  };

  $('dev-reset').addEventListener('click', () => consent()?.reset());
  $('dev-track').addEventListener('click', () => consent()?.pixel.track('demo_click', { button: 'test' }));
  $('dev-clear').addEventListener('click', () => fetch('/stat/reset', { method: 'POST' }));
  document.addEventListener('allur-consent:change', showState);
  // The server may re-set the cookie after a receipt, and other tabs may change it: refresh the view.
  setInterval(showState, 1000);

  linkSwitches();
  showState();
  loadHits().catch(() => setConnection(texts.textOffline));
  listen();
})();
