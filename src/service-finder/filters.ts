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

/**
 * The table, one step per service (the finder runs the steps in slices for a big feed). What a
 * service offers, per group, each option once: its categories; its languages and those of its
 * slots; audiences; the districts of its locations; free; walk-in (no appointment needed, or a
 * walk-in slot); open now / today (`timingOf`, not while temporarily closed); what it does not
 * ask for. Written straight into the table: at 50,000 services a Set per group and a key string
 * per option took most of the time.
 */
export function* facetTableSteps(services: Service[], timingOf: (service: Service) => Timing): Generator<unknown, FacetTable> {
  const rows = new Map<string, number>();
  const options: [GroupId, string][] = [];
  const codesOf = GROUPS.map(() => new Map<string, number>());
  const starts = new Int32Array(services.length * G + 1);
  let codes = new Int32Array(services.length * 12 + 16);
  let length = 0;
  let groupStart = 0;
  const begin = (row: number, g: number) => {
    groupStart = length;
    starts[row * G + g] = length;
  };
  const add = (g: number, option: string) => {
    const known = codesOf[g];
    let code = known.get(option);
    if (code === undefined) {
      code = options.push([GROUPS[g], option]) - 1;
      known.set(option, code);
    }
    for (let k = groupStart; k < length; k++) if (codes[k] === code) return;
    if (length === codes.length) {
      const grown = new Int32Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    codes[length++] = code;
  };
  let row = 0;
  for (const service of services) {
    rows.set(service.id, row);
    begin(row, 0);
    for (const category of service.categories) add(0, category);
    begin(row, 1);
    for (const language of service.languages) add(1, language);
    let walkInSlot = false;
    for (const location of service.locations)
      for (const slot of location.hours) {
        if (slot.languages) for (const language of slot.languages) add(1, language);
        if (slot.kind === 'walk-in') walkInSlot = true;
      }
    begin(row, 2);
    for (const audience of service.audiences) add(2, audience);
    begin(row, 3);
    for (const location of service.locations) if (location.district) add(3, location.district);
    begin(row, 4);
    if (service.free) add(4, 'yes');
    begin(row, 5);
    if (service.access !== 'appointment' || walkInSlot) add(5, 'yes');
    begin(row, 6);
    const timing = timingOf(service);
    if (service.status !== 'temporarily-closed') {
      if (timing.status.open) add(6, 'now');
      if (timing.openToday) add(6, 'today');
    }
    begin(row, 7);
    if (service.requirements.noInsuranceNeeded) add(7, 'no-insurance');
    if (service.requirements.noRegistrationNeeded) add(7, 'no-registration');
    if (service.requirements.anonymous) add(7, 'anonymous');
    row++;
    yield;
  }
  starts[services.length * G] = length;
  const codeOf = new Map(options.map(([group, option], code) => [`${group}\u0000${option}`, code]));
  return { rows, options, codeOf, codes: codes.slice(0, length), starts };
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
