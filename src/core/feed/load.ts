/**
 * Loads a feed once per URL for every widget on the page, with a timeout, retries with
 * backoff, and the last good copy kept in IndexedDB for visitors on a bad connection.
 */
import type { UseStore } from 'idb-keyval';
import type { FeedProblem, ParseResult } from './parse.js';
import type { Feed } from './schema.js';

/**
 * The checker (zod, the messages, the built-in vocabularies) is the biggest part of the
 * foundation. It is loaded in parallel with the feed itself, so the first paint (the
 * loading state) needs only Lit and the widget.
 */
const checker = () => import('./parse.js');
/** When the checker itself cannot be loaded (connection lost after the page). */
const UNCHECKED: [string, string] = ['Der Feed konnte nicht geprüft werden (keine Verbindung).', 'The feed could not be checked (no connection).'];
/** When the engine's JSON.parse gives up on a very deep file (kept here: the checker may not be loaded). */
const DEEP: [string, string] = ['Die Datei ist zu tief verschachtelt (Listen in Listen …), um sie zu lesen.', 'The file is nested too deeply (lists in lists …) to be read.'];
/** Never rejects: the checker never throws, and a checker that cannot load counts as no connection. */
const parseFeed = async (json: unknown): Promise<ParseResult> =>
  checker().then(
    (module) => module.parseFeed(json),
    () => ({ problems: [{ path: '', severity: 'error', code: 'network', message: UNCHECKED[0], messageEn: UNCHECKED[1] }] }),
  );
const describeAsync = async (code: string, value?: unknown) => (await checker()).describe(code, value);

export type FeedState =
  | { status: 'idle' }
  | {
      status: 'loading';
      /** Bytes received so far, and the size when the server says it (for a progress bar). */
      received?: number;
      total?: number;
      /** Still loading after a few seconds: the widget says the connection is slow. */
      slow?: boolean;
    }
  | {
      status: 'ready';
      feed: Feed;
      problems: FeedProblem[];
      /** `cache`: the saved copy from `savedAt` is shown because the network failed (so far). */
      from: 'network' | 'cache' | 'inline';
      savedAt?: string;
      /** A saved copy is shown while the network request is still running. */
      refreshing?: boolean;
    }
  | { status: 'error'; problems: FeedProblem[] };

/** Timings, adjustable for tests and for very slow networks. */
export const loadOptions = {
  /**
   * Give up when nothing arrives for this long: no answer yet, or no new bytes of it. A slow
   * transfer that keeps receiving (a few hundred kB on a weak prepaid connection) is never cut off.
   */
  timeoutMs: 15_000,
  /** After this long the loading state says that the connection is slow. */
  slowMs: 4_000,
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: [1_000, 4_000, 10_000],
};

const LARGE_BYTES = 5 * 1024 * 1024;

interface CachedFeed {
  savedAt: string;
  json: unknown;
}

/** The saved copy lives in IndexedDB (idb-keyval, loaded with the first read: it is async anyway). */
let store: Promise<{ db: UseStore; idb: typeof import('idb-keyval') } | undefined> | undefined;
function cacheStore() {
  store ??= import('idb-keyval')
    .then((idb) => ({ db: idb.createStore('lotse', 'feeds'), idb }))
    .catch(() => undefined); // IndexedDB unavailable (private mode in some browsers)
  return store;
}

async function readCache(url: string): Promise<CachedFeed | undefined> {
  const cache = await cacheStore();
  return cache?.idb.get<CachedFeed>(url, cache.db).catch(() => undefined);
}

function writeCache(url: string, json: unknown) {
  void cacheStore().then((cache) =>
    cache?.idb.set(url, { savedAt: new Date().toISOString(), json } satisfies CachedFeed, cache.db).catch(() => {}),
  );
}

export const problem = async (code: string, value?: unknown): Promise<FeedProblem> => {
  const [message, messageEn] = code === 'deepJson' ? DEEP : await describeAsync(code, value).catch(() => UNCHECKED);
  return { path: '', severity: 'error', code, message, messageEn };
};

/** Why a response failed, and whether trying again may help. */
class LoadError extends Error {
  constructor(readonly code: string, readonly value: unknown, readonly retryable: boolean) {
    super(code);
  }
}

/**
 * The body as text, read piece by piece: each piece restarts the stall timer and reports
 * progress. (The size header counts compressed bytes when the server compresses, so the
 * total is only given for uncompressed answers.)
 */
async function readBody(response: Response, alive: () => void, progress: (received: number, total?: number) => void): Promise<string> {
  if (!response.body) return response.text();
  const length = Number(response.headers.get('content-length'));
  const total = length > 0 && !response.headers.get('content-encoding') ? length : undefined;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    received += value.byteLength;
    text += decoder.decode(value, { stream: true });
    progress(received, total);
  }
  return text + decoder.decode();
}

async function fetchJson(url: string, progress: (received: number, total?: number) => void): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), loadOptions.timeoutMs);
  };
  alive();
  let response: Response;
  let text: string;
  try {
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch {
      throw new LoadError('network', undefined, true);
    }
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new LoadError('http', response.status, retryable);
    }
    alive();
    text = await readBody(response, alive, progress).catch(() => {
      throw new LoadError('network', undefined, true);
    });
  } finally {
    clearTimeout(timer);
  }
  const type = response.headers.get('content-type') ?? '';
  if (/html/i.test(type) || /^\s*</.test(text)) throw new LoadError('html404', type || 'text/html', false);
  try {
    const json = JSON.parse(text);
    if (text.length > LARGE_BYTES) {
      // Still used, but the editor should know why phones are slow.
      void describeAsync('large', (text.length / 1048576).toFixed(1)).then(([de]) => console.warn(`[lotse] ${de}`));
    }
    return json;
  } catch (error) {
    // Engines without an iterative JSON.parse give up on very deep input (RangeError, InternalError).
    if (error instanceof SyntaxError) throw new LoadError('notJson', error.message, false);
    throw new LoadError('deepJson', undefined, false);
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One feed, shared by every widget that names the same URL. Widgets listen for `change`
 * and read `state`.
 */
export class FeedSource extends EventTarget {
  state: FeedState = { status: 'idle' };
  private attempt = 0;

  constructor(readonly url: string) {
    super();
  }

  private setState(state: FeedState) {
    this.state = state;
    if (state.status === 'ready' && state.problems.length && state.from !== 'cache') {
      console.warn(`[lotse] ${this.url}: ${state.problems.length} Problem(e) im Feed`, state.problems.map((p) => `${p.path}: ${p.message}`));
    }
    if (state.status === 'error') console.error(`[lotse] ${this.url}:`, state.problems.map((p) => `${p.path} ${p.message}`.trim()));
    this.dispatchEvent(new Event('change'));
  }

  /** Start loading (once); `retry()` starts again after an error. */
  load() {
    if (this.state.status === 'idle') void this.run();
  }

  retry() {
    if (this.state.status !== 'loading' && !(this.state.status === 'ready' && this.state.refreshing)) void this.run();
  }

  private async run() {
    const attempt = ++this.attempt;
    const hadReady = this.state.status === 'ready' ? this.state : undefined;
    if (!hadReady) this.setState({ status: 'loading' });
    let settled = false;
    const cached = readCache(this.url).then(async (copy) => {
      if (!copy || settled || attempt !== this.attempt || this.state.status === 'ready') return copy;
      const result = await parseFeed(copy.json);
      // The network may have answered while the copy was being checked.
      if (settled || (this.state as FeedState).status === 'ready') return copy;
      if (result.feed) {
        this.setState({ status: 'ready', feed: result.feed, problems: result.problems, from: 'cache', savedAt: copy.savedAt, refreshing: true });
      }
      return copy;
    });

    // While nothing is shown yet: say so when it takes long, and how far it is when the size is known.
    const stillLoading = () => !settled && attempt === this.attempt && this.state.status === 'loading';
    const slowTimer = setTimeout(() => stillLoading() && this.setState({ ...this.state, status: 'loading', slow: true }), loadOptions.slowMs);
    let shownPercent = -1;
    const progress = (received: number, total?: number) => {
      if (!stillLoading() || !total) return;
      const percent = Math.min(99, Math.floor((received / total) * 100));
      if (percent - shownPercent < 5) return; // a re-render per 5 %, not per network packet
      shownPercent = percent;
      this.setState({ ...(this.state as Extract<FeedState, { status: 'loading' }>), received, total });
    };

    let failure: [code: string, value?: unknown] = ['network'];
    for (let retry = 0; retry <= loadOptions.retryDelaysMs.length; retry++) {
      if (retry > 0) await wait(loadOptions.retryDelaysMs[retry - 1]);
      try {
        const json = await fetchJson(this.url, progress);
        const result = await parseFeed(json);
        settled = true;
        if (result.feed) {
          writeCache(this.url, json);
          return this.setState({ status: 'ready', feed: result.feed, problems: result.problems, from: 'network' });
        }
        return this.fail(result.problems, await cached);
      } catch (error) {
        if (!(error instanceof LoadError)) throw error;
        failure = [error.code, error.value];
        if (!error.retryable) break;
      } finally {
        if (settled) clearTimeout(slowTimer);
      }
    }
    clearTimeout(slowTimer);
    settled = true;
    this.fail([await problem(...failure)], await cached);
  }

  /** Show the saved copy if there is one, else the error state. */
  private async fail(problems: FeedProblem[], cached: CachedFeed | undefined) {
    const result = cached && (await parseFeed(cached.json));
    if (cached && result?.feed) {
      this.setState({ status: 'ready', feed: result.feed, problems: result.problems, from: 'cache', savedAt: cached.savedAt });
      console.warn(`[lotse] ${this.url}: ${problems[0]?.message ?? ''} Gespeicherte Kopie vom ${cached.savedAt} wird gezeigt.`);
    } else {
      this.setState({ status: 'error', problems });
    }
  }
}

const sources = new Map<string, FeedSource>();

/** The shared source for a URL (resolved against the page, so "/a.json" and "a.json" may meet). */
export function feedSource(url: string): FeedSource {
  const absolute = new URL(url, document.baseURI).href;
  let source = sources.get(absolute);
  if (!source) {
    source = new FeedSource(absolute);
    sources.set(absolute, source);
  }
  return source;
}

/** A feed given inline (JSON in a script child, or an object property): parsed right away. */
export async function inlineFeedState(json: unknown): Promise<FeedState> {
  const result = await parseFeed(json);
  return result.feed
    ? { status: 'ready', feed: result.feed, problems: result.problems, from: 'inline' }
    : { status: 'error', problems: result.problems };
}

/** For tests: forget every shared source. */
export function resetFeedSources() {
  sources.clear();
}
