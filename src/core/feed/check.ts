/**
 * Checks a feed item by item. Broken services, locations, slots and closures are skipped,
 * broken optional fields are dropped, and each problem is noted as a finding: its path, code
 * and values. The sentences a web editor can act on (messages.ts) are filled in afterwards
 * (`describeAll`), only for a feed that has findings: a feed without problems never loads them.
 * Only a feed that cannot be used at all is fatal. `parse.ts` is the same check with sentences.
 */
import * as z from 'zod/mini';
import {
  Closure,
  DROPPABLE,
  FeedShape,
  LANGUAGE_TAG,
  LocationShape,
  PublisherShape,
  ServiceShape,
  Slot,
  TopShape,
  VocabularyEntry,
  Coordinates,
  type Feed,
  type Location,
  type Region,
  type Service,
  type Text,
} from './schema.js';
import { formatPath, issueMessage, shown, valueAt, type Finding } from './problems.js';
import { type LocationDocument, ServiceDocument } from './document-schema.js';
import { distanceMeters } from '../geo.js';
import { runAll, runSliced } from './slices.js';
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from './vocabulary.js';

export type { Finding } from './problems.js';

/** The check's result: the usable feed (undefined when it cannot be used) and what was found. */
export interface Checked {
  feed?: Feed;
  findings: Finding[];
}

const MAX_LENGTH = { name: 200, summary: 300, description: 5000 } as const;
const HTML_TAG = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
const FAR_KM = 100;
/** Deeper than this, a value is not walked (no real feed comes close: a slot note is 7 deep). */
export const MAX_DEPTH = 100;
/** The map centre when neither the feed nor any place gives one: the middle of Germany. */
const GERMANY: Coordinates = { lat: 51.16, lon: 10.45 };

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

type Path = (string | number)[];

class Report {
  problems: Finding[] = [];
  add(severity: Finding['severity'], path: Path, code: string, value?: unknown, extra?: string, or?: Finding['or']) {
    // An object is shown as it is now: the check may change it later (a dropped field).
    this.problems.push({ path: formatPath(path), severity, code, value: shown(value), extra, or });
  }
}

function deleteAt(data: Record<string, unknown>, dotted: string) {
  const keys = dotted.split('.');
  const last = keys.pop()!;
  const parent = valueAt(data, keys);
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
}

/** Report one zod issue in editor words. */
function reportIssue(report: Report, severity: Finding['severity'], base: Path, item: unknown, issue: z.core.$ZodIssue) {
  // Whether the schema's message is a code with a sentence is known when the sentences are
  // there (describeAll): until then the finding keeps the code to use otherwise (`or`).
  const [code, value, extra] = issueMessage(issue, item, () => true);
  const [other, , otherExtra] = issueMessage(issue, item, () => false);
  report.add(severity, [...base, ...(issue.path as Path)], code, value, extra, other === code ? undefined : [other, otherExtra]);
}

/**
 * A copy of an object without `null` members (null means absent, as in database exports).
 * Entries of lists of objects stay where they are (so paths keep matching the file; a null
 * entry is skipped by the caller); null values in lists of plain values are left out. Below
 * `MAX_DEPTH` nothing is copied (the original is shared), so no input can exhaust the stack.
 */
export function withoutNulls(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const plain = value.every((item) => item === null || typeof item !== 'object');
    return plain ? value.filter((item) => item !== null) : value.map((item) => withoutNulls(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== null) out[key] = withoutNulls(item, depth + 1);
  }
  return out;
}

/**
 * Parse one item. If only droppable optional fields are broken, drop them (warning) and
 * try again; otherwise report every issue and return undefined (`skip` adds "skipped").
 * `defaults`: dropped fields that fall back to a default say which.
 */
function parseItem<T>(
  schema: z.ZodMiniType<T>,
  item: unknown,
  path: Path,
  droppable: readonly string[],
  report: Report,
  skip = true,
  defaults: Record<string, unknown> = {},
): T | undefined {
  let result = z.safeParse(schema, item);
  if (result.success) return result.data;
  if (isRecord(item)) {
    // The copy also stands for null = absent; it is where broken fields are dropped.
    const copy = withoutNulls(item) as Record<string, unknown>;
    result = z.safeParse(schema, copy);
    if (result.success) return result.data;
    item = copy;
    const dropped = new Set<string>();
    const fatal = result.error.issues.filter((issue) => {
      const dotted = issue.path.map(String).join('.');
      // The most specific droppable field that contains the broken value.
      const field = [...droppable].filter((d) => dotted === d || dotted.startsWith(`${d}.`)).sort((a, b) => b.length - a.length)[0];
      if (!field) return true;
      if (!dropped.has(field)) {
        // One issue per field: the first says what is wrong, the next line what happens.
        reportIssue(report, 'warning', path, copy, issue);
        const at = [...path, ...field.split('.')];
        if (field in defaults) report.add('warning', at, 'defaulted', defaults[field]);
        else report.add('warning', at, 'dropped');
        dropped.add(field);
      }
      return false;
    });
    // Delete after reporting, so every issue is described with the value the city wrote.
    for (const field of dropped) deleteAt(copy, field);
    if (fatal.length === 0) {
      result = z.safeParse(schema, copy);
      if (result.success) return result.data;
    }
  }
  for (const issue of result.error.issues) reportIssue(report, 'error', path, item, issue);
  if (skip) report.add('error', path, 'skipped');
  return undefined;
}

function parseList<T>(schema: z.ZodMiniType<T>, items: unknown[], path: Path, droppable: readonly string[], report: Report): T[] {
  const out: T[] = [];
  items.forEach((item, index) => {
    if (item === null) return; // null = no entry
    const parsed = parseItem(schema, item, [...path, index], droppable, report);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

/**
 * Shorten over-long texts. (Runs on every text of every service: no copy and no path unless a
 * text is too long.)
 */
function checkText(text: Text | undefined, path: Path, max: number, report: Report): Text | undefined {
  if (text === undefined) return text;
  const shorten = (value: string, at: Path) => {
    report.add('warning', at, 'tooLong', value.length, String(max));
    return `${value.slice(0, max - 1)}…`;
  };
  if (typeof text === 'string') return text.length > max ? shorten(text, path) : text;
  let shortened: Record<string, string> | undefined;
  for (const lang of Object.keys(text)) {
    if (text[lang].length <= max) continue;
    shortened ??= { ...text };
    shortened[lang] = shorten(text[lang], [...path, lang]);
  }
  return shortened ?? text;
}

/**
 * Flag markup in every text of an entry (names, notes, labels …): it is shown as plain text
 * anyway, but the editor should know. Ids, codes and links cannot hold markup (the schema
 * rejects it), so walking every string is safe. The walk stops at `MAX_DEPTH`, reported at
 * the field of the entry that holds the deep value (`services[3].extra`). It visits every
 * value of every service, so it allocates nothing on the way: one `path` grows and shrinks,
 * and a text without "<" or "&" needs no regular expression.
 */
function flagHtml(value: unknown, path: Path, report: Report, depth = 0) {
  if (typeof value === 'string') {
    if ((value.includes('<') || value.includes('&')) && HTML_TAG.test(value)) report.add('warning', path, 'html');
    return;
  }
  if (!value || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) return report.add('warning', path.slice(0, 3), 'tooDeep', MAX_DEPTH);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      flagHtml(value[i], path, report, depth + 1);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    flagHtml((value as Record<string, unknown>)[key], path, report, depth + 1);
    path.pop();
  }
}

/** Merge feed entries over built-in ones by id (a feed may add entries or relabel). */
function mergeVocabulary(defaults: VocabularyEntry[], own: VocabularyEntry[]): VocabularyEntry[] {
  const byId = new Map(defaults.map((entry) => [entry.id, entry]));
  for (const entry of own) byId.set(entry.id, { ...byId.get(entry.id), ...entry });
  return [...byId.values()];
}

type TopLevel = z.infer<typeof FeedShape>;

/** Median of the places' coordinates (robust against a few swapped ones), if any has some. */
function middleOfPlaces(services: unknown[]): Coordinates | undefined {
  const geos = services
    .flatMap((s) => (s as Service | null)?.locations ?? [])
    .map((l) => (l as Location | null)?.geo)
    .filter((g): g is Coordinates => z.safeParse(Coordinates, g).success);
  const median = (key: 'lat' | 'lon') => geos.map((g) => g[key]).sort((a, b) => a - b)[geos.length >> 1];
  return geos.length ? { lat: median('lat'), lon: median('lon') } : undefined;
}

/** Top-level fields that are dropped (or fall back to their default) when broken. */
const TOP_DROPPABLE = [
  'region',
  'region.country',
  'region.state',
  'region.timezone',
  'region.center',
  'region.zoom',
  'updated',
  'languages',
  'categories',
  'audiences',
  'districts',
];

/**
 * The top level of a feed that fails the one-piece check, piece by piece (see the decision
 * table in docs-feed-contract.md). Broken optional values are dropped or fall back to their
 * default with a warning. `fatal`: the feed cannot be shown, but `top` is returned whenever
 * its services can still be checked, so every finding is reported.
 */
function checkTop(input: Record<string, unknown>, report: Report): { top?: TopLevel; fatal: boolean } {
  // null means absent, at the top level as everywhere (services are cleaned one by one).
  const source = withoutNulls({ ...input, services: 0 }) as Record<string, unknown>;
  source.services = input.services;
  if (source.version !== undefined && source.version !== 1) {
    report.add('error', ['version'], 'version', source.version);
    return { fatal: true };
  }
  if (source.version === undefined) report.add('warning', ['version'], 'noVersion');
  if (source.updated === undefined) report.add('warning', ['updated'], 'noUpdated');
  const publisher =
    source.publisher === undefined
      ? void report.add('error', ['publisher'], 'missing')
      : parseItem(PublisherShape, source.publisher, ['publisher'], ['url', 'email'], report, false);
  const top = parseItem(TopShape, source, [], TOP_DROPPABLE, report, false, {
    'region.country': 'DE',
    'region.state': 'NW',
    'region.timezone': 'Europe/Berlin',
  });
  if (!top) return { fatal: true };
  const region = top.region as Region;
  const languages = top.languages?.filter((code, i) => {
    if (typeof code === 'string' && LANGUAGE_TAG.test(code)) return true;
    report.add('warning', ['languages', i], 'language', code);
    report.add('warning', ['languages', i], 'dropped');
    return false;
  });
  if (!region.center) {
    const middle = middleOfPlaces(top.services);
    report.add('warning', ['region', 'center'], 'center', middle && `${middle.lat}, ${middle.lon}`);
    region.center = middle ?? GERMANY;
    if (!middle) region.zoom ??= 6;
  }
  return {
    fatal: !publisher,
    top: {
      ...top,
      version: 1,
      publisher: publisher!,
      region,
      updated: top.updated!,
      languages: languages?.length ? (languages as string[]) : undefined,
    },
  };
}

/**
 * Check a feed (already parsed from JSON) and return the usable part plus every problem.
 * Never throws, whatever the input (any depth, any size, getters that throw).
 */
export function checkFeed(input: unknown): Checked {
  const report = new Report();
  try {
    return runAll(check(input, report));
  } catch {
    report.add('error', [], 'unreadable');
    return { findings: report.problems };
  }
}

/**
 * The same check on the main thread in slices that give the page a turn every ~30 ms
 * (where no worker can run it). Never rejects.
 */
export async function checkFeedSliced(input: unknown): Promise<Checked> {
  const report = new Report();
  try {
    return await runSliced(check(input, report));
  } catch {
    report.add('error', [], 'unreadable');
    return { findings: report.problems };
  }
}

/** The check as steps: one step per service (see `runAll` and `runSliced`). */
function* check(input: unknown, report: Report): Generator<void, Checked> {
  if (!isRecord(input)) {
    report.add('error', [], 'notObject', Array.isArray(input) ? '[ … ]' : input);
    return { findings: report.problems };
  }
  // Fast path: the top level is checked in one piece; only a failing one piece by piece.
  const one = z.safeParse(FeedShape, input);
  const { top: raw, fatal } = one.success ? { top: one.data, fatal: false } : checkTop(input, report);
  if (!raw) return { findings: report.problems };
  // Places far from the centre are flagged, unless the centre is only a guess for all of Germany.
  const farFrom = raw.region.center === GERMANY ? undefined : raw.region.center;
  const vocab = (key: 'categories' | 'audiences' | 'districts') => {
    flagHtml(raw[key], [key], report);
    return parseList(VocabularyEntry, raw[key], [key], DROPPABLE.vocabulary, report);
  };
  const categories = mergeVocabulary(DEFAULT_CATEGORIES, vocab('categories'));
  const audiences = mergeVocabulary(DEFAULT_AUDIENCES, vocab('audiences'));
  const districts = mergeVocabulary([], vocab('districts'));
  const known = {
    categories: new Set(categories.map((c) => c.id)),
    audiences: new Set(audiences.map((a) => a.id)),
    districts: new Set(districts.map((d) => d.id)),
  };

  const services: Service[] = [];
  const serviceIds = new Set<string>();
  const textLanguages = new Set<string>();
  const noteLanguages = (text: Text | undefined) => {
    if (text && typeof text === 'object') for (const lang of Object.keys(text)) textLanguages.add(lang);
  };

  const checkService = (entry: unknown, index: number) => {
    if (entry === null) return; // null = no entry
    const path: Path = ['services', index];
    let item: unknown = entry;
    // Fast path: most services are valid, and one nested check is ~5× cheaper than checking
    // every location and slot on its own. Only a service that fails is checked piece by piece,
    // after taking null for absent (database exports write null for every empty field).
    let whole = z.safeParse(ServiceDocument, item);
    if (!whole.success && isRecord(item)) {
      item = withoutNulls(item);
      whole = z.safeParse(ServiceDocument, item);
    }
    const shape = whole.success ? whole.data : parseItem(ServiceShape, item, path, DROPPABLE.service, report);
    if (!shape) return;
    if (serviceIds.has(shape.id)) {
      report.add('error', [...path, 'id'], 'duplicate', shape.id);
      return;
    }
    const name = checkText(shape.name, [...path, 'name'], MAX_LENGTH.name, report)!;
    const summary = checkText(shape.summary, [...path, 'summary'], MAX_LENGTH.summary, report)!;
    const description = checkText(shape.description, [...path, 'description'], MAX_LENGTH.description, report)!;
    [name, summary, description].forEach(noteLanguages);

    const keepKnown = (ids: string[], set: Set<string>, key: string, code: string) =>
      ids.filter((id, i) => set.has(id) || void report.add('warning', [...path, key, i], code, id));
    const serviceCategories = keepKnown(shape.categories, known.categories, 'categories', 'unknownCategory');
    if (serviceCategories.length === 0) {
      report.add('error', [...path, 'categories'], 'noKnownCategory');
      return;
    }

    const locationIds = new Set<string>();
    const locations: Location[] = [];
    (shape.locations ?? []).forEach((rawLocation, li) => {
      if (rawLocation === null) return; // null = no entry
      const at: Path = [...path, 'locations', li];
      const location = whole.success
        ? (rawLocation as z.infer<typeof LocationDocument>)
        : parseItem(LocationShape, rawLocation, at, DROPPABLE.location, report);
      if (!location) return;
      if (locationIds.has(location.id)) return report.add('error', [...at, 'id'], 'duplicate', location.id);
      locationIds.add(location.id);
      if (location.district && !known.districts.has(location.district)) {
        report.add('warning', [...at, 'district'], 'unknownDistrict', location.district);
        delete location.district;
      }
      if (location.geo && farFrom && distanceMeters(location.geo, farFrom) > FAR_KM * 1000) {
        const km = Math.round(distanceMeters(location.geo, farFrom) / 1000);
        report.add('warning', [...at, 'geo'], 'far', `${location.geo.lat}, ${location.geo.lon}`, String(km));
      }
      locations.push({
        ...location,
        hours: whole.success
          ? ((location.hours ?? []) as Slot[])
          : parseList(Slot, location.hours ?? [], [...at, 'hours'], DROPPABLE.slot, report),
        closures: whole.success
          ? ((location.closures ?? []) as Closure[])
          : parseList(Closure, location.closures ?? [], [...at, 'closures'], DROPPABLE.closure, report),
      });
    });

    serviceIds.add(shape.id);
    services.push({
      ...shape,
      name,
      summary,
      description,
      categories: serviceCategories,
      audiences: keepKnown(shape.audiences, known.audiences, 'audiences', 'unknownAudience'),
      locations,
    });
    flagHtml(item, path, report);
  };
  for (let index = 0; index < raw.services.length; index++) {
    checkService(raw.services[index], index);
    yield;
  }

  if (services.length === 0) report.add('error', ['services'], 'noServices');
  if (services.length === 0 || fatal) return { findings: report.problems };
  return {
    feed: {
      version: 1,
      publisher: raw.publisher,
      region: raw.region,
      updated: raw.updated,
      languages: raw.languages ?? ['de', ...[...textLanguages].filter((l) => l !== 'de')],
      categories,
      audiences,
      districts,
      services,
      quickCheck: raw.quickCheck ?? undefined,
    },
    findings: report.problems,
  };
}
