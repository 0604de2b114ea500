/**
 * What the editor page does with a dropped file: the same steps as `npx lotse validate` and
 * `npx lotse import` (cli/lotse.ts), with the same pure functions from cli/. Only the choice
 * of tool and the file reading are here; every check, import and message is the CLI's.
 *
 *   .json, a Lotse feed          → validateText / validateFeed          (lotse validate)
 *   .json, anything else         → importHsds, then validateFeed        (lotse import --from hsds)
 *   several files / a folder     → importHsdsPackage, then validateFeed (lotse import --from hsds ordner/)
 *   any other file               → importSpreadsheet, then validateFeed (lotse import)
 *
 * Nothing here touches the network: bytes come from `File` objects in memory.
 */
import { importSpreadsheet } from '../cli/import-csv.js';
import { importHsds, importHsdsPackage } from '../cli/import-hsds.js';
import type { ImportNote, ImportResult } from '../cli/import-common.js';
import { type Pair, REFUSALS } from '../cli/messages.js';
import { describeBytes } from '../cli/spreadsheet.js';
import { validateFeed, validateText, type ValidateResult } from '../cli/validate.js';

/** Files over this size are refused before they are read (the tab would freeze; a feed has a few MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ReadOptions {
  publisher?: string;
  state?: string;
  /** Language of HSDS texts (`--text-lang`). */
  textLanguage?: string;
  maxAgeDays?: number;
  /** Today as YYYY-MM-DD (tests). */
  today?: string;
}

/** What the page shows after reading. */
export interface Outcome {
  /** File name(s) as the editor sees them. */
  name: string;
  /** Which tool ran: a feed check, or an import and a check of its result. */
  tool: 'validate' | 'import';
  /** The file cannot be used at all: one sentence (in the CLI's words), nothing else. */
  refusal?: Pair;
  /** The import's summary line and notes (tool = import). */
  summary?: Pair;
  notes: ImportNote[];
  /** The check of the feed (the dropped feed, or the imported one). */
  check?: ValidateResult;
  /** The feed for the preview and the download: undefined when there is no service to show. */
  feed?: Record<string, unknown>;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Refuse a file that is too large, before reading it (the CLI's sentence, with the page's limit). */
export function tooLarge(file: { name: string; size: number }): Pair | undefined {
  if (file.size <= MAX_FILE_BYTES) return undefined;
  return REFUSALS.tooLarge(file.name, mb(file.size));
}

/**
 * A JSON file's text, or one sentence why not: not text at all (describeBytes), or not UTF-8.
 */
export function jsonText(name: string, bytes: Uint8Array): { text: string } | { refusal: Pair } {
  const kind = describeBytes(bytes);
  if (kind) return { refusal: kind };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { refusal: REFUSALS.notUtf8(name) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Is this JSON meant as a Lotse feed (then it is checked, as by `lotse validate`) rather than
 * HSDS data? A Lotse feed has `version` and its `publisher` / `region`; HSDS has neither.
 */
export function looksLikeFeed(raw: unknown): boolean {
  return isObject(raw) && ('version' in raw || 'publisher' in raw || 'region' in raw);
}

const serviceCount = (feed: Record<string, unknown> | undefined) => (Array.isArray(feed?.services) ? feed.services.length : 0);

/** The check of an imported feed, as `lotse import` runs it. */
function afterImport(name: string, imported: ImportResult, options: ReadOptions): Outcome {
  const base: Outcome = { name, tool: 'import', summary: imported.summary, notes: imported.notes };
  // Not a table or not service data at all (a photo, a PDF, old HSDS, a taxonomy …): the
  // importer's one sentence, and nothing else.
  const [only] = imported.notes;
  if (!imported.feed && imported.notes.length === 1 && only.severity === 'error' && !only.where) {
    return { name, tool: 'import', refusal: only.message, notes: [] };
  }
  if (!imported.feed || serviceCount(imported.feed) === 0) return base;
  const check = validateFeed(imported.feed, { maxAgeDays: options.maxAgeDays, today: options.today, sources: imported.sources });
  return { ...base, check, feed: imported.feed };
}

/** Read one file (bytes already in memory). */
export function readBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Outcome {
  const importOptions = { publisher: options.publisher || undefined, state: options.state || undefined, today: options.today };
  const checkOptions = { maxAgeDays: options.maxAgeDays, today: options.today };
  if (!/\.json$/i.test(name)) {
    return afterImport(name, importSpreadsheet(bytes, importOptions, name), options);
  }
  const read = jsonText(name, bytes);
  if ('refusal' in read) return { name, tool: 'validate', refusal: read.refusal, notes: [] };
  const syntax = validateText(read.text, checkOptions);
  const first = syntax.problems[0];
  if (first?.code === 'notJson' || first?.code === 'deepJson' || first?.code === 'tooDeep') {
    // Not JSON: what `lotse validate` and `lotse import --from hsds` both say, with line and column.
    return { name, tool: 'validate', refusal: [first.message, first.messageEn], notes: [] };
  }
  const raw: unknown = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  if (looksLikeFeed(raw)) {
    const feed = syntax.services ? (raw as Record<string, unknown>) : undefined;
    return { name, tool: 'validate', notes: [], check: syntax, feed };
  }
  return afterImport(name, importHsds(raw, { ...importOptions, textLanguage: options.textLanguage || undefined }), options);
}

/** Read a folder of HSDS CSV tables with datapackage.json (or those files picked together). */
export function readPackage(label: string, files: { name: string; bytes: Uint8Array }[], options: ReadOptions = {}): Outcome {
  const texts: Record<string, string> = {};
  for (const file of files) {
    if (!/\.(csv|json)$/i.test(file.name)) continue;
    const read = jsonText(file.name, file.bytes);
    if ('refusal' in read) return { name: label, tool: 'import', refusal: read.refusal, notes: [] };
    texts[file.name] = read.text;
  }
  const imported = importHsdsPackage(texts, {
    publisher: options.publisher || undefined,
    state: options.state || undefined,
    today: options.today,
    textLanguage: options.textLanguage || undefined,
  });
  return afterImport(label, imported, options);
}

/** Several files are an HSDS package when one of them is its datapackage.json (or all are CSV tables of a folder). */
export function isPackage(files: { name: string; path?: string }[]): boolean {
  return files.some((f) => /(^|\/)datapackage\.json$/i.test(f.path || f.name)) || files.some((f) => (f.path ?? '').includes('/'));
}
