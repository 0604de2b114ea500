/**
 * What the finder derives from a feed before it can show results: services by id, the
 * categories and audiences in use, each service's facets (with "open now" and "open today"
 * for the current minute) and their integer coding for counting. At 10,000 services this is
 * ~150 ms of work (measured in `npm run bench`), so a big feed gets it in slices that give the
 * page a turn (`runSliced`); a small one (up to `SYNC_LIMIT` services, feed/slices.ts) at once, in the render
 * that shows it, so small pages and tests see results in the first render.
 */
import type { Service } from '../core/feed/schema.js';
import { runSteps } from '../core/feed/slices.js';
import { isOpenOnDate, serviceStatus, type Clock } from '../core/time/opening.js';
import { facetTableSteps, type FacetTable } from './filters.js';

export interface FinderModel {
  services: Service[];
  /** The minute "open now" was computed for. */
  minute: number;
  byId: Map<string, Service>;
  categories: Set<string>;
  audiences: Set<string>;
  facets: FacetTable;
}

export const minuteOf = (clock: Clock) => Math.floor(clock.nowMs / 60_000);

/**
 * One step per service. For the next minute of the same feed (`previous`) only the opening
 * facets are new; the lookups are kept.
 */
function* steps(services: Service[], clock: Clock, previous?: FinderModel): Generator<unknown, FinderModel> {
  const same = previous?.services === services ? previous : undefined;
  const byId = same?.byId ?? new Map<string, Service>();
  const categories = same?.categories ?? new Set<string>();
  const audiences = same?.audiences ?? new Set<string>();
  if (!same) {
    for (const service of services) {
      byId.set(service.id, service);
      for (const c of service.categories) categories.add(c);
      for (const a of service.audiences) audiences.add(a);
      yield;
    }
  }
  const facets = yield* facetTableSteps(services, (service) => ({
    status: serviceStatus(service.locations, clock),
    openToday: service.locations.some((l) => isOpenOnDate(l, clock.today, clock)),
  }));
  return { services, minute: minuteOf(clock), byId, categories, audiences, facets };
}

/** The model now (a small feed) or soon (a big one, built in slices). */
export function buildModel(services: Service[], clock: Clock, previous?: FinderModel): FinderModel | Promise<FinderModel> {
  return runSteps(steps(services, clock, previous), services.length);
}

function* plainTextSteps(services: Service[]): Generator<unknown, string[]> {
  const texts: string[] = [];
  for (const service of services) {
    texts.push(JSON.stringify([service.name, service.summary]).toLowerCase());
    yield;
  }
  return texts;
}

/**
 * Names and summaries in lower case, per service: the plain search while the index is built.
 * Made after the model (at 50,000 services it is a third of the model's time, and the first
 * results do not need it).
 */
export function plainTextOf(services: Service[]): string[] | Promise<string[]> {
  return runSteps(plainTextSteps(services), services.length);
}
