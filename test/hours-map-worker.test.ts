import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LotseHoursMap } from '../src/index.js';
import { feedSource } from '../src/core/feed/load.js';
import { SYNC_LIMIT } from '../src/core/feed/slices.js';
import { until } from './helpers.js';
import { expectServicesOnlyInWorker, heldState, keptFeed, keptFeedHooks, place, words } from './kept-helpers.js';
import { setFilter } from './hours-map-helpers.js';

// A feed the worker keeps (more than SYNC_LIMIT services): the hours map asks it for what it
// renders (the list's pages, the counts, the map's points), like the finder
// (test/finder-worker.test.ts). Its answers must be the render's, action by action.
// Tuesday 24 November 2026, 10:00 in Berlin.
const COUNT = SYNC_LIMIT + 300;
const kept = keptFeed(COUNT);
const big = kept.feed;
const LOCAL_TILES = '/__tiles/{z}/{x}/{y}.png';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** What a visitor sees: the time, every filter option with its count, the places, the week plan, the map's markers. */
const seen = (el: Element) => ({
  now: words($(el, '.now')),
  options: $$(el, '[part="filters"] option, [part="filters"] label.check').map(words),
  count: words($(el, 'p.count')),
  entries: $$(el, 'li.entry').map((li) => [li.dataset.key, words(li), li.getAttribute('aria-current')]),
  week: $$(el, '.day').map(words),
  more: words($(el, 'button.more')),
  empty: words($(el, '.state')),
  map: words($(el, '[part="map"] .hint')),
  markers: $$(el, '.leaflet-marker-icon').map((m) => m.getAttribute('aria-label')),
});

async function hoursMap(feed: string | object, attributes: Record<string, string> = {}) {
  const el = place<LotseHoursMap>('lotse-hours-map', feed, { tiles: LOCAL_TILES, ...attributes });
  await until(() => $(el, '[part="list"]'), 90_000, 'the list');
  await el.updateComplete;
  return el;
}

/** Both show the same (the render's big inline feed may take a few slices longer). */
async function same(remote: LotseHoursMap, local: LotseHoursMap) {
  await until(() => JSON.stringify(seen(remote)) === JSON.stringify(seen(local)), 20_000, 'the same view').catch(() => {});
  expect(seen(remote)).to.deep.equal(seen(local));
}

/** An option of a select that would show no place (with the other filters). */
const emptyOption = (el: LotseHoursMap) =>
  $$<HTMLOptionElement>(el, '[part="filters"] option').find((o) => o.value && /\(0\)$/.test(words(o)));

/** The first option of a select other than "all", with places. */
const someOption = (el: LotseHoursMap, name: string, nth = 0) =>
  $$<HTMLOptionElement>(el, `[name="${name}"] option`).filter((o) => o.value && !/\(0\)$/.test(words(o)))[nth].value;

describe('hours map: a big feed kept in the feed worker', function () {
  this.timeout(240_000);
  const url = () => kept.url();
  keptFeedHooks(kept);

  it('shows what the render shows, action by action, and the page never holds the services', async () => {
    const remote = await hoursMap(url());
    const local = await hoursMap(structuredClone(big));
    expect(heldState(remote).held).to.deep.equal({ version: 1 });
    expect(heldState(local).held).to.equal(undefined);

    const both = async (act: (el: LotseHoursMap) => Promise<unknown>) => {
      await act(remote);
      await act(local);
      await same(remote, local);
    };
    expect(seen(remote)).to.deep.equal(seen(local));
    expect(words($(remote, 'p.count'))).to.match(/^[\d.]+ Orte gefunden$/);
    expect($$(remote, 'li.entry')).to.have.length(30);
    const day = someOption(remote, 'day');
    const language = someOption(remote, 'language', 1);
    const category = someOption(remote, 'category');
    await both((el) => setFilter(el, 'day', day));
    await both((el) => setFilter(el, 'time', 'afternoon'));
    await both((el) => setFilter(el, 'language', language));
    await both((el) => setFilter(el, 'category', category));
    // Nothing matches: the empty state, and its reset.
    for (const name of ['walkIn', 'openNow']) if (!emptyOption(remote)) await both((el) => setFilter(el, name, true));
    const none = emptyOption(remote)!;
    expect(none, 'an option without places').to.exist;
    const select = none.closest('select')!.name;
    await both((el) => setFilter(el, select, none.value));
    expect(words($(remote, 'p.count'))).to.equal('0 Orte gefunden');
    await both(async (el) => {
      $<HTMLButtonElement>(el, '.state button')!.click();
      await el.updateComplete;
    });
    await both((el) => setFilter(el, 'walkIn', true));
    await both((el) => setFilter(el, 'category', category));
    await both((el) => setFilter(el, 'walkIn', false));
    await both((el) => setFilter(el, 'openNow', true));
    await both(async (el) => {
      $<HTMLButtonElement>(el, 'button.more')!.click();
      await el.updateComplete;
    });
    expect($$(remote, 'li.entry')).to.have.length(60);
    // A place opened: its details (hours, languages, actions).
    await both(async (el) => {
      $$<HTMLButtonElement>(el, 'li.entry button.name')[40].click();
      await el.updateComplete;
    });
    expect($$(remote, 'li.entry .details')).to.have.length(1);
    // The week plan of the shown places, a page more, a name in it opening the place.
    await both(async (el) => {
      $$<HTMLButtonElement>(el, '.segmented button')[1].click();
      await until(() => $$(el, '.day').length, 10_000, 'the week plan');
      await el.updateComplete;
    });
    expect(seen(remote).week.join(' ')).to.contain('Heute');
    await both(async (el) => {
      $<HTMLButtonElement>(el, 'button.more')!.click();
      await el.updateComplete;
    });
    await both(async (el) => {
      $$<HTMLButtonElement>(el, '.day li button.link')[3].click();
      await el.updateComplete;
    });
    expect(seen(remote).entries.filter(([, , current]) => current === 'true')).to.have.length(1);
    // A minute later: the statuses and the time follow.
    await both(async (el) => {
      el.now = '2026-11-24T09:01:00Z';
      await el.updateComplete;
    });
    expect(words($(remote, '.now'))).to.contain('10:01');
    expectServicesOnlyInWorker([remote], remote.feed as string);
  });

  it('the map shows the same markers, and a marker far down the list opens its place there', async () => {
    const remote = await hoursMap(url(), { consent: 'granted', 'show-map': '' });
    const local = await hoursMap(structuredClone(big), { consent: 'granted', 'show-map': '' });
    for (const el of [remote, local]) {
      await until(() => $$(el, '.leaflet-marker-icon').length, 20_000, 'markers');
      await el.updateComplete;
    }
    expect(seen(remote)).to.deep.equal(seen(local));
    const language = someOption(remote, 'language', 2);
    for (const el of [remote, local]) await setFilter(el, 'language', language);
    await same(remote, local);
    // The last place of the list with a position, chosen on the map: the list shows it and focuses it.
    const points = (el: LotseHoursMap) => (el as unknown as { mapPoints: { key: string }[] }).mapPoints;
    expect(points(remote).length).to.be.greaterThan(30);
    expect(points(remote)).to.deep.equal(points(local));
    const key = points(remote).at(-1)!.key;
    const events: Record<string, unknown>[] = [];
    for (const el of [remote, local]) {
      el.addEventListener('lotse-service-select', (e) => events.push(e.detail));
      (el as unknown as { pick(key: string, from: string): void }).pick(key, 'map');
      await el.updateComplete;
      await until(() => el.shadowRoot!.activeElement === $(el, `li[data-key="${key}"] button.name`), 10_000, 'focus on the place');
    }
    expect(events[0]).to.deep.equal(events[1]);
    expect(events[0].serviceId).to.equal(key.split('/')[0]);
    await same(remote, local);
  });

  it('asks for map points only when the map is shown', async () => {
    const asks: string[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const ask = (message as { type?: string; ask?: { kind: string } })?.ask;
      if (ask) asks.push(ask.kind);
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    } as typeof post;
    try {
      const el = await hoursMap(url());
      expect(asks).to.include('hours');
      expect(asks).not.to.include('hoursPoints');
      $<HTMLButtonElement>(el, 'button[aria-controls="map"]')!.click();
      await el.updateComplete;
      // The consent placeholder: no map, no points.
      expect($(el, '.consent')).to.exist;
      expect(asks).not.to.include('hoursPoints');
      $<HTMLButtonElement>(el, '.consent button.primary')!.click();
      await el.updateComplete;
      expect(asks).to.include('hoursPoints');
      await until(() => $$(el, '.leaflet-marker-icon').length, 20_000, 'markers');
    } finally {
      Worker.prototype.postMessage = post;
    }
  });

  it('a page with only an hours map never receives the services', async () => {
    const el = await hoursMap(url());
    await setFilter(el, 'openNow', true);
    expect($$(el, 'li.entry').length).to.be.greaterThan(0);
    expectServicesOnlyInWorker([el], el.feed as string);
  });

  it('a page with all four widgets never receives the services', async () => {
    const feed = url();
    const widgets = [
      place('lotse-service-finder', feed),
      place('lotse-hours-map', feed),
      place('lotse-quick-check', feed),
      place('lotse-contact-form', feed, { endpoint: '/api/lotse-kontakt' }),
    ];
    await until(() => widgets[0].shadowRoot?.querySelector('.results'), 30_000, 'results');
    await until(() => widgets[1].shadowRoot?.querySelector('[part="list"]'), 30_000, 'the places');
    await until(() => widgets[3].shadowRoot?.querySelector('.choices'), 30_000, 'the form');
    for (const el of widgets) await (el as LotseHoursMap).updateComplete;
    expect($$(widgets[1], 'li.entry')).to.have.length(30);
    expectServicesOnlyInWorker(widgets, feed);
  });

  it('a new filter keeps the places on screen until the answer is there (never "loading")', async () => {
    const el = await hoursMap(url());
    const flashes: string[] = [];
    const watch = new MutationObserver(() => {
      if ($(el, '.spinner') || !$$(el, 'li.entry').length) flashes.push(words($(el, 'p.count')));
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    const count = words($(el, 'p.count'));
    await setFilter(el, 'day', someOption(el, 'day', 2));
    watch.disconnect();
    expect(flashes).to.deep.equal([]);
    // The answer is there when updateComplete says so.
    expect(words($(el, 'p.count'))).not.to.equal(count);
  });

  it('the last "Weitere Orte zeigen" in the week plan moves the focus to the first time once the answer is there', async () => {
    const el = await hoursMap(url());
    const name = someOption(el, 'category');
    await setFilter(el, 'category', name);
    await setFilter(el, 'day', someOption(el, 'day'));
    await setFilter(el, 'language', someOption(el, 'language', 1));
    $$<HTMLButtonElement>(el, '.segmented button')[1].click();
    await until(() => $$(el, '.day').length, 10_000, 'the week plan');
    await el.updateComplete;
    for (let i = 0; i < 40 && $(el, 'button.more'); i++) {
      const more = $<HTMLButtonElement>(el, 'button.more')!;
      more.focus();
      more.click();
      await el.updateComplete;
      const active = el.shadowRoot!.activeElement;
      if ($(el, 'button.more')) expect(active).to.equal($(el, 'button.more'));
      else expect(active).to.equal($(el, '.week button.link'));
    }
    expect($(el, 'button.more')).to.equal(null);
  });

  it('when the worker is lost, loads the feed again on the main thread and renders from the services', async () => {
    const feed = url();
    const el = await hoursMap(feed);
    await setFilter(el, 'openNow', true);
    const before = seen(el);
    const info = console.info;
    console.info = () => {};
    try {
      (feedSource(feed) as unknown as { giveUpWorker(why: string): void }).giveUpWorker('test');
      await until(
        () => heldState(el).status === 'ready' && !heldState(el).held && $(el, '[part="list"]'),
        60_000,
        'the feed on the main thread',
      );
      await until(() => JSON.stringify(seen(el)) === JSON.stringify(before), 30_000, 'the same view');
    } finally {
      console.info = info;
    }
    expect(heldState(el).feed!.services).to.have.length(COUNT);
    expect(seen(el)).to.deep.equal(before);
  });
});
