// The Preact entry: a hook and a gate that follow the decision and a reset.
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createConsentCore } from '../../src/core/index';
import type { ConsentCore } from '../../src/core/types';
import { ConsentGate, useConsent } from '../../src/bindings/preact';
import { afterPaint } from '../helpers/after-paint';

let core: ConsentCore | undefined;
afterEach(() => {
  cleanup();
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
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const { container } = render(<Shop consent={core} />);
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
});

test('a decision made before the first effect still shows', async () => {
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const consent = core;
  function DecidesWhileRendering() {
    const state = useConsent(consent);
    if (!state.decided) consent.rejectAll();
    return <p>{state.decided ? 'decided' : 'undecided'}</p>;
  }
  const { container } = render(<DecidesWhileRendering />);
  await act(() => {});
  expect(container.textContent).toBe('decided');
});
