import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsentCore } from '../../src/core';
import { CONSENT_COOKIE } from '../../src/core/consent-cookie';
import { createTabSync } from '../../src/core/tab-sync';
import { deleteCookie } from '../helpers/cookies';

const created: Array<{ destroy(): void }> = [];
const sync = (onOtherTab: (decision?: string | null) => void) => {
  const tabSync = createTabSync<string>(onOtherTab);
  created.push(tabSync);
  return tabSync;
};
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  for (const tabSync of created.splice(0)) tabSync.destroy();
  deleteCookie(CONSENT_COOKIE);
});

describe('with BroadcastChannel', () => {
  it('tells the other tabs the decision or the withdrawal itself, not itself', async () => {
    const self = vi.fn();
    const other = vi.fn();
    const tab = sync(self);
    sync(other);
    tab.notify('accepted');
    await delivered();
    tab.notify(null);
    await delivered();
    expect(other.mock.calls).toEqual([['accepted'], [null]]);
    expect(self).not.toHaveBeenCalled();
  });

  it('ignores notify after its own destroy', () => {
    const tab = createTabSync<string>(vi.fn());
    tab.destroy();
    expect(() => tab.notify('accepted')).not.toThrow();
  });

  it('hears nothing after destroy', async () => {
    const other = vi.fn();
    const tab = sync(vi.fn());
    sync(other).destroy();
    tab.notify('accepted');
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
  // What the receiving tab still reads until the new cookie becomes visible to it.
  const staleCookie = () => {
    const value = document.cookie.split('; ').find((pair) => pair.startsWith(`${CONSENT_COOKIE}=`));
    return () => {
      if (value) document.cookie = `${value}; path=/`;
      else deleteCookie(CONSENT_COOKIE);
    };
  };

  it('applies a refusal sent by the other tab', async () => {
    const { tab, other } = twoTabs();
    tab.acceptAll();
    await delivered();
    expect(other.has('statistics')).toBe(true);
    const restore = staleCookie();
    tab.rejectAll();
    restore();
    await delivered();
    expect(other.has('statistics')).toBe(false);
    expect(other.getState()).toEqual(tab.getState());
  });

  it('applies a withdrawal sent by the other tab', async () => {
    const { tab, other } = twoTabs();
    tab.acceptAll();
    await delivered();
    const restore = staleCookie();
    tab.reset();
    restore();
    await delivered();
    expect(other.getState().decided).toBe(false);
    expect(other.has('statistics')).toBe(false);
  });

  it('applies a decision sent before the cookie shows', async () => {
    const { tab, other } = twoTabs();
    const restore = staleCookie();
    tab.set({ statistics: true });
    restore();
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

describe('without BroadcastChannel', () => {
  it('asks to re-read when the tab gets focus or becomes visible again, until destroyed', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const other = vi.fn();
    const tab = createTabSync<string>(other);
    expect(() => tab.notify('accepted')).not.toThrow();
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
    const tab = createTabSync<string>(other);
    created.push(tab);
    expect(() => tab.notify('accepted')).not.toThrow();
    window.dispatchEvent(new Event('focus'));
    expect(other).toHaveBeenCalledWith();
    vi.unstubAllGlobals();
  });
});
