/**
 * The feed worker: one per feed URL on the page (load.ts starts it). Fetch, JSON parse, the
 * check and the offline copy run here, so none of it blocks the page; the page receives what
 * the widgets render. Messages: in `{ type: 'load', run, request }`; out `{ type: 'ready' }`
 * once, then `{ run, message }` (engine.ts's EngineMessage; a big feed as `pieces`, `piece`s
 * and `end`) and `{ run, type: 'done' }`.
 */
import { checkFeed, checkFeedSliced } from './check.js';
import { createStore, get, set } from 'idb-keyval';
import { FeedEngine, type EngineMessage, type LoadRequest } from './engine.js';
import { busy } from './slices.js';

interface Scope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as Scope;
// The sentences (messages.ts) are a chunk of their own: only a feed with problems loads them.
// Named imports, not namespaces: only what the engine uses is bundled.
const engine = new FeedEngine({
  checker: async () => ({ checkFeed, checkFeedSliced }),
  messages: () => import('./messages.js'),
  idb: async () => ({ createStore, get, set }),
  sliced: false,
});

scope.addEventListener('message', (event) => {
  const data = event.data as { type: 'load'; run: number; request: LoadRequest };
  if (data?.type !== 'load') return;
  // A long check is one synchronous task here: it says now and then that it still runs.
  busy.beat = () => scope.postMessage({ run: data.run, message: { type: 'alive' } satisfies EngineMessage });
  engine
    .load(data.request, (message) => post(data.run, message))
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

function post(run: number, message: EngineMessage) {
  if (message.type !== 'state' || message.state.status !== 'ready' || message.state.feed.services.length <= PIECE) {
    return scope.postMessage({ run, message });
  }
  const { feed } = message.state;
  scope.postMessage({ run, type: 'pieces', message: { ...message, state: { ...message.state, feed: { ...feed, services: [] } } } });
  for (let i = 0; i < feed.services.length; i += PIECE)
    scope.postMessage({ run, type: 'piece', services: feed.services.slice(i, i + PIECE) });
  scope.postMessage({ run, type: 'end' });
}

scope.postMessage({ type: 'ready' });
