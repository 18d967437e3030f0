/** @jsxImportSource react */
// React's store hook is the strictest reader of getState(): a snapshot that changes on every call loops the app.
import { act, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test, vi } from 'vitest';
import { createConsentCore } from '../../src/core/index';
import type { ConsentCore } from '../../src/core/types';
import { deleteCookie } from '../helpers/cookies';
import { afterPaint } from '../helpers/after-paint';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let core: ConsentCore | undefined;
afterEach(() => {
  core?.destroy();
  deleteCookie('allur_consent');
});

function Status({ consent }: { consent: ConsentCore }) {
  const state = useSyncExternalStore((onChange) => consent.on('change', onChange), () => consent.getState());
  return <p>{state.categories.statistics ? 'statistics on' : 'statistics off'}</p>;
}

test('useSyncExternalStore over on/getState renders once and follows a decision', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(<Status consent={core!} />));
  expect(container.textContent).toBe('statistics off');
  await act(async () => {
    core!.acceptAll();
    await afterPaint();
  });
  expect(container.textContent).toBe('statistics on');
  await act(async () => root.unmount());
  expect(errors).not.toHaveBeenCalled();
});

test('getState() is one frozen object until the state changes', async () => {
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const before = core.getState();
  expect(core.getState()).toBe(before);
  expect(Object.isFrozen(before) && Object.isFrozen(before.categories)).toBe(true);
  const received: unknown[] = [];
  core.on('change', (state, previous) => received.push(state, previous));
  core.acceptAll();
  const after = core.getState();
  expect(after).not.toBe(before);
  expect(core.getState()).toBe(after);
  await afterPaint();
  expect(received).toEqual([after, before]);
  expect(received.every(Object.isFrozen)).toBe(true);
});
