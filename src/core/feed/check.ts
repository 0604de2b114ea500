/**
 * Checks a feed item by item. Broken services, locations, slots and closures are skipped,
 * broken optional fields are dropped, and each problem is noted as a finding: its path, code
 * and values. The sentences a web editor can act on (messages.ts) are filled in afterwards
 * (`describeAll`), only for a feed that has findings: a feed without problems never loads them.
 * Only a feed that cannot be used at all is fatal. `parse.ts` is the same check with sentences.
 *
 * Two steps, one contract. Every value is first read by the fast check
 * (src/generated/feed-parsers.ts, written from the zod schemas in schema.ts), which gives zod's
 * result or says it cannot. Only then is zod asked (`Detail`, check-detail.ts): for the same
 * value in one piece, and piece by piece with its problems. The widgets load the detail only
 * for a feed that needs it (`checkFeedLoading`), so a valid feed is checked without zod.
 */
import * as fast from '../../generated/feed-parsers.js';
import { INVALID, type Invalid } from './fast-parse.js';
import type { Coordinates, Feed, Location, Region, Service, Slot, Closure, Text, VocabularyEntry } from './schema.js';
import { formatPath, shown, type Finding } from './problems.js';
import { distanceMeters } from '../geo.js';
import { runAll, runSliced } from './slices.js';
import { builtInEntries, type FeedEntry } from './vocabulary.js';

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
export const GERMANY: Coordinates = { lat: 51.16, lon: 10.45 };

export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

export type Path = (string | number)[];

export class Report {
  problems: Finding[] = [];
  add(severity: Finding['severity'], path: Path, code: string, value?: unknown, extra?: string, or?: Finding['or']) {
    // An object is shown as it is now: the check may change it later (a dropped field).
    this.problems.push({ path: formatPath(path), severity, code, value: shown(value), extra, or });
  }
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

/**
 * Merge feed entries over built-in ones by id (a feed may add entries or relabel). A feed's entry
 * replaces a built-in one with its id (its label in every language: no mix with the built-in
 * label; the built-in icon unless it names one); built-in entries keep no label of their own.
 */
function mergeVocabulary<T extends FeedEntry>(defaults: T[], own: VocabularyEntry[]): (T | VocabularyEntry)[] {
  const byId = new Map<string, T | VocabularyEntry>(defaults.map((entry) => [entry.id, entry]));
  for (const entry of own) {
    const before = byId.get(entry.id);
    byId.set(entry.id, { ...(before && ('builtIn' in before ? { icon: before.icon } : before)), ...entry });
  }
  return [...byId.values()];
}

/** The top level of a feed as read in one piece (before its lists are checked). */
export interface TopLevel {
  version: 1;
  publisher: Feed['publisher'];
  region: Region;
  updated: string;
  languages?: string[];
  categories: unknown[];
  audiences: unknown[];
  districts: unknown[];
  services: unknown[];
  quickCheck?: unknown;
}

/**
 * What zod does in the check (check-detail.ts): `whole` reads a value in one piece as the fast
 * check does (for the rare value the fast check leaves to zod); the others read a value piece
 * by piece, report its problems, drop what is broken and optional, and give what can be used
 * (undefined: the entry is skipped).
 */
export interface Detail {
  whole(kind: 'feed' | 'service', value: unknown): unknown;
  top(input: Record<string, unknown>, report: Report): { top?: TopLevel; fatal: boolean };
  vocabulary(items: unknown[], path: Path, report: Report): VocabularyEntry[];
  service(item: unknown, path: Path, report: Report): (Omit<Service, 'locations'> & { locations?: unknown[] }) | undefined;
  location(
    item: unknown,
    path: Path,
    report: Report,
  ): (Omit<Location, 'hours' | 'closures'> & { hours?: unknown[]; closures?: unknown[] }) | undefined;
  hours(items: unknown[], path: Path, report: Report): Slot[];
  closures(items: unknown[], path: Path, report: Report): Closure[];
}

/** Thrown by the fast check when a value needs zod's detail that was not given. */
const NEEDS_DETAIL = Symbol('needs detail');

/** A check that threw: undefined when it needs zod's detail, else the feed is unreadable. */
function failed(error: unknown, report: Report): Checked | undefined {
  if (error === NEEDS_DETAIL) return undefined;
  report.add('error', [], 'unreadable');
  return { findings: report.problems };
}

/**
 * Check a feed (already parsed from JSON) and return the usable part plus every problem.
 * Never throws, whatever the input (any depth, any size, getters that throw). Without `detail`
 * (zod), undefined when the feed has a value only zod can judge: check it again with the detail.
 */
export function checkFeed(input: unknown, detail: Detail): Checked;
export function checkFeed(input: unknown, detail?: Detail): Checked | undefined;
export function checkFeed(input: unknown, detail?: Detail): Checked | undefined {
  const report = new Report();
  try {
    return runAll(check(input, report, { detail }));
  } catch (error) {
    return failed(error, report);
  }
}

/**
 * The same check on the main thread in slices that give the page a turn every ~30 ms
 * (where no worker can run it). Never rejects.
 */
export async function checkFeedSliced(input: unknown, detail: Detail): Promise<Checked>;
export async function checkFeedSliced(input: unknown, detail?: Detail): Promise<Checked | undefined>;
export async function checkFeedSliced(input: unknown, detail?: Detail): Promise<Checked | undefined> {
  const report = new Report();
  try {
    return await runSliced(check(input, report, { detail }));
  } catch (error) {
    return failed(error, report);
  }
}

/**
 * The check as the widgets run it: without zod until a value needs it. At the first service the
 * fast check cannot read, zod's detail is loaded (check-detail.ts) and the check goes on from
 * that service; a broken top level or vocabulary starts it again with the detail. Rejects only
 * when the detail cannot be loaded (connection lost).
 */
export async function checkFeedLoading(input: unknown, sliced: boolean): Promise<Checked> {
  let unloadable = false;
  const load = () =>
    import('./check-detail.js').then(
      (module) => module.detail,
      (error) => {
        unloadable = true;
        throw error;
      },
    );
  const report = new Report();
  try {
    return await runSliced(check(input, report, { load }), sliced);
  } catch (error) {
    if (unloadable) throw error;
    const result = failed(error, report);
    if (result) return result;
  }
  const detail = await load();
  return sliced ? checkFeedSliced(input, detail) : checkFeed(input, detail);
}

/** zod's detail for the check, if given, or how to load it when a service needs it. */
interface CheckContext {
  detail?: Detail;
  load?: () => Promise<Detail>;
}

/** The check as steps: one step per service (see `runAll` and `runSliced`). */
function* check(input: unknown, report: Report, context: CheckContext): Generator<unknown, Checked> {
  if (!isRecord(input)) {
    report.add('error', [], 'notObject', Array.isArray(input) ? '[ … ]' : input);
    return { findings: report.problems };
  }
  const need = (): Detail => {
    if (!context.detail) throw NEEDS_DETAIL;
    return context.detail;
  };
  // The top level is checked in one piece (the fast check's reading, else zod's); only a
  // failing one piece by piece.
  let one = fast.feed(input) as TopLevel | Invalid;
  if (one === INVALID) one = need().whole('feed', input) as TopLevel | Invalid;
  const { top: raw, fatal } = one !== INVALID ? { top: one, fatal: false } : need().top(input, report);
  if (!raw) return { findings: report.problems };
  // Places far from the centre are flagged, unless the centre is only a guess for all of Germany.
  const farFrom = raw.region.center === GERMANY ? undefined : raw.region.center;
  const vocab = (key: 'categories' | 'audiences' | 'districts') => {
    flagHtml(raw[key], [key], report);
    const entries: VocabularyEntry[] = [];
    for (const item of raw[key]) {
      if (item === null) continue; // null = no entry
      const entry = fast.vocabularyEntry(item);
      if (entry === INVALID) return need().vocabulary(raw[key], [key], report);
      entries.push(entry as VocabularyEntry);
    }
    return entries;
  };
  const categories = mergeVocabulary(builtInEntries('categories'), vocab('categories'));
  const audiences = mergeVocabulary(builtInEntries('audiences'), vocab('audiences'));
  const districts = mergeVocabulary<VocabularyEntry>([], vocab('districts'));
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
    let document = fast.service(item) as Service | Invalid;
    if (document === INVALID && isRecord(item)) {
      const cleaned = withoutNulls(item);
      document = fast.service(cleaned) as Service | Invalid;
      if (document !== INVALID) item = cleaned;
    }
    if (document === INVALID) {
      // zod's word on the same value, as it came and then with null for absent.
      document = need().whole('service', item) as Service | Invalid;
      if (document === INVALID && isRecord(item)) {
        item = withoutNulls(item);
        document = need().whole('service', item) as Service | Invalid;
      }
    }
    const inOnePiece = document !== INVALID;
    const shape = document !== INVALID ? document : need().service(item, path, report);
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
      const location = inOnePiece ? (rawLocation as Location) : need().location(rawLocation, at, report);
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
        hours: inOnePiece ? ((location.hours ?? []) as Slot[]) : need().hours(location.hours ?? [], [...at, 'hours'], report),
        closures: inOnePiece
          ? ((location.closures ?? []) as Closure[])
          : need().closures(location.closures ?? [], [...at, 'closures'], report),
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
    try {
      checkService(raw.services[index], index);
    } catch (error) {
      // The first service only zod can judge (checkService asks before it notes anything).
      if (error !== NEEDS_DETAIL || !context.load) throw error;
      yield context.load().then((detail) => {
        context.detail = detail;
      });
      checkService(raw.services[index], index);
    }
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
