import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import '../src/index.js';
import { addLazyPart, isLocaleReady, loadLocale, resolveLocale, setVisitorChoice, LOCALES, type Translations } from '../src/core/i18n.js';
import { formatCount } from '../src/core/format.js';
import type { LotseHoursMap } from '../src/index.js';
import { feedCopy, mount, until } from './helpers.js';

const heading = (el: Element) => el.shadowRoot!.querySelector('h2')!.textContent!.trim();
const base = (el: Element) => el.shadowRoot!.querySelector('[part="base"]')!;

describe('languages', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    localStorage.removeItem('lotse-language');
    document.documentElement.lang = htmlLang;
  });

  it('resolves: own lang → visitor choice → <html lang> → browser → de', () => {
    document.documentElement.lang = 'tr';
    expect(resolveLocale('ro-RO')).to.equal('ro');
    expect(resolveLocale('')).to.equal('tr');
    localStorage.setItem('lotse-language', 'uk');
    expect(resolveLocale('')).to.equal('uk');
    expect(resolveLocale('bg')).to.equal('bg');
    localStorage.removeItem('lotse-language');
    document.documentElement.lang = 'fr';
    const browser = navigator.languages.map((l) => l.slice(0, 2)).find((l) => (LOCALES as readonly string[]).includes(l));
    expect(resolveLocale(null)).to.equal(browser ?? 'de');
  });

  it('an unsupported lang attribute falls through to the next rule', () => {
    document.documentElement.lang = 'pl';
    expect(resolveLocale('fr')).to.equal('pl');
  });

  it('the picker shows every language in its own name and script', async () => {
    const el = await fixture(html`<lotse-hours-map lang="de" .feed=${feedCopy()}></lotse-hours-map>`);
    const options = [...el.shadowRoot!.querySelectorAll('option')].map((o) => [o.value, o.textContent, o.lang]);
    expect(options).to.deep.equal([
      ['de', 'Deutsch', 'de'],
      ['en', 'English', 'en'],
      ['ro', 'Română', 'ro'],
      ['bg', 'Български', 'bg'],
      ['tr', 'Türkçe', 'tr'],
      ['ar', 'العربية', 'ar'],
      ['uk', 'Українська', 'uk'],
      ['pl', 'Polski', 'pl'],
    ]);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.labels![0].textContent).to.contain('Sprache');
  });

  it('a choice in one widget switches every widget on the page and is remembered', async () => {
    document.documentElement.lang = 'de';
    const box = await mount(html`<div>
      <lotse-hours-map .feed=${feedCopy()}></lotse-hours-map>
      <lotse-quick-check .feed=${feedCopy()}></lotse-quick-check>
    </div>`);
    const [map, check] = [...box.children] as LotseHoursMap[];
    expect(heading(map)).to.equal('Sprechstunden');
    const select = map.shadowRoot!.querySelector('select')!;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await until(() => heading(map) === 'Opening hours' && heading(check) !== 'Schnell-Check', 3000, 'English');
    expect(localStorage.getItem('lotse-language')).to.equal('en');
    expect(base(check).getAttribute('lang')).to.equal('en');
  });

  it('a widget with its own lang keeps it when another widget switches', async () => {
    const box = await mount(html`<div>
      <lotse-hours-map lang="ro" .feed=${feedCopy()}></lotse-hours-map>
      <lotse-quick-check .feed=${feedCopy()}></lotse-quick-check>
    </div>`);
    const [pinned, free] = [...box.children];
    setVisitorChoice('pl');
    await until(() => base(free).getAttribute('lang') === 'pl', 3000, 'Polish');
    expect(base(pinned).getAttribute('lang')).to.equal('ro');
  });

  it('two widgets on one page can speak different languages at once', async () => {
    const box = await mount(html`<div>
      <lotse-hours-map lang="en" .feed=${feedCopy()}></lotse-hours-map>
      <lotse-hours-map lang="de" .feed=${feedCopy()}></lotse-hours-map>
    </div>`);
    const [en, de] = [...box.children];
    await until(() => heading(en) === 'Opening hours', 3000, 'English heading');
    expect(heading(de)).to.equal('Sprechstunden');
  });

  it("each widget loads its own strings with core's, and updateComplete waits for them", async () => {
    const box = await mount(html`<div>
      <lotse-quick-check lang="uk" .feed=${feedCopy()}></lotse-quick-check>
      <lotse-hours-map lang="uk" .feed=${feedCopy()}></lotse-hours-map>
    </div>`);
    const [check, map] = [...box.children];
    expect(heading(check)).to.equal('Швидка перевірка');
    expect(heading(map)).to.equal('Години прийому');
    for (const el of [check, map]) expect(el.shadowRoot!.querySelector('[part="toolbar"] label')!.textContent).to.contain('Мова');
  });

  it('a lazy part added while a widget part loads is loaded too before that load is done', async () => {
    const calls: string[] = [];
    const part = (name: string) =>
      Object.fromEntries(
        LOCALES.filter((l) => l !== 'de').map((l) => [
          l,
          async () => {
            calls.push(`${name}/${l}`);
            return { templates: { [name]: name } };
          },
        ]),
      ) as Translations;
    const own = part('own');
    const lazy = part('lazy');
    const first = loadLocale('pl', own);
    addLazyPart(own, lazy);
    expect(isLocaleReady('pl', own)).to.equal(false);
    await Promise.all([first, loadLocale('pl', own)]);
    expect(isLocaleReady('pl', own)).to.equal(true);
    expect(calls).to.include.members(['own/pl', 'lazy/pl']);
    expect(isLocaleReady('en', own), 'other languages load it with the part').to.equal(false);
    await loadLocale('en', own);
    expect(calls).to.include.members(['own/en', 'lazy/en']);
  });

  it('the first results wait for the widget’s language (never shown in German first); a later switch keeps them on screen', async () => {
    // A finder whose Ukrainian strings arrive only when the test lets them (a slow connection).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    type Widget = HTMLElement & {
      translations: Translations;
      feed: unknown;
      feedState: { status: string };
      updateComplete: Promise<unknown>;
    };
    const Finder = customElements.get('lotse-service-finder') as unknown as new () => Widget;
    if (!customElements.get('test-slow-finder'))
      customElements.define(
        'test-slow-finder',
        class extends Finder {
          constructor() {
            super();
            const real = this.translations;
            this.translations = { ...real, uk: () => gate.then(() => real.uk()) };
          }
        },
      );
    const el = document.createElement('test-slow-finder') as Widget;
    // The render without waiting for the strings (Lit's own updateComplete; the widget's waits for them).
    const rendered = () => (ReactiveElement.prototype as unknown as { getUpdateComplete(): Promise<boolean> }).getUpdateComplete.call(el);
    el.lang = 'uk';
    el.feed = feedCopy();
    document.body.append(el);
    try {
      // The feed is checked and rendered; the strings are not there: the loading state stays.
      await until(() => el.feedState.status === 'ready', 5000, 'feed checked');
      await rendered();
      expect(!!el.shadowRoot!.querySelector('.card-title'), 'no results in German').to.equal(false);
      expect(!!el.shadowRoot!.querySelector('.state.loading'), 'the loading state').to.equal(true);
      release();
      await el.updateComplete;
      expect(!!el.shadowRoot!.querySelector('.card-title'), 'results').to.equal(true);
      expect(heading(el)).to.equal('Знайти допомогу');
      // Switching to a language not loaded yet keeps the results on screen while it loads.
      el.lang = 'ro';
      await rendered();
      expect(!!el.shadowRoot!.querySelector('.card-title'), 'results while Romanian loads').to.equal(true);
      await el.updateComplete;
      expect(heading(el)).to.not.equal('Знайти допомогу');
    } finally {
      el.remove();
    }
  });

  it('Arabic renders right-to-left', async () => {
    const el = await fixture(html`<lotse-hours-map lang="ar" .feed=${feedCopy()}></lotse-hours-map>`);
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base(el)).direction).to.equal('rtl');
  });
});

describe('safe registration', () => {
  it('defining the elements twice does not throw', async () => {
    const first = customElements.get('lotse-service-finder');
    // A second copy of the bundle (new module instance) registers again.
    await import(/* a new module instance */ `../src/service-finder/service-finder.ts?copy=${2}`);
    expect(customElements.get('lotse-service-finder')).to.equal(first);
  });
});

describe("counts in each language's plural forms", () => {
  it('minutes and days follow CLDR plural rules (Arabic 3–10, Romanian from 20, Ukrainian 5+)', () => {
    expect(formatCount(1, 'minute', 'de')).to.equal('1 Minute');
    expect(formatCount(3, 'minute', 'ar')).to.equal('3 دقائق');
    expect(formatCount(11, 'minute', 'ar')).to.equal('11 دقيقة');
    expect(formatCount(19, 'day', 'ro')).to.equal('19 zile');
    expect(formatCount(20, 'day', 'ro')).to.equal('20 de zile');
    expect(formatCount(5, 'day', 'uk')).to.equal('5 днів');
    expect(formatCount(22, 'day', 'uk')).to.equal('22 дні');
    expect(formatCount(30, 'day', 'pl')).to.equal('30 dni');
  });
});
