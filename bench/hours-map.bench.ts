/**
 * Benchmark of <lotse-hours-map> with 10,000 places (not part of the normal test run):
 *   LOTSE_BROWSERS=chromium npm run bench
 * Prints the time to compute open-now for all places and to draw the clustered markers.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/hours-map/hours-map.js';
import type { LotseHoursMap } from '../src/hours-map/hours-map.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { createClock } from '../src/core/time/opening.js';
import { buildEntries } from '../src/hours-map/model.js';
import { until } from '../test/helpers.js';

const source: Record<string, any> = await (await fetch(new URL('../test/fixtures/hours-map/feed.json', import.meta.url))).json();
const N = 10_000;
const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

function bigFeed() {
  const feed = structuredClone(source);
  const template = feed.services[0];
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  feed.services = Array.from({ length: N }, (_, i) => ({
    ...structuredClone(template),
    id: `s${i}`,
    name: `Beratung ${i}`,
    locations: [
      {
        id: 'l',
        address: { street: `Straße ${i}`, postalCode: '44100', city: 'Teststadt' },
        geo: { lat: 51.45 + random() * 0.15, lon: 7.35 + random() * 0.25 },
        hours: [
          {
            days: [DAYS[i % 7], DAYS[(i + 2) % 7]],
            opens: `${String(8 + (i % 5)).padStart(2, '0')}:00`,
            closes: `${String(13 + (i % 6)).padStart(2, '0')}:30`,
            kind: i % 3 ? 'walk-in' : 'appointment',
            languages: ['ro'],
          },
          { days: [DAYS[(i + 4) % 7]], opens: '22:00', closes: '01:00', kind: 'walk-in' },
        ],
        closures: i % 10 ? [] : [{ from: '2026-11-20', to: '2026-11-30' }],
      },
    ],
  }));
  return feed;
}

it(`open-now for ${N} places and clustered markers`, async () => {
  const feed = bigFeed();
  const { feed: parsed } = await parseFeed(feed);
  const now = new Date('2026-11-24T10:30:00+01:00');
  const times: number[] = [];
  let open = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const clock = createClock(now, parsed!.region);
    open = buildEntries(parsed!.services, clock).filter((e) => e.status.open).length;
    times.push(performance.now() - t0);
  }
  console.log(`open-now for ${N} places: median ${times.sort((a, b) => a - b)[2].toFixed(1)} ms (${open} open)`);
  expect(open).to.be.greaterThan(0);

  const t1 = performance.now();
  const el = await fixture<LotseHoursMap>(html`<lotse-hours-map lang="de" .feed=${feed} .now=${now}
    consent="granted" tiles="/__tiles/{z}/{x}/{y}.png"></lotse-hours-map>`);
  await until(() => el.shadowRoot!.querySelector('li.entry'), 20000, 'list');
  const t2 = performance.now();
  console.log(`first render with list and filter counts: ${(t2 - t1).toFixed(0)} ms`);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    console.log(`re-render (list, counts): ${(performance.now() - t).toFixed(0)} ms`);
  }
  const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.views > button')!;
  toggle.click();
  await until(() => el.shadowRoot!.querySelector('.leaflet-marker-icon'), 20000, 'markers');
  const t3 = performance.now();
  const markers = el.shadowRoot!.querySelectorAll('.leaflet-marker-icon').length;
  console.log(`map chunk + ${markers} clustered markers for ${N} places: ${(t3 - t2).toFixed(0)} ms`);
  expect(markers).to.be.lessThan(N / 10);
}).timeout(60000);
