// The Vue entry: a read-only ref that follows the decision and lets go of the instance with its component.
import { createApp, defineComponent, h, isReadonly, nextTick } from 'vue';
import { afterEach, expect, test, vi } from 'vitest';
import { createConsentCore } from '../../src/core/index';
import type { ChangeListener, ConsentCore } from '../../src/core/types';
import { useConsent } from '../../src/bindings/vue';
import { afterPaint } from '../helpers/after-paint';

let core: ConsentCore | undefined;
afterEach(() => {
  core?.destroy();
  document.cookie = 'allur_consent=; max-age=0; path=/';
});

test('useConsent gives a read-only ref that follows a decision, unsubscribed on unmount', async () => {
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  const consent = core;
  const unsubscribed = vi.fn();
  const watched = {
    ...consent,
    on(event: 'change', listener: ChangeListener) {
      const unsubscribe = consent.on(event, listener);
      return () => {
        unsubscribed();
        unsubscribe();
      };
    },
  } as unknown as ConsentCore;
  let readonlyRef = false;
  const Shop = defineComponent(() => {
    const state = useConsent(watched);
    readonlyRef = isReadonly(state);
    return () => h('p', state.value.categories.statistics ? 'statistics on' : 'statistics off');
  });
  const container = document.createElement('div');
  const app = createApp(Shop);
  app.mount(container);
  expect(readonlyRef).toBe(true);
  expect(container.textContent).toBe('statistics off');
  consent.acceptAll();
  await afterPaint();
  await nextTick();
  expect(container.textContent).toBe('statistics on');
  app.unmount();
  expect(unsubscribed).toHaveBeenCalledTimes(1);
});
