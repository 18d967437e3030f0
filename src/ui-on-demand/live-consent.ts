import type { Consent } from './consent';

// The instance not yet destroyed, where every build on the page finds it: the script tag's bundle and an app's npm
// bundle each have their own copy of this module (a page moving from one to the other has both). A registered
// symbol on the global object: no element id and no global of the page's own can shadow it.
const LIVE = Symbol.for('allur-consent');
const page = globalThis as { [LIVE]?: Consent };

export const liveConsent = (): Consent | undefined => page[LIVE];

export const keepLive = (consent: Consent): Consent => (page[LIVE] = consent);

/** Frees the slot, if `consent` still holds it. */
export const releaseLive = (consent: Consent): void => {
  if (page[LIVE] === consent) delete page[LIVE];
};
