import { render } from 'preact';
import type { CategoryChoices, ConsentCore, Lang, Texts } from '../core/types';
import { Banner } from './Banner';
import { createHost, sheetOf } from './host';
import { type NoticeFlags, Notices } from './Notices';
import { Preferences } from './Preferences';
import { styles } from './styles.css';
import { isTabKey, trapTab } from './trap-tab';

/** The UI methods `createConsent` adds to the core. */
export interface ConsentUi {
  showBanner(): void;
  showPreferences(): void;
  hide(): void;
  destroy(): void;
}

/**
 * Renders the banner, the preferences dialog and the notices for `core` into a shadow root.
 * The view state lives in this closure; every change re-renders the whole (small) tree.
 */
export function mountUi(core: ConsentCore, t: Texts, lang: Lang): ConsentUi {
  const { config } = core;
  const { host, shadow, root } = createHost(styles, config.nonce, lang);
  let banner = !core.getState().decided;
  let preferences = false;
  let choices: CategoryChoices = core.getState().categories;
  let opener: HTMLElement | null = null;
  let savedTimer: ReturnType<typeof setTimeout> | undefined;
  const notices: NoticeFlags = { 'auth-warning': false, 'cookies-disabled': core.getStatus().cookiesDisabled, saved: false };

  const update = () => {
    const status = core.getStatus();
    // A page script or a framework re-rendering <body> may have taken the host out: put it back.
    if (!host.isConnected) document.body.prepend(host);
    render(
      <>
        <div class="dock">
          <Notices t={t} show={notices} />
          {banner && <Banner t={t} policyUrl={config.policyUrl} policyUpdated={status.policyUpdated} inert={preferences} />}
          {config.reopenButton && !banner && !preferences && (
            <button type="button" class="btn fab" data-consent-action="preferences" data-consent-reopen="">
              {t.reopen}
            </button>
          )}
        </div>
        {preferences && <Preferences t={t} choices={choices} gpc={status.gpc} policyUrl={config.policyUrl} />}
      </>,
      root,
    );
  };
  const find = (selector: string) => root.querySelector<HTMLElement>(selector);

  const openPreferences = (from?: Element | null) => {
    opener = (from || (document.activeElement == host ? shadow.activeElement : document.activeElement)) as HTMLElement;
    choices = { ...core.getState().categories };
    preferences = true;
    update();
    find('#ac-title')!.focus();
  };
  // Focus left in a removed control goes back to the opener, else to the reopen button or the status region.
  const closePreferences = (focusWasInside = document.activeElement == host) => {
    preferences = false;
    update();
    const focusLost = !shadow.activeElement && [null, host, document.body].includes(document.activeElement as HTMLElement);
    if (focusWasInside && focusLost) (opener?.isConnected ? opener : find('.fab') || find('.notes'))?.focus();
    opener = null;
  };
  const decide = (record: () => void) => {
    const focusWasInside = document.activeElement == host;
    banner = false;
    record();
    notices.saved = true;
    clearTimeout(savedTimer);
    savedTimer = setTimeout(() => {
      notices.saved = false;
      update();
    }, 5000);
    closePreferences(focusWasInside);
  };
  const actions: Record<string, () => void> = {
    'accept-all': () => decide(() => core.acceptAll()),
    'reject-all': () => decide(() => core.rejectAll()),
    close: () => decide(() => core.rejectAll('close')),
    save: () => decide(() => core.set(choices)),
    preferences: () => openPreferences(),
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    const action = button?.dataset.consentAction;
    const dismissed = button?.dataset.consentDismiss as keyof NoticeFlags | 'preferences' | undefined;
    if (action) actions[action]();
    else if (dismissed == 'preferences') closePreferences();
    else if (dismissed) {
      notices[dismissed] = false;
      update();
    }
  });
  root.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    choices = { ...choices, [input.dataset.category!]: input.checked };
  });
  const onKeydown = (event: KeyboardEvent) => {
    const dialog = find('[role=dialog]');
    if (dialog) {
      if (event.key == 'Escape') closePreferences();
      else if (isTabKey(event)) trapTab(event, dialog, shadow);
    } else if (event.key == 'Escape' && banner && event.composedPath().includes(find('.banner')!)) actions.close();
  };
  const onPageClick = (event: MouseEvent) => {
    const trigger = (event.target as Element).closest?.('[data-consent-open]');
    if (trigger) {
      event.preventDefault();
      openPreferences(trigger);
    }
  };
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('click', onPageClick);

  const offChange = core.on('change', (state) => {
    banner = !state.decided;
    notices['auth-warning'] = state.decided && !state.categories.functional;
    // The core may learn only on writing the decision that the browser keeps no cookies.
    notices['cookies-disabled'] ||= core.getStatus().cookiesDisabled;
    update();
  });

  update();
  // WCAG 2.4.11: the page scrolls focused elements clear of the fixed dock, and its last controls can scroll above it.
  const padding = document.adoptedStyleSheets && typeof ResizeObserver == 'function' ? sheetOf('') : undefined;
  const dock = find('.dock')!;
  const resizeObserver =
    padding &&
    new ResizeObserver(() => {
      const height = find('.card,.fab') ? dock.offsetHeight : 0;
      padding.replaceSync(`:root{scroll-padding-bottom:${height}px;padding-bottom:${height}px}`);
    });
  if (padding) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, padding];
    resizeObserver!.observe(dock);
  }

  return {
    showBanner() {
      banner = true;
      update();
    },
    showPreferences: () => openPreferences(),
    hide() {
      banner = false;
      closePreferences();
    },
    destroy() {
      offChange();
      clearTimeout(savedTimer);
      resizeObserver?.disconnect();
      document.removeEventListener('keydown', onKeydown);
      document.removeEventListener('click', onPageClick);
      if (padding) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet != padding);
      render(null, root);
      host.remove();
    },
  };
}
