/**
 * The feed worker: one per feed URL on the page (load.ts starts it). Fetch, JSON parse, the
 * check and the offline copy run here, so none of it blocks the page; the page receives what
 * the widgets render. Messages in: `{ type: 'load', run, request }`; `{ type: 'ask', id,
 * version, ask }` (a widget's question about a kept feed). Out: `{ type: 'ready' }` once, then `{ run, message }` (engine.ts's EngineMessage; a
 * big feed as `pieces`, `piece`s and `end`), `{ run, type: 'done' }` and `{ type: 'answer', id }`.
 *
 * A feed of more than `SYNC_LIMIT` services is kept here: the page gets it without its
 * services (`held`), the widgets ask for what they show (a finder's page of results, the hours
 * map's places, counts and map points, a quick-check's services per step, the contact form's
 * service): the page never holds them.
 */
import { checkFeedLoading } from './check.js';
import { createStore, get, set } from 'idb-keyval';
import { FeedEngine, type EngineMessage, type FeedState, type LoadRequest } from './engine.js';
import { busy, SYNC_LIMIT } from './slices.js';
import { pause } from '../pause.js';
import type { WorkerAsk } from './load.js';

interface Scope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as Scope;
// zod's detail (check-detail.ts) and the sentences (messages.ts) are chunks of their own: only a
// feed that needs them loads them.
// Named imports, not namespaces: only what the engine uses is bundled.
const engine = new FeedEngine({
  checker: async () => ({ checkFeedLoading }),
  messages: () => import('./messages.js'),
  idb: async () => ({ createStore, get, set }),
  sliced: false,
  // After a turn the kept feed (if any) is set: the finder's first answer, then the other
  // widgets' questions open by then, go out before the copy is written (100 MB of text).
  quiet: () =>
    pause().then(() =>
      kept?.then(
        (module) => module.quiet(),
        () => {},
      ),
    ),
});

type Ready = Extract<FeedState, { status: 'ready' }>;
/** The code that keeps a big feed and answers about it, loaded with the first big feed. */
let kept: Promise<typeof import('./kept-feed.js')> | undefined;
let version = 0;

type WorkerIn =
  | { type: 'load'; run: number; request: LoadRequest; answersAt?: number }
  | { type: 'ask'; id: number; version: number; ask: WorkerAsk };

scope.addEventListener('message', (event) => {
  const data = event.data as WorkerIn;
  if (data?.type === 'ask') {
    const { id } = data;
    const reply = (result: unknown) => scope.postMessage({ type: 'answer', id, result });
    // No kept feed (or its code could not be loaded): the page's next state says what to show.
    if (!kept) return reply(undefined);
    return void kept.then(
      (module) => module.answer(data.version, data.ask, reply),
      () => reply(undefined),
    );
  }
  if (data?.type !== 'load') return;
  // A long check is one synchronous task here: it says now and then that it still runs.
  busy.beat = () => scope.postMessage({ run: data.run, message: { type: 'alive' } satisfies EngineMessage });
  engine
    .load(data.request, (message) => post(data.run, message, data.answersAt))
    .then(
      () => scope.postMessage({ run: data.run, type: 'done' }),
      // Not expected (the engine never rejects): the page then loads without the worker.
      (error) => scope.postMessage({ run: data.run, type: 'crash', error: String(error) }),
    );
});
/**
 * Services per message (100 realistic services are ~200 kB, a few milliseconds to read). A big
 * checked feed is sent in pieces: the page reads (deserialises) each message in a task of its
 * own, so receiving 50,000 services is many short tasks, not one long one (load.ts puts the
 * pieces together before anything is shown).
 */
const PIECE = 100;

/**
 * `answersAt`: a finder on the page will ask about a kept feed, for this time (its first answer
 * is then prepared while the page receives the feed).
 */
function post(run: number, message: EngineMessage, answersAt?: number) {
  if (message.type !== 'state' || message.state.status !== 'ready') return scope.postMessage({ run, message });
  const { state } = message;
  if (state.feed.services.length <= SYNC_LIMIT) {
    void kept?.then((module) => module.drop());
    return sendWhole(run, state);
  }
  // Kept here (in the module loaded now, before any question about it can arrive): the page
  // gets everything but the services.
  const keptVersion = ++version;
  kept ??= import('./kept-feed.js');
  // What it loads next is requested now too (the same modules): one round trip, not two.
  void import('./held-services.js').catch(() => {});
  if (answersAt !== undefined) void import('../../service-finder/finder-search.js').catch(() => {});
  kept.then(
    (module) => module.keep(keptVersion, state, answersAt),
    (error) => console.error('[lotse]', error),
  );
  const withoutServices: Ready = { ...state, feed: { ...state.feed, services: [] }, held: { version: keptVersion } };
  scope.postMessage({ run, message: { type: 'state', state: withoutServices } satisfies EngineMessage });
}

/** A checked feed with its services, in pieces when it has more than `PIECE`. */
function sendWhole(run: number, state: Ready) {
  const services = state.feed.services;
  if (services.length <= PIECE) return scope.postMessage({ run, message: { type: 'state', state } });
  const empty: Ready = { ...state, feed: { ...state.feed, services: [] } };
  scope.postMessage({ run, type: 'pieces', message: { type: 'state', state: empty } satisfies EngineMessage });
  for (let i = 0; i < services.length; i += PIECE) scope.postMessage({ run, type: 'piece', services: services.slice(i, i + PIECE) });
  scope.postMessage({ run, type: 'end' });
}

scope.postMessage({ type: 'ready' });
