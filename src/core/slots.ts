/**
 * One slot of opening hours, read the same way everywhere: its minutes (with the
 * past-midnight rule) and the languages spoken in it. The finder, the hours map, the week
 * plan and the opening logic (`time/opening.ts`) all use these, so a slot never shows
 * different times or languages in two widgets.
 */
import type { Slot } from './feed/schema.js';

/** `HH:MM` → minutes since midnight (`24:00` → 1440), without allocating. */
export const minutesOf = (t: string) =>
  ((t.charCodeAt(0) - 48) * 10 + t.charCodeAt(1) - 48) * 60 + (t.charCodeAt(3) - 48) * 10 + t.charCodeAt(4) - 48;

/**
 * The end of a slot in minutes after midnight of its start day: a slot that closes at or
 * before it opens runs past midnight (Friday 22:00–02:00 ends at 1560).
 */
export const endMinutes = (opens: number, closes: number) => (closes > opens ? closes : closes + 1440);

/** The languages spoken in a slot: its own list, else the service's. */
export const slotLanguages = (slot: Slot, service: { languages: string[] }): string[] => slot.languages ?? service.languages;
