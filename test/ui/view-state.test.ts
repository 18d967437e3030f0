// The UI's view state as a pure reducer: every transition without a DOM.
import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../../src/core/types';
import { initialView, reduceView } from '../../src/ui/view-state';

const state = (decided: boolean, functional = false): ConsentState => ({
  decided,
  categories: { necessary: true, functional, statistics: false, marketing: false },
  policyVersion: '1',
  decidedAt: decided ? '2026-12-01T00:00:00.000Z' : null,
  id: decided ? 'abcdefgh12' : null,
});

describe('reduceView', () => {
  it('starts with the banner until there is a decision, and adds the cookies notice when cookies are found off', () => {
    expect(initialView(state(false))).toMatchObject({ banner: true, preferences: false, notices: { 'cookies-disabled': false } });
    expect(initialView(state(true, true))).toMatchObject({ banner: false, notices: { 'cookies-disabled': false } });
    expect(reduceView(initialView(state(false)), { type: 'cookies-disabled' })).toMatchObject({ banner: true, notices: { 'cookies-disabled': true } });
  });

  it('shows the §3.3.1 notice after a refusal of functional, and hides it after a grant', () => {
    const refused = reduceView(initialView(state(false)), { type: 'changed', state: state(true, false), cookiesDisabled: false });
    expect(refused).toMatchObject({ banner: false, notices: { 'auth-warning': true } });
    const granted = reduceView(refused, { type: 'changed', state: state(true, true), cookiesDisabled: false });
    expect(granted.notices['auth-warning']).toBe(false);
    expect(reduceView(granted, { type: 'changed', state: state(false), cookiesDisabled: false }).banner).toBe(true);
  });

  it('keeps the cookies notice once the core learned that cookies are off', () => {
    const off = reduceView(initialView(state(false)), { type: 'changed', state: state(true), cookiesDisabled: true });
    expect(reduceView(off, { type: 'changed', state: state(true), cookiesDisabled: false }).notices['cookies-disabled']).toBe(true);
  });

  it('edits a copy of the choices in the dialog, and never the state it was opened with', () => {
    const opened = state(true);
    const open = reduceView(initialView(opened), { type: 'open-preferences', choices: opened.categories });
    const chosen = reduceView(open, { type: 'choose', category: 'statistics', granted: true });
    expect(chosen).toMatchObject({ preferences: true, choices: { statistics: true } });
    expect(opened.categories.statistics).toBe(false);
    expect(reduceView(chosen, { type: 'close-preferences' }).preferences).toBe(false);
  });

  it('announces "saved" after a decision until it is shown, and dismisses a notice', () => {
    const decided = reduceView(reduceView(initialView(state(false)), { type: 'cookies-disabled' }), { type: 'decided', state: state(true, true) });
    expect(decided).toMatchObject({ banner: false, notices: { saved: true } });
    expect(reduceView(decided, { type: 'saved-shown' }).notices.saved).toBe(false);
    expect(reduceView(decided, { type: 'dismiss', notice: 'cookies-disabled' }).notices['cookies-disabled']).toBe(false);
  });

  it('shows all a decision made in the UI changes at once: the dialog closed, the banner gone, the notices', () => {
    const open = reduceView(initialView(state(false)), { type: 'open-preferences', choices: state(false).categories });
    const refused = reduceView(open, { type: 'decided', state: state(true, false) });
    expect(refused).toMatchObject({ banner: false, preferences: false, notices: { 'auth-warning': true, saved: true } });
    const withdrawn = reduceView({ ...refused, preferences: true }, { type: 'decided', state: state(false) });
    expect(withdrawn).toMatchObject({ banner: true, preferences: false, notices: { 'auth-warning': false, saved: false } });
  });

  it('shows and hides the banner and the dialog on request', () => {
    const shown = reduceView(initialView(state(true)), { type: 'show-banner' });
    expect(shown.banner).toBe(true);
    const open = reduceView(shown, { type: 'open-preferences', choices: state(true).categories });
    expect(reduceView(open, { type: 'hide' })).toMatchObject({ banner: false, preferences: false });
  });
});
