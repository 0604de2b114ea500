/**
 * Wall-clock arithmetic in an IANA time zone, using only `Intl` (no time-zone library).
 *
 * Dates are plain `YYYY-MM-DD` strings and times are minutes since local midnight, so the
 * device's own time zone never leaks in: everything is computed in the zone passed in.
 */
import type { Weekday } from '../feed/schema.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Indexed by `Date#getUTCDay()` (0 = Sunday). Kept here so the zod schema is not bundled. */
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'];

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // `hour12: false` renders midnight as "24" in some engines
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Local wall time of `ms` as [year, month, day, hour, minute]. */
function wall(ms: number, timeZone: string): number[] {
  const out = [0, 0, 0, 0, 0];
  for (const p of format(timeZone).formatToParts(ms)) {
    const i = p.type === 'year' ? 0 : p.type === 'month' ? 1 : p.type === 'day' ? 2 : p.type === 'hour' ? 3 : p.type === 'minute' ? 4 : -1;
    if (i >= 0) out[i] = Number(p.value);
  }
  return out;
}

/** UTC offset (local minus UTC, in ms) in force at instant `ms`. */
export function offsetAt(ms: number, timeZone: string): number {
  const t = Math.floor(ms / MINUTE) * MINUTE; // the formatter shows whole minutes only
  const [y, mo, d, h, mi] = wall(t, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi) - t;
}

/** `Date.UTC` of a `YYYY-MM-DD` string: the wall time read as if it were UTC. */
export function utcOf(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return isoDate(utcOf(date) + n * DAY);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(utcOf(date)).getUTCDay()];
}

/** Local date, weekday and minutes since local midnight of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): { date: string; weekday: Weekday; minutes: number } {
  const [y, mo, d, h, mi] = wall(instant.getTime(), timeZone);
  const date = isoDate(Date.UTC(y, mo - 1, d));
  return { date, weekday: weekdayOf(date), minutes: h * 60 + mi };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minutes`
 * (`minutes` may exceed 1440 to reach into the following days).
 *
 * Like Temporal's "compatible" disambiguation: a wall time skipped by a spring-forward
 * switch is moved forward by the gap (02:30 → 03:30 in Europe/Berlin); a wall time that
 * occurs twice on a fall-back day resolves to its first occurrence.
 */
export function zonedToInstant(date: string, minutes: number, timeZone: string): Date {
  const local = utcOf(date) + minutes * MINUTE;
  // Offsets a day either side bracket any single switch near `local`.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  // With `before` first: on an overlap `before` > `after`, so this is the earlier instant.
  for (const offset of [before, after]) {
    const t = local - offset;
    if (offsetAt(t, timeZone) === offset) return new Date(t);
  }
  // In a gap: read the wall time with the old offset, which lands after the switch.
  return new Date(local - before);
}
