/**
 * No work early (issue 14): the finder's detail view (print, share, read-aloud) is not part of
 * what a visitor downloads before the first results; it comes when the browser is idle after
 * them, and opens as before. In another language than German the finder loads the strings it
 * renders (src/core/'s and its own), not those of the other widgets.
 */
import { expect } from '@open-wc/testing';
import '../src/service-finder/service-finder.js';
import { resetFeedSources } from '../src/core/feed/load.js';
import { until } from './helpers.js';

// The test server sends every module on its own: keep all their entries (the default buffer
// of 250 fills up and drops later ones).
performance.setResourceTimingBufferSize(100_000);

/** Translation chunks requested by this page, as "<part>/<locale>". */
const translationRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/generated\/locales\/([\w-]+\/[\w-]+)\./.exec(r.name)?.[1])
    .filter(Boolean);
const detailRequests = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/service-detail.'));

describe('finder: the detail view comes after the first results', () => {
  afterEach(() => resetFeedSources());

  it('is fetched only after the first results are on screen, and then opens with the focus on its heading', async function () {
    this.timeout(20_000);
    expect(detailRequests(), 'not with the finder').to.have.length(0);
    const el = document.createElement('lotse-service-finder');
    el.lang = 'de';
    el.setAttribute('feed', `/demo/public/services.json?lazy=${Math.random()}`);
    let resultsAt: number | undefined;
    const watch = new MutationObserver(() => {
      if (resultsAt === undefined && el.shadowRoot?.querySelector('.card-title')) resultsAt = performance.now();
    });
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await until(() => resultsAt !== undefined, 15_000, 'first results');
      expect(detailRequests(), 'not before the first results').to.have.length(0);
      await until(() => detailRequests().length > 0, 15_000, 'the detail view, when idle');
      expect(detailRequests()[0].startTime).to.be.at.least(resultsAt!);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.card-title')!.click();
      await el.updateComplete;
      const heading = el.shadowRoot!.querySelector('#lotse-detail-title');
      expect(heading).to.exist;
      expect(el.shadowRoot!.activeElement).to.equal(heading);
    } finally {
      watch.disconnect();
      el.remove();
    }
  });

  it('in Ukrainian loads the translations of src/core/ and of the finder only, and renders both', async () => {
    const el = document.createElement('lotse-service-finder');
    el.lang = 'uk';
    el.setAttribute('feed', `/demo/public/services.json?lazy=${Math.random()}`);
    document.body.append(el);
    try {
      const heading = () => el.shadowRoot?.querySelector('h2')?.textContent?.trim();
      await until(() => heading() === 'Знайти допомогу', 10_000, 'the Ukrainian heading');
      // "Sprache" is core's (the picker); the finder uses it too (a filter group), once.
      expect(el.shadowRoot!.querySelector('[part="toolbar"] label')!.textContent).to.contain('Мова');
      expect(translationRequests().sort()).to.deep.equal(['core/uk', 'service-finder/uk']);
    } finally {
      el.remove();
    }
  });
});
