import { unsafeSource } from './gated-source';
import type { ConsentError } from './types';

// Gated markup still to activate (docs/gated-markup.md): `<script type="text/plain">` placeholders, images and
// iframes with a source to move; an activated element no longer matches.
const GATED =
  'script[type="text/plain"][data-consent],img[data-consent][data-src],img[data-consent][data-srcset],iframe[data-consent][data-src]';
// Placeholder attributes the activated script must not carry over (`src` is set apart: the page may refuse it).
const DROPPED = /^(type|data-type|data-consent|src)$/;
// The types a browser runs: JavaScript MIME types and modules. It never fetches a script of another type.
const JAVASCRIPT_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))$/i;
/** How long the scripts after an external one wait for it to load or fail before they run anyway. */
export const SCRIPT_WAIT_MS = 10_000;

/** `value` quoted for a report, cut short: a `data:` URL can be megabytes. */
const shown = (value: string) => JSON.stringify(value.length > 50 ? value.slice(0, 50) + '…' : value);

/**
 * Activates `[data-consent]` scripts/images/iframes whose every category is granted; watches for added elements.
 * Tells `onHeld` the iframes it holds back whenever that list changes, so a UI can show what is missing.
 * Nothing it does throws: an element it cannot activate is refused and reported to `onError`.
 */
export function createGate(
  isGranted: (category: string) => boolean,
  onError: (error: ConsentError) => void,
  onHeld: (iframes: HTMLIFrameElement[]) => void,
) {
  // Without a page (server rendering) every call is a no-op.
  let live = typeof document === 'object';
  // Granted script placeholders waiting for their turn, in document order; rebuilt by every update, added to as
  // placeholders come into the page.
  let queue: HTMLScriptElement[] = [];
  // The activated external script the rest of the queue waits for.
  let loading: HTMLScriptElement | null = null;
  // Iframes with a source still to load and a category not granted, in document order.
  let held: HTMLIFrameElement[] = [];
  // Elements the gate will never activate, reported once.
  const refused = new WeakSet<Element>();

  const hold = (iframes: HTMLIFrameElement[]) => {
    iframes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
    const changed = iframes.length !== held.length || iframes.some((iframe, index) => iframe !== held[index]);
    held = iframes;
    if (changed) onHeld(held);
  };

  const refuse = (el: Element, reason: string, cause?: unknown) => {
    refused.add(el);
    const name = `<${el.localName} data-consent="${el.getAttribute('data-consent')}">`;
    onError({ source: 'gate', message: `Gated ${name} not activated: ${reason}`, cause });
  };

  // An empty or blank `data-consent` names no real category, so `['']` keeps it inactive.
  const allowed = (el: Element) => el.getAttribute('data-consent')!.trim().split(/\s+/).every(isGranted);

  // Scripts run one after another, as the parser would have run them: an external one holds back the rest.
  const runQueue = () => {
    let placeholder: HTMLScriptElement | undefined;
    while (!loading && (placeholder = queue.shift())) {
      // Taken out of the page since the last update: a detached script would never report back.
      if (placeholder.isConnected) activateScript(placeholder);
    }
  };

  const activateScript = (placeholder: HTMLScriptElement) => {
    const src = placeholder.getAttribute('src');
    const script = document.createElement('script');
    try {
      for (const { name, value } of placeholder.attributes) {
        try {
          if (!DROPPED.test(name)) script.setAttribute(name, value);
        } catch (error) {
          // The parser takes names the DOM refuses (`a"b`): such an attribute meant nothing, the script still runs.
          // Anything else (a Trusted Types policy refusing an `on*` handler) refuses the script.
          if (!(error instanceof DOMException)) throw error;
        }
      }
      const type = placeholder.getAttribute('data-type');
      if (type) script.type = type;
      // Browsers hide the `nonce` attribute from the DOM; only the property still holds it.
      script.nonce = placeholder.nonce;
      // Under Trusted Types both are sinks the page's policy may refuse (a throw), and only one of them is used.
      if (src === null) script.text = placeholder.text;
      else script.setAttribute('src', src);
      placeholder.replaceWith(script);
    } catch (error) {
      refuse(placeholder, `the page refused to run ${src === null ? 'its text' : shown(src)}`, error);
      return;
    }
    // What the browser never fetches (another type, `nomodule` where modules run) fires no event to wait for.
    if (src !== null && JAVASCRIPT_TYPE.test(script.type.trim()) && !script.noModule) waitFor(script);
  };

  const waitFor = (script: HTMLScriptElement) => {
    loading = script;
    const done = (event?: Event) => {
      if (loading !== script) return;
      loading = null;
      if (!event) {
        onError({ source: 'gate', message: `Gated script ${script.src} took over ${SCRIPT_WAIT_MS / 1000} s: the scripts after it run without waiting` });
      } else if (event.type === 'error') onError({ source: 'gate', message: `Gated script ${script.src} failed to load` });
      runQueue();
    };
    // Listeners, not `onload`: the page's own `onload` attribute was copied and must keep working.
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    // A script that never answers stops holding back the rest; it may still run when it arrives.
    setTimeout(done, SCRIPT_WAIT_MS);
  };

  const activateMedia = (el: Element) => {
    // `srcset` first, so the image picks its candidate when `src` starts the load.
    for (const name of ['srcset', 'src']) {
      const value = el.getAttribute('data-' + name);
      if (value !== null) {
        el.removeAttribute('data-' + name);
        el.setAttribute(name, value);
      }
    }
  };

  const examine = (el: Element, holding: HTMLIFrameElement[]) => {
    if (refused.has(el)) return;
    const unsafe = unsafeSource(el);
    if (unsafe) refuse(el, `its ${unsafe[0]} ${shown(unsafe[1])} is not an http(s) or relative URL`);
    else if (!allowed(el)) {
      if (el instanceof HTMLIFrameElement) holding.push(el);
    } else if (el instanceof HTMLScriptElement) queue.push(el);
    else activateMedia(el);
  };

  /** Examines `elements`, holds back `holding` and the iframes among them not granted, and runs what is due. */
  const settle = (elements: Iterable<Element>, holding: HTMLIFrameElement[]) => {
    // A loading script taken out of the page may never report back: stop waiting for it.
    if (loading && !loading.isConnected) loading = null;
    for (const el of elements) examine(el, holding);
    hold(holding);
    runQueue();
  };

  // A decision changed (or the start): every gated element of the page is looked at again, and only then.
  const update = () => {
    if (!live) return;
    // Refused or withdrawn placeholders fall out of the queue here; activated ones are no longer in the page.
    queue = [];
    settle(document.querySelectorAll(GATED), []);
  };

  // Elements added to the page, or given gated attributes: only they and what they contain are looked at.
  const mutated = (records: MutationRecord[]) => {
    const elements = new Set<Element>();
    for (const record of records) {
      for (const node of record.type === 'attributes' ? [record.target] : record.addedNodes) {
        // Added and taken out again in the same batch, or text: nothing to activate.
        if (!(node instanceof Element) || !node.isConnected) continue;
        if (node.matches(GATED)) elements.add(node);
        if (node.firstElementChild) for (const inner of node.querySelectorAll(GATED)) elements.add(inner);
      }
    }
    // Held iframes removed from the page leave the list; moved ones are examined again where they are now.
    settle(elements, held.filter((iframe) => iframe.isConnected && !elements.has(iframe)));
  };

  const observer = live ? new MutationObserver(mutated) : null;
  // Attributes too: a framework updates the `data-src` of an element already in the page.
  observer?.observe(document, { childList: true, subtree: true, attributeFilter: ['data-consent', 'data-src', 'data-srcset'] });

  return {
    update,
    held: () => held,
    // Its `data-src` moves to `src`, so a later grant finds nothing left to load.
    activate(iframe: HTMLIFrameElement) {
      if (!live || !held.includes(iframe)) return;
      activateMedia(iframe);
      hold(held.filter((other) => other !== iframe));
    },
    destroy() {
      live = false;
      observer?.disconnect();
      queue = [];
      held = [];
      loading = null;
    },
  };
}
