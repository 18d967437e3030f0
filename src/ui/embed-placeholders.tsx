import { render } from 'preact';
import { CATEGORIES, type Category, type ConsentCore, type Lang, type Texts } from '../core/index';
import { styledRoot } from './host';
import { fill } from './texts';

/** Who serves an embed: the host of its `data-src`, else the address as written. */
function providerOf(iframe: HTMLIFrameElement) {
  const source = iframe.getAttribute('data-src')!;
  try {
    return new URL(source, location.href).hostname || source;
  } catch {
    return source;
  }
}

/** What a held-back iframe shows instead: who serves it, the category it waits for, and two ways on. */
function Placeholder(props: { t: Texts; values: Record<string, string>; width: number; height: number }) {
  const { t, values } = props;
  return (
    <div class="embed card" role="group" aria-labelledby="ac-embed" style={{ width: props.width + 'px', minHeight: props.height + 'px' }}>
      <p class="embed-title" id="ac-embed">{fill(t.embedTitle, values)}</p>
      <p class="small">{fill(t.embedNotice, values)}</p>
      <div class="embed-actions">
        <button type="button" class="button" data-consent-action="load-embed">{t.loadEmbed}</button>
        <button type="button" class="button" data-consent-action="preferences">{t.reopen}</button>
      </div>
    </div>
  );
}

/**
 * Shows a placeholder in the box of every gated iframe the core holds back (docs/gated-markup.md), each in a
 * shadow root of its own, and removes it when the iframe loads, is granted or leaves the page. "Load once" loads
 * that iframe for this page view only: no decision, nothing else activated. Needs neither the banner nor the
 * dialog mounted; a page without gated iframes costs one subscription.
 */
export function startEmbedPlaceholders(core: ConsentCore, t: Texts, lang: Lang, openPreferences: () => void) {
  const shown = new Map<HTMLIFrameElement, { host: HTMLElement; display: string }>();

  const show = (iframe: HTMLIFrameElement) => {
    const host = document.createElement('allur-consent-embed');
    // The host takes focus back from the dialog and hands it to the first button.
    const root = styledRoot(host.attachShadow({ mode: 'open', delegatesFocus: true }), core.config.nonce, lang);
    const waitingFor = iframe
      .getAttribute('data-consent')!
      .trim()
      .split(/\s+/)
      .filter((category) => !core.has(category as Category))
      // A name that is no category (never granted, see the gate) is shown as written.
      .map((category) => (CATEGORIES.includes(category as Category) ? t[category as Category] : category));
    // The iframe's own box, measured before it is hidden, down to 280×160.
    const box = { width: Math.max(280, iframe.offsetWidth || 300), height: Math.max(160, iframe.offsetHeight) };
    render(<Placeholder t={t} values={{ provider: providerOf(iframe), category: waitingFor.join(', ') }} {...box} />, root);
    root.addEventListener('click', (event) => {
      const action = (event.target as Element).closest('button')?.dataset.consentAction;
      if (action === 'load-embed') {
        core.activate(iframe);
        iframe.focus();
      } else if (action === 'preferences') openPreferences();
    });
    // Hidden through the CSSOM, which the strict CSP allows; its own inline display comes back with the source.
    shown.set(iframe, { host, display: iframe.style.display });
    iframe.style.display = 'none';
    iframe.before(host);
  };

  const hide = (iframe: HTMLIFrameElement) => {
    const { host, display } = shown.get(iframe)!;
    shown.delete(iframe);
    render(null, host.shadowRoot!.querySelector('.root')!);
    host.remove();
    iframe.style.display = display;
  };

  const follow = (held: HTMLIFrameElement[]) => {
    // A Map may lose its current entry while iterated.
    for (const iframe of shown.keys()) if (!held.includes(iframe)) hide(iframe);
    for (const iframe of held) if (!shown.has(iframe)) show(iframe);
  };
  const unsubscribe = core.on('held', follow);
  follow(core.held());

  return {
    destroy() {
      unsubscribe();
      follow([]);
    },
  };
}
