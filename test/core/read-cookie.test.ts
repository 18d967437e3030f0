import Cookies from 'js-cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCookie } from '../../src/core/read-cookie';

const jar = (cookies: string) => vi.spyOn(Document.prototype, 'cookie', 'get').mockReturnValue(cookies);

afterEach(() => {
  vi.restoreAllMocks();
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name);
});

describe('readCookie', () => {
  it('reads what js-cookie wrote, with one read of document.cookie', () => {
    Cookies.set('other', 'x');
    Cookies.set('allur_consent', '{"v":1,"pv":"2024; ü=1"}');
    const reads = vi.spyOn(Document.prototype, 'cookie', 'get');
    expect(readCookie('allur_consent')).toBe('{"v":1,"pv":"2024; ü=1"}');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('takes the first of same-named cookies, as js-cookie does', () => {
    jar('allur_vid=first; allur_vid=second');
    expect(readCookie('allur_vid')).toBe(Cookies.get('allur_vid'));
    expect(readCookie('allur_vid')).toBe('first');
  });

  it('does not take a longer name, a name without a value or a missing cookie for the name', () => {
    jar('allur_vidx=1; allur_vid; xallur_vid=2; allur_consent=3');
    expect(readCookie('allur_vid')).toBeUndefined();
    expect(readCookie('allur_consent')).toBe('3');
    jar('');
    expect(readCookie('allur_consent')).toBeUndefined();
  });

  it('unquotes and decodes values as js-cookie does', () => {
    jar('a="quoted%20value"; b=%E2%9C%93');
    expect(readCookie('a')).toBe('quoted value');
    expect(readCookie('b')).toBe('✓');
  });
});
