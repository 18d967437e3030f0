import { render } from 'preact';
import type { ConsentCore, ConsentState, Lang, OptionalCategory, Texts } from '../core/index';
import type { Dismissable, UiAction } from './actions';
import { Banner } from './Banner';
import { createHost, sheetOf } from './host';
import { Notices } from './Notices';
import { Preferences } from './Preferences';
import { isTabKey, trapTab } from './trap-tab';
import { cookieRows } from './cookie-rows';
import { inLanguage } from './texts';
import { initialView, reduceView, type ViewEvent } from './view-state';

/** The mounted UI: the instance's UI methods, the dialog opened from a page element, told of each change of the state. */
export interface MountedUi {
  showBanner(): void;
  /** Opens the dialog; focus goes back to `from` (by default the element focused now) when it closes. */
  showPreferences(from?: Element | null): void;
  hide(): void;
  changed(state: ConsentState): void;
  destroy(): void;
}

/**
 * Renders the banner, the preferences dialog and the notices for `core` into a shadow root, and keeps what a
 * view state cannot: focus, the keyboard, the "saved" timer and the page's scroll padding.
 * The view state comes from `reduceView`; every change re-renders the whole (small) tree.
 */
export function mountUi(core: ConsentCore, t: Texts, lang: Lang): MountedUi {
  const { config } = core;
  const policyUrl = inLanguage(config.policyUrl, lang);
  // The cookie tables are built when the dialog first opens: the banner alone never shows them.
  let cookies: ReturnType<typeof cookieRows> | undefined;
  const { host, shadow, root } = createHost(config.nonce, lang);
  let view = initialView(core.getState());
  let opener: HTMLElement | null = null;
  let savedTimer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const status = core.getStatus();
    const { banner, preferences } = view;
    // A page script or a framework re-rendering <body> may have taken the host out: put it back.
    if (!host.isConnected) document.body.prepend(host);
    render(
      <>
        <div class="dock">
          <Notices t={t} show={view.notices} />
          {banner && <Banner t={t} policyUrl={policyUrl} policyUpdated={status.policyUpdated} inert={preferences} />}
          {config.reopenButton && !banner && !preferences && (
            <button type="button" class="button reopen" data-consent-action="preferences" data-consent-reopen="">
              {t.reopen}
            </button>
          )}
        </div>
        {preferences && <Preferences t={t} choices={view.choices} gpc={status.gpc} policyUrl={policyUrl} decided={core.getState().decided} cookies={(cookies ??= cookieRows(config, t, lang))} />}
      </>,
      root,
    );
  };
  const dispatch = (event: ViewEvent) => {
    view = reduceView(view, event);
    update();
  };
  const find = (selector: string) => root.querySelector<HTMLElement>(selector);

  const openPreferences = (from?: Element | null) => {
    opener = (from || (document.activeElement === host ? shadow.activeElement : document.activeElement)) as HTMLElement;
    dispatch({ type: 'open-preferences', choices: core.getState().categories });
    find('#ac-title')!.focus();
  };
  /** Where focus goes from a control taken away: back to the opener, else to the reopen button or the status region. */
  const focusTarget = () => (opener?.isConnected ? opener : find('.reopen') || find('.notices'));
  const closePreferences = (focusWasInside = document.activeElement === host) => {
    dispatch({ type: 'close-preferences' });
    const focusLost = !shadow.activeElement && [null, host, document.body].includes(document.activeElement as HTMLElement);
    if (focusWasInside && focusLost) focusTarget()?.focus();
    opener = null;
  };
  /**
   * Records a decision (or a withdrawal) and shows its whole result in one render, in the click's task: the core
   * tells its listeners, this UI among them, only after the next paint (docs/instance.md), and its state is right
   * at once.
   */
  const decide = (record: () => void) => {
    // The banner and the dialog go with a decision, and the control in them that had focus. Focus leaves before the
    // render when its target is one the render keeps (a page element that opened the dialog, the status region):
    // after the render, focus() would pay a second pass over the styles the render changed. An opener in the
    // banner and the reopen button go or come with the render: focus goes to them after it.
    const focusLeaves = !!shadow.activeElement?.closest('.banner, [role=dialog]');
    const early = opener?.isConnected ? opener.getRootNode() !== shadow && opener : !config.reopenButton && find('.notices');
    record();
    if (focusLeaves && early) early.focus();
    dispatch({ type: 'decided', state: core.getState() });
    if (focusLeaves && !early) focusTarget()?.focus();
    opener = null;
    clearTimeout(savedTimer);
    if (view.notices.saved) savedTimer = setTimeout(() => dispatch({ type: 'saved-shown' }), 5000);
  };
  const actions: Record<UiAction, () => void> = {
    'accept-all': () => decide(() => core.acceptAll()),
    'reject-all': () => decide(() => core.rejectAll()),
    close: () => decide(() => core.rejectAll('close')),
    save: () => decide(() => core.set(view.choices)),
    preferences: () => openPreferences(),
    withdraw: () => decide(() => core.reset()),
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    const action = button?.dataset.consentAction as UiAction | undefined;
    const dismissed = button?.dataset.consentDismiss as Dismissable | undefined;
    if (action) actions[action]();
    else if (dismissed === 'preferences') closePreferences();
    else if (dismissed) dispatch({ type: 'dismiss', notice: dismissed });
  });
  root.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    // The switches change the unsaved choices only; the tree is already what the visitor sees.
    view = reduceView(view, { type: 'choose', category: input.dataset.category as OptionalCategory, granted: input.checked });
  });
  const onKeydown = (event: KeyboardEvent) => {
    const dialog = find('[role=dialog]');
    if (dialog) {
      if (event.key === 'Escape') closePreferences();
      else if (isTabKey(event)) trapTab(event, dialog, shadow);
    } else if (event.key === 'Escape' && view.banner && event.composedPath().includes(find('.banner')!)) actions.close();
  };
  document.addEventListener('keydown', onKeydown);

  update();
  // Whether cookies are off is probed after the first render: the probe's first use of storage is slow.
  const probeTimer = setTimeout(() => core.getStatus().cookiesDisabled && dispatch({ type: 'cookies-disabled' }));
  // WCAG 2.4.11: the page scrolls focused elements clear of the fixed dock, and its last controls can scroll above it.
  const padding = document.adoptedStyleSheets && typeof ResizeObserver === 'function' ? sheetOf('') : undefined;
  const dock = find('.dock')!;
  const resizeObserver =
    padding &&
    new ResizeObserver(() => {
      const height = find('.card,.reopen') ? dock.offsetHeight : 0;
      padding.replaceSync(`:root{scroll-padding-bottom:${height}px;padding-bottom:${height}px}`);
    });
  if (padding) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, padding];
    resizeObserver!.observe(dock);
  }

  return {
    showBanner: () => dispatch({ type: 'show-banner' }),
    showPreferences: openPreferences,
    changed: (state) => dispatch({ type: 'changed', state, cookiesDisabled: core.getStatus().cookiesDisabled }),
    hide() {
      view = reduceView(view, { type: 'hide' });
      closePreferences();
    },
    destroy() {
      clearTimeout(savedTimer);
      clearTimeout(probeTimer);
      resizeObserver?.disconnect();
      document.removeEventListener('keydown', onKeydown);
      if (padding) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== padding);
      render(null, root);
      host.remove();
    },
  };
}
