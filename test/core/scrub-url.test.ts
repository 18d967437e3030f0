import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrubUrl } from '../../src/core/scrub-url';

const shop = 'https://www.allur.kz';

describe('scrubUrl: fragment and query keys', () => {
  it('drops the fragment', () => {
    expect(scrubUrl(`${shop}/cars/jac-j7#email=aigerim@mail.kz`)).toBe(`${shop}/cars/jac-j7`);
  });

  it('keeps harmless parameters untouched, in order', () => {
    const url = `${shop}/catalog?utm_source=yandex&utm_medium=cpc&page=2&sort=price&model=JAC%20S3`;
    expect(scrubUrl(url)).toBe(url);
  });

  it.each([
    'email', 'e-mail', 'E_Mail', 'mail', 'user_email', 'phone', 'customerPhone', 'tel', 'Tel', 'mobile',
    'iin', 'IIN', 'bin', 'name', 'fio', 'firstName', 'first_name', 'lastname', 'surname', 'token',
    'access_token', 'password', 'pass', 'pwd', 'code', 'session', 'sessionId', 'sid', 'auth',
    'key', 'apiKey', 'secret', 'address', 'login',
  ])('removes the personal key %s with its value', (key) => {
    expect(scrubUrl(`${shop}/form?utm_source=vk&${key}=Aigerim&page=3`)).toBe(
      `${shop}/form?utm_source=vk&page=3`,
    );
  });

  it('keeps keys that only contain a short personal word inside another word', () => {
    const url = `${shop}/service?hotel=1&cabinet=2&inside=3&keyboard=4&model=5`;
    expect(scrubUrl(url)).toBe(url);
  });

  it('removes the whole query mark when every parameter was personal', () => {
    expect(scrubUrl(`${shop}/thanks?email=a%40b.kz&phone=%2B77012345678`)).toBe(`${shop}/thanks`);
  });

  it('removes personal keys that are percent-encoded and keeps values with encoded Cyrillic', () => {
    const kept = 'q=%D0%BA%D1%80%D0%BE%D1%81%D1%81%D0%BE%D0%B2%D0%B5%D1%80';
    expect(scrubUrl(`${shop}/search?${kept}&%66io=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC`)).toBe(
      `${shop}/search?${kept}`,
    );
  });

  it('removes extra keys from personalParams, case-insensitively', () => {
    expect(scrubUrl(`${shop}/?dealer=5&Vin=XTA123&utm_campaign=x`, ['vin'])).toBe(
      `${shop}/?dealer=5&utm_campaign=x`,
    );
  });
});

describe('scrubUrl: personal text anywhere', () => {
  it('redacts an e-mail whole when its name holds a phone number or an IIN-like run', () => {
    expect(scrubUrl('https://www.allur.kz/u/87012345678.ivan@mail.kz?to=870101300123x@allur.kz')).toBe('https://www.allur.kz/u/*?to=*');
  });

  it('redacts an IIN in the path and in a harmless-looking value', () => {
    expect(scrubUrl(`${shop}/client/880215300123/orders?ref=880215300123`)).toBe(
      `${shop}/client/*/orders?ref=*`,
    );
  });

  it('keeps digit runs that are not 12 long and not phones', () => {
    const url = `${shop}/order/1234567890123?t=1764160000&price=12500000`;
    expect(scrubUrl(url)).toBe(url);
  });

  it.each([
    'aigerim.n@mail.kz',
    'aigerim%40mail.kz',
    'Айгерим@почта.қз',
    '%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC%40mail.ru',
  ])('redacts the e-mail %s', (email) => {
    expect(scrubUrl(`${shop}/subscribe/${email}?q=${email}`)).toBe(`${shop}/subscribe/*?q=*`);
  });

  it.each([
    '+7 701 234 56 78',
    '8 (701) 234-56-78',
    '87012345678',
    '+77012345678',
    '(701) 234-56-78',
    '%2B7%20701%20234%2056%2078',
    '%2B7+701+234+56+78',
    '8%20(701)%20234-56-78',
  ])('redacts the phone %s', (phone) => {
    expect(scrubUrl(`${shop}/callback?q=${phone}&page=1`)).toBe(`${shop}/callback?q=*&page=1`);
  });

  it('redacts only the personal part of a value and re-encodes it', () => {
    expect(scrubUrl(`${shop}/?comment=%D0%BF%D0%BE%D0%B7%D0%B2%D0%BE%D0%BD%D0%B8%D1%82%D0%B5%208%20701%202345678`)).toBe(
      `${shop}/?comment=${encodeURIComponent('позвоните *')}`,
    );
  });

  it('drops credentials before the host', () => {
    expect(scrubUrl('https://aigerim:Qwerty123@allur.kz/cars')).toBe('https://allur.kz/cars');
  });
});

describe('scrubUrl: an address inside a value', () => {
  it.each([
    ['a token in an encoded link', 'next=%2Freset%3Ftoken%3Dabc123def456'],
    ['a token in a link as it is', 'next=/reset?token=abc123def456'],
    ['an e-mail in a link encoded twice', 'return=%2Fprofile%3Femail%3Divan%2540mail.kz'],
    ['an e-mail in a link encoded three times', 'return=%252Fprofile%253Fq%253Divan%252540mail.kz'],
    ['a personal key in an encoded query', 'state=token%3Dabc123%26step%3D2'],
    ['a path parameter in an encoded link', 'next=%2Fcart%3Bjsessionid%3D1A2B3C4D'],
    ['a fragment in an encoded link', 'redirect=https%3A%2F%2Fallur.kz%2Fcb%23access_token%3Dabc'],
    ['credentials in an encoded link', 'next=https%3A%2F%2Faigerim%3AQwerty1%40allur.kz%2F'],
  ])('replaces the whole value holding %s', (_, pair) => {
    expect(scrubUrl(`${shop}/login?utm_source=vk&${pair}&page=2`)).toBe(`${shop}/login?utm_source=vk&${pair.split('=')[0]}=*&page=2`);
  });

  it('replaces a link encoded more than three times, which it does not read', () => {
    const fourTimes = encodeURIComponent(encodeURIComponent(encodeURIComponent(encodeURIComponent('/cars?q=1'))));
    expect(scrubUrl(`${shop}/login?next=${fourTimes}`)).toBe(`${shop}/login?next=*`);
  });

  it('reads links nested three deep and replaces a fourth', () => {
    const third = `${shop}/a?next=${encodeURIComponent('/b?next=/c?next=/d')}`;
    expect(scrubUrl(third)).toBe(third);
    expect(scrubUrl(`${shop}/a?next=${encodeURIComponent('/b?next=/c?next=/d?next=/e')}`)).toBe(`${shop}/a?next=*`);
  });

  it.each([
    'next=%2Fcars%2Fjac-j7%3Fcolor%3Dred%26page%3D2',
    'next=/cars/jac-j7',
    'return=https%3A%2F%2Fwww.allur.kz%2Fcatalog%3Fsort%3Dprice',
    'q=AC%2FDC',
    'q=what%3F',
    'sig=YWxsdXI%3D',
    'filter=brand%3Djac',
  ])('keeps the value %s, which holds nothing personal', (pair) => {
    const url = `${shop}/login?${pair}&page=2`;
    expect(scrubUrl(url)).toBe(url);
  });

  it('keeps an empty parameter and a query mark with nothing after it', () => {
    expect(scrubUrl(`${shop}/cars?`)).toBe(`${shop}/cars?`);
    expect(scrubUrl(`${shop}/cars?a=1&&b=2`)).toBe(`${shop}/cars?a=1&&b=2`);
  });
});

describe('scrubUrl: path parameters and opaque tokens', () => {
  it.each(['jsessionid=1A2B3C4D5E6F', 'sid=abc', 'phpsessid=q1w2e3', 'JSESSIONID=1A2B;x=1', 'lang=ru'])(
    'drops the path parameter ;%s',
    (parameter) => {
      expect(scrubUrl(`${shop}/cart;${parameter}?step=2`)).toBe(`${shop}/cart?step=2`);
      expect(scrubUrl(`${shop}/cart;${parameter}/items`)).toBe(`${shop}/cart/items`);
    },
  );

  it('removes the PHP session key from the query', () => {
    expect(scrubUrl(`${shop}/cart?PHPSESSID=q1w2e3r4&step=2`)).toBe(`${shop}/cart?step=2`);
  });

  it.each([
    ['40 hex digits', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['32 upper-case hex digits', '9F86D081884C7D659A2FEAA0C55AD015'],
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['a base64url token', 'Mzk0NTY3ODkwYWJjZGVmZ2hpamts-x_1'],
    ['a token after a readable part', 'MQ-c5a8x1-0a1b2c3d4e5f6a7b8c9d0e1f2a3b'],
    ['a JSON web token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ])('replaces a path segment holding %s', (_, token) => {
    expect(scrubUrl(`${shop}/password/reset/${token}/?step=2`)).toBe(`${shop}/password/reset/*/?step=2`);
  });

  it.each([
    '/cars/toyota-camry-2024',
    '/product/12345',
    '/order/1234567890123',
    '/news/novyj-jac-j7-2024-goda-uzhe-v-almaty-i-astane',
    '/catalog/jac_s3_plus_2024_komplektaciya',
    '/catalog/krossovery-jac-js4-comfort-plus',
    '/img/9f86d081884c7d65',
    '/cars/JAC%20J7%202024',
  ])('keeps the ordinary path %s', (path) => {
    expect(scrubUrl(`${shop}${path}?sort=price`)).toBe(`${shop}${path}?sort=price`);
  });

  it('keeps a long host name and its port, which are not a path', () => {
    const url = 'https://d1234abcd5678efgh9012ijkl.cloudfront.net:8443/cars';
    expect(scrubUrl(url)).toBe(url);
  });
});

describe('scrubUrl: phone numbers in every Kazakh writing and card numbers', () => {
  it.each([
    '+7.701.234.56.78',
    '8.701.234.56.78',
    '8 (7172) 12-34-56',
    '+7 (7172) 123456',
    '8-7172-12-34-56',
    '8 7172 123 456',
    '+7 (71841) 2-34-56',
    '8(727)2345678',
    '(7172) 12-34-56',
    '%2B7.701.234.56.78',
    '8%20(7172)%2012-34-56',
  ])('redacts the phone %s in a path and under a harmless key', (phone) => {
    expect(scrubUrl(`${shop}/callback/${phone}/ok?q=${phone}&page=1`)).toBe(`${shop}/callback/*/ok?q=*&page=1`);
  });

  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '4111+1111+1111+1111',
    '5500%200000%200000%200004',
    '378282246310005',
    '2200000000000004',
  ])('redacts the Luhn-valid card number %s in a path, a key and a value', (card) => {
    expect(scrubUrl(`${shop}/pay/${card}?${card}=1&note=${card}`)).toBe(`${shop}/pay/*?*=1&note=*`);
  });

  it('keeps long numbers that fail the Luhn check or do not start like a card', () => {
    const url = `${shop}/order/4111111111111112?ts=1764160000000&ref=9111111111111111`;
    expect(scrubUrl(url)).toBe(url);
  });
});

it('scrubs the README example as the README says', () => {
  expect(scrubUrl(`${shop}/client/880215300123?utm_source=vk&phone=87012345678&q=aigerim%40mail.kz#top`)).toBe(
    `${shop}/client/*?utm_source=vk&q=*`,
  );
});

describe('scrubUrl: any input', () => {
  it('returns an empty string for what is not a string', () => {
    expect(scrubUrl(undefined as unknown as string)).toBe('');
    expect(scrubUrl({ href: shop } as unknown as string)).toBe('');
  });

  it('scrubs a string that is not a URL, and survives malformed escapes', () => {
    expect(scrubUrl('not a url, mail aigerim@mail.kz')).toBe(encodeURIComponent('not a url, mail *'));
    expect(scrubUrl(`${shop}/%E0%A4%A?x=%&email=1`)).toBe(`${shop}/%E0%A4%A?x=%`);
  });

  it('returns an empty string when a lone surrogate leaves nothing that can be encoded', () => {
    expect(scrubUrl(`${shop}/\uD800880215300123`)).toBe('');
  });

  it('stays fast on a long crafted URL (no quadratic backtracking)', () => {
    const long = `${shop}/${'a.'.repeat(25_000)}?q=${'b'.repeat(50_000)}&x=${'8('.repeat(25_000)}`;
    const started = performance.now();
    expect(scrubUrl(long)).toBe(long);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['a long letter run in a path', `${shop}/${'ab'.repeat(25_000)}1/x`, `${shop}/*/x`],
    ['many short runs and dashes in a path', `${shop}/${'a1-0123abcd-'.repeat(5_000)}`, null],
    ['many path parameters', `${shop}/${'a;'.repeat(25_000)}`, `${shop}/a`],
    ['digits and spaces', `${shop}/?q=${'2 '.repeat(25_000)}`, null],
    ['eights, spaces and dots', `${shop}/?q=${'8 .'.repeat(16_000)}`, null],
    ['escapes of escapes of escapes', `${shop}/?q=${'%25252541'.repeat(6_000)}`, `${shop}/?q=*`],
    ['links in links', `${shop}/?q=${'/a?b='.repeat(10_000)}`, `${shop}/?q=*`],
  ])('stays fast on %s', (_, url, scrubbed) => {
    const started = performance.now();
    expect(scrubUrl(url)).toBe(scrubbed ?? url);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws and never lets an IIN or a personal key through', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, value) => {
        const result = scrubUrl(`${shop}/${path}/880215300123?iin=${value}`);
        expect(result).not.toContain('880215300123');
        expect(result).not.toMatch(/[?&]iin=/);
      }),
    );
  });
});
