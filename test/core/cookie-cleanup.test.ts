// @vitest-environment-options {"url":"https://a.b.allur.kz/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentCore } from '../../src/core';
import { cleanCategories } from '../../src/core/category-cleanup';
import { CONSENT_COOKIE } from '../../src/core/consent-cookie';
import { cleanCookiesAndStorage, cookieDomains } from '../../src/core/cookie-cleanup';
import { VISITOR_COOKIE } from '../../src/core/pixel';
import { readCookie } from '../../src/core/read-cookie';
import type { ConsentConfig, ConsentCore } from '../../src/core/types';
import { afterPaint } from '../helpers/after-paint';
import { countCookieAccess } from '../helpers/cookies';

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
    for (const [cookie] of set.mock.calls) expect(cookie).toMatch(/^_fbp=; path=\/(; domain=[^;]+)?; max-age=0$/);
  });

  it('writes nothing when no listed cookie exists', () => {
    setCookie('session');
    const set = vi.spyOn(document, 'cookie', 'set');
    cleanCookiesAndStorage({ cookies: ['_fbp', /^_ga/] });
    expect(set).not.toHaveBeenCalled();
  });

  it('deletes a cookie by its name as the browser keeps it, not decoded', () => {
    setCookie('x%41');
    setCookie('xA');
    cleanCookiesAndStorage({ cookies: ['x%41'] });
    expect(names()).toEqual(['xA']);
  });

  it('reads no cookie when no cookie is listed, and touches no storage when no key is', () => {
    const reads = vi.spyOn(Document.prototype, 'cookie', 'get');
    const storage = vi.spyOn(window, 'localStorage', 'get');
    cleanCookiesAndStorage({ cookies: [], storage: [] });
    expect(reads).not.toHaveBeenCalled();
    expect(storage).not.toHaveBeenCalled();
  });

  it('removes the storage keys matching a RegExp from both storages', () => {
    for (const key of ['_ym_uid', '_ym12345_lsid', '_ym_retryReqs', 'basket']) localStorage.setItem(key, '1');
    sessionStorage.setItem('_ym12345_lastHit', '2');
    cleanCookiesAndStorage({ storage: [/^_ym/] });
    expect(Object.keys(localStorage)).toEqual(['basket']);
    expect(sessionStorage.length).toBe(0);
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

describe('the cleanup of a refusal', () => {
  const instances: ConsentCore[] = [];
  const core = (config: Partial<ConsentConfig> = {}) => {
    const instance = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false, ...config });
    instances.push(instance);
    return instance;
  };
  // Before the cookies are cleaned: a live instance would hear of another's decision.
  afterEach(() => {
    for (const instance of instances.splice(0)) instance.destroy();
    vi.unstubAllGlobals();
  });
  const storeDecision = (granted: 0 | 1) => {
    const decision = { v: 1, id: 'stored-id-1', t: Date.now() - 1000, pv: 'v1', c: { functional: granted, statistics: granted, marketing: granted } };
    document.cookie = `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(decision))}; path=/`;
  };

  it('cleans several categories’ cookies and storage keys at once, and never the library’s own cookies', () => {
    for (const name of [CONSENT_COOKIE, VISITOR_COOKIE, '_ga', '_fbp']) setCookie(name);
    localStorage.setItem('_ym_uid', '1');
    sessionStorage.setItem('tt_sessionId', '2');
    cleanCategories([{ cookies: [/./], storage: [/^_ym/] }, { storage: ['tt_sessionId'] }, {}]);
    expect(names()).toEqual([CONSENT_COOKIE, VISITOR_COOKIE]);
    expect([localStorage.length, sessionStorage.length]).toEqual([0, 0]);
  });

  it('never deletes the decision just written, whatever a category’s patterns match', async () => {
    const instance = core({ categories: { statistics: { cookies: [/consent/] }, marketing: { cookies: [CONSENT_COOKIE] } } });
    instance.rejectAll();
    await afterPaint();
    expect(instance.getStatus().cookiesDisabled).toBe(false);
    expect(JSON.parse(readCookie(CONSENT_COOKIE)!)).toMatchObject({ id: instance.getState().id, c: { statistics: 0 } });
    // Nor when the stored refusal is cleaned again on the next page.
    const next = core({ categories: { statistics: { cookies: [/consent/] } } });
    expect(next.getState()).toEqual(instance.getState());
    expect(readCookie(CONSENT_COOKIE)).toBeDefined();
  });

  it('never deletes the visitor id while statistics is granted, whatever marketing’s patterns match', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    storeDecision(1);
    document.cookie = `${VISITOR_COOKIE}=returning-visitor-1; path=/`;
    const instance = core({ pixel: { endpoint: '/stat/pixel', autoPageview: false }, categories: { marketing: { cookies: [/^allur_/] } } });
    instance.set({ marketing: false });
    await afterPaint();
    // Deleted, the next page would make a new id: one visitor counted as two.
    expect(readCookie(VISITOR_COOKIE)).toBe('returning-visitor-1');
    expect(readCookie(CONSENT_COOKIE)).toBeDefined();
  });

  // Each access to document.cookie is a synchronous round trip to the browser's cookie store.
  it('writes the decision alone in the call, then reads the jar once for the read-back and all the refused categories', async () => {
    for (const name of ['_ym_uid', '_ga', '_fbp', 'session']) setCookie(name);
    const instance = core();
    const jar = countCookieAccess();
    instance.rejectAll();
    expect(jar.reads).toBe(0);
    expect(jar.writes).toHaveLength(1);
    await afterPaint();
    expect(jar.reads).toBe(1);
    const written = jar.writes.map((cookie) => cookie.split('=')[0]);
    // The decision, then each tracker cookie found on the host and its three parent domains.
    expect(written).toEqual([CONSENT_COOKIE, ...['_ym_uid', '_ga', '_fbp'].flatMap((name) => Array(4).fill(name))]);
    expect(names()).toEqual([CONSENT_COOKIE, 'session']);
  });

  it('on a returning visit, reads the jar once after the decision to clean what a stored refusal left', () => {
    storeDecision(0);
    setCookie('_ym_uid');
    setCookie('_fbp');
    const reads = vi.spyOn(Document.prototype, 'cookie', 'get');
    const instance = core();
    expect(instance.getState().decided).toBe(true);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(names()).toEqual([CONSENT_COOKIE]);
  });
});
