// A passing run prints no library message: a console warning, error or note that a test did not expect fails it.
// A test that expects one spies on it itself (`vi.spyOn(console, 'warn').mockImplementation(() => {})`) and asserts
// it; that spy is this one with an implementation, and the test owns its calls from then on.
import { afterEach, beforeEach, expect, vi } from 'vitest';

const WATCHED = ['warn', 'error', 'info'] as const;

beforeEach(() => {
  for (const method of WATCHED) vi.spyOn(console, method);
});

afterEach(() => {
  for (const method of WATCHED) {
    const spy = console[method];
    if (!vi.isMockFunction(spy) || spy.getMockImplementation()) continue;
    expect(spy.mock.calls, `console.${method} printed in a test that did not expect it`).toEqual([]);
  }
});
