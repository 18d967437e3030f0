import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/index';
import { setup, storeDecision } from './setup';
import { afterPaint } from '../helpers/after-paint';

const settle = () => new Promise((resolve) => setTimeout(resolve));
const placeholders = () => [...document.querySelectorAll('allur-consent-embed')];
/** The placeholder's shadow root as a query scope. */
const inside = (placeholder: Element) => within(placeholder.shadowRoot! as unknown as HTMLElement);
const mapFrame = () => document.getElementById('map') as HTMLIFrameElement;

const languages: Record<Lang, { title: string; category: string; load: string; settings: string; dialog: string }> = {
  ru: { title: 'Содержимое с maps.example', category: '«Маркетинг и реклама»', load: 'Загрузить один раз', settings: 'Настройки cookie', dialog: 'Настройки cookie' },
  kk: { title: 'maps.example мазмұны', category: '«Маркетинг және жарнама»', load: 'Бір рет жүктеу', settings: 'Cookie баптаулары', dialog: 'Cookie баптаулары' },
  en: { title: 'Content from maps.example', category: '“Marketing & advertising”', load: 'Load once', settings: 'Cookie settings', dialog: 'Cookie settings' },
};

const page = (extra = '') => {
  document.body.innerHTML = `<a href="#" data-consent-open>Cookies</a><iframe id="map" title="Map" data-consent="marketing" data-src="https://maps.example/embed?city=almaty"></iframe>${extra}`;
};

describe.each(Object.keys(languages) as Lang[])('an embed placeholder in %s', (lang) => {
  const words = languages[lang];

  it('stands in the iframe’s box as a labelled group naming the provider and the category', async () => {
    page();
    await setup({ lang });
    const [placeholder] = placeholders();
    expect(placeholder.nextElementSibling).toBe(mapFrame());
    expect(mapFrame().style.display).toBe('none');
    const group = inside(placeholder).getByRole('group', { name: words.title });
    expect(group.textContent).toContain(words.category);
    expect(group.closest('[lang]')!.getAttribute('lang')).toBe(lang);
    // jsdom lays nothing out: the default iframe box, grown to the 280×160 minimum.
    expect([group.style.width, group.style.minHeight]).toEqual(['300px', '160px']);
    expect(inside(placeholder).getByRole('button', { name: words.load }).dataset.consentAction).toBe('load-embed');
  });

  it('loads this one embed once: no decision, nothing else, no cookie, focus on the iframe', async () => {
    page(`<iframe id="video" data-consent="marketing" data-src="/video"></iframe><img data-consent="marketing" data-src="/ad.gif" alt="">`);
    const { consent } = await setup({ lang });
    const [mapPlaceholder] = placeholders();
    fireEvent.click(inside(mapPlaceholder).getByRole('button', { name: words.load }));
    expect(mapFrame().getAttribute('src')).toBe('https://maps.example/embed?city=almaty');
    expect(mapFrame().style.display).toBe('');
    expect(document.activeElement).toBe(mapFrame());
    expect(placeholders()).toHaveLength(1);
    expect(document.getElementById('video')!.hasAttribute('src')).toBe(false);
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(consent.getState().decided).toBe(false);
    expect(document.cookie).toBe('');
  });

  it('opens the preferences dialog from its settings button', async () => {
    page();
    const { ui } = await setup({ lang });
    fireEvent.click(inside(placeholders()[0]).getByRole('button', { name: words.settings }));
    expect(ui.getByRole('dialog', { name: words.dialog })).toBeTruthy();
  });
});

describe('embed placeholders', () => {
  it('go when the category is granted, and the iframe loads', async () => {
    page();
    const { consent } = await setup();
    expect(placeholders()).toHaveLength(1);
    consent.set({ marketing: true });
    await afterPaint();
    expect(placeholders()).toHaveLength(0);
    expect(mapFrame().getAttribute('src')).toContain('maps.example');
  });

  it('give the iframe its own inline display back', async () => {
    page();
    mapFrame().style.display = 'block';
    const { consent } = await setup();
    expect(mapFrame().style.display).toBe('none');
    consent.acceptAll();
    await afterPaint();
    expect(mapFrame().style.display).toBe('block');
  });

  it('follow iframes added later and leave with iframes taken out', async () => {
    await setup();
    expect(placeholders()).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', '<iframe id="late" data-consent="marketing" data-src="/late"></iframe>');
    await settle();
    expect(placeholders()).toHaveLength(1);
    document.getElementById('late')!.remove();
    await settle();
    expect(placeholders()).toHaveLength(0);
  });

  it('are not shown for a granted category, and leave with destroy()', async () => {
    storeDecision('2024-06-01', { functional: 0, statistics: 0, marketing: 1 });
    page('<iframe data-consent="statistics" data-src="/stats"></iframe>');
    const { consent } = await setup();
    expect(mapFrame().getAttribute('src')).toContain('maps.example');
    expect(placeholders()).toHaveLength(1);
    consent.destroy();
    expect(placeholders()).toHaveLength(0);
    expect(document.querySelector<HTMLIFrameElement>('[data-src="/stats"]')!.style.display).toBe('');
  });

  it('name a category it does not know as written, and only the categories not granted', async () => {
    storeDecision('2024-06-01', { functional: 0, statistics: 1, marketing: 0 });
    document.body.innerHTML = '<iframe data-consent="statistics title marketing" data-src="/x"></iframe>';
    await setup({ lang: 'en' });
    expect(inside(placeholders()[0]).getByRole('group').textContent).toContain('“title, Marketing & advertising”');
  });

  it('name a provider it cannot parse as written', async () => {
    document.body.innerHTML = '<iframe data-consent="marketing" data-src="http://[bad"></iframe>';
    await setup({ lang: 'en' });
    expect(inside(placeholders()[0]).getByRole('group', { name: 'Content from http://[bad' })).toBeTruthy();
  });
});
