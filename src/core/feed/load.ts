/**
 * Loads a feed once per URL for every widget on the page, with a timeout, retries with
 * backoff, and the last good copy kept in IndexedDB for visitors on a bad connection.
 *
 * The work (fetch, JSON parse, the zod check, the offline copy) runs in a module worker, one
 * per feed URL (feed-worker.ts, the same code as engine.ts). Where no worker can start (the
 * script comes from another origin, a CSP forbids it, it fails or does not answer in time) the
 * same engine runs on the main thread and checks in slices that give the page a turn.
 */
import type * as IdbKeyval from 'idb-keyval';
import type { FeedProblem, ParseResult } from './parse.js';
import type { Feed } from './schema.js';
import type { EngineMessage, FeedEngine, FeedState, LoadOptions, LoadRequest } from './engine.js';
import type { FinderQuery } from '../../service-finder/finder-search.js';
import type { StepTopics } from '../../quick-check/step-services.js';
import type { HoursQuery } from '../../hours-map/hours-search.js';
import type { Filters } from '../../hours-map/model.js';

export type { FeedState } from './engine.js';

/**
 * The checker (zod, the built-in vocabularies) is the biggest part of the foundation. On the
 * main thread it is loaded only when needed (inline feeds, no worker), in parallel with the
 * feed, so the first paint (the loading state) needs only Lit and the widget. Its sentences
 * (messages.ts) are loaded only for a feed with problems, or to say why a feed failed.
 */
const checker = () => import('./check.js');
const messages = () => import('./messages.js');
const idb = (): Promise<typeof IdbKeyval> => import('idb-keyval');

/**
 * The main-thread engine: inline feeds, and feeds where no worker can run (loaded then, like
 * the checker: a page whose feeds load in the worker never downloads it).
 */
let mainEngine: Promise<FeedEngine> | undefined;
const onMain = () =>
  (mainEngine ??= import('./engine.js').then(({ FeedEngine }) => new FeedEngine({ checker, messages, idb, sliced: true })));

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
  /** A worker that has not started after this long is given up (the main thread loads). */
  workerStartMs: 10_000,
  /** `false`: never start a worker (tests of the main-thread path). */
  worker: true,
  /**
   * A worker that has started and then says nothing during a load (no progress, no result)
   * for `timeoutMs` (or the longest retry wait) plus this long is given up: the main thread loads.
   */
  hangMarginMs: 5_000,
  /** A feed text over this many bytes is refused while it streams in (a phone would freeze). */
  maxBytes: 128 * 1024 * 1024, // MAX_BYTES in limits.ts (not imported: the first load stays small)
  /** A feed with more services than this is refused before it is checked. */
  maxServices: 100_000, // MAX_SERVICES
  /**
   * A worker that keeps a big feed and does not answer a question (a finder's results) for this
   * long is given up: the feed is loaded again on the main thread. (Its first answer at 100,000
   * services takes about a second on a laptop.)
   */
  answerMs: 15_000,
};

/** A problem in editor words (never rejects: without the checker it says so). */
export const problem = (code: string, value?: unknown): Promise<FeedProblem> =>
  onMain().then(
    (engine) => engine.problem(code, value),
    () => ({ path: '', severity: 'error', code, message: UNCHECKED[0], messageEn: UNCHECKED[1] }),
  );
/** When the engine cannot be loaded (connection lost after the page). */
const UNCHECKED: [string, string] = [
  'Der Feed konnte nicht geprüft werden (keine Verbindung).',
  'The feed could not be checked (no connection).',
];

/** Said once per page, in the console: why feeds are checked on the main thread. */
let saidWhy = false;
function noWorker(why: string) {
  if (saidWhy) return;
  saidWhy = true;
  console.info(
    `[lotse] Feed wird ohne Worker geladen (${why}); geprüft wird in kleinen Schritten. / Feed loaded without a worker (${why}); checked in small steps.`,
  );
}

/** Why this page cannot start a feed worker, if it cannot (checked before trying). */
function workerObstacle(): string | undefined {
  if (!loadOptions.worker) return 'switched off';
  if (typeof Worker !== 'function') return 'no Worker';
  // A module worker needs its script on the page's origin (the bundle from a CDN cannot).
  try {
    if (new URL(import.meta.url).origin !== location.origin) return 'script from another origin';
  } catch {
    return 'unknown script origin';
  }
  return undefined;
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}
let policy: { createScriptURL(url: string): unknown } | undefined;
/**
 * Under Trusted Types (`require-trusted-types-for 'script'`) the Worker constructor takes only a
 * TrustedScriptURL: the policy `lotse` vouches for the feed worker's own URL and nothing else.
 * A page that lists its policies (`trusted-types …`) must list `lotse`; else this throws and
 * the feed is loaded without a worker.
 */
function workerUrl(url: URL): string | URL {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return url;
  policy ??= factory.createPolicy('lotse', {
    createScriptURL: (value) => {
      if (value !== url.href) throw new TypeError(`[lotse] not the feed worker: ${value}`);
      return value;
    },
  });
  return policy.createScriptURL(url.href) as string;
}

/**
 * The feed worker. `new Worker(new URL('./…', import.meta.url), …)` is written out so that Vite
 * builds the worker as a chunk of its own and puts its built URL here; the local `Worker`
 * passes that URL through the Trusted Types policy to the browser's Worker.
 */
function spawnWorker(): Worker {
  const Worker = function (url: URL, options: WorkerOptions) {
    return new globalThis.Worker(workerUrl(url), options);
  } as unknown as typeof globalThis.Worker;
  return new Worker(new URL('./feed-worker.ts', import.meta.url), { type: 'module' });
}

/** A question about a feed the worker keeps (feed-worker.ts answers it). */
export type WorkerAsk =
  | { kind: 'finder'; query: FinderQuery; now: number; whole?: boolean }
  | { kind: 'centre'; by: 'district' | 'postcode'; value: string; now: number }
  | { kind: 'service'; id: string; now: number }
  | { kind: 'categories'; now: number }
  | { kind: 'steps'; steps: StepTopics[]; now: number }
  | { kind: 'hours'; query: HoursQuery; now: number }
  | { kind: 'hoursPoints'; filters: Filters; now: number };

/** What a widget needs of a feed the worker keeps (`FeedSource.addReader`). */
export interface Reader {
  /** Its first answer is prepared in the worker as soon as the feed is kept (the finder's). */
  prepare?: boolean;
  /** Its pinned time, if any (for the prepared answer). */
  now?: Date;
}

type WorkerOut =
  | { type: 'ready' }
  | { type: 'answer'; id: number; result: unknown }
  | { run: number; message: EngineMessage; type?: undefined | 'pieces' }
  | { run: number; type: 'piece'; services: Feed['services'] }
  | { run: number; type: 'end' }
  | { run: number; type: 'done' | 'crash'; error?: string };

/**
 * One feed, shared by every widget that names the same URL. Widgets listen for `change`
 * and read `state`.
 */
export class FeedSource extends EventTarget {
  state: FeedState = { status: 'idle' };
  /** Main-thread time spent receiving the last checked feed from the worker (the bench reads it). */
  receiveMs = 0;
  private attempt = 0;
  private worker?: Promise<Worker | undefined>;
  private workerBroken = false;
  /** The run the worker is doing, to hand over to the main thread if the worker dies. */
  private pending?: { run: number; request: LoadRequest };
  private watchdog?: ReturnType<typeof setTimeout>;
  /**
   * Widgets reading this feed: `prepare`, the worker prepares its first answer (the finder's)
   * for `now`, its pinned time.
   */
  private readers = new Map<object, Reader>();
  /** Questions on their way to the worker. */
  private asks = new Map<number, (result: unknown) => void>();
  private askId = 0;

  constructor(readonly url: string) {
    super();
  }

  private setState(state: FeedState) {
    this.state = state;
    if (state.status === 'ready' && state.problems.length && state.from !== 'cache') {
      console.warn(
        `[lotse] ${this.url}: ${state.problems.length} Problem(e) im Feed`,
        state.problems.map((p) => `${p.path}: ${p.message}`),
      );
    }
    if (state.status === 'error')
      console.error(
        `[lotse] ${this.url}:`,
        state.problems.map((p) => `${p.path} ${p.message}`.trim()),
      );
    this.dispatchEvent(new Event('change'));
  }

  /** Start loading (once); `retry()` starts again after an error. */
  load() {
    if (this.state.status === 'idle') void this.run();
  }

  retry() {
    if (this.state.status !== 'loading' && !(this.state.status === 'ready' && this.state.refreshing)) void this.run();
  }

  /** A widget reads this feed (see `Reader`). */
  addReader(reader: object, needs: Reader) {
    this.readers.set(reader, needs);
  }

  removeReader(reader: object) {
    this.readers.delete(reader);
  }

  /**
   * Ask the worker about the feed it keeps (`state.held.version`): a finder's page of results,
   * a district's centre. Undefined when that feed is no longer there (replaced, the worker gone):
   * the next state says what to show.
   */
  ask<T>(ask: WorkerAsk, version: number): Promise<T | undefined> {
    const state = this.state;
    if (state.status !== 'ready' || state.held?.version !== version || !this.worker) return Promise.resolve(undefined);
    const id = ++this.askId;
    return new Promise<T | undefined>((resolve) => {
      const silence = setTimeout(() => this.asks.has(id) && this.giveUpWorker('worker does not answer'), loadOptions.answerMs);
      this.asks.set(id, (result) => {
        clearTimeout(silence);
        resolve(result as T | undefined);
      });
      void this.worker?.then((worker) => {
        if (worker) worker.postMessage({ type: 'ask', id, version, ask });
        else this.answered(id, undefined);
      });
    });
  }

  private answered(id: number, result: unknown) {
    const resolve = this.asks.get(id);
    this.asks.delete(id);
    resolve?.(result);
  }

  /** No answers will come (the worker is gone): every open question gets undefined. */
  private dropAsks() {
    for (const id of [...this.asks.keys()]) this.answered(id, undefined);
  }

  /** For tests: stop the worker. */
  dispose() {
    this.attempt++;
    this.dropAsks();
    clearTimeout(this.watchdog);
    void this.worker?.then((worker) => worker?.terminate());
    this.worker = undefined;
  }

  private receive(run: number, message: EngineMessage) {
    if (run !== this.attempt) return;
    if (message.type === 'state') {
      const next = message.state;
      // The page shows "loading" already (set while the worker starts), or still shows a feed
      // that is loaded again after its worker was lost.
      if (next.status === 'loading' && this.state.status === 'loading' && !next.total && !next.slow) return;
      if (next.status === 'loading' && this.state.status === 'ready') return;
      return this.setState(next);
    }
    if (message.type === 'log') return console[message.level](`[lotse] ${message.text}`);
    if (message.type === 'alive') return;
    const shown = this.state;
    if (shown.status !== 'ready') return;
    this.setState({
      status: 'ready',
      feed: shown.feed,
      problems: shown.problems,
      from: message.from,
      savedAt: message.savedAt,
      held: shown.held,
    });
  }

  /** `again`: load as if nothing were shown (what is shown went with the worker). */
  private async run(again = false) {
    const run = ++this.attempt;
    const shown = this.state.status === 'ready' && !again ? this.state : undefined;
    const request: LoadRequest = {
      url: this.url,
      options: { ...loadOptions, retryDelaysMs: [...loadOptions.retryDelaysMs] } satisfies LoadOptions,
      shown: shown && { from: shown.from, savedAt: shown.savedAt },
    };
    // The loading state at once, also while the worker starts (what is shown stays shown).
    if (this.state.status !== 'ready') this.setState({ status: 'loading' });
    const worker = await this.startWorker();
    if (run !== this.attempt) return;
    if (!worker) return this.runOnMain(run, request);
    this.pending = { run, request };
    this.heard(run);
    // With a finder on the page the worker prepares its first answer as soon as it keeps a big feed.
    const finder = [...this.readers.values()].find((reader) => reader.prepare);
    const answersAt = finder && (finder.now ?? new Date()).getTime();
    worker.postMessage({ type: 'load', run, request, answersAt });
  }

  /**
   * The worker said something about `run`: the watchdog starts again. Silence for longer than
   * the engine itself waits (its stall timeout, a retry wait) plus a margin means it hangs.
   */
  private heard(run: number) {
    clearTimeout(this.watchdog);
    const limit = Math.max(loadOptions.timeoutMs, ...loadOptions.retryDelaysMs) + loadOptions.hangMarginMs;
    // (After `done` or a hand-over there is no pending run: the timer then does nothing.)
    if (this.pending?.run === run) this.watchdog = setTimeout(() => this.pending?.run === run && this.giveUpWorker('worker hangs'), limit);
  }

  private async runOnMain(run: number, request: LoadRequest) {
    const engine = await onMain().catch(() => undefined);
    if (run !== this.attempt) return;
    if (!engine) return this.setState({ status: 'error', problems: [await problem('network')] });
    return engine.load(request, (message) => this.receive(run, message));
  }

  /** The worker died or broke its protocol: this and every later load run on the main thread. */
  private giveUpWorker(why: string) {
    this.workerBroken = true;
    void this.worker?.then((worker) => worker?.terminate());
    this.worker = undefined;
    noWorker(why);
    this.dropAsks();
    const pending = this.pending;
    this.pending = undefined;
    if (pending && pending.run === this.attempt) void this.runOnMain(pending.run, pending.request);
    // A kept feed went with the worker: loaded again, on the main thread.
    else if (this.state.status === 'ready' && this.state.held) void this.run(true);
  }

  /** The worker of this feed, started once; undefined where none can run. */
  private startWorker(): Promise<Worker | undefined> {
    if (this.workerBroken) return Promise.resolve(undefined);
    const obstacle = workerObstacle();
    if (obstacle) {
      noWorker(obstacle);
      return Promise.resolve(undefined);
    }
    this.worker ??= new Promise<Worker | undefined>((resolve) => {
      let worker: Worker | undefined;
      let started = false;
      let pieces: { run: number; message: EngineMessage; services: Feed['services'] } | undefined;
      const fail = (why: string) => {
        clearTimeout(deadline);
        if (!started) {
          this.workerBroken = true;
          this.worker = undefined;
          worker?.terminate();
          noWorker(why);
          resolve(undefined);
        } else this.giveUpWorker(why);
      };
      const deadline = setTimeout(() => fail('no answer'), loadOptions.workerStartMs);
      try {
        worker = spawnWorker();
      } catch (error) {
        // A policy (CSP worker-src / script-src) or an engine that refuses module workers.
        return fail((error as Error)?.name || 'refused');
      }
      worker!.addEventListener('error', (event) => {
        event.preventDefault();
        fail(started ? 'worker failed' : 'worker could not start');
      });
      worker.addEventListener('messageerror', () => fail('unreadable message'));
      worker.addEventListener('message', (event: MessageEvent) => {
        const t = performance.now();
        const data = event.data as WorkerOut;
        const spent = performance.now() - t;
        if (data.type === 'ready') {
          clearTimeout(deadline);
          started = true;
          return resolve(worker!);
        }
        if (data.type === 'answer') return this.answered(data.id, data.result);
        this.heard(data.run);
        if (data.type === 'crash') return this.giveUpWorker(`worker error: ${data.error}`);
        if (data.type === 'done') {
          if (this.pending?.run === data.run) this.pending = undefined;
          return;
        }
        // A big feed in pieces, each read in a task of its own; shown when complete.
        if (data.type === 'pieces') {
          pieces = { run: data.run, message: data.message, services: [] };
          this.receiveMs = spent;
          return;
        }
        if (data.type === 'piece') {
          if (pieces?.run === data.run) for (const service of data.services) pieces.services.push(service);
          this.receiveMs += spent;
          return;
        }
        if (data.type === 'end') {
          const done = pieces;
          pieces = undefined;
          if (done?.run !== data.run || done.message.type !== 'state' || done.message.state.status !== 'ready') return;
          return this.receive(done.run, {
            type: 'state',
            state: { ...done.message.state, feed: { ...done.message.state.feed, services: done.services } },
          });
        }
        if (!('message' in data)) return;
        if (data.message.type === 'state' && data.message.state.status === 'ready') this.receiveMs = spent;
        this.receive(data.run, data.message);
      });
    });
    return this.worker;
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

/** A feed given inline (JSON in a script child, or an object property): checked in slices. */
export async function inlineFeedState(json: unknown): Promise<FeedState> {
  const engine = await onMain().catch(() => undefined);
  const result: ParseResult = engine ? await engine.check(json, loadOptions.maxServices) : { problems: [await problem('network')] };
  return result.feed
    ? { status: 'ready', feed: result.feed, problems: result.problems, from: 'inline' }
    : { status: 'error', problems: result.problems };
}

/** For tests: forget every shared source (and stop their workers). */
export function resetFeedSources() {
  for (const source of sources.values()) source.dispose();
  sources.clear();
  saidWhy = false;
}
