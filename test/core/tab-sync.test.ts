import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentCore } from '../../src/core';
import { CONSENT_COOKIE } from '../../src/core/consent-cookie';
import { createTabSync } from '../../src/core/tab-sync';
import { afterPaint } from '../helpers/after-paint';
import { deleteCookie } from '../helpers/cookies';

const created: Array<{ destroy(): void }> = [];
const sync = (onOtherTab: (message?: unknown) => void) => {
  const tabSync = createTabSync(onOtherTab);
  created.push(tabSync);
  return tabSync;
};
/** Waits for what a decision sends after the next paint, and then for the message to arrive. */
const delivered = async () => {
  await afterPaint();
  await new Promise((resolve) => setTimeout(resolve, 50));
};

afterEach(() => {
  for (const tabSync of created.splice(0)) tabSync.destroy();
  deleteCookie(CONSENT_COOKIE);
});

describe('with BroadcastChannel', () => {
  it('tells the other tabs the message itself, not itself', async () => {
    const self = vi.fn();
    const other = vi.fn();
    const tab = sync(self);
    sync(other);
    tab.notify({ decision: 'accepted' });
    await delivered();
    tab.notify({ decision: null, t: 1 });
    await delivered();
    expect(other.mock.calls).toEqual([[{ decision: 'accepted' }], [{ decision: null, t: 1 }]]);
    expect(self).not.toHaveBeenCalled();
  });

  it('ignores notify after its own destroy', () => {
    const tab = createTabSync(vi.fn());
    tab.destroy();
    expect(() => tab.notify({ decision: 'accepted' })).not.toThrow();
  });

  it('hears nothing after destroy', async () => {
    const other = vi.fn();
    const tab = sync(vi.fn());
    sync(other).destroy();
    tab.notify({ decision: 'accepted' });
    await delivered();
    expect(other).not.toHaveBeenCalled();
  });
});

describe('between two instances, when the receiving tab does not yet see the new cookie (Firefox)', () => {
  const twoTabs = () => {
    const tab = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false });
    const other = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false });
    created.push(tab, other);
    return { tab, other };
  };
  // What the receiving tab still reads until the new cookie becomes visible to it: the cookie as it is now, put
  // back as the deciding tab's message leaves (after its own read-back).
  const staleCookie = () => {
    const value = document.cookie.split('; ').find((pair) => pair.startsWith(`${CONSENT_COOKIE}=`));
    const post = BroadcastChannel.prototype.postMessage;
    vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(function (this: BroadcastChannel, message) {
      if (value) document.cookie = `${value}; path=/`;
      else deleteCookie(CONSENT_COOKIE);
      post.call(this, message);
    });
  };

  it('applies a refusal sent by the other tab', async () => {
    const { tab, other } = twoTabs();
    tab.acceptAll();
    await delivered();
    expect(other.has('statistics')).toBe(true);
    staleCookie();
    tab.rejectAll();
    await delivered();
    expect(other.has('statistics')).toBe(false);
    expect(other.getState()).toEqual(tab.getState());
  });

  it('applies a withdrawal sent by the other tab', async () => {
    const { tab, other } = twoTabs();
    tab.acceptAll();
    await delivered();
    staleCookie();
    tab.reset();
    await delivered();
    expect(other.getState().decided).toBe(false);
    expect(other.has('statistics')).toBe(false);
  });

  it('applies a decision sent before the cookie shows', async () => {
    const { tab, other } = twoTabs();
    staleCookie();
    tab.set({ statistics: true });
    await delivered();
    expect(other.getState()).toEqual(tab.getState());
  });

  it('re-reads the cookie on a message without a decision (an older copy of the library)', async () => {
    const { tab, other } = twoTabs();
    tab.destroy();
    document.cookie = `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify({ v: 1, id: 'abcdefgh', t: Date.now(), pv: 'v1', c: { functional: 0, statistics: 1, marketing: 0 } }))}; path=/`;
    const older = new BroadcastChannel('allur-consent');
    older.postMessage(1);
    await delivered();
    older.close();
    expect(other.has('statistics')).toBe(true);
  });
});

describe('re-reading the cookie', () => {
  it.each([
    ['with', BroadcastChannel],
    ['without', undefined],
  ])('asks to re-read %s BroadcastChannel when the tab gets focus or becomes visible again, until destroyed', (_name, channel) => {
    vi.stubGlobal('BroadcastChannel', channel);
    const other = vi.fn();
    const tab = createTabSync(other);
    expect(() => tab.notify({ decision: 'accepted' })).not.toThrow();
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(other).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenLastCalledWith();
    tab.destroy();
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(other).toHaveBeenCalledTimes(2);
    vi.unstubAllGlobals();
  });

  it('does not re-read while the tab is hidden', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const other = vi.fn();
    created.push(createTabSync(other));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(other).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('falls back to re-reading when the channel cannot be opened (Firefox with cookies blocked throws)', () => {
    vi.stubGlobal('BroadcastChannel', function refused() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const other = vi.fn();
    const tab = createTabSync(other);
    created.push(tab);
    expect(() => tab.notify({ decision: 'accepted' })).not.toThrow();
    window.dispatchEvent(new Event('focus'));
    expect(other).toHaveBeenCalledWith();
    vi.unstubAllGlobals();
  });
});

describe('the order of decisions across tabs', () => {
  const MINUTE = 6e4;
  const recordAt = (t: number, statistics: 0 | 1) => ({ v: 1, id: 'abcdefgh', t, pv: 'v1', c: { functional: 0, statistics, marketing: 0 } });
  const fromAnotherTab = async (message: unknown) => {
    const channel = new BroadcastChannel('allur-consent');
    channel.postMessage(message);
    await delivered();
    channel.close();
  };
  const decidedTab = () => {
    const tab = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false });
    created.push(tab);
    tab.acceptAll();
    return tab;
  };

  it('ignores a decision made before the one in force', async () => {
    const tab = decidedTab();
    await fromAnotherTab({ decision: recordAt(Date.now() - MINUTE, 0) });
    expect(tab.has('statistics')).toBe(true);
  });

  it('applies a decision made after the one in force', async () => {
    const tab = decidedTab();
    await fromAnotherTab({ decision: recordAt(Date.now() + 1, 0) });
    expect(tab.has('statistics')).toBe(false);
  });

  it('orders a withdrawal by the time it carries', async () => {
    const tab = decidedTab();
    await fromAnotherTab({ decision: null, t: Date.now() - MINUTE });
    expect(tab.getState().decided).toBe(true);
    await fromAnotherTab({ decision: null, t: Date.now() + 1 });
    expect(tab.getState().decided).toBe(false);
    await fromAnotherTab({ decision: recordAt(Date.now() - MINUTE, 1) });
    expect(tab.getState().decided).toBe(false);
  });

  it('sends the time of its withdrawal, so that other tabs can order it', async () => {
    const heard = vi.fn();
    const listener = new BroadcastChannel('allur-consent');
    listener.onmessage = (event) => heard(event.data);
    const tab = decidedTab();
    await delivered();
    const before = Date.now();
    tab.reset();
    await delivered();
    listener.close();
    const withdrawal = heard.mock.calls.at(-1)![0];
    expect(withdrawal).toEqual({ decision: null, t: expect.any(Number) });
    expect(withdrawal.t).toBeGreaterThanOrEqual(before);
    expect(withdrawal.t).toBeLessThanOrEqual(Date.now());
  });

  it('ignores a cookie older than the decision in force when it reads the cookie again', () => {
    const tab = decidedTab();
    document.cookie = `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(recordAt(Date.now() - MINUTE, 0)))}; path=/`;
    window.dispatchEvent(new Event('focus'));
    expect(tab.has('statistics')).toBe(true);
  });

  it.each([
    ['a decision without its categories', { decision: { v: 1, id: 'abcdefgh', t: Date.now(), pv: 'v1' } }],
    ['a decision with a category of another value', { decision: { ...recordAt(Date.now(), 0), c: { functional: 0, statistics: 'no', marketing: 0 } } }],
    ['a decision that is not an object', { decision: 'refused' }],
    ['a decision dated far ahead', { decision: recordAt(Date.now() + 60 * MINUTE, 0) }],
    ['a message that is not an object', 'refused'],
  ])('ignores %s, without throwing', (_name, message) => {
    // The handler is called as the browser calls it, so that a throw shows here.
    const channels: Array<{ onmessage: ((event: { data: unknown }) => void) | null }> = [];
    vi.stubGlobal('BroadcastChannel', function channel(this: (typeof channels)[number]) {
      channels.push(Object.assign(this, { onmessage: null, postMessage() {}, close() {} }));
    });
    const tab = decidedTab();
    vi.unstubAllGlobals();
    expect(() => channels[0].onmessage!({ data: message })).not.toThrow();
    expect(tab.has('statistics')).toBe(true);
  });
});

describe('tabs on other subdomains (no message reaches them)', () => {
  // A channel per origin: what one tab posts, a tab of another origin never hears.
  class OriginChannel {
    onmessage = null;
    postMessage() {}
    close() {}
  }
  const twoSubdomains = () => {
    vi.stubGlobal('BroadcastChannel', OriginChannel);
    const www = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false });
    const shop = createConsentCore({ policyVersion: 'v1', pixel: false, consentLog: false });
    created.push(www, shop);
    return { www, shop };
  };
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['gets focus', () => window.dispatchEvent(new Event('focus'))],
    ['becomes visible', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('applies a decision and a withdrawal made there when the tab %s', (_name, comeBack) => {
    const { www, shop } = twoSubdomains();
    www.acceptAll();
    expect(shop.getState().decided).toBe(false);
    comeBack();
    expect(shop.getState()).toEqual(www.getState());
    www.reset();
    expect(shop.has('statistics')).toBe(true);
    comeBack();
    expect(shop.getState().decided).toBe(false);
    expect(shop.has('statistics')).toBe(false);
  });

  it('applies them at once where the browser tells of cookie changes (cookieStore)', () => {
    const cookieStore = new EventTarget();
    vi.stubGlobal('cookieStore', cookieStore);
    const { www, shop } = twoSubdomains();
    const changed = (changes: { changed?: object[]; deleted?: object[] }) =>
      cookieStore.dispatchEvent(Object.assign(new Event('change'), { changed: [], deleted: [], ...changes }));
    www.acceptAll();
    changed({ changed: [{ name: 'allur_vid' }] });
    expect(shop.getState().decided).toBe(false);
    changed({ changed: [{ name: CONSENT_COOKIE }] });
    expect(shop.getState()).toEqual(www.getState());
    www.reset();
    changed({ deleted: [{ name: CONSENT_COOKIE }] });
    expect(shop.getState().decided).toBe(false);
    shop.destroy();
    www.acceptAll();
    changed({ changed: [{ name: CONSENT_COOKIE }] });
    expect(shop.getState().decided).toBe(false);
  });
});
