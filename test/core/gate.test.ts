import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGate, SCRIPT_WAIT_MS } from '../../src/core/gate';
import type { ConsentError } from '../../src/core/types';

// Inline scripts really run in this jsdom (runScripts: 'dangerously', in the page's own global, so they
// report through a DOM event); external ones are never fetched, so their load/error events are dispatched by hand.
let ran: string[] = [];
document.addEventListener('ran', (event) => ran.push((event as CustomEvent<string>).detail));

const granted = new Set<string>();
let gate: ReturnType<typeof createGate>;
let errors: ConsentError[];
let heldLists: HTMLIFrameElement[][];

function start(...categories: string[]) {
  categories.forEach((c) => granted.add(c));
  errors = [];
  heldLists = [];
  gate = createGate((c) => granted.has(c), (e) => errors.push(e), (iframes) => heldLists.push(iframes));
  gate.update();
}

function grant(...categories: string[]) {
  categories.forEach((c) => granted.add(c));
  gate.update();
}

/** Scripts that are no longer placeholders, in document order. */
const activeScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script:not([type="text/plain"])')];
const external = (src: string) => document.querySelector<HTMLScriptElement>(`script[src="${src}"]`)!;
const settle = () => new Promise((resolve) => setTimeout(resolve));
const inline = (name: string, category = 'statistics') =>
  `<script type="text/plain" data-consent="${category}">document.dispatchEvent(new CustomEvent('ran', { detail: '${name}' }))</script>`;
const remote = (src: string, category = 'statistics') =>
  `<script type="text/plain" data-consent="${category}" src="${src}"></script>`;

afterEach(() => {
  vi.unstubAllGlobals();
  gate?.destroy();
  granted.clear();
  document.body.innerHTML = '';
  ran = [];
});

describe('images and iframes', () => {
  it('moves data-src and data-srcset to src and srcset once granted', () => {
    document.body.innerHTML = `
      <img data-consent="statistics" data-src="/p.gif" data-srcset="/p2.gif 2x" alt="">
      <iframe data-consent="marketing" data-src="https://video.example/embed/1"></iframe>`;
    start();
    const img = document.querySelector('img')!;
    const iframe = document.querySelector('iframe')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(iframe.hasAttribute('src')).toBe(false);

    grant('statistics');
    expect(img.getAttribute('src')).toBe('/p.gif');
    expect(img.getAttribute('srcset')).toBe('/p2.gif 2x');
    expect(img.hasAttribute('data-src')).toBe(false);
    expect(iframe.hasAttribute('src')).toBe(false);

    grant('marketing');
    expect(iframe.getAttribute('src')).toBe('https://video.example/embed/1');
  });

  it('does not set src again when the page reloads an activated iframe elsewhere', () => {
    document.body.innerHTML = '<iframe data-consent="marketing" data-src="/embed"></iframe>';
    start('marketing');
    const iframe = document.querySelector('iframe')!;
    iframe.setAttribute('src', '/navigated');
    gate.update();
    expect(iframe.getAttribute('src')).toBe('/navigated');
  });
});

describe('categories', () => {
  it('needs every category named in data-consent, whatever the spacing', () => {
    document.body.innerHTML = `
      <img data-consent=" statistics   marketing " data-src="/both.gif" alt="">
      ${inline('both', 'statistics\tmarketing')}`;
    start('statistics');
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(ran).toEqual([]);

    grant('marketing');
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/both.gif');
    expect(ran).toEqual(['both']);
  });

  it('never activates an unknown or empty category', () => {
    document.body.innerHTML = `
      <img data-consent="statistics ads" data-src="/ads.gif" alt="">
      <img data-consent="" data-src="/empty.gif" alt="">
      <img data-consent="  " data-src="/blank.gif" alt="">
      ${inline('unknown', 'analytics')}`;
    const isGranted = vi.fn((c: string) => c === 'statistics');
    gate = createGate(isGranted, () => {}, () => {});
    gate.update();
    expect(document.querySelectorAll('img[src]')).toHaveLength(0);
    expect(ran).toEqual([]);
    expect(isGranted.mock.calls.map(([category]) => category)).toContain('ads');
  });

  it('activates nothing after a refusal, even elements added later', async () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('b')}<img data-consent="statistics" data-src="/p.gif">`;
    start('necessary');
    document.body.insertAdjacentHTML('beforeend', inline('late'));
    await settle();
    gate.update();
    expect(activeScripts()).toHaveLength(0);
    expect(ran).toEqual([]);
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
  });
});

describe('scripts', () => {
  it('copies every attribute and the nonce, but not the placeholder type or data-consent', () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="statistics" data-type="module"
      src="https://mc.example/tag.js" async defer crossorigin="anonymous" integrity="sha384-abc"
      referrerpolicy="no-referrer" id="ym" class="tag" data-counter="42" nonce="" onload="void 0"></script>`;
    const placeholder = document.querySelector('script')!;
    // A browser hides the nonce attribute of a connected element; only the property still holds it.
    Object.defineProperty(placeholder, 'nonce', { value: 'r4nd0m' });
    start('statistics');

    const [script] = activeScripts();
    expect(script).not.toBe(placeholder);
    expect(placeholder.isConnected).toBe(false);
    expect(script.type).toBe('module');
    expect(script.nonce).toBe('r4nd0m');
    expect(script.hasAttribute('data-consent')).toBe(false);
    expect(script.hasAttribute('data-type')).toBe(false);
    expect(Object.fromEntries([...script.attributes].map((a) => [a.name, a.value]))).toEqual({
      src: 'https://mc.example/tag.js',
      async: '',
      defer: '',
      crossorigin: 'anonymous',
      integrity: 'sha384-abc',
      referrerpolicy: 'no-referrer',
      id: 'ym',
      class: 'tag',
      'data-counter': '42',
      nonce: 'r4nd0m',
      onload: 'void 0',
      type: 'module',
    });
  });

  it('removes the type when there is no data-type, and runs inline text', () => {
    document.body.innerHTML = inline('inline');
    start('statistics');
    const [script] = activeScripts();
    expect(script.hasAttribute('type')).toBe(false);
    expect(script.text).toContain("detail: 'inline'");
    expect(ran).toEqual(['inline']);
  });

  it('ignores scripts that are not text/plain placeholders', () => {
    document.body.innerHTML = '<script type="application/json" data-consent="statistics">{}</script>';
    const placeholder = document.querySelector('script')!;
    start('statistics');
    expect(document.querySelector('script')).toBe(placeholder);
  });

  it('runs mixed external and inline scripts in document order, one external at a time', () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('b')}${remote('/c.js')}${inline('d')}`;
    start('statistics');
    expect(activeScripts().map((s) => s.getAttribute('src'))).toEqual(['/a.js']);
    expect(ran).toEqual([]);

    external('/a.js').dispatchEvent(new Event('load'));
    expect(ran).toEqual(['b']);
    expect(activeScripts().map((s) => s.getAttribute('src'))).toEqual(['/a.js', null, '/c.js']);

    external('/c.js').dispatchEvent(new Event('load'));
    expect(ran).toEqual(['b', 'd']);
    // Activated scripts stand where their placeholders stood.
    expect(document.body.children).toHaveLength(4);
    expect(activeScripts()).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('goes on after a script that fails to load, and reports it', () => {
    document.body.innerHTML = `${remote('/broken.js')}${inline('after')}${remote('/next.js')}`;
    start('statistics');
    external('/broken.js').dispatchEvent(new Event('error'));
    expect(ran).toEqual(['after']);
    expect(external('/next.js')).not.toBeNull();
    expect(errors).toEqual([{ source: 'gate', message: expect.stringContaining('/broken.js') }]);
  });

  it('activates each script once across updates, mutations and repeated events', async () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('b')}`;
    start('statistics');
    gate.update();
    const a = external('/a.js');
    a.dispatchEvent(new Event('load'));
    a.dispatchEvent(new Event('load'));
    a.dispatchEvent(new Event('error'));
    gate.update();
    document.body.append(document.createElement('div'));
    await settle();
    expect(document.querySelectorAll('script[src="/a.js"]')).toHaveLength(1);
    expect(ran).toEqual(['b']);
    expect(errors).toEqual([]);
  });

  it('skips a placeholder removed before its turn', () => {
    document.body.innerHTML = `${remote('/a.js')}${remote('/gone.js')}${inline('kept')}`;
    start('statistics');
    document.querySelector('script[src="/gone.js"]')!.remove();
    external('/a.js').dispatchEvent(new Event('load'));
    expect(ran).toEqual(['kept']);
  });

  it('stops waiting for a loading script taken out of the page', async () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('b')}`;
    start('statistics');
    external('/a.js').remove();
    await settle();
    expect(ran).toEqual(['b']);
  });

  it('does not activate queued scripts once consent is withdrawn, and does when granted again', () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('b')}`;
    start('statistics');
    granted.delete('statistics');
    gate.update();
    external('/a.js').dispatchEvent(new Event('load'));
    expect(ran).toEqual([]);

    grant('statistics');
    expect(ran).toEqual(['b']);
  });
});

describe('elements added later', () => {
  it('activates elements added after the grant', async () => {
    start('statistics');
    document.body.insertAdjacentHTML('beforeend', `${inline('late')}<div><img data-consent="statistics" data-src="/late.gif"></div>`);
    await settle();
    expect(ran).toEqual(['late']);
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/late.gif');
  });

  it('activates elements added before the decision once it grants them', async () => {
    start();
    document.body.insertAdjacentHTML('beforeend', inline('early'));
    await settle();
    expect(ran).toEqual([]);
    grant('statistics');
    expect(ran).toEqual(['early']);
  });

  it('stops watching and drops queued scripts on destroy', async () => {
    document.body.innerHTML = `${remote('/a.js')}${inline('queued')}`;
    start('statistics');
    gate.destroy();
    external('/a.js').dispatchEvent(new Event('load'));
    document.body.insertAdjacentHTML('beforeend', `${inline('late')}<img data-consent="statistics" data-src="/late.gif">`);
    await settle();
    gate.update();
    expect(ran).toEqual([]);
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
  });
});

describe('held-back iframes', () => {
  it('reports the iframes it holds back whenever that list changes, in document order', async () => {
    document.body.innerHTML = `
      <iframe id="map" data-consent="marketing" data-src="/map"></iframe>
      <img data-consent="marketing" data-src="/ad.gif" alt="">
      <iframe id="video" data-consent="statistics marketing" data-src="/video"></iframe>
      <iframe data-consent="marketing" src="/loaded"></iframe>`;
    start('statistics');
    expect(gate.held().map((iframe) => iframe.id)).toEqual(['map', 'video']);
    expect(heldLists).toHaveLength(1);
    gate.update();
    expect(heldLists).toHaveLength(1);
    document.getElementById('map')!.remove();
    await settle();
    expect(heldLists.at(-1)!.map((iframe) => iframe.id)).toEqual(['video']);
    grant('marketing');
    expect(heldLists.at(-1)).toEqual([]);
    expect(document.getElementById('video')!.getAttribute('src')).toBe('/video');
  });

  it('activates one held iframe on request, once, and never again when its category is granted', () => {
    document.body.innerHTML = `
      <iframe id="map" data-consent="marketing" data-src="/map"></iframe>
      <iframe id="video" data-consent="marketing" data-src="/video"></iframe>`;
    start();
    const map = document.getElementById('map') as HTMLIFrameElement;
    gate.activate(map);
    expect(map.getAttribute('src')).toBe('/map');
    expect(map.hasAttribute('data-src')).toBe(false);
    expect(document.getElementById('video')!.hasAttribute('src')).toBe(false);
    expect(gate.held().map((iframe) => iframe.id)).toEqual(['video']);
    const setAttribute = vi.spyOn(map, 'setAttribute');
    grant('marketing');
    expect(setAttribute).not.toHaveBeenCalled();
    expect(document.getElementById('video')!.getAttribute('src')).toBe('/video');
  });

  it('ignores a request for an element it does not hold back', () => {
    document.body.innerHTML = `<iframe id="free" data-src="/free"></iframe>`;
    start();
    gate.activate(document.getElementById('free') as HTMLIFrameElement);
    expect(document.getElementById('free')!.hasAttribute('src')).toBe(false);
  });
});

describe('sources the gate will not load', () => {
  // Each way a browser still reads a `javascript:` URL: any case, spaces and control characters around it, tabs and
  // line breaks inside it.
  const SCRIPT_URLS = [
    'javascript:parent.ran=1',
    ' JaVaScRiPt:parent.ran=1',
    '\x01javascript:parent.ran=1',
    'java\tscr\nipt:parent.ran=1',
    'javascript\t:parent.ran=1',
    'data:text/html,<script>parent.ran=1</script>',
    'vbscript:msgbox(1)',
    'blob:https://www.allur.kz/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  ];

  it.each(SCRIPT_URLS)('never loads an iframe from %j, on a grant or on request, and says which', (url) => {
    document.body.innerHTML = '<iframe data-consent="marketing"></iframe><iframe id="next" data-consent="marketing" data-src="/next"></iframe>';
    const iframe = document.querySelector('iframe')!;
    iframe.setAttribute('data-src', url);
    start();
    expect(gate.held().map((held) => held.id)).toEqual(['next']);
    gate.activate(iframe);
    grant('marketing');
    gate.update();
    expect(iframe.hasAttribute('src')).toBe(false);
    expect(document.getElementById('next')!.getAttribute('src')).toBe('/next');
    expect(errors).toEqual([{ source: 'gate', message: expect.stringContaining('<iframe data-consent="marketing">') }]);
    expect(errors[0].message).toContain(JSON.stringify(url.slice(0, 10)).slice(0, -1));
  });

  it('cuts a long refused source short in its report', () => {
    document.body.innerHTML = `<img data-consent="statistics" data-src="data:image/gif;base64,${'A'.repeat(500)}" alt="">`;
    start('statistics');
    expect(errors).toHaveLength(1);
    expect(errors[0].message.length).toBeLessThan(200);
  });

  it('never loads an image whose src or any srcset candidate is not http(s) or relative', () => {
    document.body.innerHTML = `
      <img id="data" data-consent="statistics" data-src="data:image/svg+xml,<svg onload=alert(1)>" alt="">
      <img id="candidate" data-consent="statistics" data-src="/p.gif" data-srcset="/p2.gif 2x,javascript:alert(1) 3x" alt="">
      <img id="comma" data-consent="statistics" data-srcset="/p.gif 1x,data:image/gif;base64,R0lGOD 2x" alt="">
      <img id="fine" data-consent="statistics" data-src="p.gif" data-srcset="https://cdn.example/p.gif 1x, /p2.gif 2x,p3.gif?a=1,2 3x" alt="">`;
    start('statistics');
    expect([...document.querySelectorAll('img[src],img[srcset]')].map((img) => img.id)).toEqual(['fine']);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('data:image/svg+xml'),
      expect.stringContaining('javascript:alert(1)'),
      expect.stringContaining('data:image/gif'),
    ]);
  });

  it('never activates a script whose src is not http(s) or relative, and runs the rest', () => {
    document.body.innerHTML = `${remote('data:text/javascript,parent.ran=1')}${remote('JAVASCRIPT:void 0')}${inline('after')}`;
    start('statistics');
    expect(activeScripts()).toHaveLength(1);
    expect(ran).toEqual(['after']);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/<script data-consent="statistics">.*data:text\/javascript/),
      expect.stringContaining('JAVASCRIPT:void 0'),
    ]);
    // Refused once: later updates and mutations do not report it again.
    gate.update();
    expect(errors).toHaveLength(2);
  });
});

describe('scripts the browser never loads', () => {
  it('does not wait for a script of a type the browser does not run', () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="statistics" data-type="text/x-template" src="/card.html"></script>
      <script type="text/plain" data-consent="statistics" data-type="text/javascript; charset=utf-8" src="/odd.js"></script>
      ${inline('after')}${remote('/a.js')}${inline('last')}`;
    start('statistics');
    expect(ran).toEqual(['after']);
    external('/a.js').dispatchEvent(new Event('load'));
    expect(ran).toEqual(['after', 'last']);
  });

  it('waits for a script of any JavaScript type', () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="statistics" data-type=" Application/X-JavaScript " src="/a.js"></script>${inline('after')}`;
    start('statistics');
    expect(ran).toEqual([]);
  });

  it('stops holding back the rest when a script neither loads nor fails in time, and says so', () => {
    vi.useFakeTimers();
    try {
      document.body.innerHTML = `${remote('/slow.js')}${inline('after')}${remote('/next.js')}${inline('last')}`;
      start('statistics');
      vi.advanceTimersByTime(SCRIPT_WAIT_MS - 1);
      expect(ran).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(ran).toEqual(['after']);
      expect(errors).toEqual([{ source: 'gate', message: expect.stringContaining('/slow.js') }]);
      // Its late arrival changes nothing: the queue waits for the script now loading.
      external('/slow.js').dispatchEvent(new Event('load'));
      expect(ran).toEqual(['after']);
      external('/next.js').dispatchEvent(new Event('load'));
      vi.advanceTimersByTime(SCRIPT_WAIT_MS);
      expect(ran).toEqual(['after', 'last']);
      expect(errors).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a script the page does not let run', () => {
  it('is refused and reported when the page throws at its text (Trusted Types), and the rest goes on', () => {
    // What `require-trusted-types-for 'script'` does to a plain string given to a script's text.
    vi.spyOn(HTMLScriptElement.prototype, 'text', 'set').mockImplementation(() => {
      throw new TypeError("This document requires 'TrustedScript' assignment.");
    });
    document.body.innerHTML = `${inline('refused')}${remote('/a.js')}<img data-consent="statistics" data-src="/p.gif">`;
    expect(() => start('statistics')).not.toThrow();
    expect(external('/a.js')).not.toBeNull();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/p.gif');
    expect(errors).toEqual([
      { source: 'gate', message: expect.stringContaining('<script data-consent="statistics">'), cause: expect.any(TypeError) },
    ]);
    gate.update();
    expect(errors).toHaveLength(1);
  });

  it('is refused when the page throws at its src, instead of running it without one', () => {
    const setAttribute = Element.prototype.setAttribute;
    vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function (this: Element, name, value) {
      if (this instanceof HTMLScriptElement && name === 'src') throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
      setAttribute.call(this, name, value);
    });
    document.body.innerHTML = `${remote('/a.js')}${inline('after')}`;
    start('statistics');
    expect(activeScripts().map((script) => script.getAttribute('src'))).toEqual([null]);
    expect(ran).toEqual(['after']);
    expect(errors).toEqual([{ source: 'gate', message: expect.stringContaining('/a.js'), cause: expect.any(TypeError) }]);
  });
  it('is refused when the page throws at an event handler it carries, and runs without a name the DOM refuses', () => {
    const setAttribute = Element.prototype.setAttribute;
    vi.spyOn(Element.prototype, 'setAttribute').mockImplementation(function (this: Element, name, value) {
      if (name.startsWith('on')) throw new TypeError("This document requires 'TrustedScript' assignment.");
      setAttribute.call(this, name, value);
    });
    document.body.innerHTML = `
      <script type="text/plain" data-consent="statistics" onerror="void 0">document.dispatchEvent(new CustomEvent('ran', { detail: 'handler' }))</script>
      <script type="text/plain" data-consent="statistics" a"b="1">document.dispatchEvent(new CustomEvent('ran', { detail: 'odd name' }))</script>`;
    start('statistics');
    expect(ran).toEqual(['odd name']);
    expect(errors).toEqual([{ source: 'gate', message: expect.stringContaining('its text'), cause: expect.any(TypeError) }]);
  });
});

describe('the work per change', () => {
  it('looks only at the added elements, not the whole page, on a mutation', async () => {
    document.body.innerHTML = `${inline('first')}<img data-consent="statistics" data-src="/p.gif">`;
    start('statistics');
    const scan = vi.spyOn(document, 'querySelectorAll');
    document.body.insertAdjacentHTML('beforeend', `<div><p>text</p><section>${inline('nested')}</section></div>${inline('top')}`);
    document.body.append('text', document.createElement('hr'));
    await settle();
    expect(ran).toEqual(['first', 'nested', 'top']);
    expect(scan).not.toHaveBeenCalled();
  });

  it('does not look again at an activated image or iframe when the decision changes', () => {
    document.body.innerHTML = `<img data-consent="statistics" data-src="/p.gif"><iframe data-consent="statistics" data-src="/e"></iframe>`;
    start('statistics');
    const looks = [document.querySelector('img')!, document.querySelector('iframe')!].map((el) => vi.spyOn(el, 'getAttribute'));
    grant('marketing');
    granted.delete('statistics');
    gate.update();
    for (const look of looks) expect(look).not.toHaveBeenCalled();
  });

  it('looks at an element whose gated attributes are set after it was added, as a framework updates it', async () => {
    document.body.innerHTML = '<img alt=""><iframe data-consent="marketing" data-src="/first"></iframe>';
    start('statistics', 'marketing');
    const [img, iframe] = [document.querySelector('img')!, document.querySelector('iframe')!];
    img.setAttribute('data-src', '/p.gif');
    img.setAttribute('data-consent', 'statistics');
    iframe.setAttribute('data-src', '/second');
    await settle();
    expect(img.getAttribute('src')).toBe('/p.gif');
    expect(iframe.getAttribute('src')).toBe('/second');
  });

  it('holds back iframes added later in document order, and lets go of removed ones', async () => {
    document.body.innerHTML = '<iframe id="last" data-consent="marketing" data-src="/last"></iframe>';
    start();
    document.body.insertAdjacentHTML('afterbegin', '<div><iframe id="first" data-consent="marketing" data-src="/first"></iframe></div>');
    await settle();
    expect(gate.held().map((iframe) => iframe.id)).toEqual(['first', 'last']);
    document.body.firstElementChild!.remove();
    await settle();
    expect(gate.held().map((iframe) => iframe.id)).toEqual(['last']);
    expect(heldLists.map((list) => list.length)).toEqual([1, 2, 1]);
  });
});

describe('without a page', () => {
  it('does nothing and never throws', () => {
    vi.stubGlobal('document', undefined);
    const isGranted = vi.fn(() => true);
    const idle = createGate(isGranted, () => {}, () => {});
    expect(() => {
      idle.update();
      idle.destroy();
    }).not.toThrow();
    expect(isGranted).not.toHaveBeenCalled();
  });
});
