/**
 * `npm run bench`: feed parse, search, open-now and render timings for 1k / 10k / 50k
 * services in headless Chromium, printed as a table. A report, not a pass/fail test.
 */
import { fixture, html } from '@open-wc/testing';
import '../src/service-finder/service-finder.js';
import type { LotseServiceFinder } from '../src/service-finder/service-finder.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { buildIndex } from '../src/service-finder/search-index.js';
import { createClock, serviceStatus } from '../src/core/time/opening.js';
import { generateFeed, QUERIES } from './generate-feed.js';

const SIZES = (new URLSearchParams(location.search).get('sizes') ?? '1000,10000,50000').split(',').map(Number);
const NOW = new Date('2026-11-24T09:00:00Z');
const ms = (t: number) => t.toFixed(1);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const rows: string[][] = [
  [
    'services',
    'JSON.parse',
    'check',
    'index build',
    'search p50',
    'search p95',
    'keystroke→DOM p50',
    'keystroke→DOM p95',
    'open-now all',
    'first render',
  ],
];

async function measure(count: number) {
  const text = JSON.stringify(generateFeed(count));
  let t = performance.now();
  const json = JSON.parse(text);
  const jsonMs = performance.now() - t;
  t = performance.now();
  const { feed } = parseFeed(json);
  const checkMs = performance.now() - t;
  // The index build, three times (median and min–max: the machine is shared).
  const builds: number[] = [];
  let index!: Awaited<ReturnType<typeof buildIndex>>;
  for (let r = 0; r < 3; r++) {
    t = performance.now();
    index = await buildIndex(feed!, feed!.services);
    builds.push(performance.now() - t);
  }
  const sortedBuilds = [...builds].sort((a, b) => a - b);
  const indexMs = `${ms(sortedBuilds[1])} (${ms(sortedBuilds[0])}–${ms(sortedBuilds[2])})`;
  // Every query three times (a realistic mix: prefixes, compound parts, other scripts, typos).
  const searchTimes: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      index.search(q);
      searchTimes.push(performance.now() - s);
    }
  }
  t = performance.now();
  const clock = createClock(NOW, feed!.region);
  for (const service of feed!.services) serviceStatus(service.locations, clock);
  const openMs = performance.now() - t;

  t = performance.now();
  const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang="de" .now=${NOW} .feed=${json}></lotse-service-finder>`);
  while (!el.shadowRoot!.querySelector('.results') || !(el as unknown as { search?: { index?: unknown } }).search?.index)
    await new Promise((r) => setTimeout(r, 5));
  await el.updateComplete;
  const renderMs = performance.now() - t;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#lotse-search')!;
  const keystrokes: number[] = [];
  for (const word of ['schuldnerberatung', 'sanatate', 'bolnitsa', 'familie', 'fuehrerschein', 'krankenversichrung']) {
    for (let i = 1; i <= word.length; i++) {
      const s = performance.now();
      input.value = word.slice(0, i);
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      keystrokes.push(performance.now() - s);
    }
  }
  el.remove();
  rows.push([
    count.toLocaleString('en'),
    ms(jsonMs),
    ms(checkMs),
    indexMs,
    ms(percentile(searchTimes, 50)),
    ms(percentile(searchTimes, 95)),
    ms(percentile(keystrokes, 50)),
    ms(percentile(keystrokes, 95)),
    ms(openMs),
    ms(renderMs),
  ]);
}

it('benchmark (ms)', async function () {
  this.timeout(600_000);
  for (const size of SIZES) await measure(size);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const table = rows.map((r) => `| ${r.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`);
  table.splice(1, 0, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  console.log(
    `\nLotse benchmark, ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent}, times in ms\n${table.join('\n')}`,
  );
});
