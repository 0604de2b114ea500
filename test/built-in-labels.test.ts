/**
 * The built-in categories' and audiences' labels are UI texts (German in src/core/labels.ts, the
 * other languages in locales/*.xlf), not part of the checked feed: every widget shows them in its
 * own language and switches with it; a city's entry with a built-in id shows the city's label
 * (no mix with the built-in one); the search finds a built-in entry by its word in any language,
 * in the render and in the feed worker (which has no translations).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { LotseContactForm, LotseHoursMap, LotseServiceFinder } from '../src/index.js';
import { loadLocale, LOCALES, withLocale } from '../src/core/i18n.js';
import { entryLabel } from '../src/core/labels.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { resetFeedSources } from '../src/core/feed/load.js';
import { SYNC_LIMIT } from '../src/core/feed/slices.js';
import { BUILT_IN_AUDIENCES, BUILT_IN_CATEGORIES, type BuiltInVocabulary } from '../src/core/feed/vocabulary.js';
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary-labels.js';
import { VOCABULARY_LABELS, VOCABULARY_WORDS } from '../src/generated/vocabulary-labels.js';
import { foldedWords } from '../src/service-finder/fold.js';
import serviceFinder from '../src/generated/locales/service-finder.js';
import { feedCopy, until, searchFor } from './helpers.js';
import { keptFeed, place, words } from './kept-helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const TUESDAY_10 = '2026-11-24T09:00:00Z';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** The topic chips' labels (without their counts). */
const categoryChips = (el: Element) => $$(el, '.categories button.chip span:not(.chip-count)').map(words);
const names = (el: Element) => $$(el, '.card-title').map((b) => b.dataset.service);

async function finder(lang: string, feed: object = structuredClone(finderFeed)) {
  const el = await fixture<LotseServiceFinder>(
    html`<lotse-service-finder lang=${lang} .now=${TUESDAY_10} .feed=${feed}></lotse-service-finder>`,
  );
  await until(() => el.shadowRoot!.querySelector('.results'), 3000, 'results');
  await until(() => (el as any).search?.index, 3000, 'search index');
  await el.updateComplete;
  return el;
}
/** The finder's feed with the city's own entry for `health` (German only) and `housing` (German and Ukrainian). */
function relabelled() {
  const feed = structuredClone(finderFeed);
  feed.categories = [
    { id: 'health', label: { de: 'Gesundheit & Pflege' } },
    { id: 'housing', label: { de: 'Wohnen & Miete', uk: 'Житло й оренда' } },
  ];
  return feed;
}

describe('built-in labels: translations, one per built-in id', () => {
  const vocabularies: [BuiltInVocabulary, readonly string[]][] = [
    ['categories', BUILT_IN_CATEGORIES],
    ['audiences', BUILT_IN_AUDIENCES],
  ];

  it('every built-in id has a label in every UI language (from locales/*.xlf), and no other id has one', () => {
    for (const [vocabulary, ids] of vocabularies) {
      expect(Object.keys(VOCABULARY_LABELS[vocabulary]), vocabulary).to.deep.equal([...ids]);
      for (const id of ids) {
        const label = VOCABULARY_LABELS[vocabulary][id];
        expect(Object.keys(label).sort(), `${vocabulary} ${id}`).to.deep.equal([...LOCALES].sort());
        for (const locale of LOCALES) expect(label[locale].trim(), `${vocabulary} ${id} ${locale}`).to.not.equal('');
      }
    }
  });

  it('a widget renders the same label as the tools get, in each language (msg ids match the XLIFF)', async () => {
    for (const locale of LOCALES) {
      await loadLocale(locale, serviceFinder);
      for (const [vocabulary, ids] of vocabularies) {
        for (const id of ids) {
          const shown = withLocale(locale, serviceFinder, () => entryLabel(vocabulary, { id, icon: id, builtIn: true }, () => ''));
          expect(shown, `${vocabulary} ${id} ${locale}`).to.equal(VOCABULARY_LABELS[vocabulary][id][locale]);
        }
      }
    }
  });

  it('the search index carries the labels’ words in every language, folded', () => {
    for (const [vocabulary, ids] of vocabularies) {
      for (const id of ids) {
        const all = Object.values(VOCABULARY_LABELS[vocabulary][id]).join(' ');
        expect(VOCABULARY_WORDS[vocabulary][id], `${vocabulary} ${id}`).to.equal(foldedWords(all).join(' '));
      }
    }
  });

  it('the CLI and the editor page get the built-in entries with every language and their icons', () => {
    expect(DEFAULT_CATEGORIES.map((c) => c.id)).to.deep.equal([...BUILT_IN_CATEGORIES]);
    expect(DEFAULT_AUDIENCES.map((a) => a.id)).to.deep.equal([...BUILT_IN_AUDIENCES]);
    expect(DEFAULT_CATEGORIES[0]).to.deep.equal({
      id: 'health',
      icon: 'health',
      label: { de: 'Gesundheit', en: 'Health', ro: 'Sănătate', bg: 'Здраве', tr: 'Sağlık', ar: 'الصحة', uk: 'Здоров’я', pl: 'Zdrowie' },
    });
  });

  it('the checked feed carries no built-in label, only the city’s own entries', () => {
    const { feed } = parseFeed(relabelled());
    expect(feed!.categories.slice(0, 3)).to.deep.equal([
      { id: 'health', label: { de: 'Gesundheit & Pflege' }, icon: 'health' },
      { id: 'housing', label: { de: 'Wohnen & Miete', uk: 'Житло й оренда' }, icon: 'housing' },
      { id: 'work', icon: 'work', builtIn: true },
    ]);
  });
});

describe('built-in labels in the widgets', () => {
  afterEach(() => localStorage.removeItem('lotse-language'));

  it('a finder in Ukrainian shows the built-in labels in Ukrainian and a relabelled category as the city wrote it', async () => {
    const el = await finder('uk', relabelled());
    // health: the city's label has no Ukrainian, so it falls back to the city's German, never to the built-in "Здоров’я".
    expect(categoryChips(el)).to.deep.equal([
      'Gesundheit & Pflege',
      'Житло й оренда',
      'Курси німецької',
      'Гроші та допомога',
      'Консультації',
    ]);
    $(el, '.more-filters .toggle').click();
    await el.updateComplete;
    const audiences = $$(el, '.more-filters button.chip span:not(.chip-count)').map(words);
    expect(audiences).to.include.members(['Без медичної страховки', 'Діти', 'Сім’ї', 'Жінки']);
  });

  it('the detail view names the built-in categories and audiences in the widget’s language', async () => {
    const el = await finder('uk');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title[data-service="clearing"]')!.click();
    await until(() => el.shadowRoot!.querySelector('.detail'), 5000, 'the detail view');
    await el.updateComplete;
    const detail = words($(el, '.detail'));
    expect(detail).to.contain('Здоров’я');
    expect(detail).to.contain('Без медичної страховки');
    expect(detail).to.contain('Діти');
  });

  it('switching the widget’s language switches the built-in labels, the city’s label stays the city’s', async () => {
    const el = await finder('de', relabelled());
    expect(categoryChips(el)).to.deep.equal(['Gesundheit & Pflege', 'Wohnen & Miete', 'Deutschkurse', 'Geld & Leistungen', 'Beratung']);
    const picker = $(el, '[part="language-picker"]') as HTMLSelectElement;
    for (const [locale, expected] of [
      ['uk', ['Gesundheit & Pflege', 'Житло й оренда', 'Курси німецької', 'Гроші та допомога', 'Консультації']],
      ['ro', ['Gesundheit & Pflege', 'Wohnen & Miete', 'Cursuri de germană', 'Bani și ajutoare', 'Consiliere']],
      ['de', ['Gesundheit & Pflege', 'Wohnen & Miete', 'Deutschkurse', 'Geld & Leistungen', 'Beratung']],
    ] as const) {
      picker.value = locale;
      picker.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(categoryChips(el), locale).to.deep.equal(expected);
    }
  });

  it('the hours map’s topic filter and the contact form’s topics are in the widget’s language', async () => {
    // A German map first: its check is loaded, so the Ukrainian map's feed is there before its
    // strings, and its first render (German) must not stay once they are (the filter form is memoised).
    await fixture(html`<lotse-hours-map lang="de" .now=${TUESDAY_10} .feed=${feedCopy()}></lotse-hours-map>`);
    const map = await fixture<LotseHoursMap>(html`<lotse-hours-map lang="uk" .now=${TUESDAY_10} .feed=${feedCopy()}></lotse-hours-map>`);
    await until(() => map.shadowRoot!.querySelector('#f-category'), 3000, 'the filters');
    const options = [...map.shadowRoot!.querySelectorAll('#f-category option')].map((o) => words(o).replace(/\s*\(\d+\)$/, ''));
    expect(options).to.deep.equal(['Усі теми', 'Здоров’я', 'Гроші та допомога', 'Консультації']);
    expect(words(map.shadowRoot!.querySelector('label[for="f-category"]'))).to.equal('Тема');

    const form = await fixture<LotseContactForm>(
      html`<lotse-contact-form lang="uk" endpoint="/api/lotse-kontakt" .feed=${feedCopy()}></lotse-contact-form>`,
    );
    await until(() => form.shadowRoot!.querySelector('.choices'), 3000, 'the topics');
    const topics = $$(form, 'input[name="topic"]').map((input) => words(input.closest('label')));
    expect(topics).to.deep.equal(['Здоров’я', 'Гроші та допомога', 'Консультації', 'Щось інше']);
  });
});

describe('built-in labels in the search', () => {
  it('a Ukrainian word of a built-in category finds its services, whatever the widget’s language', async () => {
    for (const lang of ['uk', 'de']) {
      const el = await finder(lang);
      await searchFor(el, 'Житло'); // only in the built-in label (housing)
      expect(names(el), lang).to.deep.equal(['wohnen-bg']);
      await searchFor(el, 'Діти'); // the audience "children"
      expect(names(el), lang).to.deep.equal(['clearing']);
      await searchFor(el, 'Sağlık'); // Turkish "health", in no service's text
      expect(names(el), lang).to.deep.equal(['clearing']);
    }
  });

  it('a relabelled category is found by the city’s words only (no mix with the built-in label)', async () => {
    const el = await finder('uk', relabelled());
    await searchFor(el, 'оренда');
    expect(names(el)).to.deep.equal(['wohnen-bg']);
    await searchFor(el, 'Mieszkanie'); // the built-in Polish "housing": replaced by the city's entry
    expect(names(el)).to.deep.equal([]);
    await searchFor(el, 'Житло'); // in the city's label too
    expect(names(el)).to.deep.equal(['wohnen-bg']);
  });

  describe('in the feed worker (a feed of more than SYNC_LIMIT services)', function () {
    this.timeout(60_000);
    const kept = keptFeed(SYNC_LIMIT + 200);
    beforeEach(() => resetFeedSources());
    afterEach(() => {
      for (const el of document.querySelectorAll('lotse-service-finder')) el.remove();
      kept.revoke();
      resetFeedSources();
    });

    it('finds services by a built-in label’s Ukrainian word, as the render does', async () => {
      const shown = async (feed: string | object) => {
        const el = place<LotseServiceFinder>('lotse-service-finder', feed, { lang: 'uk' });
        await until(() => el.shadowRoot!.querySelector('.results'), 20_000, 'results');
        // The whole feed's index is built in slices in the render (the worker's answer waits for its own).
        if (typeof feed === 'object') await until(() => (el as any).search?.index, 20_000, 'the inline index');
        await searchFor(el, 'освіта'); // only in the label "Школа та освіта" (education)
        return { count: words($(el, '#lotse-count')), cards: names(el), chips: categoryChips(el) };
      };
      const remote = await shown(kept.url());
      const local = await shown(structuredClone(kept.feed));
      expect(remote).to.deep.equal(local);
      expect(remote.cards.length).to.be.greaterThan(0);
      const byId = new Map(kept.feed.services.map((s: { id: string; categories: string[] }) => [s.id, s]));
      for (const id of remote.cards) expect(byId.get(id!)!.categories, id).to.include('education');
      expect(remote.chips).to.include('Школа та освіта');
    });
  });
});
