/** Work on the main thread in slices, each ended by `pause()` (a turn for the page). */
import { pause } from '../pause.js';

/** Longest stretch of work between two pauses (a long task starts at 50 ms). */
export const SLICE_MS = 30;

/**
 * Run a generator of steps, pausing whenever a slice has taken `SLICE_MS`. With `sliced: false`
 * the steps run at once (in a worker, or where nothing waits: the CLI). Sliced work starts
 * after a pause too: work started by a render (the finder's facets, its index) would else add
 * its first slice to the render's task. A step that yields a promise waits for it (the check
 * loads zod's detail at the first value that needs it, then goes on).
 */
export async function runSliced<T>(steps: Generator<unknown, T>, sliced = true): Promise<T> {
  if (sliced) await pause();
  const beat = heartbeat();
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (next.value instanceof Promise) {
      await next.value;
      start = performance.now();
    } else if (!sliced) beat();
    else if (performance.now() - start > SLICE_MS) {
      sliceStats.pauses++;
      await pause();
      start = performance.now();
    }
  }
}

/** How often sliced work gave the page a turn (for tests and the bench). */
export const sliceStats = { pauses: 0 };

/**
 * Called about once a second while `runAll` works without a break (the feed worker tells the
 * page that it is alive during a long check: a message posted now is read by the page at once).
 */
export const busy: { beat?: () => void } = {};

/**
 * Up to this many items (services, places) derived work runs at once, in the render that needs
 * it (a few milliseconds; small pages and tests see the result at once); above, in slices.
 */
export const SYNC_LIMIT = 1000;

/** The steps' result now (up to `SYNC_LIMIT` items) or soon (in slices). */
export function runSteps<T>(steps: Generator<unknown, T>, items: number): T | Promise<T> {
  return items <= SYNC_LIMIT ? runAll(steps) : runSliced(steps);
}

/** Run a generator of steps to its end, synchronously. */
export function runAll<T>(steps: Generator<unknown, T>): T {
  const beat = heartbeat();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    beat();
  }
}

/** Calls `busy.beat` about once a second of work without a break (checked every 256 steps). */
function heartbeat() {
  let count = 0;
  let at = performance.now();
  return () => {
    if (busy.beat && (++count & 255) === 0 && performance.now() - at > 1000) {
      at = performance.now();
      busy.beat();
    }
  };
}

/**
 * A stable sort as steps (a merge sort over runs of `run` items), for lists too long to sort
 * in one task: 75,000 places take ~25 ms to sort at once on a laptop, four times that on a
 * cheap phone.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number, run = 2048): Generator<unknown, T[]> {
  let a = items.slice();
  for (let start = 0; start < a.length; start += run) {
    const part = a.slice(start, start + run).sort(compare);
    for (let i = 0; i < part.length; i++) a[start + i] = part[i];
    yield;
  }
  let b: T[] = new Array(a.length);
  for (let width = run; width < a.length; width *= 2) {
    for (let low = 0; low < a.length; low += 2 * width) {
      const middle = Math.min(low + width, a.length);
      const high = Math.min(low + 2 * width, a.length);
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) {
        // The left item first when equal: stable.
        b[k++] = compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        if ((k & 2047) === 0) yield;
      }
      while (i < middle) b[k++] = a[i++];
      while (j < high) b[k++] = a[j++];
      yield;
    }
    [a, b] = [b, a];
  }
  return a;
}
