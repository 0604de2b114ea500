/**
 * The problem sentences (src/core/feed/messages.ts) are a chunk of their own: the check notes
 * findings, and the sentences are loaded only for a feed that has problems or fails. A valid
 * feed's load never fetches them; a feed with problems gets exactly the sentences the checker
 * gives (same text, same order) in the worker, on the main thread and inline.
 */
import { expect } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { feedSource, inlineFeedState, loadOptions, resetFeedSources, type FeedSource } from '../src/core/feed/load.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { feedCopy, until } from './helpers.js';

const store = createStore('lotse', 'feeds');
const blobUrl = (json: unknown) => URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
const settled = (source: FeedSource) =>
  until(() => source.state.status === 'error' || (source.state.status === 'ready' && !source.state.refreshing), 10_000, 'a settled feed');

/** A feed with warnings and skipped entries (usable), and one that cannot be used. */
function withProblems(): Record<string, any> {
  const feed = feedCopy();
  delete feed.updated;
  feed.services[0].name = { de: '<b>Clearingstelle</b>' };
  feed.services[0].categories.push('no-such-category');
  feed.services[0].locations[0].hours.push({ days: ['xx'], from: '25:00', to: '09:00' });
  feed.services[2].contact = { phone: 'call us', website: 'ftp://example.org' };
  feed.services.push({ id: feed.services[0].id, name: 'Doppelt', categories: ['health'] });
  return feed;
}
const unusable = () => ({ ...feedCopy(), version: 2 });

/**
 * The feed worker (the source, as load.ts starts it) in a wrapper module worker that also
 * answers `entries` with the URLs the worker has fetched (its resource timing, which the page
 * cannot see). Speaks the worker's protocol: one `load`, the engine's messages, `done`.
 */
async function loadInWorker(url: string) {
  const script = new URL('../src/core/feed/feed-worker.ts', import.meta.url).href;
  const wrapper = `import ${JSON.stringify(script)};
self.addEventListener('message', (event) => {
  if (event.data === 'entries') self.postMessage({ entries: performance.getEntriesByType('resource').map((entry) => entry.name) });
});`;
  const wrapperUrl = URL.createObjectURL(new Blob([wrapper], { type: 'text/javascript' }));
  const worker = new Worker(wrapperUrl, { type: 'module' });
  const next = (match: (data: any) => boolean) =>
    new Promise<any>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        if (!match(event.data)) return;
        worker.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (event) => reject(new Error(`worker: ${event.message}`)));
    });
  const states: any[] = [];
  worker.addEventListener('message', (event) => {
    if (event.data?.run === 1 && event.data.message?.type === 'state') states.push(event.data.message.state);
  });
  try {
    await next((data) => data?.type === 'ready');
    const done = next((data) => data?.run === 1 && (data.type === 'done' || data.type === 'crash'));
    worker.postMessage({ type: 'load', run: 1, request: { url, options: { ...loadOptions, retryDelaysMs: [] } } });
    expect((await done).type).to.equal('done');
    worker.postMessage('entries');
    const { entries } = await next((data) => Array.isArray(data?.entries));
    return { state: states.at(-1), entries: entries as string[] };
  } finally {
    worker.terminate();
    URL.revokeObjectURL(wrapperUrl);
  }
}
const fetchedSentences = (entries: string[]) => entries.filter((name) => /\/core\/feed\/messages\./.test(name));
/** zod and the check's detail (check-detail.ts): only for a feed the fast check cannot read. */
const fetchedZod = (entries: string[]) => entries.filter((name) => /\/core\/feed\/check-detail\.|\/zod\//.test(name));

describe('problem sentences, loaded only for problems', () => {
  const defaults = { ...loadOptions, retryDelaysMs: [...loadOptions.retryDelaysMs] };
  beforeEach(async () => {
    resetFeedSources();
    loadOptions.retryDelaysMs = [];
    await clear(store);
  });
  afterEach(() => {
    resetFeedSources();
    Object.assign(loadOptions, defaults);
  });

  it('the worker checks a valid feed without fetching the sentences or zod; a feed with problems fetches them', async () => {
    const valid = feedCopy();
    expect(parseFeed(valid).problems).to.deep.equal([]);
    const validUrl = blobUrl(valid);
    const broken = withProblems();
    const brokenUrl = blobUrl(broken);
    try {
      const clean = await loadInWorker(validUrl);
      expect(clean.state.status).to.equal('ready');
      expect(clean.state.problems).to.deep.equal([]);
      const found = await loadInWorker(brokenUrl);
      expect(found.state.status).to.equal('ready');
      // Firefox lists a worker's module scripts in its resource timing, Chromium (so far) only
      // its fetch() calls: where the worker's own modules are listed, the sentences must be
      // listed after the feed with problems, and only then.
      const listsModules = (entries: string[]) => entries.some((name) => /\/core\/feed\/check\./.test(name));
      expect(listsModules(clean.entries)).to.equal(listsModules(found.entries));
      if (listsModules(clean.entries)) {
        expect(fetchedSentences(clean.entries)).to.deep.equal([]);
        expect(fetchedSentences(found.entries)).to.have.length(1);
        expect(fetchedZod(clean.entries)).to.deep.equal([]);
        expect(fetchedZod(found.entries)).to.not.deep.equal([]);
      }
      expect(found.state.problems).to.deep.equal(parseFeed(broken).problems);
    } finally {
      URL.revokeObjectURL(validUrl);
      URL.revokeObjectURL(brokenUrl);
    }
  });

  for (const worker of [true, false]) {
    it(`a feed with problems gets the checker's exact sentences, in order (${worker ? 'worker' : 'no worker'})`, async () => {
      loadOptions.worker = worker;
      const feed = withProblems();
      const expected = parseFeed(feed).problems;
      expect(expected.length).to.be.greaterThan(5);
      expect(expected.every((p) => p.message && p.messageEn)).to.equal(true);
      const url = blobUrl(feed);
      try {
        const source = feedSource(url);
        source.load();
        await settled(source);
        expect(source.state.status).to.equal('ready');
        expect(source.state.status === 'ready' && source.state.problems).to.deep.equal(expected);
      } finally {
        URL.revokeObjectURL(url);
      }
    });

    it(`a feed that cannot be used gets the checker's exact sentences (${worker ? 'worker' : 'no worker'})`, async () => {
      loadOptions.worker = worker;
      const feed = unusable();
      const expected = parseFeed(feed).problems;
      expect(expected.map((p) => p.code)).to.include('version');
      const url = blobUrl(feed);
      try {
        const source = feedSource(url);
        source.load();
        await settled(source);
        expect(source.state).to.deep.equal({ status: 'error', problems: expected });
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  }

  it('an inline feed with problems gets the same sentences; a valid one has none', async () => {
    const feed = withProblems();
    const state = await inlineFeedState(feed);
    expect(state.status === 'ready' && state.problems).to.deep.equal(parseFeed(feed).problems);
    const clean = await inlineFeedState(feedCopy());
    expect(clean.status === 'ready' && clean.problems).to.deep.equal([]);
    expect(await inlineFeedState(unusable())).to.deep.equal({ status: 'error', problems: parseFeed(unusable()).problems });
  });
});

describe('feed sentences: when they cannot be loaded', () => {
  it('a usable feed is still shown; its problems keep path, code and severity, in a sentence that says why', async () => {
    const { FeedEngine } = await import('../src/core/feed/engine.js');
    const engine = new FeedEngine({
      checker: () => import('../src/core/feed/check.js'),
      messages: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      idb: () => import('idb-keyval'),
      sliced: false,
    });
    const input = withProblems();
    const result = await engine.check(input);
    const expected = parseFeed(withProblems());
    expect(result.feed, 'the feed').to.deep.equal(expected.feed);
    expect(result.problems.map((p) => [p.path, p.code, p.severity])).to.deep.equal(
      expected.problems.map((p) => [p.path, p.code, p.severity]),
    );
    for (const p of result.problems) {
      expect(p.message).to.equal(
        `Problem im Feed; der Satz dazu konnte nicht geladen werden (keine Verbindung). Bitte mit "npx lotse validate" prüfen. (${p.code})`,
      );
    }
    // A feed that cannot be used says only that it could not be checked.
    const broken = await engine.check(unusable());
    expect(broken.feed).to.equal(undefined);
    expect(broken.problems.map((p) => p.code)).to.deep.equal(['network']);
  });
});
