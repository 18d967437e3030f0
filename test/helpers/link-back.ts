// The page's own way back to the choices, as every real page has (a footer link with data-consent-open): with it the
// library keeps quiet about withdrawal being out of reach, a warning only the tests about it expect.
// It sits after <body>, so tests that write the body keep it and find their own data-consent-open controls first.

const LINK_BACK_ID = 'link-back-to-the-choices';

/** Puts the link back to the choices on the page. */
export function addLinkBack() {
  const link = document.createElement('a');
  link.id = LINK_BACK_ID;
  link.href = '#';
  link.setAttribute('data-consent-open', '');
  document.documentElement.append(link);
}

/** Takes it away again: after each test, or for a test about a page with no way back. */
export const removeLinkBack = () => document.getElementById(LINK_BACK_ID)?.remove();
