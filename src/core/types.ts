/** The four consent categories (docs/categories.md); `necessary` can never be refused. */
export type Category = 'necessary' | 'functional' | 'statistics' | 'marketing';

/** The categories a visitor may refuse. */
export type OptionalCategory = Exclude<Category, 'necessary'>;

/** Languages shipped with the library. */
export type Lang = 'ru' | 'kk' | 'en';

/** What the visitor did to reach a decision; recorded in consent receipts (docs/cookies-and-receipts.md). */
export type ConsentAction = 'accept-all' | 'reject-all' | 'save' | 'close' | 'withdraw';

/** Granted (`true`) or refused (`false`) for every category. */
export interface CategoryChoices {
  necessary: true;
  functional: boolean;
  statistics: boolean;
  marketing: boolean;
}

/** The state returned by `getState()` (docs/instance.md). */
export interface ConsentState {
  decided: boolean;
  categories: CategoryChoices;
  policyVersion: string;
  decidedAt: string | null;
  id: string | null;
}

/** What the UI needs to know besides the state: reasons to show a notice. */
export interface ConsentStatus {
  /** The browser does not keep cookies: the choice lives for this page only. */
  cookiesDisabled: boolean;
  /** A stored decision was made for another policy version: re-asking (policy §9.2). */
  policyUpdated: boolean;
  /** `navigator.globalPrivacyControl === true`: marketing stays off. */
  gpc: boolean;
}

/** One string for every language, or one per language (a language without one shows the Russian). */
export type LocalizedText = string | Partial<Record<Lang, string>>;

/** One row of a category's cookie table in the preferences dialog (docs/config.md). */
export interface CookieDeclaration {
  name: string;
  provider: string;
  purpose: LocalizedText;
  lifetime: LocalizedText;
}

/** Cookie names or patterns, and storage keys, removed when a category is refused; the cookies it declares. */
export interface CategoryConfig {
  cookies?: Array<string | RegExp>;
  /** Keys or patterns of keys, removed from both localStorage and sessionStorage. */
  storage?: Array<string | RegExp>;
  /** Rows of the dialog's cookie table; they replace the presets' rows, never the cleanup lists above. */
  declaration?: CookieDeclaration[];
}

export type PixelTransport = 'beacon' | 'image';

export interface PixelConfig {
  /** Where hits go; without one the pixel sends nothing. */
  endpoint?: string;
  transport?: PixelTransport;
  /** Queue a `pageview` on init (default true). */
  autoPageview?: boolean;
  /** Send a `pageview` on history.pushState / popstate navigation (default false). */
  spa?: boolean;
  /** Extra query keys treated as personal, on top of the built-in list. */
  personalParams?: string[];
}

export interface ConsentLogConfig {
  /** Where receipts go; without one decisions are not recorded. */
  endpoint?: string;
}

export interface CookieConfig {
  domain?: string;
  maxAgeDays?: number;
}

export interface VendorConfig {
  /** Google Consent Mode v2: `'auto'` (default) when gtag/dataLayer is on the page. */
  google?: boolean | 'auto';
  /** Meta Pixel consent calls: `'auto'` (default) when `fbq` is on the page. */
  meta?: boolean | 'auto';
}

/** Texts of one language, by the keys of docs/ui.md. */
export type Texts = Record<TextKey, string>;

export type TextKey =
  | 'title' | 'body' | 'acceptAll' | 'rejectAll' | 'settings' | 'save' | 'close'
  | 'policyLink' | 'preferencesTitle' | 'preferencesIntro' | 'alwaysOn'
  | 'necessary' | 'necessaryDescription' | 'functional' | 'functionalDescription'
  | 'statistics' | 'statisticsDescription' | 'marketing' | 'marketingDescription'
  | 'authWarning' | 'cookiesDisabled' | 'policyUpdated' | 'gpcNotice' | 'saved' | 'reopen'
  | 'region' | 'operator' | 'recipients' | 'withdraw' | 'withdrawConsent'
  | 'cookies' | 'cookieName' | 'cookieProvider' | 'cookiePurpose' | 'cookieLifetime' | 'days'
  | 'consentCookie' | 'visitorCookie' | 'embedTitle' | 'embedNotice' | 'loadEmbed';

/** The config of docs/config.md, as given by the site. */
export interface ConsentConfig {
  policyVersion: string;
  /** One address, or one per language. */
  policyUrl?: string | Partial<Record<Lang, string>>;
  lang?: Lang;
  texts?: Partial<Record<Lang, Partial<Texts>>>;
  cookie?: CookieConfig;
  categories?: Partial<Record<OptionalCategory, CategoryConfig>> & { necessary?: Pick<CategoryConfig, 'declaration'> };
  pixel?: PixelConfig | false;
  consentLog?: ConsentLogConfig | false;
  vendors?: VendorConfig;
  reopenButton?: boolean;
  nonce?: string;
  /** Script tag only: the folder URL of the UI files, absolute or relative to the page (docs/script-tag.md). */
  uiBase?: string;
}

/** What a UI tells the core besides the config. */
export interface CoreOptions {
  /** The texts the UI shows, by key: receipts carry their digest, so the site can prove what the visitor read. */
  texts?: Record<string, string>;
  /** The language of those texts, the one the UI shows: receipts carry it (default: the config's `lang`, else `ru`). */
  lang?: Lang;
}

/** The config after defaults and validation: what the core and the UI read. */
export interface ResolvedConfig {
  policyVersion: string;
  policyUrl: string | Partial<Record<Lang, string>>;
  lang: Lang | undefined;
  texts: Partial<Record<Lang, Partial<Texts>>>;
  cookie: { domain: string | undefined; maxAgeDays: number };
  /** An optional category's `declaration` is undefined unless the site gave one: its table shows the presets' rows. */
  categories: Record<OptionalCategory, Required<Omit<CategoryConfig, 'declaration'>> & Pick<CategoryConfig, 'declaration'>> & {
    necessary: { declaration: CookieDeclaration[] };
  };
  pixel: (Required<Omit<PixelConfig, 'endpoint' | 'personalParams'>> & { endpoint: string | undefined; personalParams: string[] }) | false;
  consentLog: { endpoint: string | undefined } | false;
  vendors: { google: boolean | 'auto'; meta: boolean | 'auto' };
  reopenButton: boolean;
  nonce: string | undefined;
  uiBase: string | undefined;
}

export type ChangeListener = (state: ConsentState, previous: ConsentState) => void;

/** Failures the page may want to hear of: an endpoint down, a script that did not load. */
export interface ConsentError {
  source: 'pixel' | 'consent-log' | 'gate' | 'storage';
  message: string;
  cause?: unknown;
}
export type ErrorListener = (error: ConsentError) => void;
/** Told the gated iframes held back (their categories not granted), whenever that set changes. */
export type HeldListener = (iframes: HTMLIFrameElement[]) => void;

/** The statistics pixel (docs/pixel.md). */
export interface Pixel {
  /** Sends `event` (default `pageview`) with extra fields, only while statistics is granted. */
  track(event?: string, props?: Record<string, string | number | boolean>): void;
}

/** The headless instance returned by `createConsentCore` (docs/instance.md, without the UI methods). */
export interface ConsentCore {
  readonly config: ResolvedConfig;
  getState(): ConsentState;
  getStatus(): ConsentStatus;
  has(category: Category): boolean;
  acceptAll(): void;
  rejectAll(action?: 'reject-all' | 'close'): void;
  set(choices: Partial<Record<Category, boolean>>, action?: ConsentAction): void;
  /** Forgets the decision (a withdrawal): banner again, pixel stopped, cookies cleaned. */
  reset(): void;
  on(event: 'change', listener: ChangeListener): () => void;
  on(event: 'error', listener: ErrorListener): () => void;
  on(event: 'held', listener: HeldListener): () => void;
  /** The gated iframes held back now, in document order (docs/gated-markup.md). */
  held(): HTMLIFrameElement[];
  /**
   * Loads one held-back iframe now, for this page view only: no decision is recorded, nothing else is activated,
   * nothing is written. The gate will not load it a second time.
   */
  activate(iframe: HTMLIFrameElement): void;
  readonly pixel: Pixel;
  destroy(): void;
}
