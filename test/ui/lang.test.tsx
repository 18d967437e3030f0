import { describe, expect, it, vi } from 'vitest';
import { en as english } from '../../src/ui/i18n/en';
import { kk as kazakh } from '../../src/ui/i18n/kk';
import { ru as russian } from '../../src/ui/i18n/ru';
import { setup } from './setup';

const ru = russian();
const kk = kazakh();
const en = english();

const DOCUMENTED_KEYS =
  'title body acceptAll rejectAll settings save close policyLink preferencesTitle preferencesIntro alwaysOn necessary ' +
  'necessaryDescription functional functionalDescription statistics statisticsDescription marketing marketingDescription ' +
  'authWarning cookiesDisabled policyUpdated gpcNotice saved reopen';
const locales = { ru, kk, en };

describe('languages', () => {
  it('ships ru, kk and en with every key filled, each in its own words', () => {
    for (const key of [...DOCUMENTED_KEYS.split(' '), ...Object.keys(ru)]) {
      for (const texts of Object.values(locales)) expect(texts[key as keyof typeof ru]?.trim()).toBeTruthy();
    }
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    const same = Object.keys(ru).filter((key) => ru[key as keyof typeof ru] === kk[key as keyof typeof kk]);
    expect(same).toEqual(['statistics']); // «Статистика (пиксель)» is the same word in both
  });

  it('warns when cookie.maxAgeDays is not the 6 months the shipped texts state, unless the intro is overridden', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    (await setup({ lang: 'kk', cookie: { maxAgeDays: 365 } })).consent.destroy();
    expect(warn.mock.calls).toEqual([['allur-consent: texts.kk.preferencesIntro says 6 months, cookie.maxAgeDays is 365: override it']]);
    (await setup({ lang: 'kk', cookie: { maxAgeDays: 365 }, texts: { kk: { preferencesIntro: 'Таңдауыңыз бір жыл сақталады.' } } })).consent.destroy();
    (await setup({ lang: 'kk', cookie: { maxAgeDays: 180 } })).consent.destroy();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('renders the banner and the dialog in each language, with lang on the root', async () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const { consent, shadow, ui } = await setup({ lang });
      const t = locales[lang];
      expect(shadow.querySelector('.root')!.getAttribute('lang')).toBe(lang);
      expect(ui.getByRole('region', { name: t.region }).textContent).toContain(t.body);
      expect(ui.getByRole('button', { name: t.rejectAll })).toBeTruthy();
      consent.showPreferences();
      expect(ui.getByRole('dialog', { name: t.preferencesTitle }).textContent).toContain(t.marketingDescription);
      consent.destroy();
    }
  });

  // What "accept all" grants, as the visitor reads it before clicking: the purposes of functional, statistics
  // (with the §3.3 data list) and marketing (with the transfer abroad), and who the operator is.
  const firstLayerNames = {
    ru: {
      functional: ['запомнит ваш вход и настройки'],
      statistics: ['статистический пиксель', 'IP-адрес', 'данные cookie и браузера', 'время посещения', 'адреса страницы и предыдущей страницы'],
      marketing: ['рекламу', 'передаются партнёрам, в том числе за рубеж'],
      operator: ['ТОО «Аллюр Авто»'],
    },
    kk: {
      functional: ['кіргеніңіз бен баптауларыңызды есте сақтайды'],
      statistics: ['статистикалық пиксельді', 'IP мекенжайы', 'cookie және браузер деректері', 'кіру уақыты', 'ашылған және алдыңғы беттің мекенжайы'],
      marketing: ['жарнаманы', 'серіктестерге, оның ішінде шетелге беріледі'],
      operator: ['«Аллюр Авто» ЖШС'],
    },
    en: {
      functional: ['remembers your login and settings'],
      statistics: ['statistics pixel', 'IP address', 'cookie and browser data', 'time of visit', 'page and previous page addresses'],
      marketing: ['shows ads', 'sharing data with partners, including outside Kazakhstan'],
      operator: ['Allur Auto LLP'],
    },
  };

  it.each(['ru', 'kk', 'en'] as const)('%s: the first layer names each purpose "accept all" grants, and the operator', async (lang) => {
    const { ui } = await setup({ lang });
    const text = ui.getByRole('region', { name: locales[lang].region }).textContent;
    for (const [purpose, phrases] of Object.entries(firstLayerNames[lang])) {
      for (const phrase of phrases) expect(text, `${lang} ${purpose}`).toContain(phrase);
    }
  });

  it('takes lang config, else <html lang>, else the browser languages, else ru', async () => {
    const rootLang = async (config = {}) => {
      const { consent, shadow } = await setup(config);
      const lang = shadow.querySelector('.root')!.getAttribute('lang');
      consent.destroy();
      return lang;
    };
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'en-US', 'ru']);
    document.documentElement.lang = 'kk-KZ';
    expect(await rootLang({ lang: 'ru' })).toBe('ru');
    expect(await rootLang()).toBe('kk');
    document.documentElement.lang = 'fr';
    expect(await rootLang()).toBe('en');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de']);
    expect(await rootLang()).toBe('ru');
  });

  it('reads neither <html lang> nor the browser languages when the lang config names a shipped language', async () => {
    const browserLanguages = vi.spyOn(navigator, 'languages', 'get');
    const pageLang = vi.spyOn(HTMLElement.prototype, 'lang', 'get');
    (await setup({ lang: 'kk' })).consent.destroy();
    expect(browserLanguages).not.toHaveBeenCalled();
    expect(pageLang).not.toHaveBeenCalled();
  });

  it('uses the site text overrides of the chosen language, rendered as text, never as HTML', async () => {
    const { shadow, ui } = await setup({
      lang: 'kk',
      texts: { kk: { title: '<img src=x onerror=alert(1)>Келісім' }, ru: { acceptAll: 'не этот язык' } },
    });
    expect(ui.getByRole('heading').textContent).toBe('<img src=x onerror=alert(1)>Келісім');
    expect(shadow.querySelector('img')).toBeNull();
    expect(ui.getByRole('button', { name: kk.acceptAll })).toBeTruthy();
  });

  it('lets the site override the texts the dialog adds: region, operator, recipients and withdraw', async () => {
    const texts = { region: 'Cookies', operator: 'Operator X', recipients: 'Recipients Y', withdraw: 'Withdraw Z' };
    const { consent, ui } = await setup({ lang: 'en', texts: { en: texts } });
    expect(ui.getByRole('region', { name: 'Cookies' })).toBeTruthy();
    consent.showPreferences();
    const dialog = ui.getByRole('dialog').textContent;
    for (const text of Object.values(texts).slice(1)) expect(dialog).toContain(text);
    consent.destroy();
  });
});

describe('the policy link per language', () => {
  const policyUrl = { ru: 'https://www.allur.kz/privacy', kk: 'https://www.allur.kz/kk/privacy' };

  it.each([
    ['kk', 'https://www.allur.kz/kk/privacy'],
    ['ru', 'https://www.allur.kz/privacy'],
    // No English policy: the Russian one.
    ['en', 'https://www.allur.kz/privacy'],
  ] as const)('in %s links %s, in the banner and in the dialog', async (lang, href) => {
    const { consent, shadow } = await setup({ lang, policyUrl });
    expect(shadow.querySelector<HTMLAnchorElement>('.banner a')!.href).toBe(href);
    consent.showPreferences();
    expect(shadow.querySelector<HTMLAnchorElement>('[role=dialog] a')!.href).toBe(href);
  });
});
