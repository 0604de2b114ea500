/**
 * A big feed kept in the feed worker (more than `SYNC_LIMIT` services) and the answers to the
 * widgets' questions about it. feed-worker.ts loads this module with the first big feed, at the
 * same time as the finder's code: a page with a small feed never downloads it.
 */
import { wait, type FeedState } from './engine.js';
import type { Feed } from './schema.js';
import type { HeldFinder } from '../../service-finder/finder-search.js';
import type { HeldServices } from './held-services.js';
import type { HeldHours } from '../../hours-map/hours-search.js';
import type { WorkerAsk } from './load.js';

type Ready = Extract<FeedState, { status: 'ready' }>;
/** A feed kept here, and what answers about it (loaded when first needed). */
interface Kept {
  version: number;
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

/**
 * Keep `state`'s feed as `version`. `answersAt`: a finder on the page will ask about it, for
 * this time (its first answer is then prepared while the page receives the feed).
 */
export function keep(version: number, state: Ready, answersAt?: number) {
  const kept: Kept = { version, state };
  held = kept;
  if (answersAt === undefined) return;
  kept.answered = new Promise<void>((resolve) => {
    kept.onAnswered = resolve;
    setTimeout(resolve, ANSWER_WAIT_MS);
  });
  void finderOf(kept).then((finder) => finder.prepare(answersAt));
}

/** The feed shown now is small (sent whole): nothing is kept any more. */
export function drop() {
  held = undefined;
}

/**
 * When the offline copy may be written: after the finder's first answer, then the questions
 * open by then (100 MB of text would otherwise hold them up).
 */
export function quiet(): Promise<void> {
  return Promise.resolve(held?.answered).then(settled);
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
 * A widget's question about the kept feed `asked`; `reply` sends the answer (undefined when
 * that feed is no longer kept). The finder's code is loaded into the worker for a kept feed
 * with a finder on the page (a page without one never loads it).
 */
export function answer(asked: number, ask: WorkerAsk, reply: (result: unknown) => void) {
  const done: Promise<void> = respond(asked, ask, reply).finally(() => open.delete(done));
  open.add(done);
}

async function respond(asked: number, ask: WorkerAsk, reply: (result: unknown) => void) {
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
  reply(result);
  // The finder's first results were what the page waited for (not a contact form's categories).
  if (ask.kind === 'finder') kept?.onAnswered?.();
}
