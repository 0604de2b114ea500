/**
 * Opening hours: open now, closing soon, next opening, open on a date.
 *
 * Everything happens in the region's time zone, never the device's. A slot belongs to the
 * local day it starts on: a Friday 22:00–02:00 slot is cancelled by a closure or holiday on
 * Friday, not Saturday. Build one `Clock` per "now" and reuse it for all locations: it caches
 * the per-day time-zone offsets and holidays so that a status costs a few comparisons.
 */
import type { Closure, GermanState, Location, Slot, Weekday } from '../feed/schema.js';
import { endMinutes, minutesOf } from '../slots.js';
import { holidayOn, type HolidayId } from './holidays.js';
import { DAY, MINUTE, addDays, offsetAt, utcOf, weekdayOf, zonedParts, zonedToInstant } from './zoned.js';

/** One concrete opening of a slot. */
export interface Occurrence {
  slot: Slot;
  /** Local date the slot starts on. */
  date: string;
  start: Date;
  end: Date;
  /**
   * Wall-clock minutes since midnight of `date`, as written in the feed. `endMinutes` is
   * above 1440 for a slot that runs past midnight (`% 1440` gives the clock time).
   * On a spring-forward day a nonexistent wall time keeps its feed value here, while
   * `start`/`end` are the real instants (02:30 → 03:30; a repeated fall-back time → the first).
   */
  startMinutes: number;
  endMinutes: number;
}

export interface LocationStatus {
  open: boolean;
  /** Open now and closing within `soonMinutes`, counting slots that follow without a break. */
  closingSoon: boolean;
  /** The slot open now (if several overlap, the one that ends last). */
  current?: Occurrence;
  /** The next slot starting after now, within the next 14 days. */
  next?: Occurrence;
  /** A closure in force today. */
  closure?: Closure;
  /** Today's public holiday in the region's state, whether or not the location observes it. */
  holidayToday?: HolidayId;
}

export interface LocatedOccurrence extends Occurrence {
  location: Location;
}

export interface ServiceStatus {
  open: boolean;
  /** Every open location is closing soon. */
  closingSoon: boolean;
  current?: LocatedOccurrence;
  next?: LocatedOccurrence;
}

export interface StatusOptions {
  soonMinutes?: number;
}

const LOOKAHEAD_DAYS = 14;

/** @internal One local day as the clock sees it. */
export interface ClockDay {
  date: string;
  weekday: Weekday;
  holiday?: HolidayId;
  /** `Date.UTC` of the date. */
  base: number;
  /** The UTC offset if it is the same all day (no DST switch), for plain arithmetic. */
  offset?: number;
  /** Otherwise: instants already resolved through `Intl`, by minute. */
  memo?: Map<number, number>;
  next?: ClockDay;
}

/** A point in time and the region it is seen from. Create one per "now" with `createClock`. */
export class Clock {
  readonly nowMs: number;
  /** Local date of now, `YYYY-MM-DD`. */
  readonly today: string;
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minutes: number;
  readonly holidayToday?: HolidayId;
  private readonly days = new Map<string, ClockDay>();
  private readonly ahead: ClockDay[] = [];

  constructor(
    readonly now: Date,
    readonly state: GermanState,
    readonly timeZone: string,
  ) {
    this.nowMs = now.getTime();
    const parts = zonedParts(now, timeZone);
    this.today = parts.date;
    this.weekday = parts.weekday;
    this.minutes = parts.minutes;
    this.holidayToday = holidayOn(this.today, state);
  }

  /** The public holiday on a local date in the region's state. */
  holiday(date: string): HolidayId | undefined {
    return holidayOn(date, this.state);
  }

  /** @internal */
  dayOf(date: string): ClockDay {
    let day = this.days.get(date);
    if (!day) {
      const base = utcOf(date);
      day = { date, weekday: weekdayOf(date), base, holiday: holidayOn(date, this.state) };
      // The offset near local midnight; if it also holds at the start and the end of the
      // local day, there is no switch that day (zones switch at most once a day).
      const offset = offsetAt(base, this.timeZone);
      const start = base - offset;
      if (offsetAt(start, this.timeZone) === offset && offsetAt(start + DAY - MINUTE, this.timeZone) === offset) day.offset = offset;
      this.days.set(date, day);
    }
    return day;
  }

  /** @internal The day `n` days after today (n ≥ -1). */
  dayAt(n: number): ClockDay {
    return (this.ahead[n + 1] ??= this.dayOf(addDays(this.today, n)));
  }

  /** @internal Instant of `minutes` after local midnight of `day` (may exceed a day). */
  at(day: ClockDay, minutes: number): number {
    if (minutes >= 1440) return this.at((day.next ??= this.dayOf(addDays(day.date, 1))), minutes - 1440);
    if (day.offset !== undefined) return day.base + minutes * MINUTE - day.offset;
    const memo = (day.memo ??= new Map());
    let t = memo.get(minutes);
    if (t === undefined) memo.set(minutes, (t = zonedToInstant(day.date, minutes, this.timeZone).getTime()));
    return t;
  }
}

export function createClock(now: Date, region: { state: GermanState; timezone: string }): Clock {
  return new Clock(now, region.state, region.timezone);
}

function closureOn(location: Location, date: string): Closure | undefined {
  return location.closures.find((c) => c.from.slice(0, 10) <= date && date <= c.to.slice(0, 10));
}

type Visit = (slot: Slot, day: ClockDay, start: number, end: number, o: number, e: number) => void;

/** Calls `visit` for every slot starting on `day` that is not cancelled by a holiday or closure. */
function scan(location: Location, clock: Clock, day: ClockDay, visit: Visit): void {
  if (!location.hours.length) return;
  if (day.holiday && location.publicHolidays !== 'open') return;
  if (location.closures.length && closureOn(location, day.date)) return;
  for (const slot of location.hours) {
    if (!slot.days.includes(day.weekday)) continue;
    const o = minutesOf(slot.opens);
    const c = minutesOf(slot.closes);
    if (o === c) continue;
    const e = endMinutes(o, c);
    const start = clock.at(day, o);
    const end = clock.at(day, e);
    // Empty or inverted when the end falls into a spring-forward gap (02:30–03:00 → 03:30–03:00).
    if (end > start) visit(slot, day, start, end, o, e);
  }
}

const occurrence = (slot: Slot, day: ClockDay, start: number, end: number, o: number, e: number): Occurrence => ({
  slot,
  date: day.date,
  start: new Date(start),
  end: new Date(end),
  startMinutes: o,
  endMinutes: e,
});

export function locationStatus(location: Location, clock: Clock, { soonMinutes = 30 }: StatusOptions = {}): LocationStatus {
  const now = clock.nowMs;
  const today = clock.dayAt(0);
  const status: LocationStatus = { open: false, closingSoon: false };
  const closure = closureOn(location, today.date);
  if (closure) status.closure = closure;
  if (clock.holidayToday) status.holidayToday = clock.holidayToday;
  if (!location.hours.length) return status;

  // One pass from yesterday (slots running past midnight) onwards finds both the slot open now
  // and the next start. Candidates are kept as argument lists; an `Occurrence` (with its two
  // Dates) is built only for the winners.
  let cur: Parameters<Visit> | undefined;
  let next: Parameters<Visit> | undefined;
  const visit: Visit = (slot, day, start, end, o, e) => {
    if (start > now) {
      if (!next || start < next[2]) next = [slot, day, start, end, o, e];
    } else if (now < end && (!cur || end > cur[3])) cur = [slot, day, start, end, o, e];
  };
  for (let n = -1; n <= LOOKAHEAD_DAYS; n++) {
    scan(location, clock, clock.dayAt(n), visit);
    // Slots of later days start at their midnight or later ('24:00' opens at the next one).
    if (next && next[2] <= clock.at(clock.dayAt(n + 1), 0)) break;
  }

  if (cur) {
    status.open = true;
    status.current = occurrence(...cur);
    // Follow slots that start before the open one ends (e.g. 9–12 Romanian, 12–16 Bulgarian).
    let until = cur[3];
    const limit = now + soonMinutes * MINUTE;
    for (let grown = true; grown && until <= limit; ) {
      grown = false;
      const extend: Visit = (_s, _d, start, end) => {
        if (start <= until && end > until) {
          until = end;
          grown = true;
        }
      };
      for (let n = -1; n <= 1; n++) scan(location, clock, clock.dayAt(n), extend);
    }
    status.closingSoon = until <= limit;
  }

  if (next) status.next = occurrence(...next);
  return status;
}

/** Whether any slot starts on the local `date`, respecting holidays and closures. */
export function isOpenOnDate(location: Location, date: string, clock: Clock): boolean {
  let found = false;
  scan(location, clock, clock.dayOf(date), () => (found = true));
  return found;
}

/** The openings starting on the local `date`, sorted by start. */
export function occurrencesOn(location: Location, date: string, clock: Clock): Occurrence[] {
  const list: Occurrence[] = [];
  scan(location, clock, clock.dayOf(date), (...args) => list.push(occurrence(...args)));
  return list.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
}

/** A service is open if any of its locations is; its next opening is the earliest of them. */
export function serviceStatus(locations: Location[], clock: Clock, options?: StatusOptions): ServiceStatus {
  const result: ServiceStatus = { open: false, closingSoon: false };
  for (const location of locations) {
    const s = locationStatus(location, clock, options);
    if (s.current) {
      // Prefer a location that stays open, then the one whose slot ends last.
      const better =
        !result.open ||
        (result.closingSoon && !s.closingSoon) ||
        (result.closingSoon === s.closingSoon && s.current.end > result.current!.end);
      if (better) {
        result.current = { ...s.current, location };
        result.closingSoon = s.closingSoon;
      }
      result.open = true;
    }
    if (s.next && (!result.next || s.next.start < result.next.start)) {
      result.next = { ...s.next, location };
    }
  }
  return result;
}
