import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LotseHoursMap, LotseServiceFinder } from '../src/index.js';
import { feedSource, loadOptions } from '../src/core/feed/load.js';
import { SYNC_LIMIT } from '../src/core/feed/slices.js';
import { createStore, get } from 'idb-keyval';
import { until, untilValue, searchFor } from './helpers.js';
import { heldState, keptFeed, keptFeedHooks, place, words } from './kept-helpers.js';

const COUNT = SYNC_LIMIT + 500;
const kept = keptFeed(COUNT);
const big = kept.feed;

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: Element) => $$(el, '.card-title').map((b) => b.dataset.service);
/** What a visitor sees of the results: the count, every filter chip with its number, the cards. */
const seen = (el: Element) => ({
  count: words($(el, '#lotse-count')),
  chips: $$(el, 'button.chip').map(words),
  cards: names(el),
  more: words(el.shadowRoot!.querySelector('.more')),
  empty: words(el.shadowRoot!.querySelector('.empty')),
});

async function finder(feed: string | object) {
  const el = place<LotseServiceFinder>('lotse-service-finder', feed);
  await until(() => el.shadowRoot!.querySelector('.results'), 20_000, 'results');
  await el.updateComplete;
  return el;
}
async function tap(el: LotseServiceFinder, text: string) {
  const chip = $$(el, 'button.chip').find((b) => words(b).startsWith(text));
  if (!chip) throw new Error(`no chip "${text}"`);
  chip.click();
  await el.updateComplete;
}

describe('service finder: a big feed kept in the feed worker', function () {
  this.timeout(60_000);
  const url = () => kept.url();
  keptFeedHooks(kept);

  it('answers every question in the worker exactly as the render does, and the page never holds the services', async () => {
    const remote = await finder(url());
    const local = await finder(structuredClone(big));
    const state = heldState(remote);
    expect(state.status).to.equal('ready');
    expect(state.held).to.deep.equal({ version: 1 });
    expect(state.feed!.services).to.have.length(0);
    expect(heldState(local).held).to.equal(undefined);
    await until(() => (local as any).search?.index, 20_000, 'the inline index');

    const both = async (act: (el: LotseServiceFinder) => Promise<unknown>) => {
      await act(remote);
      await act(local);
      expect(seen(remote)).to.deep.equal(seen(local));
    };
    expect(seen(remote)).to.deep.equal(seen(local));
    expect(seen(remote).count).to.equal(`${COUNT.toLocaleString('de-DE')} Angebote gefunden`);
    await both((el) => tap(el, 'Jetzt offen'));
    await both((el) => tap(el, 'Kostenlos'));
    await both((el) => searchFor(el, 'beratung'));
    await both((el) => searchFor(el, 'schuldnerberatng')); // a typo
    await both((el) => searchFor(el, 'zzzz')); // nothing: the empty state with "try without …"
    await both((el) => searchFor(el, ''));
    await both(async (el) => {
      $(el, '.more-filters .toggle').click();
      await el.updateComplete;
    });
    await both((el) => tap(el, 'Stadtteil 3'));
    await both(async (el) => {
      $(el, '.more').click();
      await el.updateComplete;
    });
    expect(names(remote)).to.have.length.greaterThan(20);
    expect(heldState(remote).feed!.services).to.have.length(0);
  });

  it('saves the offline copy after the first answer (writing it would hold the answer up)', async () => {
    const feed = url();
    await finder(feed);
    const saved = await untilValue(
      () => get<{ text?: string }>(new URL(feed, document.baseURI).href, createStore('lotse', 'feeds')),
      10_000,
      'the saved copy',
    );
    expect(saved.text).to.equal(JSON.stringify(big));
  });

  it('the last "Mehr zeigen" moves the focus to the first new result once the answer is there', async () => {
    const el = await finder(url());
    el.pageSize = COUNT / 2;
    await el.updateComplete;
    const more = $(el, '.more');
    more.focus();
    more.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(COUNT);
    expect(el.shadowRoot!.querySelector('.more')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, `.results > li:nth-child(${COUNT / 2 + 1}) .card-title`));
  });

  it('opens a service from the answer and returns to its card', async () => {
    const el = await finder(url());
    const second = $$(el, '.card-title')[1];
    const id = second.dataset.service!;
    second.click();
    await el.updateComplete;
    const heading = $(el, '#lotse-detail-title');
    expect(words(heading)).to.equal(big.services.find((s) => s.id === id)!.name.de);
    expect(el.shadowRoot!.activeElement).to.equal(heading);
  });

  it('sorts by the distance to a postcode, the same as the render does', async () => {
    const remote = await finder(url());
    const local = await finder(structuredClone(big));
    for (const el of [remote, local]) {
      const state = el as unknown as { placeStatus: string };
      state.placeStatus = 'denied'; // as when the browser refuses the position
      await el.updateComplete;
      ($(el, 'form.place input[name="postcode"]') as HTMLInputElement).value = '44120';
      $(el, 'form.place button[type="submit"]').click();
      await el.updateComplete;
    }
    expect(words($(remote, '#lotse-count'))).to.match(/sortiert nach Nähe zu: \u2068?44120/);
    expect(seen(remote)).to.deep.equal(seen(local));
  });

  it('with an hours map on the page too, the services stay in the worker and both ask it', async () => {
    const feed = url();
    const remote = await finder(feed);
    const map = place<LotseHoursMap>('lotse-hours-map', feed);
    await until(() => map.shadowRoot!.querySelector('li.entry'), 20_000, 'the places of the hours map');
    const mapState = heldState(map);
    expect(mapState.status).to.equal('ready');
    expect(mapState.feed!.services).to.have.length(0);
    // The finder still asks the worker, and still answers.
    await searchFor(remote, 'beratung');
    expect(heldState(remote).held).to.deep.equal({ version: 1 });
    expect(names(remote).length).to.be.greaterThan(0);
  });

  it('when the worker is lost, loads the feed again on the main thread and answers there', async () => {
    const feed = url();
    const el = await finder(feed);
    await searchFor(el, 'beratung');
    const before = seen(el);
    const info = console.info;
    console.info = () => {};
    try {
      (feedSource(feed) as unknown as { giveUpWorker(why: string): void }).giveUpWorker('test');
      await until(
        () => heldState(el).status === 'ready' && !heldState(el).held && (el as any).search?.index,
        30_000,
        'the feed on the main thread',
      );
    } finally {
      console.info = info;
    }
    await el.updateComplete;
    expect(heldState(el).feed!.services).to.have.length(COUNT);
    expect(seen(el)).to.deep.equal(before);
  });

  it('a worker that stops answering is given up: the feed is loaded on the main thread, the results stay meanwhile', async () => {
    const feed = url();
    const el = await finder(feed);
    const local = await finder(structuredClone(big));
    await until(() => (local as any).search?.index, 20_000, 'the inline index');
    const source = feedSource(feed) as unknown as { worker: Promise<Worker> };
    // The worker is gone without a word (no error event): the question below gets no answer.
    (await source.worker).terminate();
    const shown = seen(el);
    const info = console.info;
    const lines: string[] = [];
    console.info = (line: string) => lines.push(line);
    const answerMs = loadOptions.answerMs;
    loadOptions.answerMs = 200;
    try {
      const input = $(el, '#lotse-search') as HTMLInputElement;
      input.focus();
      input.value = 'beratung';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      // No answer, so the last one stays on screen (never "loading"), and the field keeps the focus.
      expect(seen(el)).to.deep.equal(shown);
      await until(() => !heldState(el).held && (el as any).search?.index, 30_000, 'the feed on the main thread');
      await el.updateComplete;
    } finally {
      loadOptions.answerMs = answerMs;
      console.info = info;
    }
    expect(lines.some((line) => line.includes('worker does not answer'))).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#lotse-search'));
    await searchFor(local, 'beratung');
    expect(seen(el)).to.deep.equal(seen(local));
  });
});
