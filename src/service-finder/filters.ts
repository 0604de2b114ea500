/**
 * The finder's filters: groups of options, OR within a group and AND across groups, with
 * counts that say how many results each option would give (standard faceting: an option's
 * count ignores the other options of its own group).
 */
import type { Service } from '../core/feed/schema.js';
import type { ServiceStatus } from '../core/time/opening.js';

export type GroupId = 'category' | 'language' | 'audience' | 'district' | 'free' | 'walkIn' | 'open' | 'needs';

/** The visitor's selection: for each group the chosen option ids. */
export type Selection = Partial<Record<GroupId, string[]>>;

export const GROUPS: GroupId[] = ['category', 'language', 'audience', 'district', 'free', 'walkIn', 'open', 'needs'];
const G = GROUPS.length;

export interface Timing {
  status: ServiceStatus;
  openToday: boolean;
}

/** What a service offers per group (each option once); `open` changes with the minute. */
export function offersOf(service: Service, timing: Timing | undefined): Record<GroupId, Iterable<string>> {
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
  const needs: string[] = [];
  if (service.requirements.noInsuranceNeeded) needs.push('no-insurance');
  if (service.requirements.noRegistrationNeeded) needs.push('no-registration');
  if (service.requirements.anonymous) needs.push('anonymous');
  const open: string[] = [];
  if (service.status !== 'temporarily-closed' && timing) {
    if (timing.status.open) open.push('now');
    if (timing.openToday) open.push('today');
  }
  return {
    category: new Set(service.categories),
    language: languages,
    audience: new Set(service.audiences),
    district: districts,
    free: service.free ? ['yes'] : [],
    walkIn: service.access !== 'appointment' || walkInSlot ? ['yes'] : [],
    open,
    needs,
  };
}

/**
 * Every service's options as small integers in one flat array: counting runs on every
 * keystroke over up to all services, and 50,000 services as Sets per group were 400,000
 * objects (the garbage collector's pauses were long tasks). Row `r` offers, in group `g`, the
 * codes `codes[starts[r * 8 + g]]` up to (not including) `codes[starts[r * 8 + g + 1]]`.
 */
export interface FacetTable {
  rows: Map<string, number>;
  /** The group and option of each code. */
  options: [GroupId, string][];
  /** The code of `group` + NUL + `option`. */
  codeOf: Map<string, number>;
  codes: Int32Array;
  starts: Int32Array;
}

/** The table, one step per service (the finder runs the steps in slices for a big feed). */
export function* facetTableSteps(services: Service[], timingOf: (service: Service) => Timing): Generator<unknown, FacetTable> {
  const rows = new Map<string, number>();
  const options: [GroupId, string][] = [];
  const codeOf = new Map<string, number>();
  const codes: number[] = [];
  const starts: number[] = [];
  for (const service of services) {
    rows.set(service.id, starts.length / G);
    const offers = offersOf(service, timingOf(service));
    for (const group of GROUPS) {
      starts.push(codes.length);
      for (const option of offers[group]) {
        const key = `${group}\u0000${option}`;
        let code = codeOf.get(key);
        if (code === undefined) {
          code = options.push([group, option]) - 1;
          codeOf.set(key, code);
        }
        codes.push(code);
      }
    }
    yield;
  }
  starts.push(codes.length);
  return { rows, options, codeOf, codes: Int32Array.from(codes), starts: Int32Array.from(starts) };
}

/**
 * Groups where the selection means "all of these" rather than "any of these": a person who
 * needs both "no insurance" and "anonymous" needs a service that offers both.
 */
const ALL_OF: ReadonlySet<GroupId> = new Set(['needs']);

export interface FilterResult {
  /** Ids that pass every filter, in the order given. */
  ids: string[];
  /** For each group and option: how many results choosing it would give. */
  counts: Record<GroupId, Map<string, number>>;
}

/** Apply the selection to `candidates` (ids in rank order) and count every option. */
export function applyFilters(candidates: string[], table: FacetTable, selection: Selection): FilterResult {
  const { rows, codes, starts, options } = table;
  // The chosen options as codes per group (-1: an option no service offers).
  const active = GROUPS.map((group, g) => ({ group, g, all: ALL_OF.has(group), chosen: selection[group] ?? [] }))
    .filter((a) => a.chosen.length)
    .map((a) => ({ ...a, codes: a.chosen.map((option) => table.codeOf.get(`${a.group}\u0000${option}`) ?? -1) }));
  const offers = (row: number, g: number, code: number) => {
    for (let k = starts[row * G + g]; k < starts[row * G + g + 1]; k++) if (codes[k] === code) return true;
    return false;
  };
  const tally = new Int32Array(options.length);
  const ids: string[] = [];
  for (const id of candidates) {
    const row = rows.get(id);
    if (row === undefined) continue;
    let failed = -1;
    let failures = 0;
    for (const a of active) {
      const pass = a.all ? a.codes.every((c) => offers(row, a.g, c)) : a.codes.some((c) => offers(row, a.g, c));
      if (!pass) {
        failed = a.all ? -2 : a.g;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      ids.push(id);
      // In an all-of group this counts the results of adding the option to what is chosen.
      for (let k = starts[row * G]; k < starts[row * G + G]; k++) tally[codes[k]]++;
    } else if (failures === 1 && failed >= 0) {
      for (let k = starts[row * G + failed]; k < starts[row * G + failed + 1]; k++) tally[codes[k]]++;
    }
  }
  const counts = Object.fromEntries(GROUPS.map((g) => [g, new Map<string, number>()])) as FilterResult['counts'];
  tally.forEach((n, k) => {
    if (n) counts[options[k][0]].set(options[k][1], n);
  });
  return { ids, counts };
}
