// When the UI is fetched and what it is asked on arrival, with a UI module that records what it is asked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ConsentCore, createConsentCore } from '../../src/core/index';
import { startUiOnDemand } from '../../src/ui-on-demand/on-demand';
import type { MountedUi, UiModule } from '../../src/ui/index';
import { afterPaint } from '../helpers/after-paint';
import { wipeCookies } from '../helpers/cookies';
import { addLinkBack, removeLinkBack } from '../helpers/link-back';

const DECIDED = { v: 1, id: 'abcdefgh12', t: Date.now(), pv: '1', c: { functional: 1, statistics: 1, marketing: 0 } };
const decidedBefore = () => (document.cookie = `allur_consent=${encodeURIComponent(JSON.stringify(DECIDED))}; path=/`);
const tick = () => new Promise((resolve) => setTimeout(resolve));

/** A UI module whose mounted UI records every call; `fetchUi` answers when the test says, with it or a failure. */
function uiModule() {
  const calls: string[] = [];
  const mounted: MountedUi = {
    showBanner: () => calls.push('showBanner'),
    showPreferences: (from) => calls.push(`showPreferences ${from?.id || from?.localName}`),
    hide: () => calls.push('hide'),
    changed: (state) => calls.push(`changed ${state.decided}`),
    destroy: () => calls.push('destroy'),
  };
  const module: UiModule = {
    mount: vi.fn(() => mounted),
    placeholders: vi.fn(() => ({ destroy: () => calls.push('placeholders destroyed') })),
    textsHash: () => '',
  };
  let answer: (module: UiModule | undefined) => void = () => {};
  const fetchUi = vi.fn(() => new Promise<UiModule | undefined>((resolve) => (answer = resolve)));
  return { module, calls, fetchUi, arrive: () => answer(module), fail: () => answer(undefined) };
}

let core: ConsentCore | undefined;
let ui: ReturnType<typeof startUiOnDemand> | undefined;
const start = (fake: ReturnType<typeof uiModule>) => {
  core = createConsentCore({ policyVersion: '1', pixel: false, consentLog: false });
  ui = startUiOnDemand(core, 'en', fake.fetchUi);
  return { core, ui };
};
afterEach(() => {
  ui?.destroy();
  core?.destroy();
  document.body.innerHTML = '';
  removeLinkBack();
  wipeCookies();
});

describe('the UI on demand', () => {
  it('is fetched while the core starts on an undecided visit, and mounted once it comes', async () => {
    const fake = uiModule();
    start(fake);
    expect(fake.fetchUi).toHaveBeenCalledTimes(1);
    expect(fake.module.mount).not.toHaveBeenCalled();
    fake.arrive();
    await tick();
    expect(fake.module.mount).toHaveBeenCalledWith(core, 'en');
  });

  it('is not fetched on a returning visit with nothing to see, until something asks', async () => {
    decidedBefore();
    const fake = uiModule();
    start(fake).ui.showBanner();
    expect(fake.fetchUi).toHaveBeenCalledTimes(1);
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual(['showBanner']);
  });

  it('opens the dialog for a [data-consent-open] click once it comes, with focus to go back to that control', async () => {
    decidedBefore();
    document.body.innerHTML = '<a href="#" id="footer-link" data-consent-open><span>Cookie settings</span></a><input id="field">';
    const fake = uiModule();
    start(fake);
    expect(fake.fetchUi).not.toHaveBeenCalled();
    const link = document.getElementById('footer-link')!;
    link.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(fake.fetchUi).toHaveBeenCalledTimes(1);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.firstElementChild!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    document.getElementById('field')!.focus();
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual(['showPreferences footer-link']);
  });

  it('gives showPreferences() before the UI came the element focused at the call', async () => {
    decidedBefore();
    document.body.innerHTML = '<button id="opener">settings</button><input id="field">';
    const fake = uiModule();
    const { ui } = start(fake);
    document.getElementById('opener')!.focus();
    ui.showPreferences();
    document.getElementById('field')!.focus();
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual(['showPreferences opener']);
  });

  it('forgets on hide() what was asked before the UI came', async () => {
    decidedBefore();
    const fake = uiModule();
    const { ui } = start(fake);
    ui.showPreferences();
    ui.hide();
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual([]);
  });

  it('tells a UI that comes after a change the state it must show: the notice after a refusal', async () => {
    addLinkBack();
    decidedBefore();
    const fake = uiModule();
    const { core } = start(fake);
    core.rejectAll();
    // The change is told after the paint of the decision.
    await afterPaint();
    expect(fake.fetchUi).toHaveBeenCalledTimes(1);
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual(['changed true']);
  });

  it('when it fails: grants nothing, does not try again by itself, and the next ask fetches anew', async () => {
    const fake = uiModule();
    const { core, ui } = start(fake);
    fake.fail();
    await tick();
    await tick();
    expect(fake.module.mount).not.toHaveBeenCalled();
    expect(fake.fetchUi).toHaveBeenCalledTimes(1);
    expect(core.getState().decided).toBe(false);
    expect(core.has('statistics')).toBe(false);
    ui.showPreferences();
    expect(fake.fetchUi).toHaveBeenCalledTimes(2);
    fake.arrive();
    await tick();
    expect(fake.calls).toEqual(['showPreferences body']);
  });

  it('starts the embed placeholders once a gated iframe is held back, and mounts nothing else', async () => {
    decidedBefore();
    const fake = uiModule();
    start(fake);
    expect(fake.fetchUi).not.toHaveBeenCalled();
    document.body.innerHTML = '<iframe data-consent="marketing" data-src="https://video.example/embed/1"></iframe>';
    await vi.waitFor(() => expect(fake.fetchUi).toHaveBeenCalledTimes(1));
    fake.arrive();
    await tick();
    expect(fake.module.placeholders).toHaveBeenCalledWith(core, 'en', expect.any(Function));
    expect(fake.module.mount).not.toHaveBeenCalled();
  });

  it('mounts nothing when destroyed before the UI came', async () => {
    const fake = uiModule();
    start(fake).ui.destroy();
    fake.arrive();
    await tick();
    expect(fake.module.mount).not.toHaveBeenCalled();
  });
});
