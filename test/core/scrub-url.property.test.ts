import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubUrl } from '../../src/core/scrub-url';

const word = fc.stringMatching(/^[a-zA-Z]{1,8}$/);
const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));

const email = fc
  .tuple(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._+-]{0,11}$/), fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }), fc.constantFrom('kz', 'KZ', 'com', 'ru', 'Mail'))
  .map(([local, labels, top]) => `${local}@${[...labels, top].join('.')}`);

// Kazakh numbers as people type them: +7, 8, 7 or nothing, an area code of 3 to 5 digits starting with 7
// (in parentheses or not), then the rest of the ten digits with a space, dash or dot between any two of them:
// +7 701 234 56 78, 8 (7172) 12-34-56, +7.701.234.56.78, 8(71841)2-34-56, (701) 234-56-78, 87012345678…
const separator = fc.constantFrom('', ' ', '-', '.');
const phone = fc
  .record({
    prefix: fc.constantFrom('+7', '+ 7', '8', '7', ''),
    areaLength: fc.integer({ min: 3, max: 5 }),
    national: digits(9),
    parenthesised: fc.boolean(),
    afterPrefix: separator,
    between: fc.array(separator, { minLength: 7, maxLength: 7 }),
  })
  .map(({ prefix, areaLength, national, parenthesised, afterPrefix, between }) => {
    const area = '7' + national.slice(0, areaLength - 1);
    const rest = national.slice(areaLength - 1).split('').map((digit, index) => between[index] + digit).join('');
    return prefix + afterPrefix + (parenthesised ? `(${area})` : area) + rest;
  });

/** The digit that makes `body` followed by it pass the Luhn check, the textbook way: double, subtract 9. */
const luhnCheckDigit = (body: string) => {
  let sum = 0;
  [...body].reverse().forEach((char, index) => {
    const value = index % 2 === 0 ? Number(char) * 2 : Number(char);
    sum += value > 9 ? value - 9 : value;
  });
  return String((10 - (sum % 10)) % 10);
};

// Payment-card numbers: 13 to 19 digits starting with 2 to 6, Luhn-valid, plain or in groups of four.
const card = fc
  .record({ body: fc.stringMatching(/^[2-6]\d{11,17}$/), grouping: fc.constantFrom('', ' ', '-') })
  .map(({ body, grouping }) => (body + luhnCheckDigit(body)).replace(/\d{4}(?=\d)/g, `$&${grouping}`));

const iin = digits(12);

/** The planted value's digits or address, to look for in the result. */
const secretOf = (value: string) => (value.includes('@') ? '@' : value.replace(/\D/g, '').slice(-10));

// How a value reaches the URL: as typed, URI-encoded once, twice or three times (a link in a link's value),
// every character escaped (upper or lower hex), or upper-cased.
const encodings: Array<(value: string) => string> = [
  (value) => value,
  encodeURIComponent,
  (value) => encodeURIComponent(encodeURIComponent(value)),
  (value) => encodeURIComponent(encodeURIComponent(encodeURIComponent(value))),
  (value) => [...value].map((char) => '%' + char.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
  (value) => [...value].map((char) => '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(''),
  (value) => value.toUpperCase().replace(/ /g, '+'),
];

// Text around the planted value inside the same component, including stray `%` a hand-written link may hold;
// no digits (they would make another number) and no `%` right before the value (it would make an escape of it).
const before = fc.constantFrom('', 'x', 'Order-', '_', '~', '%zz', 'x%z', ';', '.', "'", '%E0%AB%Az');
const after = fc.constantFrom('', 'x', '-x', '%', 'x%', '%zz', ';', '%E0%AB%A');

const bases = ['https://www.allur.kz', 'https://user:pw@allur.kz:8443', '', '//cdn.allur.kz', 'http://127.0.0.1'];

type Place = 'path' | 'key' | 'value' | 'fragment' | 'second value';
const places: Place[] = ['path', 'key', 'value', 'fragment', 'second value'];

const plantedUrl = fc.record({
  secret: fc.oneof(email, phone, iin, card),
  encode: fc.integer({ min: 0, max: encodings.length - 1 }),
  place: fc.constantFrom(...places),
  before,
  after,
  base: fc.constantFrom(...bases),
  path: fc.array(word, { maxLength: 3 }),
  key: word,
  other: word,
});

/** Decodes every well-formed escape (a lone `%` stays), so encoded data is seen as the server will see it. */
const leniently = (text: string) =>
  text.replace(/(%[\da-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

// The documented key rule: a long word anywhere, a short one as a word of its own (`aSid` has the word `sid`).
const long = /mail|phone|pass|pwd|token|secret|sessi|name|fio|address|mobile|auth|iin|apikey/i;
const words = (key: string) => key.replace(/([a-z])(?=[A-Z])/g, '$1 ').toLowerCase().split(' ');
const personal = (key: string) => long.test(key) || words(key).some((part) => /^(tel|bin|sid|key|code|login|otp|pin)$/.test(part));
const harmlessKey = word.filter((key) => !personal(key));

// What ordinary addresses hold: words, slugs (`toyota-camry-2024`), short numeric ids, and links to such pages
// in values, as typed or encoded once or twice.
const shortId = fc.stringMatching(/^[1-9]\d{0,8}$/);
const slug = fc
  .tuple(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }), fc.stringMatching(/^\d{0,4}$/))
  .map(([parts, year]) => [...parts, year].filter(Boolean).join('-'));
const segment = fc.oneof(word, slug, shortId);
const harmlessLink = fc
  .record({
    path: fc.array(segment, { minLength: 1, maxLength: 3 }),
    query: fc.array(fc.tuple(harmlessKey, fc.oneof(word, shortId)), { maxLength: 2 }),
    times: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ path, query, times }) => {
    // As typed, a second parameter would be one of the outer address: only encoded links carry more than one.
    const pairs = (times ? query : query.slice(0, 1)).map(([key, value]) => `${key}=${value}`);
    let link = `/${path.join('/')}${pairs.length ? '?' + pairs.join('&') : ''}`;
    for (let time = 0; time < times; time++) link = encodeURIComponent(link);
    return link;
  });

// A secret that is not e-mail, phone or IIN-shaped: only where it sits makes it personal.
const secretToken = fc.stringMatching(/^[a-zA-Z0-9]{10,16}$/);
const personalKeyName = fc.constantFrom('token', 'email', 'access_token', 'sessionId', 'PHPSESSID', 'password', 'sid', 'code', 'iin', 'user_name');

/** A link whose query holds the secret under a personal key, as typed or encoded one to three times. */
const personalLink = fc
  .record({
    origin: fc.constantFrom('', 'https://www.allur.kz', '//id.allur.kz'),
    path: fc.array(segment, { maxLength: 3 }),
    before: fc.array(fc.tuple(harmlessKey, word), { maxLength: 2 }),
    key: personalKeyName,
    token: secretToken,
    times: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ origin, path, before, key, token, times }) => {
    const pairs = [...before.map(([name, value]) => `${name}=${value}`), `${key}=${token}`];
    let link = `${origin}/${path.join('/')}?${pairs.join('&')}`;
    for (let time = 0; time < times; time++) link = encodeURIComponent(link);
    return { link, token };
  });

// Opaque tokens of reset and confirmation links: hex digests, base64url-ish runs, UUIDs (each holds a digit).
const pathToken = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{10,20}[0-9][0-9a-f]{9,30}$/),
  fc.stringMatching(/^[A-Za-z0-9]{10,20}[0-9][A-Za-z0-9]{9,30}$/),
  fc.uuid(),
);

type Shape = { url: string; secret: string };
const personalShape: fc.Arbitrary<Shape> = fc.oneof(
  // A link in a value under a harmless key, or in a path segment (there encoded, or it would be path).
  fc.tuple(personalLink, harmlessKey, fc.array(segment, { maxLength: 2 })).map(([{ link, token }, key, path]) => ({
    url: `https://www.allur.kz/${path.join('/')}?utm_source=vk&${key}=${link}`,
    secret: token,
  })),
  fc.tuple(personalLink, fc.array(segment, { maxLength: 2 })).map(([{ link, token }, path]) => ({
    url: `https://www.allur.kz/${[...path, encodeURIComponent(link)].join('/')}/end?page=2`,
    secret: token,
  })),
  // A path parameter, whatever its key.
  fc.tuple(segment, word, secretToken, fc.boolean()).map(([name, key, token, last]) => ({
    url: `https://www.allur.kz/cart/${name};${key}=${token}${last ? '' : '/items'}?page=2`,
    secret: token,
  })),
  // An opaque token in a path segment, alone or after readable text.
  fc.tuple(pathToken, fc.constantFrom('', 'reset-', 'confirm_', 'MQ-'), fc.constantFrom('', '.json', '-x')).map(([token, before, after]) => ({
    url: `https://www.allur.kz/password/reset/${before}${token}${after}/?step=2`,
    secret: token,
  })),
);

describe('scrubUrl keeps no e-mail, IIN, phone or card number in any URL shape', () => {
  it('removes the planted value wherever and however it sits', () => {
    fc.assert(
      fc.property(plantedUrl, ({ secret, encode, place, before, after, base, path, key, other }) => {
        const planted = before + encodings[encode](secret) + after;
        const segments = ['', ...path];
        let url: string;
        if (place === 'path') url = `${base}${segments.join('/')}/${planted}/end?${key}=${other}`;
        else if (place === 'key') url = `${base}${segments.join('/')}/?${planted}=${other}&${key}=1`;
        else if (place === 'value') url = `${base}${segments.join('/')}?${key}=${planted}`;
        else if (place === 'second value') url = `${base}${segments.join('/')}?${key}=${other}&${key}x=${planted}&z`;
        else url = `${base}${segments.join('/')}?${key}=${other}#${planted}`;
        const result = leniently(scrubUrl(url));
        const found = secretOf(secret);
        expect(found === '@' ? result : result.replace(/\D/g, ''), url).not.toContain(found);
      }),
      { numRuns: 3000 },
    );
  });

  it('removes a secret under a personal key in a nested link, in a path parameter or as an opaque path segment', () => {
    fc.assert(
      fc.property(personalShape, ({ url, secret }) => {
        expect(leniently(scrubUrl(url)), url).not.toContain(secret);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an address that holds nothing personal exactly as it was', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bases.filter((base) => !base.includes('@'))),
        fc.array(segment, { maxLength: 4 }),
        fc.array(fc.tuple(harmlessKey, fc.oneof(word, shortId, segment, harmlessLink)), { maxLength: 4 }),
        (base, path, query) => {
          const pairs = query.map(([key, value]) => `${key}=${value}`);
          const url = `${base}/${path.join('/')}${pairs.length ? '?' + pairs.join('&') : ''}`;
          expect(scrubUrl(url)).toBe(url);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
