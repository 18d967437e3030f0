import type { ConsentCore, ConsentState, Lang } from '../core/index';
import type { MountedUi, UiModule } from '../ui/index';
import { afterFirstPaint } from './after-first-paint';
import type { ConsentUi } from './consent';

// A click on a [data-consent-open] control opens the dialog; a pointer over it, a press or focus fetch the UI ahead.
const PAGE_EVENTS = ['click', 'pointerover', 'pointerdown', 'focusin'];

/**
 * The UI, fetched and mounted only once something must show (docs/ui.md): the first banner, a policy update, a
 * notice, the reopen button, a `[data-consent-open]` click, `showBanner()` / `showPreferences()`, a withdrawal, a
 * held-back iframe's placeholder. A returning visitor with nothing to see fetches nothing and pays a few document
 * listeners. `fetchUi` brings the UI module (a script-tag UI file, or the npm entry's chunk) and resolves to
 * `undefined` when it failed, which grants nothing and leaves the next ask to try again.
 */
export function startUiOnDemand(core: ConsentCore, lang: Lang, fetchUi: () => Promise<UiModule | undefined>): ConsentUi {
  const { config } = core;
  let ui: MountedUi | undefined;
  let placeholders: { destroy(): void } | undefined;
  let destroyed = false;
  // What was asked of the UI before it was mounted, done in order once it is; hide() and a failed fetch drop it.
  let waiting: Array<(ui: MountedUi) => void> = [];

  // The module's work runs in a task of its own or a page's event: what fails is reported, never thrown.
  const mount = (module: UiModule | undefined) => {
    try {
      if (module && !destroyed && !ui && document.body) ui = module.mount(core, lang);
      const tasks = waiting.splice(0);
      if (ui) for (const task of tasks) task(ui);
    } catch (error) {
      console.error(error);
    }
  };
  /** Does `task` with the mounted UI: at once when it is mounted, else once the module has come and mounted it. */
  const withUi = (task: (ui: MountedUi) => void = () => {}) => {
    if (ui) return task(ui);
    waiting.push(task);
    void fetchUi().then(mount);
  };

  // What shows on load: the banner until a decision, the cookies-off notice, the reopen button. The module is
  // asked for at once, so the banner comes no later than from one file; it mounts after the page's first paint.
  // A failure waits for the next ask (a click, a show call) to try again.
  const showsOnLoad = !core.getState().decided || core.getStatus().cookiesDisabled || config.reopenButton;
  const arriving = showsOnLoad && fetchUi();
  const cancelFirstMount = arriving ? afterFirstPaint(() => void arriving.then(mount)) : () => {};

  const showPreferences = () => {
    // Focus goes back where it was when asked, not where it is once the UI has come.
    const opener = ui ? undefined : document.activeElement;
    withUi((mounted) => mounted.showPreferences(opener));
  };

  const onPageEvent = (event: Event) => {
    const trigger = (event.target as Element).closest?.('[data-consent-open]');
    if (!trigger) return;
    if (event.type !== 'click') return void fetchUi();
    event.preventDefault();
    withUi((mounted) => mounted.showPreferences(trigger));
  };
  for (const type of PAGE_EVENTS) document.addEventListener(type, onPageEvent);

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
    if (ui) ui.changed(state);
    else if (bringsUi(state)) withUi((mounted) => mounted.changed(core.getState()));
  });

  // A held-back iframe shows a placeholder, which needs the UI but neither the banner nor the dialog.
  const startPlaceholders = (held: HTMLIFrameElement[]) => {
    if (!held.length || placeholders) return;
    void fetchUi().then((module) => {
      try {
        if (module && !destroyed) placeholders ??= module.placeholders(core, lang, showPreferences);
      } catch (error) {
        console.error(error);
      }
    });
  };
  const offHeld = core.on('held', startPlaceholders);
  startPlaceholders(core.held());

  return {
    showBanner: () => withUi((mounted) => mounted.showBanner()),
    showPreferences,
    hide() {
      waiting = [];
      ui?.hide();
    },
    destroy() {
      destroyed = true;
      waiting = [];
      cancelFirstMount();
      offChange();
      offHeld();
      for (const type of PAGE_EVENTS) document.removeEventListener(type, onPageEvent);
      placeholders?.destroy();
      ui?.destroy();
      ui = placeholders = undefined;
    },
  };
}
