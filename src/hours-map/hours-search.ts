/**
 * The hours map's answer to what a visitor chose (filters, how many places shown, a place
 * chosen on the map): the list's pages, the total, every option's count, the languages and
 * categories offered, and on request the map's points. One implementation for both places it
 * runs:
 * - in the render, for feeds up to `SYNC_LIMIT` services and inline feeds (`HoursSearch`);
 * - in the feed worker for a bigger feed from a URL (`HeldHours`): the services stay there and
 *   the page receives only the answer (30 places and the counts), where receiving 50,000
 *   services took the page 0.6 s. The week plan is made in the render from the shown places.
 */
import type { Feed, Service, Text } from '../core/feed/schema.js';
import type { HeldServices } from '../core/feed/held-services.js';
import { PerDay } from '../core/feed/per-day.js';
import { runSteps } from '../core/feed/slices.js';
import { createClock, type Clock, type LocationStatus, type Occurrence } from '../core/time/opening.js';
import { placeSteps, resultSteps, type Entry, type FilterCounts, type Filters, type Places, type Results } from './model.js';

/** What the visitor chose. */
export interface HoursQuery {
  filters: Filters;
  /** How many places the list shows (its pages). */
  shown: number;
  /** A place chosen on the map: the list shows it too, however far down it is. */
  reveal?: string;
}

export interface HoursAnswer {
  /** The time the places' statuses are for (ms). */
  now: number;
  /** The filters answered (while a big feed's result is made, the previous one is shown). */
  filters: Filters;
  /** How many places match, and how many of them have a position (on the map). */
  total: number;
  located: number;
  /** The first `shown` of them (more to include `reveal`), in list order. */
  page: Entry[];
  counts: FilterCounts;
  /** Every language offered and every category in use (the filters' options). */
  languages: Set<string>;
  categories: Set<string>;
}

/**
 * A place on the map: what its marker needs, small enough to send 50,000 of them. The status
 * keeps what the marker's words need (`openingWords`: the end or start of the slot meant and its
 * languages; a closure), not the slot's days or the instants.
 */
export interface Spot {
  key: string;
  serviceId: string;
  locationId?: string;
  lat: number;
  lon: number;
  name: Text;
  street: string;
  status: LocationStatus;
  /** The service is temporarily closed. */
  paused: boolean;
  hasHours: boolean;
}

const brief = (o: Occurrence | undefined): Occurrence | undefined =>
  o && ({ date: o.date, startMinutes: o.startMinutes, endMinutes: o.endMinutes, slot: { languages: o.slot.languages } } as Occurrence);

/** The map's point of a place with a position. */
export function spotOf({ key, service, location, status }: Entry): Spot {
  const { open, closingSoon, closure } = status;
  return {
    key,
    serviceId: service.id,
    locationId: location?.id,
    lat: location!.geo!.lat,
    lon: location!.geo!.lon,
    name: service.name,
    street: location!.address.street,
    status: { open, closingSoon, closure, current: brief(status.current), next: brief(status.next) },
    paused: service.status === 'temporarily-closed',
    hasHours: !!location?.hours.length,
  };
}

const filtersKey = (f: Filters) => `${f.day} ${f.time} ${f.language} ${f.category} ${f.walkIn} ${f.openNow}`;
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

/**
 * Everything the hours map derives from one list of services: the places with their status
 * (per minute) and the filter results (per choice). A big list gets them in slices; meanwhile
 * `answer` gives the previous ones (or undefined before the first), and `changed` is called
 * once they are there.
 */
export class HoursSearch {
  private places?: Places & { now: number };
  /** The minute whose places are being made. */
  private placesMinute?: number;
  private results?: Results & { places: Places & { now: number }; filters: Filters; key: string };
  /** The places and filters whose result is being made. */
  private resultsFor?: { places: Places; filters: string };
  private last?: { results: Results; shown: number; reveal?: string; answer: HoursAnswer };
  private spots = new WeakMap<HoursAnswer, Spot[]>();
  private resultsOf = new WeakMap<HoursAnswer, Results>();

  constructor(
    readonly services: Service[],
    private readonly changed: () => void,
  ) {}

  /** This minute's places, or the previous minute's while they are made. */
  private placesAt(clock: Clock) {
    const minute = minuteOf(clock.nowMs);
    if (this.placesMinute !== minute) {
      this.placesMinute = minute;
      const now = clock.nowMs;
      const made = runSteps(placeSteps(this.services, clock), this.services.length);
      if (!(made instanceof Promise)) this.places = { ...made, now };
      else
        void made.then((places) => {
          if (this.placesMinute !== minute) return;
          this.places = { ...places, now };
          this.changed();
        });
    }
    return this.places;
  }

  /** The result of `filters` for the latest places, or the previous result while it is made. */
  private resultAt(clock: Clock, filters: Filters) {
    const places = this.placesAt(clock);
    const key = filtersKey(filters);
    const r = this.results;
    if (!places || (r?.places === places && r.key === key)) return r;
    const w = this.resultsFor;
    if (!(w?.places === places && w.filters === key)) {
      this.resultsFor = { places, filters: key };
      const made = runSteps(resultSteps(places.entries, filters), places.entries.length);
      if (!(made instanceof Promise)) return (this.results = { ...made, places, filters, key });
      void made.then((results) => {
        if (this.resultsFor?.places !== places || this.resultsFor.filters !== key) return;
        this.results = { ...results, places, filters, key };
        this.changed();
      });
    }
    return r;
  }

  /** The answer (the same object while nothing changed), or undefined before the first result. */
  answer(query: HoursQuery, clock: Clock): HoursAnswer | undefined {
    const results = this.resultAt(clock, query.filters);
    if (!results) return undefined;
    const l = this.last;
    if (l?.results === results && l.shown === query.shown && l.reveal === query.reveal) return l.answer;
    const { shown, located, counts, places, filters } = results;
    const at = query.reveal === undefined ? -1 : shown.findIndex((e) => e.key === query.reveal);
    const answer: HoursAnswer = {
      now: places.now,
      filters,
      total: shown.length,
      located: located.length,
      page: shown.slice(0, Math.max(query.shown, at + 1)),
      counts,
      languages: places.languages,
      categories: places.categories,
    };
    this.last = { results, shown: query.shown, reveal: query.reveal, answer };
    this.resultsOf.set(answer, results);
    return answer;
  }

  /** The map's points of an answer's places (all of them, not only the shown pages). */
  spotsOf(answer: HoursAnswer): Spot[] {
    let spots = this.spots.get(answer);
    if (!spots) {
      spots = (this.resultsOf.get(answer)?.located ?? []).map(spotOf);
      this.spots.set(answer, spots);
    }
    return spots;
  }
}

/**
 * The feed worker's hours map for a feed it keeps (feed-worker.ts): the services current on the
 * asked day, and answers once this minute's result for the asked filters is made.
 */
export class HeldHours {
  private readonly searches: PerDay<HoursSearch>;

  constructor(
    private readonly feed: Feed,
    held: HeldServices,
  ) {
    this.searches = new PerDay(held, (services, changed) => new HoursSearch(services, changed));
  }

  private async exact(query: HoursQuery, nowMs: number): Promise<{ search: HoursSearch; answer: HoursAnswer }> {
    const now = new Date(nowMs);
    const clock = createClock(now, this.feed.region);
    return this.searches.until(now, (search) => {
      const answer = search.answer(query, clock);
      // This minute's answer to these filters, not the previous one shown while it is made.
      const exact = answer && minuteOf(answer.now) === minuteOf(nowMs) && filtersKey(answer.filters) === filtersKey(query.filters);
      return exact ? { search, answer } : undefined;
    });
  }

  async answer(query: HoursQuery, nowMs: number): Promise<HoursAnswer> {
    return (await this.exact(query, nowMs)).answer;
  }

  /** The map's points of every place that matches `filters`. */
  async spots(filters: Filters, nowMs: number): Promise<Spot[]> {
    const { search, answer } = await this.exact({ filters, shown: 0 }, nowMs);
    return search.spotsOf(answer);
  }
}
