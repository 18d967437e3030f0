import { styles } from './styles.css';

/** A constructable stylesheet holding `css`. */
export function sheetOf(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/**
 * Styles `shadow` with the UI's stylesheet and returns the element to render into, in `lang`. Constructable
 * stylesheets need no CSP allowance; where they are missing, a `<style>` carries the page's nonce.
 */
export function styledRoot(shadow: ShadowRoot, nonce: string | undefined, lang: string) {
  const css = styles();
  if (shadow.adoptedStyleSheets) shadow.adoptedStyleSheets = [sheetOf(css)];
  else {
    const style = document.createElement('style');
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = css;
    shadow.append(style);
  }
  const root = shadow.appendChild(document.createElement('div'));
  root.className = 'root';
  root.lang = lang;
  return root;
}

/**
 * Creates the `<allur-consent>` host at the start of `<body>` (first in the tab order; its content is a fixed
 * overlay, so the page does not shift) with an open shadow root styled by the UI's stylesheet, and the element the UI
 * renders into.
 */
export function createHost(nonce: string | undefined, lang: string) {
  const host = document.createElement('allur-consent');
  const shadow = host.attachShadow({ mode: 'open' });
  const root = styledRoot(shadow, nonce, lang);
  document.body.prepend(host);
  return { host, shadow, root };
}
