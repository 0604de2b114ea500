/**
 * `lotse validate`: the feed checker of the widgets (`parseFeed`) plus warnings that only
 * matter to the people who maintain a feed: stale or expiring entries, unknown language
 * codes, missing translations, duplicate vocabulary ids, places without coordinates,
 * services without a place, the feed's own quick-check, and what the widgets show today.
 *
 * Pure functions (text in, report out) so they are tested in the browser like the widgets.
 * Nothing here throws, whatever the input: every walk over the feed is iterative or stops at
 * `MAX_DEPTH`.
 */
import { MAX_DEPTH, parseFeed, withoutNulls, type FeedProblem } from '../src/core/feed/parse.js';
import { isCurrent } from '../src/core/feed/current.js';
import { describe } from '../src/core/feed/messages.js';
import { LANGUAGE_TAG, type Service } from '../src/core/feed/schema.js';
import { zonedParts } from '../src/core/time/zoned.js';
import { resolveFlow, reviewFindings } from '../src/quick-check/flow-schema.js';
import { DEFAULT_FLOW } from '../src/quick-check/default-flow.js';
import {
  CHECKS,
  DEEP_JSON,
  FIELD_HINTS,
  JSON_ERRORS,
  VISIBILITY,
  WORDS,
  jsonErrorLine,
  languageName,
  type Lang,
  type Pair,
} from './messages.js';

export interface Problem extends Omit<FeedProblem, 'severity'> {
  /** `error` and `warning` as in the widgets; `info`: worth knowing, nothing to fix (e.g. null values). */
  severity: FeedProblem['severity'] | 'info';
  /** The id of the service the path belongs to, if any. */
  service?: string;
  /** Where an editor finds it: the service id, or the spreadsheet row it came from. */
  where?: Pair;
  /** How to fix it, when the message itself does not say. */
  hint?: Pair;
  /** `missingTexts`: the languages without text (for grouping by language). */
  languages?: string[];
}

export interface ValidateOptions {
  /** Today as YYYY-MM-DD (default: the computer's clock, as a date in the region's time zone). */
  today?: string;
  /** `lastChecked` older than this many days is stale (default 365). */
  maxAgeDays?: number;
  /** `validUntil` closer than this many days is announced (default 30). */
  expiryDays?: number;
  /** Path prefix → where it came from (e.g. `services[2]` → `Zeile 4`), set by importers. */
  sources?: Record<string, Pair>;
}

/** Why a service of the file is not shown today. */
export type HiddenReason = 'ended' | 'notYet' | 'expired' | 'skipped';

/** What the widgets show today, by the widgets' own rule (`isCurrent`, region time zone). */
export interface Visibility {
  /** The day it holds for (YYYY-MM-DD). */
  today: string;
  /** Service entries in the file (null entries do not count). */
  total: number;
  /** Services the widgets show today (temporarily closed ones included). */
  visible: number;
  hidden: { path: string; id?: string; reason: HiddenReason; date?: string }[];
  /** Shown, but marked as temporarily closed. */
  temporarilyClosed: { path: string; id: string }[];
}

export interface ValidateResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** Problems of severity `info` (not counted as warnings). */
  notes: number;
  /** No errors: the feed can be published (warnings allowed). */
  ok: boolean;
  /** How many services the widgets can use (shown or hidden by date); undefined when the feed is unusable. */
  services?: number;
  /** What the widgets show today; undefined when the feed is unusable. */
  visibility?: Visibility;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
/** From this many findings of one kind on, the text report lists them in one line. */
const GROUP_MIN = 5;
/** At most this many ids or paths in one grouped line (the JSON output has all). */
const LIST_MAX = 10;

/** Is `code` a language a person could read? Known to the runtime's CLDR data, or Romani. */
export function isKnownLanguage(code: string): boolean {
  if (code === 'rom') return true;
  const base = code.split('-')[0];
  return languageName(base, 'en') !== undefined && languageName(base, 'en') !== base;
}

function problem(severity: Problem['severity'], path: string, code: string, [message, messageEn]: Pair): Problem {
  return { path, severity, code, message, messageEn };
}

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The maintenance checks on the feed as written, nulls taken as absent (paths match the file). */
function maintenanceChecks(
  raw: Json,
  offered: string[],
  options: Required<Omit<ValidateOptions, 'sources' | 'today'>> & { today: string },
): Problem[] {
  const out: Problem[] = [];
  const today = dayNumber(options.today);
  // Codes that are not language tags at all are reported by the checker itself.
  const language = (code: unknown, path: string) => {
    if (typeof code === 'string' && LANGUAGE_TAG.test(code) && !isKnownLanguage(code)) {
      out.push(problem('warning', path, 'unknownLanguage', CHECKS.unknownLanguage(code)));
    }
  };
  const textLanguages = (text: unknown, path: string) => {
    if (isObject(text)) for (const key of Object.keys(text)) language(key, `${path}.${key}`);
  };
  if (Array.isArray(raw.languages)) raw.languages.forEach((code, i) => language(code, `languages[${i}]`));

  for (const key of ['categories', 'audiences', 'districts'] as const) {
    const seen = new Set<string>();
    if (!Array.isArray(raw[key])) continue;
    (raw[key] as unknown[]).forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.id !== 'string') return;
      if (seen.has(entry.id)) out.push(problem('warning', `${key}[${i}].id`, 'duplicateEntry', CHECKS.duplicateEntry(entry.id)));
      seen.add(entry.id);
    });
  }

  const services = Array.isArray(raw.services) ? raw.services : [];
  services.forEach((service, i) => {
    if (!isObject(service)) return;
    const at = `services[${i}]`;
    const ended = service.status === 'ended';
    if (typeof service.lastChecked === 'string' && ISO_DATE.test(service.lastChecked)) {
      const age = Math.round(today - dayNumber(service.lastChecked));
      if (age > options.maxAgeDays) {
        out.push(problem('warning', `${at}.lastChecked`, 'stale', CHECKS.stale(service.lastChecked.slice(0, 10), age, options.maxAgeDays)));
      }
    } else if (service.lastChecked === undefined && !ended) {
      out.push(problem('warning', `${at}.lastChecked`, 'noLastChecked', CHECKS.noLastChecked()));
    }
    if (typeof service.validUntil === 'string' && ISO_DATE.test(service.validUntil) && !ended) {
      const left = Math.round(dayNumber(service.validUntil) - today);
      if (left < 0) out.push(problem('warning', `${at}.validUntil`, 'expired', CHECKS.expired(service.validUntil.slice(0, 10))));
      else if (left <= options.expiryDays) {
        out.push(problem('warning', `${at}.validUntil`, 'expiring', CHECKS.expiring(service.validUntil.slice(0, 10), left)));
      }
    }
    if (Array.isArray(service.languages)) service.languages.forEach((code, j) => language(code, `${at}.languages[${j}]`));

    // Missing translations: one warning per service, naming the fields and languages.
    const missing: [string, string[]][] = [];
    for (const field of ['name', 'summary', 'description'] as const) {
      const text = service[field];
      textLanguages(text, `${at}.${field}`);
      if (text === undefined || text === '') continue;
      const has = (lang: string) =>
        typeof text === 'string' ? lang === 'de' : isObject(text) && typeof text[lang] === 'string' && text[lang] !== '';
      const lacking = offered.filter((lang) => !has(lang));
      if (lacking.length) missing.push([field, lacking]);
    }
    if (missing.length) {
      const p = problem('warning', at, 'missingTexts', CHECKS.missingTexts(missing));
      p.languages = offered.filter((lang) => missing.some(([, langs]) => langs.includes(lang)));
      out.push(p);
    }

    // A service without a place has no address and no hours: only a phone or web contact reaches it.
    const locations = Array.isArray(service.locations) ? service.locations : [];
    if (!ended && !locations.some(isObject)) {
      const contact = isObject(service.contact) ? service.contact : {};
      const ways = (['phone', 'website', 'email', 'whatsapp'] as const).filter((way) => hasText(contact[way]));
      out.push(
        ways.length
          ? problem('info', `${at}.locations`, 'onlyRemote', CHECKS.onlyRemote(ways))
          : problem('warning', `${at}.locations`, 'noPlace', CHECKS.noPlace()),
      );
    }
    locations.forEach((location, k) => {
      if (!isObject(location)) return;
      const lat = `${at}.locations[${k}]`;
      if (location.geo === undefined) out.push(problem('warning', `${lat}.geo`, 'noGeo', CHECKS.noGeo()));
      const hours = Array.isArray(location.hours) ? location.hours : [];
      hours.forEach((slot, s) => {
        if (isObject(slot) && Array.isArray(slot.languages)) {
          slot.languages.forEach((code, j) => language(code, `${lat}.hours[${s}].languages[${j}]`));
        }
      });
    });
  });
  return out;
}

/**
 * Every `null` in the feed, as info: null counts as "not given" (database exports write it for
 * every empty field), so it is never an error by itself. Iterative; stops at `MAX_DEPTH`.
 */
function nullChecks(raw: unknown): Problem[] {
  const out: Problem[] = [];
  const [de, en] = CHECKS.isNull();
  const stack: [unknown, string, number][] = [[raw, '', 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (value === null) {
      out.push({ path, severity: 'info', code: 'null', message: de, messageEn: en });
      continue;
    }
    if (!value || typeof value !== 'object' || depth >= MAX_DEPTH) continue;
    const children: [unknown, string, number][] = Array.isArray(value)
      ? value.map((item, i) => [item, `${path}[${i}]`, depth + 1])
      : Object.keys(value).map((key) => [(value as Json)[key], path ? `${path}.${key}` : key, depth + 1]);
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return out;
}

/**
 * The quick-check residents will see (the default flow, changed by the feed's `quickCheck`):
 * the override checked as the widget checks it, then each step's review state — "noch nicht
 * fachlich geprüft", flagged for review, or reviewed more than 12 months ago.
 */
function quickCheckChecks(quickCheck: unknown, today: string): Problem[] {
  const { flow, problems } = quickCheck === undefined ? { flow: DEFAULT_FLOW, problems: [] } : resolveFlow(DEFAULT_FLOW, quickCheck);
  // The city can fix its own steps (warnings); Lotse's default steps are a note for whoever
  // embeds the quick-check, except a review older than 12 months, which is always a warning.
  const review = reviewFindings(flow, today).map(
    (p): Problem => (p.path.startsWith('defaultFlow.') && p.code !== 'reviewStale' ? { ...p, severity: 'info' } : { ...p }),
  );
  return [...problems.map((p) => ({ ...p })), ...review];
}

const serviceIndex = (path: string) => /^services\[(\d+)\]/.exec(path)?.[1];

/** Which service (by id) or spreadsheet row a path belongs to. */
function locate(raw: unknown, path: string, sources: Record<string, Pair> | undefined): { where?: Pair; service?: string } {
  const index = serviceIndex(path);
  const entry = index !== undefined && isObject(raw) && Array.isArray(raw.services) ? raw.services[+index] : undefined;
  const service = isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
  if (sources) {
    const prefix = Object.keys(sources)
      .filter((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) return { where: sources[prefix], service };
  }
  if (service !== undefined) return { where: [`${WORDS.service[0]} "${service}"`, `${WORDS.service[1]} "${service}"`], service };
  return {};
}

const lastKey = (path: string) => /([A-Za-z]+)(\[\d+\])*$/.exec(path)?.[1] ?? '';

/** Today in the region's time zone (the widgets' own "today"). */
function todayIn(timeZone: string): string {
  try {
    return zonedParts(new Date(), timeZone).date;
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** What the widgets show today, entry by entry of the file. */
function visibility(raw: Json, services: Service[], problems: FeedProblem[], today: string): Visibility {
  const skipped = new Set<string>();
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const index = serviceIndex(p.path);
    const rest = index === undefined ? '' : p.path.slice(`services[${index}]`.length);
    if (
      index !== undefined &&
      (rest === '' || (rest === '.id' && p.code === 'duplicate') || (rest === '.categories' && p.code === 'noKnownCategory'))
    ) {
      skipped.add(index);
    }
  }
  const byId = new Map(services.map((s) => [s.id, s]));
  const entries = Array.isArray(raw.services) ? raw.services : [];
  const out: Visibility = { today, total: 0, visible: 0, hidden: [], temporarilyClosed: [] };
  entries.forEach((entry, i) => {
    if (entry === null) return;
    out.total++;
    const path = `services[${i}]`;
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const service = id === undefined || skipped.has(String(i)) ? undefined : byId.get(id);
    if (!service) return out.hidden.push({ path, ...(id === undefined ? {} : { id }), reason: 'skipped' });
    if (!isCurrent(service, today)) {
      if (service.status === 'ended') return out.hidden.push({ path, id: service.id, reason: 'ended' });
      if (service.validFrom && service.validFrom.slice(0, 10) > today) {
        return out.hidden.push({ path, id: service.id, reason: 'notYet', date: service.validFrom.slice(0, 10) });
      }
      return out.hidden.push({ path, id: service.id, reason: 'expired', date: service.validUntil?.slice(0, 10) });
    }
    out.visible++;
    if (service.status === 'temporarily-closed') out.temporarilyClosed.push({ path, id: service.id });
  });
  return out;
}

/** Check a feed that is already JSON. Never throws. */
export function validateFeed(raw: unknown, options: ValidateOptions = {}): ValidateResult {
  const settings = {
    maxAgeDays: options.maxAgeDays ?? 365,
    expiryDays: options.expiryDays ?? 30,
  };
  const result = parseFeed(raw);
  const problems: Problem[] = result.problems.map((p) => ({ ...p }));
  const today = options.today ?? todayIn(result.feed?.region.timezone ?? 'Europe/Berlin');
  let seen: ValidateResult['visibility'];
  try {
    const unusable = result.problems.some((p) => p.code === 'version' || p.code === 'notObject' || p.code === 'unreadable');
    if (isObject(raw) && !unusable) {
      const clean = withoutNulls(raw) as Json;
      const offered = result.feed?.languages ?? ['de'];
      // Loops, not push(...list): a list of 100,000 findings would overflow the argument stack.
      for (const list of [
        maintenanceChecks(clean, offered, { ...settings, today }),
        quickCheckChecks(clean.quickCheck, today),
        nullChecks(raw),
      ]) {
        for (const p of list) problems.push(p);
      }
      if (result.feed) seen = visibility(raw, result.feed.services, result.problems, today);
    }
  } catch {
    // The checks above walk only bounded depths; this is the last net for inputs nobody foresaw.
    const [message, messageEn] = describe('unreadable');
    problems.push({ path: '', severity: 'error', code: 'unreadable', message, messageEn });
  }
  for (const p of problems) {
    const { where, service } = locate(raw, p.path, options.sources);
    if (service !== undefined) p.service = service;
    if (where) p.where = where;
    // A hint on what a field expects (not for list entries: `services[3]` is not the list itself).
    if ((p.code === 'missing' || p.code === 'type' || p.code === 'empty') && !p.path.endsWith(']')) {
      const hint = FIELD_HINTS[lastKey(p.path)];
      if (hint) p.hint = hint;
    }
  }
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  return {
    problems,
    errors,
    warnings: count('warning'),
    notes: count('info'),
    ok: errors === 0,
    services: result.feed?.services.length,
    ...(seen ? { visibility: seen } : {}),
  };
}

/** Check a feed file's text: JSON syntax first (with line and column), then the contract. Never throws. */
export function validateText(text: string, options: ValidateOptions = {}): ValidateResult {
  const clean = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch (error) {
    let de: string;
    let en: string;
    if (error instanceof SyntaxError) {
      const { line, column, message } = locateJsonError(clean);
      [de, en] = jsonErrorLine(line, column, message);
    } else {
      // Some engines give up on very deep (but valid) JSON with a RangeError.
      [de, en] = DEEP_JSON;
    }
    return {
      problems: [{ path: '', severity: 'error', code: error instanceof SyntaxError ? 'notJson' : 'deepJson', message: de, messageEn: en }],
      errors: 1,
      warnings: 0,
      notes: 0,
      ok: false,
    };
  }
  return validateFeed(raw, options);
}

/**
 * Find the first JSON syntax error and say what is wrong in editor words. Our own scanner,
 * because each JS engine words (and positions) `JSON.parse` errors differently. Iterative
 * (a stack of open brackets), so any depth of nesting is fine.
 */
export function locateJsonError(text: string): { line: number; column: number; message: Pair } {
  let i = 0;
  const fail = (code: string, at = i): never => {
    const found =
      at >= text.length
        ? 'das Dateiende'
        : `„${text
            .slice(at, at + 20)
            .split(/\r?\n/)[0]
            .trim()}“`;
    throw { at, message: JSON_ERRORS[at >= text.length && code !== 'extra' ? 'end' : code](found) };
  };
  const space = () => {
    while (i < text.length) {
      if (/\s/.test(text[i])) i++;
      else if (text.startsWith('//', i) || text.startsWith('/*', i)) fail('comment');
      else break;
    }
  };
  const string = () => {
    if (text[i] === "'") fail('singleQuote');
    i++; // opening quote
    while (true) {
      if (i >= text.length || text[i] === '\n') fail('string');
      const c = text[i];
      if (c === '"') return void i++;
      if (c === '\\') {
        if (!/["\\/bfnrtu]/.test(text[i + 1] ?? '')) fail('escape', i);
        if (text[i + 1] === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('escape', i);
        i += text[i + 1] === 'u' ? 6 : 2;
      } else i++;
    }
  };
  /** After `{` or `,` in an object: a key, a colon, then a value follows. */
  const key = () => {
    space();
    if (text[i] === '}') fail('trailingComma');
    if (text[i] !== '"') fail(text[i] === "'" ? 'singleQuote' : 'key');
    string();
    space();
    if (text[i] !== ':') fail('colon');
    i++;
  };
  const open: string[] = [];
  /** Scan one value; an opened list or object is pushed and scanned by the loop below. */
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      open.push('}');
      return key();
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      return void open.push(']');
    }
    if (c === '"' || c === "'") return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!literal) fail('value');
    i += literal![0].length;
  };
  try {
    space();
    if (i >= text.length) fail('empty');
    const depth = () => open.length;
    // Each round scans one value, then closes every list and object that ends after it.
    do {
      const before = depth();
      value();
      if (depth() > before) continue; // a list or object was opened: its first value is next
      while (depth()) {
        space();
        const close = open[open.length - 1];
        if (text[i] === ',') {
          i++;
          if (close === '}') key();
          else {
            space();
            if (text[i] === ']') fail('trailingComma');
          }
          break;
        }
        if (text[i] !== close) fail('comma');
        i++;
        open.pop();
      }
    } while (depth());
    space();
    if (i < text.length) fail('extra');
  } catch (error) {
    if (error && typeof error === 'object' && 'at' in error) {
      const { at, message } = error as { at: number; message: Pair };
      const before = text.slice(0, at).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1, message };
    }
    throw error;
  }
  // JSON.parse failed but the scanner found nothing (should not happen): point at the start.
  return { line: 1, column: 1, message: JSON_ERRORS.value(`„${text.slice(0, 12)}“`) };
}

/** A list of ids or paths for one line, shortened after `LIST_MAX` (the JSON output has all). */
/** Items by key, keys in first-seen order (Map.groupBy needs Node 21). */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function shortList(items: string[], l: 0 | 1): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, LIST_MAX).join(', ');
  return unique.length > LIST_MAX ? `${shown} ${WORDS.more(unique.length - LIST_MAX)[l]}` : shown;
}

/** How a problem is named in a grouped line: the service id, else the row, else the path. */
const label = (p: Problem, l: 0 | 1) => (p.service !== undefined ? `"${p.service}"` : p.where ? p.where[l] : p.path || '–');

const severityWord = (p: Problem) => (p.severity === 'error' ? WORDS.error : p.severity === 'warning' ? WORDS.warning : WORDS.note);

/**
 * The report as lines of text, errors first, then warnings and notes, in German (default) or
 * English. Findings of one kind that repeat (`GROUP_MIN` or more with the same sentence, or
 * missing translations of one language) are one line with the places listed; the JSON output
 * keeps every single one. The last lines say what the widgets show today.
 */
export function formatReport(result: ValidateResult, lang: Lang = 'de'): string[] {
  const l = lang === 'de' ? 0 : 1;
  const lines: string[] = [];
  const bySeverity = (severity: Problem['severity']) => result.problems.filter((p) => p.severity === severity);
  for (const severity of ['error', 'warning', 'info'] as const) {
    let list = bySeverity(severity);
    // Missing translations of many services: one line per language instead of one per service.
    const missing = list.filter((p) => p.code === 'missingTexts');
    if (missing.length >= GROUP_MIN) {
      list = list.filter((p) => p.code !== 'missingTexts');
      const total = result.visibility?.total ?? missing.length;
      const languages = [...new Set(missing.flatMap((p) => p.languages ?? []))];
      for (const code of languages) {
        const lacking = missing.filter((p) => p.languages?.includes(code));
        const name = languageName(code, lang) ?? code;
        lines.push(
          `${WORDS.warning[l]} ${
            CHECKS.missingLanguage(
              code,
              name,
              lacking.length,
              total,
              shortList(
                lacking.map((p) => label(p, l)),
                l,
              ),
            )[l]
          }`,
        );
      }
    }
    // Lotse's own unreviewed quick-check steps: one note for all (the JSON keeps each step).
    const unreviewed = list.filter((p) => p.path.startsWith('defaultFlow.') && (p.code === 'needsReview' || p.code === 'notReviewed'));
    if (unreviewed.length) {
      list = list.filter((p) => !unreviewed.includes(p));
      const flagged = unreviewed.filter((p) => p.code === 'needsReview').map((p) => /\[([^\]]+)\]/.exec(p.path)?.[1] ?? p.path);
      lines.push(`${severityWord(unreviewed[0])[l]} ${CHECKS.defaultFlowUnreviewed(unreviewed.length, shortList(flagged, l))[l]}`);
    }
    // The same sentence for the same field many times: one line, the places listed.
    const groups = groupBy(list, (p) => [p.code, p.message, p.hint?.[0] ?? ''].join('\u0000'));
    for (const group of groups.values()) {
      const [p] = group;
      const text = l === 0 ? p.message : p.messageEn;
      if (group.length >= GROUP_MIN) {
        lines.push(`${severityWord(p)[l]} ${WORDS.times(group.length)[l]}: ${text}`);
        lines.push(
          `  ${WORDS.at[l]}: ${shortList(
            group.map((g) => (g.where ? `${g.path} (${g.where[l]})` : g.path || '–')),
            l,
          )}`,
        );
        if (p.hint) lines.push(`  ${WORDS.hint[l]}: ${p.hint[l]}`);
        continue;
      }
      for (const one of group) {
        const where = one.where ? ` (${one.where[l]})` : '';
        const path = one.path ? `${one.path}${where}: ` : where ? `${where.trim()}: ` : '';
        lines.push(`${severityWord(one)[l]} ${path}${l === 0 ? one.message : one.messageEn}`);
        if (one.hint) lines.push(`  ${WORDS.hint[l]}: ${one.hint[l]}`);
      }
    }
  }
  if (lines.length) lines.push('');
  lines.push(result.ok ? WORDS.summaryOk(result.warnings)[l] : WORDS.summaryFail(result.errors, result.warnings, result.services)[l]);
  const seen = result.visibility;
  if (seen) {
    lines.push(VISIBILITY.shown(seen.today, seen.visible, seen.total)[l]);
    // One line per reason (and date), in the order of the file.
    const reasons = groupBy(seen.hidden, (h) => `${h.reason} ${h.date ?? ''}`);
    for (const hidden of reasons.values()) {
      const names = shortList(
        hidden.map((h) => (h.id !== undefined ? `"${h.id}"` : h.path)),
        l,
      );
      lines.push(`  ${VISIBILITY[hidden[0].reason](hidden[0].date ?? '')[l]}: ${names}`);
    }
    if (seen.temporarilyClosed.length) {
      lines.push(
        `  ${VISIBILITY.closed()[l]}: ${shortList(
          seen.temporarilyClosed.map((c) => `"${c.id}"`),
          l,
        )}`,
      );
    }
  }
  return lines;
}

/**
 * The result as JSON for build pipelines (`lotse validate --format json`), indented, without
 * a final newline. The shape is stable (documented in docs-feed-contract.md); every key is
 * always present, `null` when it does not apply:
 *
 *   { "format": "lotse-validate", "formatVersion": 1, "ok", "errors", "warnings", "notes",
 *     "services": null | { "today", "total", "usable", "visible",
 *                          "hidden": [{ "path", "id", "reason", "date" }],
 *                          "temporarilyClosed": [{ "path", "id" }] },
 *     "problems": [{ "path", "severity", "code", "message", "messageEn", "service",
 *                    "where": null | { "de", "en" }, "hint": null | { "de", "en" } }] }
 */
export function formatJson(result: ValidateResult): string {
  const pair = (p: Pair | undefined) => (p ? { de: p[0], en: p[1] } : null);
  const seen = result.visibility;
  return JSON.stringify(
    {
      format: 'lotse-validate',
      formatVersion: 1,
      ok: result.ok,
      errors: result.errors,
      warnings: result.warnings,
      notes: result.notes,
      services: seen
        ? {
            today: seen.today,
            total: seen.total,
            usable: result.services ?? 0,
            visible: seen.visible,
            hidden: seen.hidden.map((h) => ({ path: h.path, id: h.id ?? null, reason: h.reason, date: h.date ?? null })),
            temporarilyClosed: seen.temporarilyClosed.map((c) => ({ path: c.path, id: c.id })),
          }
        : null,
      problems: result.problems.map((p) => ({
        path: p.path,
        severity: p.severity,
        code: p.code,
        message: p.message,
        messageEn: p.messageEn,
        service: p.service ?? null,
        where: pair(p.where),
        hint: pair(p.hint),
      })),
    },
    null,
    2,
  );
}
