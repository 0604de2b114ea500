/**
 * What the hours map shows, without rendering: one entry per place of a service, its status
 * now, and the filters (which combine on ONE slot: "Romanian on Thursday afternoon" needs a
 * slot that is all three). Slot minutes and languages come from core/slots, status from
 * core/time.
 */
import type { Location, Service, Slot, Weekday } from '../core/feed/schema.js';
import { endMinutes, minutesOf, slotLanguages } from '../core/slots.js';
import { locationStatus, type Clock, type LocationStatus } from '../core/time/opening.js';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export const TIMES_OF_DAY: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
/** Minutes since midnight: morning until 12:00, afternoon 12–17, evening from 17:00. */
const WINDOWS: Record<TimeOfDay, [number, number]> = {
  morning: [0, 720],
  afternoon: [720, 1020],
  evening: [1020, 2880],
};

export interface Filters {
  day: Weekday | '';
  time: TimeOfDay | '';
  language: string;
  category: string;
  walkIn: boolean;
  openNow: boolean;
}
export const NO_FILTERS: Filters = { day: '', time: '', language: '', category: '', walkIn: false, openNow: false };

export interface Entry {
  /** `service/location`, or the service id for a service without a place. */
  key: string;
  service: Service;
  location?: Location;
  status: LocationStatus;
}

const CLOSED: LocationStatus = { open: false, closingSoon: false };

/** One entry per place; a service without places is listed once (no hours, no map). */
export function buildEntries(services: Service[], clock: Clock): Entry[] {
  const entries: Entry[] = [];
  for (const service of services) {
    const paused = service.status === 'temporarily-closed';
    if (!service.locations.length) entries.push({ key: service.id, service, status: CLOSED });
    for (const location of service.locations) {
      entries.push({
        key: `${service.id}/${location.id}`,
        service,
        location,
        status: paused ? CLOSED : locationStatus(location, clock),
      });
    }
  }
  // Open first, then by next opening, then by name (stable for equal times).
  const rank = (e: Entry) => (e.status.open ? (e.status.closingSoon ? 1 : 0) : 2);
  const next = (e: Entry) => e.status.current?.end.getTime() ?? e.status.next?.start.getTime() ?? Infinity;
  return entries.sort((a, b) => rank(a) - rank(b) || next(a) - next(b));
}

export function slotMatches(slot: Slot, service: Service, f: Filters, skip?: keyof Filters): boolean {
  if (f.day && skip !== 'day' && !slot.days.includes(f.day)) return false;
  if (f.walkIn && skip !== 'walkIn' && slot.kind !== 'walk-in') return false;
  if (f.language && skip !== 'language' && !slotLanguages(slot, service).includes(f.language)) return false;
  if (f.time && skip !== 'time') {
    const o = minutesOf(slot.opens);
    const e = endMinutes(o, minutesOf(slot.closes));
    const [from, to] = WINDOWS[f.time];
    if (!(o < to && e > from)) return false;
  }
  return true;
}

const slotFilterActive = (f: Filters, skip?: keyof Filters) =>
  (['day', 'time', 'language', 'walkIn'] as const).some((k) => k !== skip && f[k]);

export function entryMatches(entry: Entry, f: Filters, skip?: keyof Filters): boolean {
  const { service, location, status } = entry;
  if (f.category && skip !== 'category' && !service.categories.includes(f.category)) return false;
  if (f.openNow && skip !== 'openNow' && !status.open) return false;
  if (!slotFilterActive(f, skip)) return true;
  const hours = service.status === 'temporarily-closed' ? [] : location?.hours ?? [];
  if (!hours.length) {
    // No known hours: only the language can still match (the service speaks it).
    const onlyLanguage = !(['day', 'time', 'walkIn'] as const).some((k) => k !== skip && f[k]);
    return onlyLanguage && service.languages.includes(f.language);
  }
  return hours.some((slot) => slotMatches(slot, service, f, skip));
}

/** For each value of one filter: how many entries match it together with the other filters. */
export function countBy<K extends keyof Filters>(
  entries: Entry[],
  f: Filters,
  key: K,
  values: readonly Filters[K][],
): Map<Filters[K], number> {
  const counts = new Map<Filters[K], number>();
  const base = entries.filter((e) => entryMatches(e, f, key));
  for (const value of values) {
    const g = { ...f, [key]: value };
    counts.set(value, value ? base.filter((e) => entryMatches(e, g)).length : base.length);
  }
  return counts;
}
