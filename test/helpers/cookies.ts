// Cookie helpers shared by the jsdom tests: clean-up, so each test starts and ends with a document that holds no
// cookie, and a count of the round trips to the cookie store.
import { onTestFinished } from 'vitest';

/** Deletes the cookie `name` on path `/`. */
export const deleteCookie = (name: string) => {
  document.cookie = `${name}=; max-age=0; path=/`;
};

/** Deletes every cookie the document can see. */
export const wipeCookies = () => {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) deleteCookie(name);
  }
};

/**
 * Counts the reads and lists the writes of `document.cookie` until the test ends. On Document.prototype, where the
 * accessor lives: a property defined on `document` itself would outlive the test, and two spies on one accessor
 * (its getter and its setter) restore each other's copy.
 */
export function countCookieAccess(): { reads: number; writes: string[] } {
  const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const access = { reads: 0, writes: [] as string[] };
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() {
      access.reads++;
      return jar.get!.call(this);
    },
    set(cookie: string) {
      access.writes.push(cookie);
      jar.set!.call(this, cookie);
    },
  });
  onTestFinished(() => {
    Object.defineProperty(Document.prototype, 'cookie', jar);
  });
  return access;
}
