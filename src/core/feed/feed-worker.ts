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
import { FeedEngine, wait, type EngineMessage, type FeedState, type LoadRequest } from './engine.js';
import { busy, SYNC_LIMIT } from './slices.js';
import { pause } from '../pause.js';
import type { Feed } from './schema.js';
import type { HeldFinder } from '../../service-finder/finder-search.js';
import type { HeldServices } from './held-services.js';
import type { HeldHours } from '../../hours-map/hours-search.js';
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
    pause()
      .then(() => held?.answered)
      .then(() => settled()),
});

type Ready = Extract<FeedState, { status: 'ready' }>;
/** A feed kept here, and what answers about it (loaded when first needed). */
interface Kept {
  version: number;
  run: number;
  state: Ready;
  finder?: Promise<HeldFinder>;
  services?: Promise<HeldServices>;
  hours?: Promise<HeldHours>;
  /** With a finder on the page: resolved when its first answer has gone out (or after a while). */
  answered?: Promise<void>;
  onAnswered?: () => void;
}
/** The feed kept here (the last one shown, while it has more than `SYNC_LIMIT` services). */
let held: Kept | undefined;
/** The offline copy waits at most this long for the finder's first answer. */
const ANSWER_WAIT_MS = 3000;
let version = 0;

type WorkerIn =
  | { type: 'load'; run: number; request: LoadRequest; answersAt?: number }
  | { type: 'ask'; id: number; version: number; ask: WorkerAsk };

scope.addEventListener('message', (event) => {
  const data = event.data as WorkerIn;
  if (data?.type === 'ask') return void answer(data.id, data.version, data.ask);
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
    held = undefined;
    return sendWhole(run, state);
  }
  // Kept here: the page gets everything but the services.
  held = { version: ++version, run, state };
  if (answersAt !== undefined) {
    const kept = held;
    kept.answered = new Promise<void>((resolve) => {
      kept.onAnswered = resolve;
      setTimeout(resolve, ANSWER_WAIT_MS);
    });
    void finderOf(kept).then((finder) => finder.prepare(answersAt));
  }
  const withoutServices: Ready = { ...state, feed: { ...state.feed, services: [] }, held: { version } };
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

/** The services of a kept feed as widgets ask for them, loaded into the worker when first needed. */
function servicesOf(kept: Kept): Promise<HeldServices> {
  kept.services ??= import('./held-services.js').then(({ HeldServices }) => new HeldServices(kept.state.feed as Feed));
  return kept.services;
}

/** The finder's side of a kept feed, loaded into the worker when first needed. */
function finderOf(kept: Kept): Promise<HeldFinder> {
  kept.finder ??= Promise.all([import('../../service-finder/finder-search.js'), servicesOf(kept)]).then(
    ([{ HeldFinder }, services]) => new HeldFinder(kept.state.feed as Feed, services, settled),
  );
  return kept.finder;
}

/** The hours map's side of a kept feed (its list, counts and map points), loaded into the worker when first asked. */
function hoursOf(kept: Kept): Promise<HeldHours> {
  kept.hours ??= Promise.all([import('../../hours-map/hours-search.js'), servicesOf(kept)]).then(
    ([{ HeldHours }, services]) => new HeldHours(kept.state.feed as Feed, services),
  );
  return kept.hours;
}

async function answerOf(kept: Kept, ask: WorkerAsk): Promise<unknown> {
  if (ask.kind === 'finder') return (await finderOf(kept)).answer(ask.query, ask.now, ask.whole);
  if (ask.kind === 'centre') return (await finderOf(kept)).centre(ask.by, ask.value, ask.now);
  if (ask.kind === 'hours') return (await hoursOf(kept)).answer(ask.query, ask.now);
  if (ask.kind === 'hoursPoints') return (await hoursOf(kept)).spots(ask.filters, ask.now);
  const services = await servicesOf(kept);
  if (ask.kind === 'service') return services.service(ask.id, ask.now);
  if (ask.kind === 'categories') return services.categories(ask.now);
  return services.forSteps(ask.steps, ask.now);
}

/** Questions being answered (the offline copy waits for those open when the finder has answered). */
const open = new Set<Promise<void>>();
/** When the questions open now are answered (at most `ANSWER_WAIT_MS`). */
function settled(): Promise<void> {
  return open.size ? Promise.race([Promise.all(open).then(() => {}), wait(ANSWER_WAIT_MS)]) : Promise.resolve();
}

/**
 * A widget's question about the kept feed. The finder's code is loaded into the worker for a
 * kept feed with a finder on the page (a page without one, or with a small feed, never loads it).
 */
function answer(id: number, asked: number, ask: WorkerAsk) {
  const done: Promise<void> = respond(id, asked, ask).finally(() => open.delete(done));
  open.add(done);
}

async function respond(id: number, asked: number, ask: WorkerAsk) {
  const kept = held;
  let result: unknown;
  if (kept?.version === asked) {
    try {
      // With a finder on the page its first results come first: the hours map's places of
      // 50,000 services would otherwise be worked out between its slices.
      if (ask.kind === 'hours' || ask.kind === 'hoursPoints') await kept.answered;
      result = await answerOf(kept, ask);
    } catch (error) {
      console.error('[lotse]', error);
    }
  }
  scope.postMessage({ type: 'answer', id, result });
  // The finder's first results were what the page waited for (not a contact form's categories).
  if (ask.kind === 'finder') kept?.onAnswered?.();
}

scope.postMessage({ type: 'ready' });
