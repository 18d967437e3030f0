// @vitest-environment-options {"url":"https://a.b.allur.kz/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanCookiesAndStorage, cookieDomains } from '../../src/core/cookie-cleanup';

const names = () => document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]).sort();
const setCookie = (name: string, domain?: string) =>
  (document.cookie = `${name}=1; path=/${domain ? '; domain=' + domain : ''}`);

afterEach(() => {
  cleanCookiesAndStorage({ cookies: [/./] }, 'allur.kz');
  localStorage.clear();
  sessionStorage.clear();
});

describe('cookieDomains', () => {
  it('walks every parent label and stops above the registrable domain', () => {
    expect(cookieDomains('a.b.allur.kz')).toEqual(['a.b.allur.kz', 'b.allur.kz', 'allur.kz']);
  });

  it('never offers a public suffix or a single label', () => {
    expect(cookieDomains('shop.allur.com.kz')).toEqual(['shop.allur.com.kz', 'allur.com.kz']);
    expect(cookieDomains('www.allur.co.uk', 'co.uk')).toEqual(['www.allur.co.uk', 'allur.co.uk']);
    expect(cookieDomains('localhost')).toEqual([]);
    expect(cookieDomains('allur.kz', 'kz')).toEqual(['allur.kz']);
  });

  it('adds the configured domain without its leading dot, once', () => {
    expect(cookieDomains('www.allur.kz', '.allur.kz')).toEqual(['www.allur.kz', 'allur.kz']);
    expect(cookieDomains('shop.example.kz', '.allur.kz')).toEqual(['shop.example.kz', 'example.kz', 'allur.kz']);
  });

  it('does not walk the labels of an IP address', () => {
    expect(cookieDomains('192.168.0.1')).toEqual(['192.168.0.1']);
  });
});

describe('cleanCookiesAndStorage', () => {
  it('deletes listed names and patterns on the host and every parent domain, and keeps the rest', () => {
    setCookie('_ga');
    setCookie('_ga_XYZ', 'allur.kz');
    setCookie('_gid', 'b.allur.kz');
    setCookie('_ym_uid', 'a.b.allur.kz');
    setCookie('session');
    setCookie('cart', 'allur.kz');
    expect(names()).toEqual(['_ga', '_ga_XYZ', '_gid', '_ym_uid', 'cart', 'session']);
    cleanCookiesAndStorage({ cookies: [/^_ga/, '_gid', /^_ym/] });
    expect(names()).toEqual(['cart', 'session']);
  });

  it('matches names exactly, not as substrings', () => {
    setCookie('_fbp');
    setCookie('x_fbp');
    cleanCookiesAndStorage({ cookies: ['_fbp'] });
    expect(names()).toEqual(['x_fbp']);
  });

  it('is not confused by a global RegExp', () => {
    setCookie('_ttp1');
    setCookie('_ttp2');
    cleanCookiesAndStorage({ cookies: [/^_ttp/g] });
    expect(names()).toEqual([]);
  });

  it('never writes a cookie for a public suffix or a single label', () => {
    setCookie('_fbp');
    const set = vi.spyOn(document, 'cookie', 'set');
    cleanCookiesAndStorage({ cookies: ['_fbp'] }, 'kz');
    const domains = set.mock.calls.map(([cookie]) => /domain=([^;]+)/.exec(cookie)?.[1]);
    expect(domains).toEqual([undefined, 'a.b.allur.kz', 'b.allur.kz', 'allur.kz']);
    for (const [cookie] of set.mock.calls) {
      expect(cookie).toContain('; path=/');
      expect(Date.parse(/expires=([^;]+)/.exec(cookie)![1])).toBeLessThan(Date.now());
    }
  });

  it('writes nothing when no listed cookie exists', () => {
    setCookie('session');
    const set = vi.spyOn(document, 'cookie', 'set');
    cleanCookiesAndStorage({ cookies: ['_fbp', /^_ga/] });
    expect(set).not.toHaveBeenCalled();
  });

  it('removes the listed localStorage and sessionStorage keys only', () => {
    localStorage.setItem('_ym_uid', '1');
    localStorage.setItem('basket', '2');
    sessionStorage.setItem('_ym_uid', '3');
    sessionStorage.setItem('tt_sessionId', '4');
    cleanCookiesAndStorage({ storage: ['_ym_uid', 'tt_sessionId'] });
    expect([localStorage.length, localStorage.getItem('basket')]).toEqual([1, '2']);
    expect(sessionStorage.length).toBe(0);
  });

  it('survives storage and cookies that throw', () => {
    setCookie('_fbp');
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(blocked);
    vi.spyOn(document, 'cookie', 'get').mockImplementation(blocked);
    expect(() => cleanCookiesAndStorage({ cookies: ['_fbp'], storage: ['a'] })).not.toThrow();
    vi.restoreAllMocks();
    expect(names()).toEqual(['_fbp']);
  });
});
