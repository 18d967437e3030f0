import type { ConsentCore, ConsentState, Lang, Texts } from './core/index';
import { afterFirstPaint } from './after-first-paint';
import { type ConsentUi, type MountedUi, mountUi } from './ui/mount';

/**
 * The UI, mounted only once something must show (docs/ui.md): a returning visitor with nothing to see pays one
 * click listener for the page's `[data-consent-open]` elements, and no host, stylesheet or render. It mounts at
 * once on that click, on `showBanner()` / `showPreferences()`, and on a change that brings the banner back or
 * a notice; a first page view's banner renders after the page's first paint, not inside the task that parses it.
 */
export function startUiOnDemand(core: ConsentCore, t: Texts, lang: Lang): ConsentUi {
  const { config } = core;
  let ui: MountedUi | undefined;
  let destroyed = false;
  // Mounting may run in a task of its own or a page's click: a browser API that fails is reported, never thrown.
  const mount = () => {
    try {
      if (!destroyed && document.body) ui ||= mountUi(core, t, lang);
    } catch (error) {
      console.error(error);
    }
    return ui;
  };
  // What shows on load: the banner until a decision, the cookies-off notice, the reopen button.
  const showsOnLoad = !core.getState().decided || core.getStatus().cookiesDisabled || config.reopenButton;
  const cancelFirstMount = showsOnLoad ? afterFirstPaint(mount) : () => {};

  const onPageClick = (event: MouseEvent) => {
    const trigger = (event.target as Element).closest?.('[data-consent-open]');
    if (trigger) {
      event.preventDefault();
      mount()?.showPreferences(trigger);
    }
  };
  document.addEventListener('click', onPageClick);

  let reachabilityChecked = false;
  // Withdrawing must stay as easy as deciding: a page with neither a reopen button nor a link back is told once.
  const checkWithdrawalReachable = () => {
    if (reachabilityChecked || config.reopenButton || document.querySelector('[data-consent-open]')) return;
    reachabilityChecked = true;
    console.warn(
      'allur-consent: nothing on this page reopens the choices, so the visitor cannot withdraw consent: add an element with data-consent-open or set reopenButton: true',
    );
  };
  // A withdrawal (here or in another tab) brings the banner back; a refusal of functional or cookies found off a notice.
  const bringsUi = (state: ConsentState) => !state.decided || !state.categories.functional || core.getStatus().cookiesDisabled;
  const offChange = core.on('change', (state) => {
    if (state.decided) checkWithdrawalReachable();
    if (bringsUi(state)) mount();
    ui?.changed(state);
  });

  return {
    showBanner: () => mount()?.showBanner(),
    showPreferences: () => mount()?.showPreferences(),
    hide: () => ui?.hide(),
    destroy() {
      destroyed = true;
      cancelFirstMount();
      offChange();
      document.removeEventListener('click', onPageClick);
      ui?.destroy();
      ui = undefined;
    },
  };
}
