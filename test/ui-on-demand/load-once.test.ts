import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../src/ui-on-demand/load-once';

describe('loadOnce', () => {
  it('shares one load among everyone who asks, and keeps its result', async () => {
    const load = vi.fn(async () => 'ui');
    const fetch = loadOnce(load);
    expect(await Promise.all([fetch(), fetch()])).toEqual(['ui', 'ui']);
    expect(await fetch()).toBe('ui');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a rejection', () => Promise.reject(new Error('offline'))],
    ['a throw', () => {
      throw new Error('offline');
    }],
  ])('tells %s once on the console, resolves to undefined, and loads again on the next ask', async (_name, failure) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn(failure as () => Promise<string>);
    const fetch = loadOnce(load);
    expect(await Promise.all([fetch(), fetch()])).toEqual([undefined, undefined]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('offline');
    load.mockResolvedValueOnce('ui');
    expect(await fetch()).toBe('ui');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
