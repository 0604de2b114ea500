import { expect } from '@open-wc/testing';
import { clear, createStore, get, set } from 'idb-keyval';
import { feedSource, loadOptions, resetFeedSources, type FeedSource } from '../src/core/feed/load.js';
import { parseFeed, parseFeedSliced } from '../src/core/feed/parse.js';
import { sliceStats } from '../src/core/feed/slices.js';
import { generateFeed } from '../bench/generate-feed.js';
import { until, untilValue } from './helpers.js';

const unique = () => Math.random().toString(36).slice(2);
const api = (query: string) => `/__test/feed?${query}`;
const requests = async (key: string) => Number(await (await fetch(`/__test/count?key=${key}`)).text());
const store = createStore('lotse', 'feeds');
const ready = (source: FeedSource) => until(() => source.state.status === 'ready' && !source.state.refreshing, 10_000, 'ready');

/** Counts the workers started while `run` runs (the real Worker, wrapped). */
async function countWorkers(run: () => Promise<void>): Promise<number> {
  const Real = window.Worker;
  let started = 0;
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started++;
    }
  };
  try {
    await run();
  } finally {
    window.Worker = Real;
  }
  return started;
}

/** Replaces Worker while `run` runs. */
async function withWorker(Fake: unknown, run: () => Promise<void>) {
  const Real = window.Worker;
  (window as { Worker: unknown }).Worker = Fake;
  try {
    await run();
  } finally {
    window.Worker = Real;
  }
}

/** Records console.info lines while `run` runs. */
async function infos(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const real = console.info;
  console.info = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.info = real;
  }
  return lines.filter((line) => line.includes('ohne Worker'));
}

describe('feed worker', () => {
  const defaults = { ...loadOptions, retryDelaysMs: [...loadOptions.retryDelaysMs] };
  beforeEach(async () => {
    resetFeedSources();
    loadOptions.retryDelaysMs = [50, 50];
    await clear(store);
  });
  afterEach(() => {
    resetFeedSources();
    Object.assign(loadOptions, defaults);
  });

  it('one worker per feed URL loads and checks the feed; the page gets the checked feed', async () => {
    const key = unique();
    let source!: FeedSource;
    const started = await countWorkers(async () => {
      source = feedSource(api(`key=${key}`));
      source.load();
      // A second widget of the same URL shares the source and its worker.
      feedSource(api(`key=${key}`)).load();
      await ready(source);
    });
    expect(started).to.equal(1);
    expect(await requests(key)).to.equal(1);
    expect(source.state.status === 'ready' && source.state.feed.services.length).to.be.greaterThan(1);
    expect(source.state.status === 'ready' && source.state.from).to.equal('network');
  });

  it('a feed of 101 to 1,000 services arrives from the worker in pieces, put together in order before it is shown', async () => {
    const input = generateFeed(987);
    const url = URL.createObjectURL(new Blob([JSON.stringify(input)], { type: 'application/json' }));
    const source = feedSource(url);
    const seen: number[] = [];
    source.addEventListener('change', () => source.state.status === 'ready' && seen.push(source.state.feed.services.length));
    source.load();
    await ready(source);
    URL.revokeObjectURL(url);
    const expected = parseFeed(input).feed!;
    const state = source.state.status === 'ready' ? source.state : ({} as never);
    expect(state.feed.services.map((s) => s.id)).to.deep.equal(expected.services.map((s) => s.id));
    expect(JSON.stringify(state.feed)).to.equal(JSON.stringify(expected));
    expect(state.held).to.equal(undefined);
    // Never half: the whole feed at once.
    expect(seen).to.deep.equal([987]);
  });

  it('a big feed stays in the worker: the page gets it without its services, whatever the widgets', async () => {
    const input = generateFeed(1234);
    const url = URL.createObjectURL(new Blob([JSON.stringify(input)], { type: 'application/json' }));
    const source = feedSource(url);
    source.addReader({}, {});
    source.load();
    await ready(source);
    URL.revokeObjectURL(url);
    const expected = parseFeed(input).feed!;
    const state = source.state.status === 'ready' ? source.state : ({} as never);
    expect(state.held).to.deep.equal({ version: 1 });
    expect(state.feed.services).to.deep.equal([]);
    expect(JSON.stringify({ ...state.feed, services: [] })).to.equal(JSON.stringify({ ...expected, services: [] }));
  });

  it('saves the offline copy as the text that came (a string, not the parsed object)', async () => {
    const key = unique();
    const source = feedSource(api(`key=${key}`));
    source.load();
    await ready(source);
    await untilValue(() => get(source.url, store), 5000, 'the saved copy');
    const saved = await get(source.url, store);
    const served = await (await fetch(api(`key=${key}-text`))).text();
    expect(typeof saved.text).to.equal('string');
    expect(saved.text).to.equal(served);
    expect(saved.savedAt).to.be.a('string');
  });

  for (const worker of [true, false]) {
    it(`a network copy equal to the saved one is not checked again: the shown feed stays (${worker ? 'worker' : 'main thread'})`, async () => {
      loadOptions.worker = worker;
      const key = unique();
      const first = feedSource(api(`key=${key}`));
      first.load();
      await ready(first);
      await untilValue(() => get(first.url, store), 5000, 'the saved copy');
      resetFeedSources();
      loadOptions.worker = worker;
      // The next visit: the saved copy first, then the network answers (late, with the same text).
      const again = feedSource(api(`key=${key}&delay=150`));
      await set(again.url, await get(first.url, store), store);
      const seen: string[] = [];
      again.addEventListener('change', () =>
        seen.push(
          again.state.status === 'ready' ? `${again.state.from}${again.state.refreshing ? ' refreshing' : ''}` : again.state.status,
        ),
      );
      again.load();
      await until(() => again.state.status === 'ready' && again.state.from === 'cache', 5000, 'the saved copy');
      const shown = again.state.status === 'ready' ? again.state.feed : undefined;
      await until(() => again.state.status === 'ready' && again.state.from === 'network', 5000, 'the network copy');
      expect(again.state.status === 'ready' && again.state.feed).to.equal(shown); // the same object: no new check, nothing sent
      expect(seen).to.deep.equal(['loading', 'cache refreshing', 'network']);
    });
  }

  it('reads a saved copy of an older version (the parsed value)', async () => {
    const key = unique();
    const url = api(`key=${key}&fail=1000&status=500`);
    const source = feedSource(url);
    const json = await (await fetch(api(`key=${key}-ok`))).json();
    await set(source.url, { savedAt: '2026-11-01T08:00:00.000Z', json }, store);
    source.load();
    await until(() => source.state.status === 'ready' && source.state.from === 'cache' && !source.state.refreshing, 5000, 'the saved copy');
    expect(source.state.status === 'ready' && source.state.savedAt).to.equal('2026-11-01T08:00:00.000Z');
  });

  it('without Worker the same code runs on the main thread, and the console says so once', async () => {
    const said = await infos(() =>
      withWorker(undefined, async () => {
        const a = feedSource(api(`key=${unique()}`));
        const b = feedSource(api(`key=${unique()}`));
        a.load();
        b.load();
        await ready(a);
        await ready(b);
      }),
    );
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('no Worker');
  });

  it('a worker that never answers is given up after the deadline; the main thread loads', async () => {
    loadOptions.workerStartMs = 100;
    class Silent extends EventTarget {
      postMessage() {}
      terminate() {}
    }
    const said = await infos(() =>
      withWorker(Silent, async () => {
        const source = feedSource(api(`key=${unique()}`));
        source.load();
        await ready(source);
      }),
    );
    expect(said.join()).to.contain('no answer');
  });

  it('a worker that cannot start (blocked script, error event) falls back at once', async () => {
    class Failing extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new Event('error')));
      }
      postMessage() {}
      terminate() {}
    }
    const said = await infos(() =>
      withWorker(Failing, async () => {
        const source = feedSource(api(`key=${unique()}`));
        source.load();
        await ready(source);
      }),
    );
    expect(said.join()).to.contain('could not start');
  });

  it('a worker constructor that throws (a policy refuses it) falls back', async () => {
    const said = await infos(() =>
      withWorker(
        function Refused() {
          throw new DOMException('refused', 'SecurityError');
        },
        async () => {
          const source = feedSource(api(`key=${unique()}`));
          source.load();
          await ready(source);
        },
      ),
    );
    expect(said.join()).to.contain('SecurityError');
  });

  it('a worker that dies while loading hands the load to the main thread', async () => {
    const key = unique();
    class Dying extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'ready' } })));
      }
      postMessage() {
        setTimeout(() => this.dispatchEvent(new Event('error')));
      }
      terminate() {}
    }
    await withWorker(Dying, async () => {
      const source = feedSource(api(`key=${key}`));
      source.load();
      await ready(source);
    });
    expect(await requests(key)).to.equal(1);
  });

  it('a worker that has started and then hangs during a load is given up; the main thread loads, said once', async function () {
    this.timeout(20_000);
    // The main thread's fetch then has a stall timeout of 2 s too: 100 ms aborted and retried
    // it on a busy CI machine (two requests instead of one).
    loadOptions.timeoutMs = 2000;
    loadOptions.hangMarginMs = 100;
    const key = unique();
    class Hanging extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'ready' } })));
      }
      postMessage() {} // takes the load, then nothing: no progress, no result
      terminate() {}
    }
    let source!: FeedSource;
    let other!: FeedSource;
    const said = await infos(() =>
      withWorker(Hanging, async () => {
        source = feedSource(api(`key=${key}`));
        other = feedSource(api(`key=${key}-other`));
        source.load();
        other.load();
        await ready(source);
        await ready(other);
      }),
    );
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('worker hangs');
    expect(source.state.status === 'ready' && source.state.from).to.equal('network');
    expect(await requests(key)).to.equal(1);
  });

  it('a worker that keeps saying it is alive is not given up while it works', async function () {
    this.timeout(20_000);
    // Silence for 1.1 s means it hangs; it works for 2 s, saying so every 50 ms (margins wide
    // enough for a busy machine, where a 50 ms timer may fire much later).
    loadOptions.timeoutMs = 100;
    loadOptions.hangMarginMs = 1000;
    const json = await (await fetch(api(`key=${unique()}`))).json();
    const feed = parseFeed(json).feed!;
    class Slow extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { type: 'ready' } })));
      }
      postMessage({ run }: { run: number }) {
        // Alive every 50 ms for well over the watchdog's 1.1 s, then the result.
        let beats = 0;
        const beat = () => {
          if (++beats < 40) {
            this.dispatchEvent(new MessageEvent('message', { data: { run, message: { type: 'alive' } } }));
            return setTimeout(beat, 50);
          }
          this.dispatchEvent(
            new MessageEvent('message', {
              data: { run, message: { type: 'state', state: { status: 'ready', feed, problems: [], from: 'network' } } },
            }),
          );
          this.dispatchEvent(new MessageEvent('message', { data: { run, type: 'done' } }));
        };
        setTimeout(beat, 50);
      }
      terminate() {}
    }
    const key = unique();
    let source!: FeedSource;
    const said = await infos(() =>
      withWorker(Slow, async () => {
        source = feedSource(api(`key=${key}`));
        source.load();
        await ready(source);
      }),
    );
    expect(said).to.deep.equal([]);
    expect(source.state.status === 'ready' && source.state.feed).to.equal(feed); // the worker's result
    expect(await requests(key)).to.equal(0); // the main thread never loaded
  });

  it('the main-thread check gives the page turns on a big feed, with the same result', async () => {
    const feed = generateFeed(5000);
    const before = sliceStats.pauses;
    const sliced = await parseFeedSliced(feed);
    expect(sliceStats.pauses).to.be.greaterThan(before);
    const whole = parseFeed(feed);
    expect(sliced.feed!.services.length).to.equal(whole.feed!.services.length);
    expect(JSON.stringify(sliced)).to.equal(JSON.stringify(whole));
  });
});
