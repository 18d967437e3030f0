import { isAllowedUrl } from './page-url';

const HTTP_URL = /^https?:/i;

/**
 * The first URL a gated element would load that is neither http(s) nor relative (`javascript:`, `data:`, `blob:`…),
 * with the attribute holding it; undefined when every one is safe to load (docs/gated-markup.md).
 */
export function unsafeSource(el: Element): [name: string, url: string] | undefined {
  for (const name of el instanceof HTMLScriptElement ? ['src'] : ['data-src', 'data-srcset']) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    // A srcset's URLs end at a space or a comma, so each piece is read apart (its descriptors pass as relative);
    // a src is one URL, whatever spaces and control characters the browser drops from it.
    const urls = name === 'data-srcset' ? value.split(/[\s,]+/).filter(Boolean) : [value];
    const unsafe = urls.find((url) => !isAllowedUrl(url, HTTP_URL));
    if (unsafe !== undefined) return [name, unsafe];
  }
  return undefined;
}
