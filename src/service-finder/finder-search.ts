/**
 * The finder's answer to what a visitor asked (words, filters, "near me", a quick-check's
 * services, how many to show): the page of results, every option's count, and with no results
 * which filter to loosen. One implementation for both places it runs:
 * - in the render, for feeds up to `SYNC_LIMIT` services and inline feeds (`FinderSearch`);
 * - in the feed worker for a bigger feed from a URL (`HeldFinder`): the services stay there
 *   and the page receives only the answer (20 services and the counts, about 1 ms to read,
 *   where receiving 50,000 services took the page 0.6 s).
 */
import type { Feed, Service } from '../core/feed/schema.js';
import type { HeldServices } from '../core/feed/held-services.js';
import { PerDay } from '../core/feed/per-day.js';
import { distanceMeters } from '../core/geo.js';
import { createClock, type Clock } from '../core/time/opening.js';
import { applyFilters, GROUPS, type GroupId, type Selection } from './filters.js';
import { buildModel, minuteOf, plainTextOf, type FinderModel } from './finder-model.js';
import type { ServiceIndex } from './search-index.js';

export interface Point {
  lat: number;
  lon: number;
}

/** What the visitor asked. */
export interface FinderQuery {
  /** The search field as typed. */
  text: string;
  selection: Selection;
  /** Only these services (handed over by a quick-check). */
  fromCheck?: string[];
  /** Sort by distance to this place (when nothing is typed). */
  near?: Point;
  /** How many results to send (the shown pages). */
  shown: number;
  /** The service whose details are open. */
  detailId?: string;
}

export interface FinderAnswer {
  /** How many services match. */
  total: number;
  /** The first `shown` of them, in rank order. */
  page: Service[];
  /** For each group and option: how many results choosing it would give. */
  counts: Record<GroupId, Map<string, number>>;
  /** Categories and audiences some service has (a chip stays when another filter empties it). */
  categories: Set<string>;
  audiences: Set<string>;
  /** With no results: each chosen group whose removal gives results, with how many. */
  loosen: { group: GroupId; count: number }[];
  /** The service of `detailId`, if it is a current one. */
  detail?: Service;
  /** Found by a plain text match while the search index is built (a better answer follows). */
  partial: boolean;
}

/** Distance from `place` to the nearest location of a service that has a position. */
export function nearestMeters(service: Service, place: Point): number | undefined {
  let best: number | undefined;
  for (const location of service.locations) {
    if (!location.geo) continue;
    const d = distanceMeters(place, location.geo);
    if (best === undefined || d < best) best = d;
  }
  return best;
}

/** The centre of the known locations in a district or postcode ("near me" without GPS). */
export function centreOf(services: Service[], kind: 'district' | 'postcode', value: string): Point | undefined {
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (const service of services)
    for (const location of service.locations) {
      if (!location.geo || (kind === 'district' ? location.district !== value : location.address.postalCode !== value)) continue;
      lat += location.geo.lat;
      lon += location.geo.lon;
      n++;
    }
  return n ? { lat: lat / n, lon: lon / n } : undefined;
}

/**
 * Everything the finder derives from one list of services: the model (lookups, facets, "open
 * now" per minute), the plain texts and the search index. A big list gets them in slices;
 * until what a query needs is there, `answer` returns undefined and `changed` is called once
 * it is.
 */
export class FinderSearch {
  private model?: FinderModel;
  /** The minute whose model is being built (one build per minute). */
  private modelMinute?: number;
  /** The search index (the tests and the bench wait for it). */
  index?: ServiceIndex;
  private indexStarted = false;
  /** Names and summaries for a plain search while the index is built. */
  private plainTexts?: string[];
  private plainStarted = false;

  /**
   * `later`: what the search index waits for when nobody is typing yet (in the feed worker: the
   * other widgets' first answers, which the index's seconds at 50,000 services would hold up).
   */
  constructor(
    private readonly feed: Feed,
    readonly services: Service[],
    private readonly changed: () => void,
    private readonly later?: () => Promise<unknown>,
  ) {}

  /** The model built for `clock`'s minute, or the previous minute's while it is built. */
  modelAt(clock: Clock): FinderModel | undefined {
    const minute = minuteOf(clock);
    if (this.modelMinute !== minute) {
      this.modelMinute = minute;
      const built = buildModel(this.services, clock, this.model);
      if (built instanceof Promise)
        void built.then((model) => {
          if (this.modelMinute !== minute) return;
          this.model = model;
          this.changed();
        });
      else this.model = built;
    }
    return this.model;
  }

  /**
   * The first results need the model, not the index: a big list's index is built after the
   * model (both in slices; side by side each would take twice as long), or at once when the
   * visitor types. Until it is there a plain text match answers.
   */
  private prepareText(typing: boolean) {
    if (this.model && !this.plainStarted) {
      this.plainStarted = true;
      const texts = plainTextOf(this.services);
      if (texts instanceof Promise)
        void texts.then((made) => {
          this.plainTexts = made;
          if (!this.index) this.changed();
        });
      else this.plainTexts = texts;
    }
    if (this.indexStarted || !this.services.length || !(this.model || typing)) return;
    this.indexStarted = true;
    (typing || !this.later ? Promise.resolve() : this.later())
      .then(() => import('./search-index.js'))
      .then(({ buildIndex }) => buildIndex(this.feed, this.services))
      .then((index) => {
        this.index = index;
        this.changed();
      });
  }

  /** The answer, or undefined while what it needs is being built. */
  answer(query: FinderQuery, clock: Clock): FinderAnswer | undefined {
    const model = this.modelAt(clock);
    const words = query.text.trim();
    this.prepareText(words !== '');
    if (!model || (words && !this.index && !this.plainTexts)) return undefined;
    const { services, byId, facets } = model;
    let candidates = this.index?.search(query.text) ?? services.map((s) => s.id);
    if (!this.index && words) {
      // The index is still being built (a moment on a slow phone): plain substring search.
      const q = words.toLowerCase();
      const texts = this.plainTexts!;
      candidates = services.filter((_, i) => texts[i].includes(q)).map((s) => s.id);
    }
    if (query.fromCheck) {
      const wanted = new Set(query.fromCheck);
      candidates = candidates.filter((id) => wanted.has(id));
    }
    const { ids, counts } = applyFilters(candidates, facets, query.selection);
    let ranked = ids;
    const near = query.near;
    if (near && !words) {
      // Each distance once, not once per comparison (thousands of services).
      const distance = new Map(ids.map((id) => [id, nearestMeters(byId.get(id)!, near) ?? Infinity]));
      ranked = [...ids].sort((a, b) => distance.get(a)! - distance.get(b)!);
    }
    const loosen = ranked.length
      ? []
      : GROUPS.filter((group) => query.selection[group]?.length)
          .map((group) => ({ group, count: applyFilters(candidates, facets, { ...query.selection, [group]: [] }).ids.length }))
          .filter((option) => option.count > 0);
    return {
      total: ranked.length,
      page: ranked.slice(0, query.shown).map((id) => byId.get(id)!),
      counts,
      categories: model.categories,
      audiences: model.audiences,
      loosen,
      detail: query.detailId === undefined ? undefined : byId.get(query.detailId),
      partial: !this.index && words !== '',
    };
  }
}

/**
 * The feed worker's finder for a feed it keeps (feed-worker.ts): the services current on the
 * asked day, and answers once what they need is built.
 */
export class HeldFinder {
  private readonly searches: PerDay<FinderSearch>;

  constructor(
    private readonly feed: Feed,
    held: HeldServices,
    later?: () => Promise<unknown>,
  ) {
    this.searches = new PerDay(held, (services, changed) => new FinderSearch(feed, services, changed, later));
  }

  /** Start building what the first answer needs (the page's question is on its way). */
  prepare(nowMs: number) {
    const now = new Date(nowMs);
    this.searches.on(now).modelAt(createClock(now, this.feed.region));
  }

  /** `whole`: not before the search index is there (a `partial` answer was sent already). */
  async answer(query: FinderQuery, nowMs: number, whole = false): Promise<FinderAnswer> {
    const now = new Date(nowMs);
    const clock = createClock(now, this.feed.region);
    return this.searches.until(now, (search) => {
      // This minute's "open now": meanwhile the page shows its previous answer.
      const answer = search.modelAt(clock)?.minute === minuteOf(clock) ? search.answer(query, clock) : undefined;
      return answer && !(whole && answer.partial) ? answer : undefined;
    });
  }

  centre(kind: 'district' | 'postcode', value: string, nowMs: number): Point | undefined {
    return centreOf(this.searches.on(new Date(nowMs)).services, kind, value);
  }
}
