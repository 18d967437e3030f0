// Cookie clean-up shared by the jsdom tests: each test starts and ends with a document that holds no cookie.

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
