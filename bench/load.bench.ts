/**
 * `npm run bench`: what the host page feels while a big feed loads and while someone types.
 * - Main-thread long tasks (PerformanceObserver `longtask`) while a 10,000- and a 50,000-service
 *   feed loads through `feedSource` (fetch, parse, check, offline copy; first visit and repeat
 *   visit with the saved copy), as the longest task and total blocking time (the part of each
 *   task over 50 ms), and blocking time as a multiple of `JSON.parse` of the same text in the
 *   same page. The same with a page around the feed: a finder alone, and all four widgets on
 *   one URL (ready when each shows its first content; the finder its results). Above 1,000
 *   services the feed stays in the worker: "feed" is ready when the page has it without its
 *   services, the finder alone receives only its answers, and "receive from worker" counts
 *   the services sent for the hours map, quick-check and contact form.
 * - Input-event durations (Event Timing API, events ≥ 16 ms) while typing into a finder with a
 *   10,000-service feed, with real key presses.
 * Several rounds each; median and min–max. A report, not a test (Chromium only).
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clear, createStore } from 'idb-keyval';
import '../src/index.js';
import type { LotseServiceFinder } from '../src/service-finder/service-finder.js';
import { feedSource, resetFeedSources } from '../src/core/feed/load.js';
import { generateFeed } from './generate-feed.js';

const params = new URLSearchParams(location.search);
const SIZES = (params.get('loadSizes') ?? '10000,50000').split(',').map(Number);
const ROUNDS = Number(params.get('rounds') ?? 3);
const NOW = new Date('2026-11-24T09:00:00Z');

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const until = async (condition: () => boolean, ms = 120_000) => {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Long tasks from now until `stop()` (the observer is asked once more at the end). */
function watchLongTasks() {
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      tasks.push(...observer.takeRecords());
      observer.disconnect();
      const longest = Math.max(0, ...tasks.map((t) => t.duration));
      const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
      return { longest, blocking };
    },
  };
}

/** Quiet time after the feed is ready: the offline copy is written after that. */
const settle = () => sleep(1500);

interface Round {
  longest: number;
  blocking: number;
  ratio: number;
  readyMs: number;
  /** When the finder (if on the page) showed its first results. */
  resultsMs?: number;
  receiveMs: number;
}

type Page = 'feed' | 'finder' | 'four widgets';
const WIDGETS = ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form'];

/** The widgets of a page on the feed's URL; ready when each shows its first content. */
async function mountPage(page: Page, url: string) {
  const tags = page === 'finder' ? WIDGETS.slice(0, 1) : WIDGETS;
  const box = document.createElement('div');
  box.innerHTML = tags
    .map((tag) => `<${tag} lang="ro" now="2026-11-24T09:00:00Z" feed="${url}" endpoint="/api/lotse-kontakt"></${tag}>`)
    .join('');
  document.body.append(box);
  const first: Record<string, string> = {
    'lotse-service-finder': '.results',
    'lotse-hours-map': '[part="list"]',
    'lotse-quick-check': '.screen',
    'lotse-contact-form': 'form, [part="form"]',
  };
  const els = [...box.children] as HTMLElement[];
  const ready = () =>
    els.every((el) => el.shadowRoot?.querySelector(first[el.localName]) && !el.shadowRoot.querySelector('.state.loading'));
  return { box, ready };
}

async function loadRound(text: string, jsonMs: number, repeat: boolean, page: Page = 'feed'): Promise<Round> {
  resetFeedSources();
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  if (repeat) {
    // A first visit saves the copy (not measured), then the page loads again.
    const first = feedSource(url);
    first.load();
    await until(() => first.state.status === 'ready');
    await settle();
    resetFeedSources();
  }
  await sleep(200);
  const watch = watchLongTasks();
  const start = performance.now();
  const source = feedSource(url);
  let readyMs: number;
  let resultsMs: number | undefined;
  let box: HTMLElement | undefined;
  if (page === 'feed') {
    source.load();
    // A repeat visit shows the saved copy first: ready means the network copy is in.
    await until(() => source.state.status === 'ready' && !source.state.refreshing && source.state.from === 'network');
    readyMs = performance.now() - start;
  } else {
    // Until every widget shows its first content (the finder: its results).
    const mounted = await mountPage(page, url);
    box = mounted.box;
    const finder = box.querySelector('lotse-service-finder')!;
    await until(() => {
      resultsMs ??= finder.shadowRoot?.querySelector('.results') ? performance.now() - start : undefined;
      return mounted.ready();
    });
    readyMs = performance.now() - start;
  }
  await settle();
  const { longest, blocking } = watch.stop();
  box?.remove();
  URL.revokeObjectURL(url);
  // Main-thread time to receive the checked feed from the worker (structured clone), if any.
  const receiveMs = (source as { receiveMs?: number }).receiveMs ?? 0;
  return { longest, blocking, ratio: blocking / jsonMs, readyMs, resultsMs, receiveMs };
}

async function typingRound(count: number): Promise<number[]> {
  resetFeedSources();
  const text = JSON.stringify(generateFeed(count));
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang="de" .now=${NOW} feed=${url}></lotse-service-finder>`);
  await until(() => !!el.shadowRoot!.querySelector('.results'));
  // A big feed is answered in the feed worker: one search there builds its index (updateComplete
  // waits for the index's answer); a small one builds it on the page.
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#lotse-search')!;
  input.value = 'beratung';
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  input.value = '';
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  await settle();
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (['keydown', 'keypress', 'input', 'keyup', 'beforeinput'].includes(entry.name)) durations.push(entry.duration);
  });
  observer.observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  input.focus();
  for (const word of ['schuldnerberatung', 'sanatate', 'bolnitsa', 'fuehrerschein']) {
    input.select();
    await sendKeys({ press: 'Backspace' });
    for (const key of word) {
      await sendKeys({ type: key });
    }
    await sleep(300); // the debounce of lotse-search and the last render
  }
  await sleep(200);
  durations.push(...(observer.takeRecords() as PerformanceEntry[]).map((e) => e.duration));
  observer.disconnect();
  el.remove();
  URL.revokeObjectURL(url);
  return durations;
}

it('loading and typing benchmark (ms)', async function () {
  this.timeout(1_800_000);
  const store = createStore('lotse', 'feeds');
  const rows: string[][] = [
    [
      'services',
      'page',
      'visit',
      'JSON.parse',
      'longest task',
      'blocking (TBT)',
      'blocking / JSON.parse',
      'ready after',
      'finder results after',
      'receive from worker',
    ],
  ];
  for (const count of SIZES) {
    const text = JSON.stringify(generateFeed(count));
    const parses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      JSON.parse(text);
      parses.push(performance.now() - t);
    }
    const jsonMs = median(parses);
    const variants: [Page, boolean][] = [
      ['feed', false],
      ['feed', true],
      ['finder', false],
      ['four widgets', false],
    ];
    for (const [page, repeat] of variants) {
      const rounds: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        await clear(store);
        rounds.push(await loadRound(text, jsonMs, repeat, page));
      }
      rows.push([
        count.toLocaleString('en'),
        page,
        repeat ? 'repeat' : 'first',
        spread(parses),
        spread(rounds.map((r) => r.longest)),
        spread(rounds.map((r) => r.blocking)),
        spread(
          rounds.map((r) => r.ratio),
          1,
        ),
        spread(rounds.map((r) => r.readyMs)),
        page === 'feed' ? '–' : spread(rounds.map((r) => r.resultsMs ?? Number.NaN)),
        spread(
          rounds.map((r) => r.receiveMs),
          1,
        ),
      ]);
    }
    await clear(store);
  }
  const typing: string[][] = [['services', 'input events ≥16 ms (all rounds)', 'event duration p50', 'p95', 'max']];
  for (const count of (params.get('typeSizes') ?? '10000').split(',').map(Number)) {
    const all: number[] = [];
    const maxima: number[] = [];
    const p50s: number[] = [];
    const p95s: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const d = await typingRound(count);
      all.push(...d);
      const sorted = [...d].sort((a, b) => a - b);
      p50s.push(sorted.length ? median(sorted) : 0);
      p95s.push(sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] : 0);
      maxima.push(sorted.length ? sorted[sorted.length - 1] : 0);
    }
    typing.push([count.toLocaleString('en'), String(all.length), spread(p50s), spread(p95s), spread(maxima)]);
    await clear(store);
  }
  const print = (title: string, table: string[][]) => {
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
    const lines = table.map((r) => `| ${r.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`);
    lines.splice(1, 0, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    console.log(`\n${title}\n${lines.join('\n')}`);
  };
  const agent = navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent;
  print(`Lotse feed loading, ${agent}, ${ROUNDS} rounds, median (min–max), ms; no CPU throttling`, rows);
  print(`Lotse typing into the finder (Event Timing, events ≥ 16 ms), ${ROUNDS} rounds, median of rounds (min–max), ms`, typing);
});
