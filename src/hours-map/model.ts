/**
 * What the hours map shows, without rendering: one entry per place of a service, its status
 * now, and the filters (which combine on ONE slot: "Romanian on Thursday afternoon" needs a
 * slot that is all three). Slot minutes and languages come from core/slots, status from
 * core/time. The places and the filter results are steps (one per service or place), run at
 * once for a small feed and in slices for a big one (`SYNC_LIMIT` in core/feed/slices.ts): at 50,000 services they are
 * seconds of work.
 */
import type { Location, Service, Slot, Weekday } from '../core/feed/schema.js';
import { endMinutes, minutesOf, slotLanguages } from '../core/slots.js';
import { locationStatus, type Clock, type LocationStatus } from '../core/time/opening.js';
import { runAll, sortSteps } from '../core/feed/slices.js';

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

export interface Places {
  entries: Entry[];
  /** Every language offered (by a service or in one of its slots) and every category in use. */
  languages: Set<string>;
  categories: Set<string>;
}

/** One entry per place; a service without places is listed once (no hours, no map). */
export function* placeSteps(services: Service[], clock: Clock): Generator<unknown, Places> {
  const ranked: { entry: Entry; rank: number; next: number }[] = [];
  const languages = new Set<string>();
  const categories = new Set<string>();
  // Open first, then by next opening, then by name (stable for equal times).
  const add = (entry: Entry) => {
    const { status } = entry;
    const rank = status.open ? (status.closingSoon ? 1 : 0) : 2;
    ranked.push({ entry, rank, next: status.current?.end.getTime() ?? status.next?.start.getTime() ?? Infinity });
  };
  for (const service of services) {
    const paused = service.status === 'temporarily-closed';
    service.languages.forEach((c) => languages.add(c));
    service.categories.forEach((c) => categories.add(c));
    if (!service.locations.length) add({ key: service.id, service, status: CLOSED });
    for (const location of service.locations) {
      location.hours.forEach((slot) => slot.languages?.forEach((c) => languages.add(c)));
      add({ key: `${service.id}/${location.id}`, service, location, status: paused ? CLOSED : locationStatus(location, clock) });
    }
    yield;
  }
  const sorted = yield* sortSteps(ranked, (a, b) => a.rank - b.rank || a.next - b.next);
  return { entries: sorted.map((r) => r.entry), languages, categories };
}

export const buildEntries = (services: Service[], clock: Clock): Entry[] => runAll(placeSteps(services, clock)).entries;

const inWindow = (slot: Slot, time: TimeOfDay) => {
  const o = minutesOf(slot.opens);
  const e = endMinutes(o, minutesOf(slot.closes));
  const [from, to] = WINDOWS[time];
  return o < to && e > from;
};

export function slotMatches(slot: Slot, service: Service, f: Filters, skip?: keyof Filters): boolean {
  if (f.day && skip !== 'day' && !slot.days.includes(f.day)) return false;
  if (f.walkIn && skip !== 'walkIn' && slot.kind !== 'walk-in') return false;
  if (f.language && skip !== 'language' && !slotLanguages(slot, service).includes(f.language)) return false;
  if (f.time && skip !== 'time' && !inWindow(slot, f.time)) return false;
  return true;
}

const slotFilterActive = (f: Filters, skip?: keyof Filters) =>
  (['day', 'time', 'language', 'walkIn'] as const).some((k) => k !== skip && f[k]);

const hoursOf = ({ service, location }: Entry) => (service.status === 'temporarily-closed' ? [] : (location?.hours ?? []));

export function entryMatches(entry: Entry, f: Filters, skip?: keyof Filters): boolean {
  const { service, status } = entry;
  if (f.category && skip !== 'category' && !service.categories.includes(f.category)) return false;
  if (f.openNow && skip !== 'openNow' && !status.open) return false;
  if (!slotFilterActive(f, skip)) return true;
  const hours = hoursOf(entry);
  if (!hours.length) {
    // No known hours: only the language can still match (the service speaks it).
    const onlyLanguage = !(['day', 'time', 'walkIn'] as const).some((k) => k !== skip && f[k]);
    return onlyLanguage && service.languages.includes(f.language);
  }
  return hours.some((slot) => slotMatches(slot, service, f, skip));
}

/**
 * For each option of each filter: how many places match it together with the other filters
 * (`''` of a select: with that filter left out). One pass over the places, however many
 * options there are.
 */
export interface FilterCounts {
  day: Map<Weekday | '', number>;
  time: Map<TimeOfDay | '', number>;
  language: Map<string, number>;
  category: Map<string, number>;
  walkIn: number;
  openNow: number;
}

export interface Results {
  /** The places that match, in list order, and those of them with a position (the map). */
  shown: Entry[];
  located: Entry[];
  counts: FilterCounts;
}

const SELECTS = ['day', 'time', 'language', 'category'] as const;

export function* resultSteps(entries: Entry[], f: Filters): Generator<unknown, Results> {
  const shown: Entry[] = [];
  const located: Entry[] = [];
  const counts: FilterCounts = { day: new Map(), time: new Map(), language: new Map(), category: new Map(), walkIn: 0, openNow: 0 };
  const add = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const days = new Set<Weekday>();
  const times = new Set<TimeOfDay>();
  const languages = new Set<string>();
  for (const entry of entries) {
    const { service, status } = entry;
    if (entryMatches(entry, f)) {
      shown.push(entry);
      if (entry.location?.geo) located.push(entry);
    }
    for (const key of SELECTS) if (entryMatches(entry, f, key)) add<string>(counts[key], '');
    const categoryOk = !f.category || service.categories.includes(f.category);
    const openOk = !f.openNow || status.open;
    // Category and "open now" are not slot filters: the slot part is the selection's own.
    const slotsOk = entryMatches(entry, { ...f, category: '', openNow: false });
    if (openOk && slotsOk) new Set(service.categories).forEach((c) => add(counts.category, c));
    if (status.open && categoryOk && slotsOk) counts.openNow++;
    if (categoryOk && openOk) {
      // A slot option counts a place when one of its slots has it and matches the other filters.
      const hours = hoursOf(entry);
      days.clear();
      times.clear();
      languages.clear();
      let walkIn = false;
      for (const slot of hours) {
        if (slotMatches(slot, service, f, 'day')) slot.days.forEach((d) => days.add(d));
        if (slotMatches(slot, service, f, 'time')) TIMES_OF_DAY.forEach((t) => inWindow(slot, t) && times.add(t));
        if (slotMatches(slot, service, f, 'language')) slotLanguages(slot, service).forEach((l) => languages.add(l));
        if (slot.kind === 'walk-in' && slotMatches(slot, service, f, 'walkIn')) walkIn = true;
      }
      // No known hours: only a language can match (the service speaks it).
      if (!hours.length && !f.day && !f.time && !f.walkIn) service.languages.forEach((l) => languages.add(l));
      days.forEach((d) => add<Weekday | ''>(counts.day, d));
      times.forEach((t) => add<TimeOfDay | ''>(counts.time, t));
      languages.forEach((l) => add(counts.language, l));
      if (walkIn) counts.walkIn++;
    }
    yield;
  }
  return { shown, located, counts };
}
