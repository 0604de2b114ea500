/**
 * Checks a feed item by item. Broken services, locations, slots and closures are skipped,
 * broken optional fields are dropped, and each problem is reported with its path and a
 * sentence a web editor can act on. Only a feed that cannot be used at all is fatal.
 */
import * as z from 'zod/mini';
import {
  Closure, DROPPABLE, FeedShape, LocationShape, ServiceShape, Slot, VocabularyEntry,
  type Feed, type Location, type Service, type Text,
} from './schema.js';
import { describe, MESSAGES as KNOWN_KEYS } from './messages.js';
import { LocationDocument, ServiceDocument } from './document-schema.js';
import { distanceMeters } from '../geo.js';

export { describe };
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from './vocabulary.js';

export interface FeedProblem {
  /** Where, e.g. `services[12].locations[0].hours[1].closes`. */
  path: string;
  /** `error`: the item was skipped or the feed is unusable; `warning`: shown, with a fix. */
  severity: 'error' | 'warning';
  code: string;
  /** German sentence for web editors. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

export interface ParseResult {
  /** Undefined when the feed cannot be used at all (see `problems`). */
  feed?: Feed;
  problems: FeedProblem[];
}

const MAX_LENGTH = { name: 200, summary: 300, description: 5000 } as const;
const HTML_TAG = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
const FAR_KM = 100;

type Path = (string | number)[];

export const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );

class Report {
  problems: FeedProblem[] = [];
  add(severity: FeedProblem['severity'], path: Path, code: string, value?: unknown, extra?: string) {
    const [message, messageEn] = describe(code, value, extra);
    this.problems.push({ path: formatPath(path), severity, code, message, messageEn });
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function deleteAt(data: Record<string, unknown>, dotted: string) {
  const keys = dotted.split('.');
  const last = keys.pop()!;
  const parent = valueAt(data, keys);
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
}

/** Report one zod issue in editor words. */
function reportIssue(report: Report, severity: FeedProblem['severity'], base: Path, item: unknown, issue: z.core.$ZodIssue) {
  const value = valueAt(item, issue.path);
  const path = [...base, ...(issue.path as Path)];
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return report.add(severity, path, 'missing');
  if (issue.message in KNOWN_KEYS) return report.add(severity, path, issue.message, value);
  if (issue.code === 'invalid_type') return report.add(severity, path, 'type', value, issue.expected);
  if (issue.code === 'invalid_union') return report.add(severity, path, 'text', value);
  report.add(severity, path, 'type', value, 'string');
}

/**
 * Parse one item. If only droppable optional fields are broken, drop them (warning) and
 * try again; otherwise report every issue and skip the item (error).
 */
function parseItem<T>(
  schema: z.ZodMiniType<T>,
  item: unknown,
  path: Path,
  droppable: readonly string[],
  report: Report,
): T | undefined {
  let result = z.safeParse(schema, item);
  if (result.success) return result.data;
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const copy = structuredClone(item) as Record<string, unknown>;
    const dropped = new Set<string>();
    const fatal = result.error.issues.filter((issue) => {
      const dotted = issue.path.map(String).join('.');
      // The most specific droppable field that contains the broken value.
      const field = [...droppable]
        .filter((d) => dotted === d || dotted.startsWith(`${d}.`))
        .sort((a, b) => b.length - a.length)[0];
      if (!field) return true;
      if (!dropped.has(field)) {
        reportIssue(report, 'warning', path, item, issue);
        report.add('warning', [...path, ...field.split('.')], 'dropped');
        dropped.add(field);
        deleteAt(copy, field);
      }
      return false;
    });
    if (fatal.length === 0) {
      result = z.safeParse(schema, copy);
      if (result.success) return result.data;
    }
  }
  for (const issue of result.error.issues) reportIssue(report, 'error', path, item, issue);
  report.add('error', path, 'skipped');
  return undefined;
}

function parseList<T>(
  schema: z.ZodMiniType<T>,
  items: unknown[],
  path: Path,
  droppable: readonly string[],
  report: Report,
): T[] {
  const out: T[] = [];
  items.forEach((item, index) => {
    const parsed = parseItem(schema, item, [...path, index], droppable, report);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

/** Shorten over-long texts and flag markup (it is shown as text anyway). */
function checkText(text: Text | undefined, path: Path, max: number, report: Report): Text | undefined {
  if (text === undefined) return text;
  const check = (value: string, at: Path) => {
    if (value.length > max) {
      report.add('warning', at, 'tooLong', value.length, String(max));
      return `${value.slice(0, max - 1)}…`;
    }
    return value;
  };
  if (typeof text === 'string') return check(text, path);
  return Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, check(value, [...path, lang])]));
}

/**
 * Flag markup in every text of an entry (names, notes, labels …): it is shown as plain text
 * anyway, but the editor should know. Ids, codes and links cannot hold markup (the schema
 * rejects it), so walking every string is safe.
 */
function flagHtml(value: unknown, path: Path, report: Report) {
  if (typeof value === 'string') {
    if (HTML_TAG.test(value)) report.add('warning', path, 'html');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => flagHtml(item, [...path, i], report));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flagHtml(item, [...path, key], report);
  }
}

/** Merge feed entries over built-in ones by id (a feed may add entries or relabel). */
function mergeVocabulary(defaults: VocabularyEntry[], own: VocabularyEntry[]): VocabularyEntry[] {
  const byId = new Map(defaults.map((entry) => [entry.id, entry]));
  for (const entry of own) byId.set(entry.id, { ...byId.get(entry.id), ...entry });
  return [...byId.values()];
}


/** Check a feed (already parsed from JSON) and return the usable part plus every problem. */
export function parseFeed(input: unknown): ParseResult {
  const report = new Report();
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    report.add('error', [], 'notObject', Array.isArray(input) ? '[ … ]' : input);
    return { problems: report.problems };
  }
  const top = z.safeParse(FeedShape, input);
  if (!top.success) {
    for (const issue of top.error.issues) reportIssue(report, 'error', [], input, issue);
    return { problems: report.problems };
  }
  const raw = top.data;
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

  raw.services.forEach((item, index) => {
    const path: Path = ['services', index];
    // Fast path: most services are valid, and one nested check is ~5× cheaper than checking
    // every location and slot on its own. Only a service that fails is checked piece by piece.
    const whole = z.safeParse(ServiceDocument, item);
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
      if (location.geo && distanceMeters(location.geo, raw.region.center) > FAR_KM * 1000) {
        const km = Math.round(distanceMeters(location.geo, raw.region.center) / 1000);
        report.add('warning', [...at, 'geo'], 'far', `${location.geo.lat}, ${location.geo.lon}`, String(km));
      }
      locations.push({
        ...location,
        hours: whole.success ? ((location.hours ?? []) as Slot[]) : parseList(Slot, location.hours ?? [], [...at, 'hours'], DROPPABLE.slot, report),
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
  });

  if (services.length === 0) {
    report.add('error', ['services'], 'noServices');
    return { problems: report.problems };
  }
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
      quickCheck: raw.quickCheck,
    },
    problems: report.problems,
  };
}

export { isCurrent } from './current.js';
