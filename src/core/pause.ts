/**
 * Give the page a turn (input, rendering) and continue in a new task: `scheduler.yield()` where
 * the browser has it (the continuation keeps its priority), else a MessageChannel message (not
 * clamped like nested `setTimeout`s). Used by work in slices (feed/slices.ts) and by each
 * widget's first render (base-element.ts).
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
