import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/hours-map/hours-map.js';
import type { LotseHoursMap } from '../src/hours-map/hours-map.js';
import { until } from './helpers.js';
import { setFilter } from './hours-map-helpers.js';

/** UI languages to check with axe: all eight. */
const LANGS = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];

const source: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
const feedCopy = (): Record<string, any> => structuredClone(source);

/** A Tuesday morning in Berlin. */
const TUESDAY = '2026-11-24T10:30:00+01:00';
const LOCAL_TILES = '/__tiles/{z}/{x}/{y}.png';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const entry = (el: Element, key: string) => $(el, `li[data-key="${key}"]`);
const statusOf = (el: Element, key: string) => text(entry(el, key)?.querySelector('.status'));
const resources = () => performance.getEntriesByType('resource').map((r) => r.name);
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function mountMap(
  options: { now?: string; feed?: Record<string, any>; consent?: string; tiles?: string; showMap?: boolean; lang?: string } = {},
) {
  const el = await fixture<LotseHoursMap>(html`<lotse-hours-map
    lang=${options.lang ?? 'de'}
    .feed=${options.feed ?? feedCopy()}
    .now=${options.now ?? TUESDAY}
    consent=${options.consent ?? ''}
    tiles=${options.tiles ?? LOCAL_TILES}
    ?show-map=${options.showMap ?? false}
  ></lotse-hours-map>`);
  await until(() => $(el, '[part="list"], [part="week"], .state'), 5000, 'feed ready');
  await until(() => !$(el, '.spinner'), 5000, 'feed ready');
  return el;
}

describe('<lotse-hours-map>', () => {
  afterEach(() => localStorage.removeItem('lotse-map-consent'));

  // First in the file: the page has loaded no map code yet, so resource timing can prove it.
  it('works as a list when the map is never opened, loading no map code and no tiles', async () => {
    const el = await mountMap({ tiles: 'https://tiles.example.test/{z}/{x}/{y}.png' });
    expect($$(el, 'li.entry')).to.have.length(5);
    $<HTMLButtonElement>(el, 'li[data-key="clearing/main"] button.name')!.click();
    await el.updateComplete;
    expect(text(entry(el, 'clearing/main')!.querySelector('.details'))).to.contain('Sprechstunden');
    expect($(el, '.leaflet-container')).to.equal(null);
    expect(resources().filter((r) => /leaflet|hours-map\/map|tiles\.example\.test/.test(r))).to.deep.equal([]);
  });

  describe('open now and next opening (fixed clock)', () => {
    // [now, feed state, place, expected status]
    const cases: [string, string, string, string][] = [
      [TUESDAY, 'NW', 'clearing/main', 'Jetzt offen bis 12:00'],
      [TUESDAY, 'NW', 'mieterhilfe/buero', 'Nächste Öffnung: heute 16:00'],
      [TUESDAY, 'NW', 'streetwork/unterwegs', 'Nächste Öffnung: morgen 10:00'],
      [TUESDAY, 'NW', 'nachtcafe/cafe', 'Nächste Öffnung: Freitag 22:00'],
      [TUESDAY, 'NW', 'schulden', 'Keine festen Zeiten'],
      ['2026-11-24T11:45:00+01:00', 'NW', 'clearing/main', 'Schließt bald, um 12:00'],
      // The device's zone does not matter: 04:30 in New York is 10:30 in Berlin.
      ['2026-11-24T04:30:00-05:00', 'NW', 'clearing/main', 'Jetzt offen bis 12:00'],
      // Corpus Christi (4 June 2026) is a holiday in NRW, not in Berlin.
      ['2026-06-04T15:00:00+02:00', 'NW', 'clearing/main', 'Nächste Öffnung: Dienstag 09:00'],
      ['2026-06-04T15:00:00+02:00', 'BE', 'clearing/main', 'Jetzt offen bis 17:00'],
      // 24 and 31 December are working days; 25 December and 1 January are holidays.
      ['2026-12-24T15:00:00+01:00', 'NW', 'clearing/main', 'Jetzt offen bis 17:00'],
      ['2026-12-24T20:00:00+01:00', 'NW', 'mieterhilfe/buero', 'Nächste Öffnung: Montag 16:00'],
      ['2026-12-31T15:30:00+01:00', 'NW', 'clearing/main', 'Jetzt offen bis 17:00'],
      ['2026-12-31T20:00:00+01:00', 'NW', 'mieterhilfe/buero', 'Nächste Öffnung: Montag 16:00'],
      // A place open on holidays: the café opens on New Year's Day.
      ['2026-12-31T20:00:00+01:00', 'NW', 'nachtcafe/cafe', 'Nächste Öffnung: morgen 22:00'],
      // Slots past midnight belong to the day they start.
      ['2026-11-28T00:30:00+01:00', 'NW', 'nachtcafe/cafe', 'Jetzt offen bis 02:00'],
      // DST switch days: autumn (25 Oct 2026) and spring (28 Mar 2027).
      ['2026-10-25T00:30:00+02:00', 'NW', 'nachtcafe/cafe', 'Jetzt offen bis 02:00'],
      ['2027-03-28T01:40:00+01:00', 'NW', 'nachtcafe/cafe', 'Schließt bald, um 02:00'],
      ['2027-03-28T03:10:00+02:00', 'NW', 'nachtcafe/cafe', 'Nächste Öffnung: Freitag 22:00'],
    ];
    for (const [now, state, key, expected] of cases) {
      it(`${now} ${state}: ${key} → ${expected}`, async () => {
        const feed = feedCopy();
        feed.region.state = state;
        const el = await mountMap({ now, feed });
        expect(statusOf(el, key)).to.contain(expected);
      });
    }

    it('shows the local time of the region and marks a public holiday', async () => {
      const el = await mountMap({ now: '2026-06-04T09:05:00-04:00' });
      expect(text($(el, '.now')))
        .to.contain('Donnerstag, 15:05')
        .and.contain('Feiertag');
    });

    it('lists open places first', async () => {
      const el = await mountMap();
      expect($$(el, 'li.entry')[0].dataset.key).to.equal('clearing/main');
    });
  });

  describe('week plan', () => {
    it('shows seven days from today with slots, languages and walk-in/appointment, and marks now', async () => {
      const el = await mountMap();
      $$<HTMLButtonElement>(el, '.segmented button')[1].click();
      await until(() => $$(el, '.day').length, 3000, 'week plan (its own chunk)');
      const days = $$(el, '.day');
      expect(days).to.have.length(7);
      expect(text(days[0].querySelector('h3')))
        .to.contain('Heute')
        .and.contain('Dienstag');
      const live = days[0].querySelector('li.live')!;
      expect(text(live))
        .to.contain('09:00–12:00')
        .and.contain('Jetzt offen')
        .and.contain('Clearingstelle')
        .and.contain('Rumänisch')
        .and.contain('Ohne Termin');
      expect(text(days[0])).to.contain('16:00–19:00').and.contain('Mit Termin');
      // Friday: the night café runs past midnight.
      expect(text(days[3])).to.contain('22:00–02:00');
      // Thursday has Bulgarian, not Romanian.
      expect(text(days[2])).to.contain('Bulgarisch');
    });

    it('respects holidays: no Clearingstelle on Corpus Christi in NRW', async () => {
      const el = await mountMap({ now: '2026-06-02T08:00:00+02:00' });
      $$<HTMLButtonElement>(el, '.segmented button')[1].click();
      await until(() => $$(el, '.day').length, 3000, 'week plan (its own chunk)');
      const thursday = $$(el, '.day')[2];
      expect(text(thursday.querySelector('h3'))).to.contain('Feiertag');
      expect(text(thursday)).not.to.contain('Clearingstelle');
    });

    it('shows the times of the places the list shows, page by page like the list (a big feed stays quick)', async () => {
      const { generateFeed } = await import('../bench/generate-feed.js');
      const el = await mountMap({ feed: generateFeed(300) });
      const listed = new Set($$(el, 'li.entry button.name').map((b) => text(b)));
      expect($$(el, 'li.entry')).to.have.length(30);
      const more = text($(el, 'button.more'));
      expect(more).to.match(/^Weitere Orte zeigen \(noch [\d.]+\)$/);
      $$<HTMLButtonElement>(el, '.segmented button')[1].click();
      await until(() => $$(el, '.day').length, 3000, 'week plan (its own chunk)');
      const names = () => $$(el, '.day li button.link').map((b) => text(b));
      const first = names();
      expect(first.length).to.be.greaterThan(0);
      for (const name of first) expect(listed.has(name), name).to.equal(true);
      expect(text($(el, 'button.more'))).to.equal(more);
      const button = $<HTMLButtonElement>(el, 'button.more')!;
      button.focus();
      button.click();
      await el.updateComplete;
      // The next 30 places' times join the days; the button (still needed) keeps the focus.
      expect(names().length).to.be.greaterThan(first.length);
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.more'));
    });

    it('a name in the week plan opens the place in the list', async () => {
      const el = await mountMap();
      const events: CustomEvent[] = [];
      el.addEventListener('lotse-service-select', (e) => events.push(e));
      $$<HTMLButtonElement>(el, '.segmented button')[1].click();
      await until(() => $$(el, '.day').length, 3000, 'week plan (its own chunk)');
      $<HTMLButtonElement>(el, '.day li button.link')!.click();
      await el.updateComplete;
      expect($(el, '[part="list"]')).to.exist;
      expect(entry(el, 'clearing/main')!.getAttribute('aria-current')).to.equal('true');
      expect(events[0].detail).to.deep.equal({ serviceId: 'clearing', locationId: 'main' });
    });
  });

  describe('filters', () => {
    it('combine on one slot: Romanian on Thursday finds nothing, Bulgarian on Thursday finds the Clearingstelle', async () => {
      const el = await mountMap();
      await setFilter(el, 'language', 'ro');
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.have.members(['clearing/main', 'streetwork/unterwegs']);
      await setFilter(el, 'day', 'th');
      expect($$(el, 'li.entry')).to.have.length(0);
      expect(text($(el, '.count'))).to.contain('0 Orte');
      await setFilter(el, 'language', 'bg');
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.deep.equal(['clearing/main']);
    });

    it('show counts that follow the other filters', async () => {
      const el = await mountMap();
      const option = (name: string, value: string) => text($(el, `[name="${name}"] option[value="${value}"]`));
      expect(option('day', 'tu')).to.contain('(2)');
      expect(option('language', 'ro')).to.contain('(2)');
      await setFilter(el, 'time', 'evening');
      expect(option('day', 'tu')).to.contain('(1)');
      expect(option('day', 'fr')).to.contain('(2)');
      expect(text($(el, '[name="walkIn"]')!.closest('label'))).to.contain('(1)');
    });

    it('time of day, walk-in only and open now', async () => {
      const el = await mountMap();
      await setFilter(el, 'time', 'morning');
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.have.members(['clearing/main', 'streetwork/unterwegs']);
      await setFilter(el, 'time', '');
      await setFilter(el, 'walkIn', true);
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.not.include('mieterhilfe/buero');
      await setFilter(el, 'walkIn', false);
      await setFilter(el, 'openNow', true);
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.deep.equal(['clearing/main']);
      $<HTMLButtonElement>(el, 'button.reset')!.click();
      await el.updateComplete;
      expect($$(el, 'li.entry')).to.have.length(5);
    });

    it('category filter', async () => {
      const el = await mountMap();
      await setFilter(el, 'category', 'housing');
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.deep.equal(['mieterhilfe/buero']);
    });
  });

  describe('long lists', () => {
    it('show 30 places, then more on request, focusing the first new one', async () => {
      const feed = feedCopy();
      const place = feed.services[0].locations[0];
      feed.services[0].locations = Array.from({ length: 40 }, (_, i) => ({ ...place, id: `p${i}` }));
      const el = await mountMap({ feed });
      expect($$(el, 'li.entry')).to.have.length(30);
      expect(text($(el, '.count'))).to.contain('44 Orte');
      const more = $<HTMLButtonElement>(el, 'button.more')!;
      expect(text(more)).to.contain('noch 14');
      more.click();
      await until(() => deepActive() === $$(el, 'li.entry button.name')[30], 2000, 'focus on place 31');
      expect($$(el, 'li.entry')).to.have.length(44);
      expect($(el, 'button.more')).to.equal(null);
    });
  });

  describe('details', () => {
    it('call, route and contact, with events', async () => {
      const el = await mountMap();
      const selects: CustomEvent[] = [];
      const contacts: CustomEvent[] = [];
      el.addEventListener('lotse-service-select', (e) => selects.push(e));
      el.addEventListener('lotse-contact-request', (e) => contacts.push(e));
      const name = $<HTMLButtonElement>(el, 'li[data-key="clearing/main"] button.name')!;
      expect(name.getAttribute('aria-expanded')).to.equal('false');
      name.click();
      await el.updateComplete;
      expect(name.getAttribute('aria-expanded')).to.equal('true');
      expect(selects.map((e) => e.detail)).to.deep.equal([{ serviceId: 'clearing', locationId: 'main' }]);
      const details = entry(el, 'clearing/main')!.querySelector('.details')!;
      const links = [...details.querySelectorAll('a')];
      expect(links[0].getAttribute('href')).to.equal('tel:02015550101');
      expect(links[1].getAttribute('href')).to.match(/^https:\/\/www\.openstreetmap\.org\/directions\?.*51\.521/);
      expect(text(details)).to.contain('Di 09:00–12:00').and.contain('Rumänisch').and.contain('Ohne Termin');
      [...details.querySelectorAll('button')].find((b) => text(b).includes('Rückruf'))!.click();
      expect(contacts.map((e) => e.detail)).to.deep.equal([{ serviceId: 'clearing' }]);
    });

    it('a place without coordinates is in the list only and says so', async () => {
      const el = await mountMap();
      expect(text(entry(el, 'streetwork/unterwegs'))).to.contain('nicht auf der Karte');
      entry(el, 'streetwork/unterwegs')!.querySelector<HTMLButtonElement>('button.name')!.click();
      await el.updateComplete;
      expect(text(entry(el, 'streetwork/unterwegs'))).not.to.contain('Auf der Karte zeigen');
    });
  });

  describe('map consent', () => {
    it('asks first and requests nothing from the tile host before consent', async () => {
      const el = await mountMap({ tiles: 'https://tiles.example.test/{z}/{x}/{y}.png' });
      const toggle = $$<HTMLButtonElement>(el, '.views > button')[0];
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text($(el, '[part="consent"]'))).to.contain('tiles.example.test');
      // A widget with consent, opened after this one, loads its map by the same steps (map
      // code, map, tiles): once its tiles are requested, this one's would have been too.
      const control = await mountMap({ consent: 'granted', showMap: true });
      await until(() => $(control, '.leaflet-tile'), 8000, 'the tiles of a widget with consent');
      await until(() => resources().some((r) => r.includes('/__tiles/')), 5000, 'its tile requests');
      expect($(el, '.leaflet-container')).to.equal(null);
      expect($(el, 'img[src*="tiles.example.test"]')).to.equal(null);
      expect(resources().filter((r) => r.includes('tiles.example.test'))).to.deep.equal([]);
    });

    it('loads the map after consent, tiles from the tiles URL, and remembers only the consent', async () => {
      const before = Object.keys(localStorage).sort();
      const el = await mountMap({ showMap: true });
      const consent = $(el, '[part="consent"]')!;
      consent.querySelector<HTMLInputElement>('input[name="remember"]')!.checked = true;
      consent.querySelector<HTMLButtonElement>('button.primary')!.click();
      await until(() => $(el, '.leaflet-marker-icon'), 8000, 'markers');
      await until(() => resources().some((r) => r.includes('/__tiles/14/')), 5000, 'tile requests');
      expect(localStorage.getItem('lotse-map-consent')).to.equal('granted');
      // Other test pages run at the same time and share localStorage; ignore their language key.
      const ours = (keys: string[]) => keys.filter((k) => k !== 'lotse-language').sort();
      expect(ours(Object.keys(localStorage))).to.deep.equal(ours([...new Set([...before, 'lotse-map-consent'])]));
      // A second widget skips the question.
      const second = await mountMap({ showMap: true });
      expect($(second, '[part="consent"]')).to.equal(null);
      await until(() => $(second, '.leaflet-marker-icon'), 8000, 'markers');
      // … until the visitor takes it back.
      $<HTMLButtonElement>(second, 'button.revoke')!.click();
      await second.updateComplete;
      expect(localStorage.getItem('lotse-map-consent')).to.equal(null);
      expect($(second, '[part="consent"]')).to.exist;
      expect($(second, '.leaflet-container')).to.equal(null);
    });

    it('consent="granted" skips the placeholder; the attribution stays text', async () => {
      const el = await fixture<LotseHoursMap>(html`<lotse-hours-map lang="de" .feed=${feedCopy()} .now=${TUESDAY}
        consent="granted" show-map tiles=${LOCAL_TILES} attribution="<b>Stadt</b> & OSM"></lotse-hours-map>`);
      await until(() => $(el, '.leaflet-control-attribution'), 8000, 'map');
      expect($(el, '[part="consent"]')).to.equal(null);
      const attribution = $(el, '.leaflet-control-attribution')!;
      expect(attribution.textContent).to.contain('<b>Stadt</b> & OSM');
      expect(attribution.querySelector('b')).to.equal(null);
    });
  });

  describe('map and list together', () => {
    it('markers and clusters have names and work with the keyboard; a marker selects its list entry', async () => {
      const el = await mountMap({ consent: 'granted', showMap: true });
      const selects: CustomEvent[] = [];
      el.addEventListener('lotse-service-select', (e) => selects.push(e));
      await until(() => $(el, '.leaflet-marker-icon'), 8000, 'markers');
      // Only places with coordinates are on the map; the street work stays in the list.
      expect(text($(el, '.map .hint'))).to.contain('2 Angebote ohne festen Ort');
      for (const marker of $$(el, '.leaflet-marker-icon')) {
        expect(marker.getAttribute('role')).to.equal('button');
        // In the tab order when in view; drawn around the view but outside it, not (a11y-map.test.ts).
        expect(marker.getAttribute('tabindex')).to.equal(marker.getAttribute('aria-hidden') === 'true' ? '-1' : '0');
        expect(marker.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      }
      const cluster = $(el, '.leaflet-marker-icon.cluster')!;
      expect(cluster.getAttribute('aria-label')).to.contain('2 Orte').and.contain('Clearingstelle');
      // Enter on the cluster zooms in (or fans out) until the Clearingstelle has its own pin.
      for (let i = 0; i < 4 && !$(el, '.pin[data-key="clearing/main"]'); i++) {
        const holder = [...$$(el, '.leaflet-marker-icon.cluster')].find((c) => c.getAttribute('aria-label')!.includes('Clearingstelle'))!;
        holder.focus();
        await sendKeys({ press: 'Enter' });
        // Opened: the map has stopped moving and focus is on a marker of the new view.
        await until(
          () => !holder.isConnected && !$(el, '.leaflet-zoom-anim, .leaflet-pan-anim') && deepActive()?.matches('.leaflet-marker-icon'),
          5000,
          'cluster opened',
        );
      }
      const pin = $(el, '.pin[data-key="clearing/main"]')!;
      expect(pin.getAttribute('aria-label')).to.contain('Clearingstelle Gesundheit, Hafenstraße 1: Jetzt offen bis 12:00');
      pin.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const li = entry(el, 'clearing/main')!;
      expect(li.getAttribute('aria-current')).to.equal('true');
      expect(li.querySelector('button.name')!.getAttribute('aria-expanded')).to.equal('true');
      expect(deepActive()).to.equal(li.querySelector('button.name'));
      expect(pin.classList.contains('selected')).to.equal(true);
      expect(selects.map((e) => e.detail.serviceId)).to.deep.equal(['clearing']);

      // The other way: "show on map" in the list highlights the marker.
      const other = entry(el, 'nachtcafe/cafe')!;
      other.querySelector<HTMLButtonElement>('button.name')!.click();
      await el.updateComplete;
      [...other.querySelectorAll('button')].find((b) => text(b).includes('Auf der Karte'))!.click();
      await el.updateComplete;
      await until(() => $(el, '.pin.selected[data-key="nachtcafe/cafe"]'), 3000, 'marker highlighted');
      expect(other.getAttribute('aria-current')).to.equal('true');
      expect(li.getAttribute('aria-current')).to.equal(null);
    });
  });

  describe('keyboard', () => {
    it('filters and list work with the keyboard alone', async () => {
      const el = await mountMap();
      $<HTMLSelectElement>(el, '#f-day')!.focus();
      // day → time of day → language → topic → walk-in checkbox
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, 'input[name="walkIn"]'));
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).not.to.include('mieterhilfe/buero');
      // open now → reset → list / week plan / map → first place
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, 'li.entry button.name'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, 'li.entry button.name')!.getAttribute('aria-expanded')).to.equal('true');
      expect(text($(el, 'li.entry .details'))).to.contain('Anrufen');
    });
  });

  describe('accessibility (axe)', () => {
    for (const lang of LANGS) {
      it(`list, details and week plan (${lang})`, async () => {
        const el = await mountMap({ lang });
        $<HTMLButtonElement>(el, 'li.entry button.name')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        $$<HTMLButtonElement>(el, '.segmented button')[1].click();
        await until(() => $$(el, '.day').length, 3000, 'week plan');
        await expect(el).to.be.accessible();
      });

      it(`consent placeholder and map (${lang})`, async () => {
        const el = await mountMap({ lang, showMap: true });
        await expect(el).to.be.accessible();
        $<HTMLButtonElement>(el, '[part="consent"] button.primary')!.click();
        await until(() => $(el, '.leaflet-marker-icon'), 8000, 'markers');
        await expect(el).to.be.accessible();
      });
    }
  });
});

describe('hours map: counting and big feeds', () => {
  it('each option counts exactly the places that choosing it would show (one pass = filter by filter)', async () => {
    const { parseFeed } = await import('../src/core/feed/parse.js');
    const { createClock } = await import('../src/core/time/opening.js');
    const { generateFeed } = await import('../bench/generate-feed.js');
    const { NO_FILTERS, TIMES_OF_DAY, buildEntries, entryMatches, resultSteps } = await import('../src/hours-map/model.js');
    const { runAll } = await import('../src/core/feed/slices.js');
    const { WEEKDAYS } = await import('../src/core/feed/constants.js');
    for (const input of [feedCopy(), generateFeed(300)]) {
      const feed = parseFeed(input).feed!;
      const entries = buildEntries(feed.services, createClock(new Date(TUESDAY), feed.region));
      const languages = [
        ...new Set(
          feed.services.flatMap((s) => [...s.languages, ...s.locations.flatMap((l) => l.hours.flatMap((h) => h.languages ?? []))]),
        ),
      ];
      const categories = feed.categories.map((c) => c.id);
      const choices = [
        NO_FILTERS,
        { ...NO_FILTERS, day: 'we' as const },
        { ...NO_FILTERS, time: 'afternoon' as const, language: languages[1] ?? '' },
        { ...NO_FILTERS, walkIn: true, category: categories[0] },
        { ...NO_FILTERS, openNow: true, day: 'tu' as const, language: languages[0] },
        { ...NO_FILTERS, day: 'mo' as const, time: 'evening' as const, walkIn: true, openNow: true, category: categories[1] ?? '' },
      ];
      for (const f of choices) {
        const { shown, counts } = runAll(resultSteps(entries, f));
        // What choosing each option would show, filter by filter.
        const showing = (g: typeof f) => entries.filter((e) => entryMatches(e, g)).length;
        const without = (key: keyof typeof f) => entries.filter((e) => entryMatches(e, f, key)).length;
        expect(shown.length, JSON.stringify(f)).to.equal(showing(f));
        for (const day of WEEKDAYS) expect(counts.day.get(day) ?? 0, `${day} ${JSON.stringify(f)}`).to.equal(showing({ ...f, day }));
        for (const time of TIMES_OF_DAY) expect(counts.time.get(time) ?? 0, time).to.equal(showing({ ...f, time }));
        for (const language of languages) expect(counts.language.get(language) ?? 0, language).to.equal(showing({ ...f, language }));
        for (const category of categories) expect(counts.category.get(category) ?? 0, category).to.equal(showing({ ...f, category }));
        expect(counts.walkIn).to.equal(showing({ ...f, walkIn: true }));
        expect(counts.openNow).to.equal(showing({ ...f, openNow: true }));
        for (const key of ['day', 'time', 'language', 'category'] as const) expect(counts[key].get('') ?? 0, key).to.equal(without(key));
      }
    }
  });

  it('a big feed: "loading" first, then the first page of places with counts; a new filter keeps the list until its result is there', async function () {
    this.timeout(60_000);
    const { generateFeed } = await import('../bench/generate-feed.js');
    const el = document.createElement('lotse-hours-map');
    el.lang = 'de';
    el.now = TUESDAY;
    el.feed = generateFeed(2500);
    let preparing: string | undefined;
    const watch = new MutationObserver(() => {
      if (preparing === undefined && (el as any).feedState.status === 'ready' && !$(el, '[part="list"]')) preparing = text($(el, '.count'));
    });
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    try {
      await until(() => $(el, '[part="list"]'), 30_000, 'list');
      watch.disconnect();
      expect(preparing).to.equal('Angebote werden geladen …');
      expect($$(el, 'li.entry').length).to.equal(30);
      const all = text($(el, '.count'));
      expect(all).to.match(/^[\d.]+ Orte gefunden$/);
      const select = $<HTMLSelectElement>(el, '#f-day')!;
      const sunday = [...select.options].find((o) => o.value === 'su')!;
      const expected = Number(/\(([\d.]+)\)/.exec(sunday.textContent!)![1].replace(/\./g, ''));
      const before = $$(el, 'li.entry').map((li) => li.dataset.key);
      select.value = 'su';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      // The places stay on screen while Sunday's result is worked out, then the count follows.
      expect($$(el, 'li.entry').map((li) => li.dataset.key)).to.deep.equal(before);
      await until(() => text($(el, '.count')) !== all, 30_000, 'Sunday');
      expect(text($(el, '.count'))).to.equal(`${expected.toLocaleString('de-DE')} Orte gefunden`);
    } finally {
      el.remove();
    }
  });
});

describe('hours map: a big feed replaced by another', () => {
  it("never shows the previous feed's places once the new feed is there", async function () {
    this.timeout(90_000);
    const { generateFeed } = await import('../bench/generate-feed.js');
    const first = generateFeed(2500);
    const second = generateFeed(2500);
    for (const service of second.services) service.id = `b-${service.id}`;
    const el = document.createElement('lotse-hours-map');
    el.lang = 'de';
    el.now = TUESDAY;
    el.feed = first;
    document.body.append(el);
    try {
      await until(() => $(el, '[part="list"]'), 30_000, 'first list');
      const stale: string[] = [];
      const watch = new MutationObserver(() => {
        const state = (el as any).feedState;
        if (state.status !== 'ready' || !state.feed.services[0].id.startsWith('b-')) return;
        for (const li of $$(el, 'li.entry')) if (!li.dataset.key!.startsWith('b-')) stale.push(li.dataset.key!);
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
      el.feed = second;
      await until(() => $$(el, 'li.entry')[0]?.dataset.key?.startsWith('b-'), 30_000, 'second list');
      watch.disconnect();
      expect(stale.slice(0, 3)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
