/**
 * `lotse validate`: the feed checker of the widgets (`parseFeed`) plus warnings that only
 * matter to the people who maintain a feed: stale or expiring entries, unknown language
 * codes, missing translations, duplicate vocabulary ids and places without coordinates.
 *
 * Pure functions (text in, report out) so they are tested in the browser like the widgets.
 */
import { parseFeed, type FeedProblem } from '../src/core/feed/parse.js';
import { CHECKS, FIELD_HINTS, JSON_ERRORS, WORDS, jsonErrorLine, languageName, type Lang, type Pair } from './messages.js';

export interface Problem extends FeedProblem {
  /** Where an editor finds it: the service id, or the spreadsheet row it came from. */
  where?: Pair;
  /** How to fix it, when the message itself does not say. */
  hint?: Pair;
}

export interface ValidateOptions {
  /** Today as YYYY-MM-DD (default: the computer's date). */
  today?: string;
  /** `lastChecked` older than this many days is stale (default 365). */
  maxAgeDays?: number;
  /** `validUntil` closer than this many days is announced (default 30). */
  expiryDays?: number;
  /** Path prefix → where it came from (e.g. `services[2]` → `Zeile 4`), set by importers. */
  sources?: Record<string, Pair>;
}

export interface ValidateResult {
  problems: Problem[];
  errors: number;
  warnings: number;
  /** No errors: the feed can be published (warnings allowed). */
  ok: boolean;
  /** How many services the widgets will show; undefined when the feed is unusable. */
  services?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Is `code` a language a person could read? Known to the runtime's CLDR data, or Romani. */
export function isKnownLanguage(code: string): boolean {
  if (code === 'rom') return true;
  const base = code.split('-')[0];
  return languageName(base, 'en') !== undefined && languageName(base, 'en') !== base;
}

function problem(severity: Problem['severity'], path: string, code: string, [message, messageEn]: Pair): Problem {
  return { path, severity, code, message, messageEn };
}

/** The maintenance checks on the raw feed (paths match the file, not the cleaned feed). */
function maintenanceChecks(raw: Json, offered: string[], options: Required<Omit<ValidateOptions, 'sources'>>): Problem[] {
  const out: Problem[] = [];
  const today = dayNumber(options.today);
  const language = (code: unknown, path: string) => {
    if (typeof code === 'string' && !isKnownLanguage(code)) out.push(problem('warning', path, 'unknownLanguage', CHECKS.unknownLanguage(code)));
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
      const has = (lang: string) => (typeof text === 'string' ? lang === 'de' : isObject(text) && typeof text[lang] === 'string' && text[lang] !== '');
      const lacking = offered.filter((lang) => !has(lang));
      if (lacking.length) missing.push([field, lacking]);
    }
    if (missing.length) out.push(problem('warning', at, 'missingTexts', CHECKS.missingTexts(missing)));

    const locations = Array.isArray(service.locations) ? service.locations : [];
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

/** Which service (by id) or spreadsheet row a path belongs to. */
function locate(raw: unknown, path: string, sources: Record<string, Pair> | undefined): Pair | undefined {
  if (sources) {
    const prefix = Object.keys(sources)
      .filter((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) return sources[prefix];
  }
  const index = /^services\[(\d+)\]/.exec(path)?.[1];
  const service = index !== undefined && isObject(raw) && Array.isArray(raw.services) ? raw.services[+index] : undefined;
  if (isObject(service) && typeof service.id === 'string') {
    return [`${WORDS.service[0]} "${service.id}"`, `${WORDS.service[1]} "${service.id}"`];
  }
  return undefined;
}

const lastKey = (path: string) => /([A-Za-z]+)(\[\d+\])*$/.exec(path)?.[1] ?? '';

/** Check a feed that is already JSON. */
export function validateFeed(raw: unknown, options: ValidateOptions = {}): ValidateResult {
  const settings = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    maxAgeDays: options.maxAgeDays ?? 365,
    expiryDays: options.expiryDays ?? 30,
  };
  const result = parseFeed(raw);
  const problems: Problem[] = result.problems.map((p) => ({ ...p }));
  if (isObject(raw) && result.feed) problems.push(...maintenanceChecks(raw, result.feed.languages, settings));
  for (const p of problems) {
    const where = locate(raw, p.path, options.sources);
    if (where) p.where = where;
    if (p.code === 'missing' || p.code === 'type' || p.code === 'empty') p.hint = FIELD_HINTS[lastKey(p.path)];
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    problems,
    errors,
    warnings: problems.length - errors,
    ok: errors === 0,
    services: result.feed?.services.length,
  };
}

/** Check a feed file's text: JSON syntax first (with line and column), then the contract. */
export function validateText(text: string, options: ValidateOptions = {}): ValidateResult {
  const clean = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch {
    const { line, column, message } = locateJsonError(clean);
    const [de, en] = jsonErrorLine(line, column, message);
    return {
      problems: [{ path: '', severity: 'error', code: 'notJson', message: de, messageEn: en }],
      errors: 1,
      warnings: 0,
      ok: false,
    };
  }
  return validateFeed(raw, options);
}

/**
 * Find the first JSON syntax error and say what is wrong in editor words. Our own scanner,
 * because each JS engine words (and positions) `JSON.parse` errors differently.
 */
export function locateJsonError(text: string): { line: number; column: number; message: Pair } {
  let i = 0;
  const fail = (code: string, at = i): never => {
    const found = at >= text.length ? 'das Dateiende' : `„${text.slice(at, at + 20).split(/\r?\n/)[0].trim()}“`;
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
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      while (true) {
        space();
        if (text[i] === '}') fail('trailingComma');
        if (text[i] !== '"') fail(text[i] === "'" ? 'singleQuote' : 'key');
        string();
        space();
        if (text[i] !== ':') fail('colon');
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('comma');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      while (true) {
        space();
        if (text[i] === ']') fail('trailingComma');
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('comma');
      }
    }
    if (c === '"' || c === "'") return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!literal) fail('value');
    i += literal![0].length;
  };
  try {
    space();
    if (i >= text.length) fail('empty');
    value();
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

/** The report as lines of text, errors first, in German (default) or English. */
export function formatReport(result: ValidateResult, lang: Lang = 'de'): string[] {
  const l = lang === 'de' ? 0 : 1;
  const lines: string[] = [];
  const ordered = [...result.problems.filter((p) => p.severity === 'error'), ...result.problems.filter((p) => p.severity === 'warning')];
  for (const p of ordered) {
    const label = (p.severity === 'error' ? WORDS.error : WORDS.warning)[l];
    const where = p.where ? ` (${p.where[l]})` : '';
    const path = p.path ? `${p.path}${where}: ` : where ? `${where.trim()}: ` : '';
    lines.push(`${label} ${path}${l === 0 ? p.message : p.messageEn}`);
    if (p.hint) lines.push(`  ${WORDS.hint[l]}: ${p.hint[l]}`);
  }
  if (lines.length) lines.push('');
  lines.push(
    result.ok
      ? WORDS.summaryOk(result.services ?? 0, result.warnings)[l]
      : WORDS.summaryFail(result.errors, result.warnings, result.services)[l],
  );
  return lines;
}
