import { CONSENT_COOKIE } from './consent-cookie';
import { removeCookies, removeStorageKeys } from './cookie-cleanup';
import { VISITOR_COOKIE } from './pixel';
import type { CategoryConfig } from './types';

// The library's own cookies are no category's to delete: a site's pattern such as /consent/ would take the decision
// just written, or the visitor id of a granted statistics. The pixel deletes its cookie itself when refused.
const OWN_COOKIES = [CONSENT_COOKIE, VISITOR_COOKIE];

/**
 * Deletes the cookies and storage keys `categories` list (docs/categories.md), all of them from one read of the
 * cookie jar (`jar`, when the caller just read it), never the library's own cookies.
 */
export function cleanCategories(categories: CategoryConfig[], configuredDomain?: string, jar?: string): void {
  removeCookies(categories.flatMap((category) => category.cookies ?? []), configuredDomain, OWN_COOKIES, jar);
  removeStorageKeys(categories.flatMap((category) => category.storage ?? []));
}
