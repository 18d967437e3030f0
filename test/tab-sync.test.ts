import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTabSync } from '../src/core/tab-sync';

const created: Array<{ destroy(): void }> = [];
const sync = (onOtherTab: () => void) => {
  const tabSync = createTabSync(onOtherTab);
  created.push(tabSync);
  return tabSync;
};
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  for (const tabSync of created.splice(0)) tabSync.destroy();
});

describe('with BroadcastChannel', () => {
  it('tells the other tabs, not itself', async () => {
    const self = vi.fn();
    const other = vi.fn();
    const tab = sync(self);
    sync(other);
    tab.notify();
    await delivered();
    expect(other).toHaveBeenCalledTimes(1);
    expect(self).not.toHaveBeenCalled();
  });

  it('ignores notify after its own destroy', () => {
    const tab = createTabSync(vi.fn());
    tab.destroy();
    expect(() => tab.notify()).not.toThrow();
  });

  it('hears nothing after destroy', async () => {
    const other = vi.fn();
    const tab = sync(vi.fn());
    sync(other).destroy();
    tab.notify();
    await delivered();
    expect(other).not.toHaveBeenCalled();
  });
});

describe('without BroadcastChannel', () => {
  it('asks to re-read when the tab gets focus or becomes visible again, until destroyed', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const other = vi.fn();
    const tab = createTabSync(other);
    expect(() => tab.notify()).not.toThrow();
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(other).toHaveBeenCalledTimes(2);
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
});
