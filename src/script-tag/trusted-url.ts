// The Trusted Types policy of the library, made on first use where the browser has Trusted Types: a page that
// enforces them (`require-trusted-types-for 'script'`) lets it be made with `trusted-types allur-consent`.
type Policy = { createScriptURL(url: string): string };

let policy: Policy | null | undefined;
// The only URLs the policy turns into script URLs: the UI files the loader itself computed.
const computed = new Set<string>();

/** `url`, which the loader computed, as a script URL the page's Trusted Types accept; the plain string elsewhere. */
export function trustedScriptUrl(url: string): string {
  const trustedTypes = (window as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes;
  if (!trustedTypes) return url;
  computed.add(url);
  if (policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('allur-consent', {
        createScriptURL(candidate) {
          if (computed.has(candidate)) return candidate;
          throw new TypeError(`allur-consent: ${candidate} is no UI file of this script`);
        },
      });
    } catch {
      // The page's CSP allows no policy of this name: the plain URL goes to its default policy, if any.
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
