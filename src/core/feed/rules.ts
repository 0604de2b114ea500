/**
 * The feed contract's own rules that are code, not shape: the checks and conversions that
 * schema.ts hands to zod. They live here, without zod, because the widgets' fast check
 * (src/generated/feed-parsers.ts, written from schema.ts by scripts/feed-parsers.mjs) calls
 * the same functions: the build refers to each by its name here.
 */

/** A calendar date that exists (2025-02-30 does not). The format is checked before. */
export const isRealDate = (value: string) => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A text map needs at least one non-empty text, else a name would show as nothing. */
export const hasSomeText = (texts: Record<string, string>) => Object.values(texts).some((t) => t.trim() !== '');

/** A slot that opens when it closes is empty. */
export const isSlotOpenAtAll = (slot: { opens: string; closes: string }) => slot.opens !== slot.closes;

/** A closure ends on or after the day it starts. */
export const isClosureInOrder = (closure: { from: string; to: string }) => closure.from.slice(0, 10) <= closure.to.slice(0, 10);

/** A time zone this browser knows (`Europe/Berlin`). */
export const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** `de-nw`, `DE-NW` and `nw` all mean the state code `NW`. */
export const toStateCode = (state: string) => state.toUpperCase().replace(/^DE-/, '');
