/** The attributes of every cookie the library writes: the whole site (path /), first-party only, Secure on https. */
export const firstPartyCookie = (domain: string | undefined, days: number) => ({
  path: '/',
  sameSite: 'Lax' as const,
  secure: location.protocol === 'https:',
  domain,
  expires: days,
});
