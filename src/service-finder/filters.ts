/**
 * The finder's filters: groups of options, OR within a group and AND across groups, with
 * counts that say how many results each option would give (standard faceting: an option's
 * count ignores the other options of its own group).
 */
import type { Service } from '../core/feed/schema.js';
import type { ServiceStatus } from '../core/time/opening.js';
import { runAll } from '../core/feed/slices.js';

export type GroupId =
  | 'category' | 'language' | 'audience' | 'district' | 'free' | 'walkIn' | 'open' | 'needs';

/** The visitor's selection: for each group the chosen option ids. */
export type Selection = Partial<Record<GroupId, string[]>>;

export const GROUPS: GroupId[] = ['category', 'language', 'audience', 'district', 'free', 'walkIn', 'open', 'needs'];

/** What a service offers per group; computed once per feed (and per minute for `open`). */
export type Facets = Record<GroupId, Set<string>>;

export interface Timing {
  status: ServiceStatus;
  openToday: boolean;
}

export function facetsOf(service: Service, timing: Timing | undefined): Facets {
  const languages = new Set(service.languages);
  const districts = new Set<string>();
  let walkInSlot = false;
  for (const location of service.locations) {
    if (location.district) districts.add(location.district);
    for (const slot of location.hours) {
      slot.languages?.forEach((l) => languages.add(l));
      if (slot.kind === 'walk-in') walkInSlot = true;
    }
  }
  const needs = new Set<string>();
  if (service.requirements.noInsuranceNeeded) needs.add('no-insurance');
  if (service.requirements.noRegistrationNeeded) needs.add('no-registration');
  if (service.requirements.anonymous) needs.add('anonymous');
  const open = new Set<string>();
  if (service.status !== 'temporarily-closed' && timing) {
    if (timing.status.open) open.add('now');
    if (timing.openToday) open.add('today');
  }
  return {
    category: new Set(service.categories),
    language: languages,
    audience: new Set(service.audiences),
    district: districts,
    free: new Set(service.free ? ['yes'] : []),
    walkIn: new Set(service.access !== 'appointment' || walkInSlot ? ['yes'] : []),
    open,
    needs,
  };
}

/**
 * Groups where the selection means "all of these" rather than "any of these": a person who
 * needs both "no insurance" and "anonymous" needs a service that offers both.
 */
const ALL_OF: ReadonlySet<GroupId> = new Set(['needs']);

function passes(facets: Facets, group: GroupId, chosen: string[] | undefined): boolean {
  if (!chosen?.length) return true;
  return ALL_OF.has(group)
    ? chosen.every((option) => facets[group].has(option))
    : chosen.some((option) => facets[group].has(option));
}

export interface FilterResult {
  /** Ids that pass every filter, in the order given. */
  ids: string[];
  /** For each group and option: how many results choosing it would give. */
  counts: Record<GroupId, Map<string, number>>;
}

/**
 * Counting runs on every keystroke over up to all services, so each service's options are
 * coded once as small integers (per facet map) and counted in a typed array.
 */
interface Coded {
  options: [GroupId, string][];
  all: Map<string, Int32Array>;
  byGroup: Map<string, Record<GroupId, Int32Array>>;
}
const codedFacets = new WeakMap<Map<string, Facets>, Coded>();

/**
 * Code a facet map, one step per service (the finder runs the steps in slices for a big
 * feed, so coding 10,000 services is no long task); the result is kept for `applyFilters`.
 */
export function* codeFacets(facets: Map<string, Facets>): Generator<unknown, void> {
  if (codedFacets.has(facets)) return;
  const index = new Map<string, number>();
  const options: [GroupId, string][] = [];
  const code = (group: GroupId, option: string) => {
    const key = `${group}\u0000${option}`;
    let i = index.get(key);
    if (i === undefined) {
      i = options.push([group, option]) - 1;
      index.set(key, i);
    }
    return i;
  };
  const coded: Coded = { options, all: new Map(), byGroup: new Map() };
  for (const [id, f] of facets) {
    const byGroup = {} as Record<GroupId, Int32Array>;
    const all: number[] = [];
    for (const group of GROUPS) {
      const codes = [...f[group]].map((option) => code(group, option));
      byGroup[group] = Int32Array.from(codes);
      all.push(...codes);
    }
    coded.all.set(id, Int32Array.from(all));
    coded.byGroup.set(id, byGroup);
    yield;
  }
  codedFacets.set(facets, coded);
}

function encode(facets: Map<string, Facets>): Coded {
  if (!codedFacets.has(facets)) runAll(codeFacets(facets));
  return codedFacets.get(facets)!;
}

/** Apply the selection to `candidates` (ids in rank order) and count every option. */
export function applyFilters(candidates: string[], facets: Map<string, Facets>, selection: Selection): FilterResult {
  const coded = encode(facets);
  const tally = new Int32Array(coded.options.length);
  const active = GROUPS.filter((g) => selection[g]?.length);
  const ids: string[] = [];
  for (const id of candidates) {
    const f = facets.get(id);
    if (!f) continue;
    let failed: GroupId | undefined;
    let failures = 0;
    for (const group of active) {
      if (!passes(f, group, selection[group])) {
        failed = group;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      ids.push(id);
      // In an all-of group this counts the results of adding the option to what is chosen.
      for (const k of coded.all.get(id)!) tally[k]++;
    } else if (failures === 1 && !ALL_OF.has(failed!)) {
      for (const k of coded.byGroup.get(id)![failed!]) tally[k]++;
    }
  }
  const counts = Object.fromEntries(GROUPS.map((g) => [g, new Map<string, number>()])) as FilterResult['counts'];
  tally.forEach((n, k) => {
    if (n) counts[coded.options[k][0]].set(coded.options[k][1], n);
  });
  return { ids, counts };
}
