/**
 * The feed check's detail, with zod: what is wrong with a value the fast check (check.ts with
 * src/generated/feed-parsers.ts) cannot read, and what of it can still be used. Broken optional
 * fields are dropped (or fall back to their default) with a warning, a broken entry is skipped
 * with an error, and each problem is reported with its path and code. The widgets load this
 * chunk only for such a feed; the CLI, the editor page and the tests always pass it.
 */
import * as z from 'zod/mini';
import {
  Closure,
  Coordinates,
  DROPPABLE,
  FeedShape,
  LANGUAGE_TAG,
  LocationShape,
  PublisherShape,
  ServiceShape,
  Slot,
  TopShape,
  VocabularyEntry,
  type Location,
  type Region,
  type Service,
} from './schema.js';
import { ServiceDocument } from './document-schema.js';
import { issueMessage, valueAt } from './problems.js';
import { INVALID } from './fast-parse.js';
import { GERMANY, isRecord, withoutNulls, type Detail, type Path, type Report, type TopLevel } from './check.js';

function deleteAt(data: Record<string, unknown>, dotted: string) {
  const keys = dotted.split('.');
  const last = keys.pop()!;
  const parent = valueAt(data, keys);
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
}

/** Report one zod issue in editor words. */
function reportIssue(report: Report, severity: 'error' | 'warning', base: Path, item: unknown, issue: z.core.$ZodIssue) {
  // Whether the schema's message is a code with a sentence is known when the sentences are
  // there (describeAll): until then the finding keeps the code to use otherwise (`or`).
  const [code, value, extra] = issueMessage(issue, item, () => true);
  const [other, , otherExtra] = issueMessage(issue, item, () => false);
  report.add(severity, [...base, ...(issue.path as Path)], code, value, extra, other === code ? undefined : [other, otherExtra]);
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

/** One piece at a time, with zod: see `Detail` in check.ts. */
export const detail: Detail = {
  whole(kind, value) {
    const result = z.safeParse(kind === 'feed' ? FeedShape : ServiceDocument, value);
    return result.success ? result.data : INVALID;
  },
  top: checkTop,
  vocabulary: (items, path, report) => parseList(VocabularyEntry, items, path, DROPPABLE.vocabulary, report),
  service: (item, path, report) => parseItem(ServiceShape, item, path, DROPPABLE.service, report),
  location: (item, path, report) => parseItem(LocationShape, item, path, DROPPABLE.location, report),
  hours: (items, path, report) => parseList(Slot, items, path, DROPPABLE.slot, report),
  closures: (items, path, report) => parseList(Closure, items, path, DROPPABLE.closure, report),
};
