import type { ResolvedConfig } from './types';

/**
 * Says once at start, as information, which endpoint the config lacks (and its script tag attribute) and so what
 * is not sent (docs/config.md); a group turned off with `false` says nothing.
 */
export function noteMissingEndpoints({ pixel, consentLog }: ResolvedConfig): void {
  if (pixel && !pixel.endpoint) console.info('allur-consent: no pixel.endpoint (data-pixel-endpoint): the statistics pixel sends nothing');
  if (consentLog && !consentLog.endpoint) console.info('allur-consent: no consentLog.endpoint (data-consent-log-endpoint): decisions are not recorded');
}
