/**
 * The feed pipeline: fetch with a stall timeout and progress, retries with backoff, JSON
 * parse, the check (check.ts: the fast check written from zod's schemas, and zod itself,
 * check-detail.ts, only for a feed with a value the fast check cannot read; the sentences,
 * messages.ts, only for a feed with problems or a failure), and the last good copy kept in
 * IndexedDB as text. The same code runs in the feed worker (feed-worker.ts), and on the main
 * thread in slices where no worker can start (load.ts). It reports what the widgets render
 * as messages; it never touches the page.
 */
import type * as IdbKeyval from 'idb-keyval';
import type { FeedProblem, ParseResult } from './parse.js';
import type { Feed } from './schema.js';
import { MAX_BYTES, MAX_SERVICES, tooMany } from './limits.js';
import type { Finding } from './problems.js';

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
      /**
       * A big feed kept in the feed worker (more than `SYNC_LIMIT` services): `feed.services` is
       * empty, and the widgets ask the worker for what they show (`FeedSource.ask`). `version`
       * names the kept feed.
       */
      held?: { version: number };
    }
  | { status: 'error'; problems: FeedProblem[] };

export interface LoadOptions {
  /** Give up when nothing arrives for this long (no answer yet, or no new bytes of it). */
  timeoutMs: number;
  /** After this long the loading state says that the connection is slow. */
  slowMs: number;
  /** Waits before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
  /** Refuse a feed text over this many bytes (counted while it streams in). Default `MAX_BYTES`. */
  maxBytes?: number;
  /** Refuse a feed with more services than this (before the check). Default `MAX_SERVICES`. */
  maxServices?: number;
}

export interface LoadRequest {
  url: string;
  options: LoadOptions;
  /**
   * What the widgets show already (a retry): nothing, a checked feed, or the saved copy of
   * `savedAt`. A network copy equal to the shown saved copy is then not checked again.
   */
  shown?: { from: 'network' | 'cache' | 'inline'; savedAt?: string };
}

export type EngineMessage =
  | { type: 'state'; state: FeedState }
  /** The feed shown stays (no new check, nothing sent): only where it is from changes. */
  | { type: 'keep'; from: 'network' | 'cache'; savedAt?: string }
  | { type: 'log'; level: 'warn' | 'error'; text: string }
  /** Still working (a new attempt, bytes arriving): the page's watchdog knows the worker lives. */
  | { type: 'alive' };

/** What the engine uses of idb-keyval (the worker bundles only these). */
type Idb = Pick<typeof IdbKeyval, 'createStore' | 'get' | 'set'>;

export interface EngineDeps {
  /** The check (the contract's fast check, zod's detail when needed, the built-in vocabularies): it notes findings. */
  checker: () => Promise<Pick<typeof import('./check.js'), 'checkFeedLoading'>>;
  /** The sentences for findings and failures: loaded only when there are some. */
  messages: () => Promise<typeof import('./messages.js')>;
  idb: () => Promise<Idb>;
  /** On the main thread: check in slices that give the page a turn. */
  sliced: boolean;
  /**
   * Resolves when writing the offline copy will not hold up what the page waits for (in the
   * worker: a kept feed's first answer; writing 100 MB of text blocks the worker ~0.4 s).
   */
  quiet?: () => Promise<void>;
}

/** A problem whose sentence cannot be loaded (connection lost after the page): path and code stay. */
const UNDESCRIBED: [string, string] = [
  'Problem im Feed; der Satz dazu konnte nicht geladen werden (keine Verbindung). Bitte mit "npx lotse validate" prüfen.',
  'A problem in the feed; its description could not be loaded (no connection). Please check with "npx lotse validate".',
];
const undescribed = (finding: Finding): FeedProblem => ({
  path: finding.path,
  severity: finding.severity,
  code: finding.code,
  message: `${UNDESCRIBED[0]} (${finding.code})`,
  messageEn: `${UNDESCRIBED[1]} (${finding.code})`,
});

/** When the checker or its sentences cannot be loaded (connection lost after the page). */
export const UNCHECKED: [string, string] = [
  'Der Feed konnte nicht geprüft werden (keine Verbindung).',
  'The feed could not be checked (no connection).',
];
const unchecked = (): ParseResult => ({
  problems: [{ path: '', severity: 'error', code: 'network', message: UNCHECKED[0], messageEn: UNCHECKED[1] }],
});
/** When the engine's JSON.parse gives up on a very deep file (kept here: the sentences may not be loaded). */
export const DEEP: [string, string] = [
  'Die Datei ist zu tief verschachtelt (Listen in Listen …), um sie zu lesen.',
  'The file is nested too deeply (lists in lists …) to be read.',
];

const LARGE_BYTES = 5 * 1024 * 1024;
/** The saved copy: the text as it came (older versions saved the parsed value as `json`). */
interface CachedFeed {
  savedAt: string;
  text?: string;
  json?: unknown;
}

/** Why a response failed, and whether trying again may help. */
class LoadError extends Error {
  constructor(
    readonly code: string,
    readonly value: unknown,
    readonly retryable: boolean,
  ) {
    super(code);
  }
}

export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Loads and checks one feed; `emit` receives every state change. Never rejects. */
export class FeedEngine {
  private store?: Promise<{ db: IdbKeyval.UseStore; idb: Idb } | undefined>;

  constructor(private readonly deps: EngineDeps) {}

  /**
   * Never rejects: the checker never throws, and a checker (or its zod detail) that cannot load counts as no connection.
   * With `maxServices` (an inline feed) a feed with more services is refused before the check.
   */
  async check(json: unknown, maxServices?: number): Promise<ParseResult> {
    const over = maxServices === undefined ? undefined : tooMany(json, maxServices);
    if (over) return { problems: [await this.problem('tooManyServices', over)] };
    const checked = await this.deps
      .checker()
      .then((module) => module.checkFeedLoading(json, this.deps.sliced))
      .catch(() => undefined);
    if (!checked) return unchecked();
    const { feed, findings } = checked;
    // A feed without problems needs no sentences (their chunk is not loaded).
    if (!findings.length) return { feed, problems: [] };
    const messages = await this.deps.messages().catch(() => undefined);
    // Without its sentences a usable feed is still shown: its problems keep path and code.
    if (!messages) return feed ? { feed, problems: findings.map(undescribed) } : unchecked();
    const problems = messages.describeAll(findings);
    return feed ? { feed, problems } : { problems };
  }

  async problem(code: string, value?: unknown): Promise<FeedProblem> {
    const [message, messageEn] =
      code === 'deepJson'
        ? DEEP
        : await this.deps.messages().then(
            (module) => module.describe(code, value),
            () => UNCHECKED,
          );
    return { path: '', severity: 'error', code, message, messageEn };
  }

  /** The saved copy lives in IndexedDB (idb-keyval, loaded with the first read: it is async anyway). */
  private cacheStore() {
    this.store ??= this.deps
      .idb()
      .then((idb) => ({ db: idb.createStore('lotse', 'feeds'), idb }))
      .catch(() => undefined); // IndexedDB unavailable (private mode in some browsers)
    return this.store;
  }

  private async readCache(url: string): Promise<CachedFeed | undefined> {
    const cache = await this.cacheStore();
    const copy = await cache?.idb.get<CachedFeed>(url, cache.db).catch(() => undefined);
    return copy && typeof copy === 'object' && typeof copy.savedAt === 'string' ? copy : undefined;
  }

  /** Saved as text: writing a string is a copy of bytes, not a walk through the whole feed. */
  private writeCache(url: string, text: string) {
    void (this.deps.quiet?.() ?? Promise.resolve())
      .then(() => this.cacheStore())
      .then((cache) => cache?.idb.set(url, { savedAt: new Date().toISOString(), text } satisfies CachedFeed, cache.db).catch(() => {}));
  }

  /** The saved copy, checked (undefined when it is no longer readable). */
  private async checkCopy(copy: CachedFeed): Promise<ParseResult | undefined> {
    if (copy.text === undefined) return this.check(copy.json);
    try {
      return await this.check(JSON.parse(copy.text));
    } catch {
      return undefined;
    }
  }

  /**
   * The body as text, read piece by piece: each piece restarts the stall timer and reports
   * progress. (The size header counts compressed bytes when the server compresses, so the
   * total is only given for uncompressed answers.)
   */
  private async readBody(
    response: Response,
    maxBytes: number,
    alive: () => void,
    progress: (received: number, total?: number) => void,
  ): Promise<string> {
    const tooLarge = () => new LoadError('tooLarge', [maxBytes], false);
    const length = Number(response.headers.get('content-length'));
    // The size header (compressed or not) already says more than the limit: not one byte read.
    if (length > maxBytes && !response.headers.get('content-encoding')) {
      void response.body?.cancel().catch(() => {});
      throw tooLarge();
    }
    if (!response.body) {
      const text = await response.text();
      if (text.length > maxBytes) throw tooLarge();
      return text;
    }
    const total = length > 0 && !response.headers.get('content-encoding') ? length : undefined;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      alive();
      received += value.byteLength;
      // Counted as it streams: the rest is not downloaded, nothing is decoded or parsed.
      if (received > maxBytes) {
        void reader.cancel().catch(() => {});
        throw tooLarge();
      }
      parts.push(decoder.decode(value, { stream: true }));
      progress(received, total);
    }
    parts.push(decoder.decode());
    return parts.join('');
  }

  private async fetchText(url: string, options: LoadOptions, progress: (received: number, total?: number) => void) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), options.timeoutMs);
    };
    alive();
    try {
      let response: Response;
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
      const text = await this.readBody(response, options.maxBytes ?? MAX_BYTES, alive, progress).catch((error: unknown) => {
        throw error instanceof LoadError ? error : new LoadError('network', undefined, true);
      });
      const type = response.headers.get('content-type') ?? '';
      if (/html/i.test(type) || /^\s*</.test(text)) throw new LoadError('html404', type || 'text/html', false);
      return text;
    } finally {
      clearTimeout(timer);
    }
  }

  private decode(text: string, maxServices: number): unknown {
    let json: unknown;
    try {
      json = JSON.parse(text);
      if (text.length > LARGE_BYTES) {
        // Still used, but the editor should know why phones are slow.
        void this.problem('large', (text.length / 1048576).toFixed(1)).then((p) =>
          this.emit?.({ type: 'log', level: 'warn', text: p.message }),
        );
      }
    } catch (error) {
      // Engines without an iterative JSON.parse give up on very deep input (RangeError, InternalError).
      if (error instanceof SyntaxError) throw new LoadError('notJson', error.message, false);
      throw new LoadError('deepJson', undefined, false);
    }
    const over = tooMany(json, maxServices);
    if (over) throw new LoadError('tooManyServices', over, false);
    return json;
  }

  private emit?: (message: EngineMessage) => void;

  /** One load: the saved copy first (if nothing is shown), then the network with retries. */
  async load(request: LoadRequest, emit: (message: EngineMessage) => void): Promise<void> {
    this.emit = emit;
    const { url, options, shown } = request;
    let loading: Extract<FeedState, { status: 'loading' }> | undefined = shown ? undefined : { status: 'loading' };
    if (loading) emit({ type: 'state', state: loading });
    let settled = false;
    /** The saved copy whose feed the widgets show (then an equal network copy needs no check). */
    let shownCopy: CachedFeed | undefined;
    let copyResult: Promise<ParseResult | undefined> | undefined;
    const checkedCopy = (copy: CachedFeed) => (copyResult ??= this.checkCopy(copy));
    /** Set when the network copy is in: from then on the saved copy is not shown. */
    let arrived = false;
    const read = this.readCache(url);
    const cached = read.then(async (copy) => {
      if (!copy) return copy;
      if (shown) {
        if (shown.from === 'cache' && shown.savedAt === copy.savedAt) shownCopy = copy;
        return copy;
      }
      if (settled || arrived) return copy;
      const result = await checkedCopy(copy);
      // The network may have answered while the copy was being checked.
      if (settled || arrived || !loading) return copy;
      if (result?.feed) {
        loading = undefined;
        shownCopy = copy;
        emit({
          type: 'state',
          state: { status: 'ready', feed: result.feed, problems: result.problems, from: 'cache', savedAt: copy.savedAt, refreshing: true },
        });
      }
      return copy;
    });

    // While nothing is shown yet: say so when it takes long, and how far it is when the size is known.
    const slowTimer = setTimeout(() => {
      if (!settled && loading) emit({ type: 'state', state: (loading = { ...loading, slow: true }) });
    }, options.slowMs);
    let shownPercent = -1;
    // At most one `alive` a second while bytes arrive (the page's watchdog needs only a sign).
    let beatAt = 0;
    const beat = (always = false) => {
      const now = performance.now();
      if (!always && now - beatAt < 1000) return;
      beatAt = now;
      emit({ type: 'alive' });
    };
    const progress = (received: number, total?: number) => {
      beat();
      if (settled || !loading || !total) return;
      const percent = Math.min(99, Math.floor((received / total) * 100));
      if (percent - shownPercent < 5) return; // a re-render per 5 %, not per network packet
      shownPercent = percent;
      emit({ type: 'state', state: (loading = { ...loading, received, total }) });
    };

    let failure: [code: string, value?: unknown] = ['network'];
    try {
      for (let retry = 0; retry <= options.retryDelaysMs.length; retry++) {
        if (retry > 0) {
          beat(true);
          await wait(options.retryDelaysMs[retry - 1]);
        }
        beat(true);
        try {
          const text = await this.fetchText(url, options, progress);
          arrived = true;
          // The saved copy is quick to read: is the network copy the same text?
          const copy = await read;
          if (copy && copy.text === text) {
            settled = true;
            this.writeCache(url, text); // a new date, the same text
            // Shown already: it stays. Else its check (maybe running now) serves for both.
            if (copy === shownCopy) return emit({ type: 'keep', from: 'network' });
            const same = await checkedCopy(copy);
            if (same?.feed)
              return emit({ type: 'state', state: { status: 'ready', feed: same.feed, problems: same.problems, from: 'network' } });
          }
          const json = this.decode(text, options.maxServices ?? MAX_SERVICES);
          const result = await this.check(json);
          settled = true;
          if (result.feed) {
            this.writeCache(url, text);
            return emit({ type: 'state', state: { status: 'ready', feed: result.feed, problems: result.problems, from: 'network' } });
          }
          return await this.fail(result.problems, await cached, shownCopy, checkedCopy, url, emit);
        } catch (error) {
          if (!(error instanceof LoadError)) throw error;
          failure = [error.code, error.value];
          if (!error.retryable) break;
        }
      }
      settled = true;
      await this.fail([await this.problem(...failure)], await cached, shownCopy, checkedCopy, url, emit);
    } finally {
      settled = true;
      clearTimeout(slowTimer);
    }
  }

  /** Show the saved copy if there is one, else the error state. */
  private async fail(
    problems: FeedProblem[],
    copy: CachedFeed | undefined,
    shownCopy: CachedFeed | undefined,
    checkedCopy: (copy: CachedFeed) => Promise<ParseResult | undefined>,
    url: string,
    emit: (message: EngineMessage) => void,
  ) {
    const note = (savedAt: string) =>
      emit({ type: 'log', level: 'warn', text: `${url}: ${problems[0]?.message ?? ''} Gespeicherte Kopie vom ${savedAt} wird gezeigt.` });
    if (copy && copy === shownCopy) {
      // The widgets show this copy already: it stays, without "new data is loading".
      emit({ type: 'keep', from: 'cache', savedAt: copy.savedAt });
      return note(copy.savedAt);
    }
    const result = copy && (await checkedCopy(copy));
    if (copy && result?.feed) {
      emit({
        type: 'state',
        state: { status: 'ready', feed: result.feed, problems: result.problems, from: 'cache', savedAt: copy.savedAt },
      });
      note(copy.savedAt);
    } else {
      emit({ type: 'state', state: { status: 'error', problems } });
    }
  }
}
