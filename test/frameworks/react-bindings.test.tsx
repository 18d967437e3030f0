/** @jsxImportSource react */
// The React entry: a hook and a gate that follow the decision, and a server render the hydrating client agrees with.
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, test, vi } from 'vitest';
import { createConsentCore } from '../../src/core/index';
import type { ConsentCore } from '../../src/core/types';
import { ConsentGate, useConsent } from '../../src/bindings/react';
import { afterPaint } from '../helpers/after-paint';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let core: ConsentCore | undefined;
afterEach(() => {
  core?.destroy();
  document.cookie = 'allur_consent=; max-age=0; path=/';
});

function Shop({ consent }: { consent: ConsentCore }) {
  const state = useConsent(consent);
  return (
    <div>
      <p>{state.decided ? 'decided' : 'undecided'}</p>
      <ConsentGate instance={consent} category="marketing" fallback={<i>no ads</i>}>
        <b>ad</b>
      </ConsentGate>
    </div>
  );
}

test('useConsent and ConsentGate follow a decision and a reset', async () => {
  const errors = vi.spyOn(console, 'error');
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(<Shop consent={core!} />));
  expect(container.textContent).toBe('undecidedno ads');
  await act(async () => {
    core!.acceptAll();
    await afterPaint();
  });
  expect(container.textContent).toBe('decidedad');
  await act(async () => {
    core!.reset();
    await afterPaint();
  });
  expect(container.textContent).toBe('undecidedno ads');
  await act(async () => root.unmount());
  expect(errors).not.toHaveBeenCalled();
});

test('the server renders the undecided state and hydration of a decided client does not warn', async () => {
  const errors = vi.spyOn(console, 'error');
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  core.acceptAll();
  const html = renderToString(<Shop consent={core} />);
  expect(html).toContain('undecided');
  expect(html).toContain('no ads');
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const root = await act(async () => hydrateRoot(container, <Shop consent={core!} />, { onRecoverableError: (error) => console.error(error) }));
  expect(container.textContent).toBe('decidedad');
  expect(errors).not.toHaveBeenCalled();
  await act(async () => root.unmount());
  container.remove();
});

test.each(['dist/react.mjs', 'dist/react.cjs'])('%s starts with the use client directive', (file) => {
  expect(readFileSync(file, 'utf8').startsWith("'use client';")).toBe(true);
});
