/**
 * No work early (issue 14): the finder's detail view (print, share, read-aloud) is not part of
 * what a visitor downloads before the first results; it comes when the browser is idle after
 * them, and opens as before. In another language than German the finder loads the strings it
 * renders (src/core/'s and its own), not those of the other widgets, and the strings only the
 * detail view uses come with the detail view. The views after an action (more filters, no
 * results, place choice: finder-more.ts) and their strings are asked for by the render that
 * shows the first results, which do not wait for them.
 */
import { expect } from '@open-wc/testing';
import '../src/service-finder/service-finder.js';
import { resetFeedSources } from '../src/core/feed/load.js';
import { until } from './helpers.js';

// The test server sends every module on its own: keep all their entries (the default buffer
// of 250 fills up and drops later ones).
performance.setResourceTimingBufferSize(100_000);

/** Translation chunks requested by this page (those `which` picks), as "<part>/<locale>" ("lazy/<part>/<locale>" for a lazy module's). */
const translationRequests = (which: (r: PerformanceResourceTiming) => boolean = () => true) =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter(which)
    .map((r) => /\/generated\/locales\/((?:lazy\/)?[\w-]+\/[a-z]{2})\./.exec(r.name)?.[1])
    .filter(Boolean);
const backText = (el: Element) => el.shadowRoot!.querySelector('.detail .back')?.textContent?.trim();
const detailRequests = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/service-detail.'));
const moreRequests = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/service-finder/finder-more.'));

/** A finder in `lang` on the page until `use` is done, after its first results. */
async function withFinder(lang: string, use: (el: HTMLElement & { updateComplete: Promise<unknown> }) => Promise<void>) {
  const el = document.createElement('lotse-service-finder');
  el.lang = lang;
  el.setAttribute('feed', `/demo/public/services.json?lazy=${Math.random()}`);
  document.body.append(el);
  try {
    await until(() => el.shadowRoot?.querySelector('.card-title'), 10_000, 'first results');
    await use(el);
  } finally {
    el.remove();
  }
}

describe('finder: the detail view comes after the first results', () => {
  afterEach(() => resetFeedSources());

  // First in this file: the page has not loaded the detail view yet.
  it('in Ukrainian loads core’s and the finder’s strings before the first results, the detail view with its own strings after them (when idle), and opens it in Ukrainian', async function () {
    this.timeout(20_000);
    expect(detailRequests(), 'not with the finder').to.have.length(0);
    const el = document.createElement('lotse-service-finder');
    el.lang = 'uk';
    el.setAttribute('feed', `/demo/public/services.json?lazy=${Math.random()}`);
    let resultsAt: number | undefined;
    // What had arrived when the first results were shown (resource entries are added as responses end).
    let arrived: { translations: (string | undefined)[]; detail: number; more: number } | undefined;
    const watch = new MutationObserver(() => {
      if (resultsAt !== undefined || !el.shadowRoot?.querySelector('.card-title')) return;
      resultsAt = performance.now();
      arrived = { translations: translationRequests().sort(), detail: detailRequests().length, more: moreRequests().length };
    });
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await until(() => resultsAt !== undefined, 15_000, 'first results');
      expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Знайти допомогу');
      // "Sprache" is core's (the picker); the finder uses it too (a filter group), once.
      expect(el.shadowRoot!.querySelector('[part="toolbar"] label')!.textContent).to.contain('Мова');
      expect(arrived!.translations, 'translations before the first results').to.deep.equal(['core/uk', 'service-finder/uk']);
      expect(arrived!.detail, 'no detail view before the first results').to.equal(0);
      expect(arrived!.more, 'no views after an action before the first results').to.equal(0);
      // They come right after, with their strings: "Mehr Filter" opens in Ukrainian.
      await until(() => translationRequests().includes('lazy/finder-more/uk'), 15_000, 'the views after an action');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.more-filters .toggle')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#lotse-more')!.getAttribute('aria-busy')).to.equal(null);
      expect(el.shadowRoot!.querySelector('#lotse-more legend')!.textContent).to.equal('Мова консультації');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.more-filters .toggle')!.click();
      await el.updateComplete;
      await until(
        () => detailRequests().length > 0 && translationRequests().includes('lazy/finder-detail/uk'),
        15_000,
        'the detail view and its strings, when idle',
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title')!.click();
      await el.updateComplete;
      expect(backText(el)).to.equal('Назад до списку');
      // Strings the detail view shares with another widget (the quick-check's print and share) too.
      const actions = el.shadowRoot!.querySelector('.detail-actions')!.textContent!;
      expect(actions).to.contain('Друкувати').and.to.contain('Поділитися').and.not.to.contain('Drucken');
      const heading = el.shadowRoot!.querySelector('#lotse-detail-title');
      expect(heading).to.exist;
      expect(el.shadowRoot!.activeElement).to.equal(heading);
    } finally {
      watch.disconnect();
      el.remove();
    }
  });

  it('opened in a language whose detail strings are not loaded yet, shows the detail view in that language, the list until then', async () => {
    expect(translationRequests(), 'not loaded before').not.to.include('lazy/finder-detail/ro');
    await withFinder('ro', async (el) => {
      const card = el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title')!;
      card.focus();
      card.click();
      // Until the strings are there the list stays, with the focus on the service's button.
      if (!el.shadowRoot!.querySelector('.detail')) expect(el.shadowRoot!.activeElement).to.equal(card);
      await el.updateComplete;
      expect(backText(el)).to.equal('Înapoi la listă');
      expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('#lotse-detail-title'));
    });
  });

  it('brings the detail view’s styles with it: grid, hours table, print rules', async () => {
    await withFinder('de', async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title')!.click();
      await el.updateComplete;
      const detail = el.shadowRoot!.querySelector<HTMLElement>('.detail')!;
      expect(getComputedStyle(detail).display).to.equal('grid');
      const hours = el.shadowRoot!.querySelector('.hours');
      if (hours) expect(getComputedStyle(hours).borderCollapse).to.equal('collapse');
      const note = el.shadowRoot!.querySelector('.action-note')!;
      expect(getComputedStyle(note).position, 'the empty live region is visually hidden').to.equal('absolute');
      const rules = [...el.shadowRoot!.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
      expect(rules.some((rule) => rule.startsWith('@media print') && rule.includes('.detail-actions'))).to.equal(true);
      // The list's styles are still there.
      el.shadowRoot!.querySelector<HTMLButtonElement>('.detail .back')!.click();
      await el.updateComplete;
      expect(getComputedStyle(el.shadowRoot!.querySelector('.results')!).display).to.equal('grid');
    });
  });

  it('stays open when the language changes, and then speaks the new one', async () => {
    await withFinder('uk', async (el) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title')!.click();
      await el.updateComplete;
      const heading = el.shadowRoot!.querySelector('#lotse-detail-title');
      expect(el.shadowRoot!.activeElement).to.equal(heading);
      el.lang = 'bg';
      await el.updateComplete;
      expect(backText(el)).to.equal('Обратно към списъка');
      expect(el.shadowRoot!.querySelector('#lotse-detail-title')).to.equal(heading);
      expect(el.shadowRoot!.activeElement).to.equal(heading);
    });
  });
});
