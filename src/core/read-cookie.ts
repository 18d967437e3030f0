import Cookies from 'js-cookie';

/**
 * The value of cookie `name` as js-cookie decodes it, from one read of `document.cookie`: each read is a round trip
 * to the browser's cookie store, and js-cookie's `get` reads it twice. The first of several same-named cookies wins,
 * as in js-cookie.
 */
export function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator) === name) return Cookies.converter.read(pair.slice(separator + 1), name);
  }
  return undefined;
}
