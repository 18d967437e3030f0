// @vitest-environment node
// Server rendering and tests in Node have no document: the factories must hand back an instance that does nothing.
import { expect, test, vi } from 'vitest';
import { createConsentCore } from '../../src/core/index';
import { createConsent } from '../../src/index';
import type { ConsentCore } from '../../src/core/types';

const config = { policyVersion: '2024-06-01' };

function expectInert(consent: ConsentCore) {
  const state = consent.getState();
  expect(state).toEqual({
    decided: false,
    categories: { necessary: true, functional: false, statistics: false, marketing: false },
    policyVersion: '2024-06-01',
    decidedAt: null,
    id: null,
  });
  expect(Object.isFrozen(state) && Object.isFrozen(state.categories)).toBe(true);
  const listener = vi.fn();
  const unsubscribe = consent.on('change', listener);
  consent.acceptAll();
  consent.set({ statistics: true });
  consent.rejectAll();
  consent.reset();
  consent.pixel.track('pageview');
  expect(consent.getState()).toBe(state);
  expect(listener).not.toHaveBeenCalled();
  expect(consent.has('necessary')).toBe(true);
  expect(consent.has('statistics')).toBe(false);
  expect(consent.getStatus()).toEqual({ cookiesDisabled: false, policyUpdated: false, gpc: false });
  expect(consent.config.policyVersion).toBe('2024-06-01');
  unsubscribe();
  consent.destroy();
}

test('there is no document here', () => {
  expect(typeof document).toBe('undefined');
});

test('createConsentCore without a document returns an inert instance', () => {
  expectInert(createConsentCore(config));
});

test('createConsent without a document returns an inert instance whose UI methods do nothing', () => {
  const consent = createConsent(config);
  expectInert(consent);
  consent.showBanner();
  consent.showPreferences();
  consent.hide();
});

test('says nothing of the missing endpoints without a document', () => {
  const info = vi.spyOn(console, 'info');
  createConsentCore(config).destroy();
  createConsent(config).destroy();
  expect(info).not.toHaveBeenCalled();
});

test('bad config still throws its TypeError without a document', () => {
  expect(() => createConsentCore({ policyVersion: '' })).toThrow(TypeError);
  expect(() => createConsent({ policyVersion: 1 as unknown as string })).toThrow(/policyVersion/);
});
