/**
 * `lotse import angebote.csv|.xlsx|.ods`: a spreadsheet → a Lotse feed.
 *
 * One row per place where a service is offered; rows with the same ID become one service
 * with several places. Column names are German (see `templates/angebote-vorlage.csv`);
 * columns like "Name (ro)" hold translations. Excel's quirks are handled: comma, semicolon
 * or tab, UTF-8 with or without BOM, Windows-1252, UTF-16, "sep=;" lines, dates as 31.12.2026,
 * decimal commas. `.xlsx` and `.ods` are read directly (`cli/spreadsheet.ts`).
 *
 * The rule: a value reaches the feed as the editor wrote it, or the editor is told, with row,
 * column, the text found and what was made of it. Nothing is silently guessed, dropped,
 * merged or invented. In detail:
 *
 * Structure (checked before any cell is read, as csvclean does):
 *   - The header row is the first of the first 30 rows in which at least three cells (or every
 *     filled cell, if it has only one or two) are known column names. Rows above it (a title
 *     such as "Angebote Stadt Musterstadt, Stand 11/2026", empty rows) are named in a note and
 *     not imported; a note says which row was taken as header when it is not row 1.
 *   - A broken row is skipped with an error naming it, never read with cells in the wrong
 *     columns: fewer cells than the header (up to its last named column), or filled cells
 *     beyond the header's last cell (an unquoted delimiter inside a cell, usually). Missing
 *     trailing delimiters are not guessed as empty cells.
 *   - An unclosed quote ("…) would swallow every row after it into one cell. A quoted cell that
 *     runs over line breaks and leaves its row with the wrong number of cells (or runs to the
 *     end of the file) is treated as a stray quote: its row is skipped with an error naming the
 *     row and column where the quote opened, and the lines after it are read as rows of their
 *     own. Line numbers in messages count rows as Excel shows them.
 *   - .xlsx/.ods cells sit in fixed columns, so only the CSV checks above differ by format.
 *
 * Columns: header names are compared after normalising case, umlauts (ä → ae, ß → ss), spaces
 * and punctuation, so "E-Mail-Adresse", "Träger / Anbieter" and "Öffnungszeiten" are found;
 * ALIASES lists the accepted wordings. A filled column that maps to no field is an error (its
 * data would be lost), naming the nearest known name by edit distance; an unknown empty column
 * is a warning. Columns whose name begins with "#" (or "intern") are the editor's own and are
 * left out on purpose, with a note. A column that appears twice keeps the first; a filled second
 * one is an error.
 *
 * Services: the service columns of further rows with the same ID must be empty or equal to the
 * first row (then the row is a further place). A reused ID with other content is an error that
 * names both rows, the columns and both values; that row is skipped, not merged.
 *
 * Coordinates: decimal degrees, point or comma. A pair that looks swapped (latitude 5–15,
 * longitude 47–55: a German place with the columns mixed up) is an error quoting both values
 * and the place gets no coordinates (never swapped silently); values outside ±90/±180 or not
 * numbers are errors naming the cell; a valid place outside Germany is a warning. The map
 * centre is the median of the plausible ones (`feedFrame`).
 *
 * Hours: `parseHours` (cli/hours.ts). "nach Vereinbarung" (`byAppointment`) gives the place no
 * slots and the service access "appointment" unless the Zugang column says otherwise.
 */
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary-labels.js';
import type { VocabularyEntry } from '../src/core/feed/schema.js';
import {
  feedFrame,
  languageCode,
  plausibleInGermany,
  slugify,
  splitList,
  uniqueId,
  type ImportNote,
  type ImportOptions,
  type ImportResult,
} from './import-common.js';
import type { Pair } from './messages.js';
import { editDistance } from './edit-distance.js';
import { parseHours, type HoursResult } from './hours.js';
import { columnLetter, detectFormat, quote, quotedList, readWorkbook, utf16WithoutBom, type Sheet, type SheetNote } from './spreadsheet.js';

export { parseHours } from './hours.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What was read: the format, and for CSV the encoding and delimiter, for a workbook the sheet. */
export interface SpreadsheetSource {
  format: 'csv' | 'xlsx' | 'ods';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

/** Bytes as Excel may have written them → text. Invalid UTF-8 means Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's TextDecoder decodes 'windows-1252' as Latin-1, leaving 0x80–0x9F (€ „ “ – …) as
    // control characters; browsers do it right. Map them ourselves so both agree.
    const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] || c);
    return { text, encoding: 'windows-1252' };
  }
}
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** "sep=;" line, else the candidate that occurs most often in one of the first lines (outside quotes). */
function prepareCsv(text: string): { body: string; delimiter: string } {
  let body = text.replace(/^\uFEFF/, '');
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) return { body: body.slice(sep[0].length), delimiter: sep[1] };
  // A title row above the header has few delimiters, so look at several lines, not only the first.
  const lines = body.split(/\r?\n/, 30).map((l) => l.replace(/"[^"]*"/g, ''));
  const best = [';', ',', '\t']
    .map((d) => [d, Math.max(0, ...lines.map((l) => l.split(d).length - 1))] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  body = body.replace(/^\uFEFF/, '');
  return { body, delimiter: best[1] > 0 ? best[0] : ',' };
}

/** One record of a CSV file, with what the structure check needs. */
export interface CsvRecord {
  cells: string[];
  /** Line of the file where the record starts (1-based). */
  line: number;
  /** A quote that opened in column `col` on line `line` and ran to line `until` (or the end: undefined). */
  strayQuote?: { col: number; until?: number };
}

/**
 * Split CSV text into records (RFC 4180 quotes). With `width` (the header's cell count) and
 * `headerIndex`, a quoted cell that runs over line breaks and breaks its record's width, or one
 * that never closes, is taken as a stray quote: the record is its first line alone, marked
 * `strayQuote`, and reading goes on with the next line.
 */
export function splitCsv(body: string, delimiter: string, width?: { header: number; named: number; headerIndex: number }): CsvRecord[] {
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  const n = body.length;
  while (pos < n) {
    const start = pos;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let quoteCol = -1;
    let multiLine: { col: number } | undefined;
    let ended = false;
    for (; pos < n; pos++) {
      const c = body[pos];
      if (quoted) {
        if (c === '"' && body[pos + 1] === '"') {
          cell += '"';
          pos++;
        } else if (c === '"') quoted = false;
        else {
          if (c === '\n') {
            line++;
            multiLine ??= { col: cells.length };
          }
          cell += c;
        }
      } else if (c === '"' && cell.trim() === '') {
        quoted = true;
        quoteCol = cells.length;
        cell = '';
      } else if (c === delimiter) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && body[pos + 1] === '\n') pos++;
        pos++;
        line++;
        ended = true;
        break;
      } else cell += c;
    }
    cells.push(cell);
    const unclosed = quoted;
    const index = records.length;
    const wrongWidth = (list: string[]) =>
      width !== undefined &&
      index > width.headerIndex &&
      (list.length < width.named || list.slice(width.header).some((x) => x.trim() !== ''));
    if (unclosed || (multiLine && wrongWidth(cells))) {
      // Read the record's first line on its own and go on after it.
      let end = body.indexOf('\n', start);
      if (end < 0) end = n;
      const first = body.slice(start, end).replace(/\r$/, '');
      records.push({
        cells: first.split(delimiter).map((x) => x.trim()),
        line: startLine,
        strayQuote: { col: unclosed ? quoteCol : multiLine!.col, until: unclosed ? undefined : line },
      });
      pos = end + 1;
      line = startLine + 1;
      continue;
    }
    if (ended || cells.length > 1 || cells[0] !== '') records.push({ cells: cells.map((x) => x.trim()), line: startLine });
  }
  return records;
}

/** Split CSV text into rows of cells (RFC 4180 quotes; the delimiter is detected). */
export function parseCsv(text: string): { rows: string[][]; delimiter: string } {
  const { body, delimiter } = prepareCsv(text);
  return { rows: splitCsv(body, delimiter).map((r) => r.cells), delimiter };
}

// ---------------------------------------------------------------------------------------------
// Columns

/** The name of each field in the template, for messages. */
const DISPLAY: Record<string, string> = {
  id: 'ID',
  name: 'Name',
  summary: 'Kurzbeschreibung',
  description: 'Beschreibung',
  categories: 'Kategorien',
  audiences: 'Zielgruppen',
  languages: 'Sprachen',
  free: 'Kostenlos',
  access: 'Zugang',
  noInsuranceNeeded: 'Ohne Krankenversicherung',
  noRegistrationNeeded: 'Ohne Anmeldung',
  anonymous: 'Anonym',
  phone: 'Telefon',
  email: 'E-Mail',
  website: 'Webseite',
  whatsapp: 'WhatsApp',
  provider: 'Träger',
  status: 'Status',
  statusNote: 'Statushinweis',
  locationId: 'Standort-ID',
  locationName: 'Standort',
  street: 'Straße',
  houseNumber: 'Hausnummer',
  postalCode: 'PLZ',
  city: 'Ort',
  district: 'Stadtteil',
  lat: 'Breitengrad',
  lon: 'Längengrad',
  wheelchair: 'Barrierefrei',
  hours: 'Sprechzeiten',
  lastChecked: 'Zuletzt geprüft',
  validFrom: 'Gültig ab',
  validUntil: 'Gültig bis',
};

/**
 * The columns Lotse reads: accepted header wordings, normalised (lower case, ä → ae, ß → ss,
 * no spaces or punctuation). The first one is the template's.
 */
export const ALIASES: Record<string, string[]> = {
  id: ['id', 'kennung', 'angebotsid', 'angebotskennung', 'dienstid'],
  name: [
    'name',
    'titel',
    'angebot',
    'angebotsname',
    'nameangebot',
    'namedesangebots',
    'bezeichnung',
    'angebotsbezeichnung',
    'titeldesangebots',
  ],
  summary: [
    'kurzbeschreibung',
    'kurztext',
    'kurzinfo',
    'kurzebeschreibung',
    'beschreibungkurz',
    'zusammenfassung',
    'teaser',
    'kurzfassung',
  ],
  description: [
    'beschreibung',
    'langbeschreibung',
    'ausfuehrlichebeschreibung',
    'langtext',
    'langebeschreibung',
    'beschreibunglang',
    'beschreibungausfuehrlich',
    'ausfuehrlich',
    'details',
    'infotext',
    'text',
  ],
  categories: [
    'kategorien',
    'kategorie',
    'themen',
    'thema',
    'themenbereich',
    'themenbereiche',
    'rubrik',
    'rubriken',
    'bereich',
    'bereiche',
  ],
  audiences: ['zielgruppen', 'zielgruppe', 'fuerwen'],
  languages: ['sprachen', 'sprache', 'beratungssprachen', 'beratungssprache', 'angebotenesprachen', 'sprachenderberatung'],
  free: ['kostenlos', 'kostenfrei', 'gratis', 'unentgeltlich', 'kostenlosjanein'],
  access: ['zugang', 'zugangsart', 'artdeszugangs'],
  noInsuranceNeeded: ['ohnekrankenversicherung', 'ohneversicherung', 'auchohnekrankenversicherung', 'ohnekv'],
  noRegistrationNeeded: ['ohneanmeldung', 'auchohneanmeldung', 'ohnemeldeadresse', 'ohnewohnsitzanmeldung'],
  anonymous: ['anonym', 'anonymmoeglich', 'anonymeberatung'],
  phone: ['telefon', 'tel', 'telefonnummer', 'telnr', 'telefonnr', 'rufnummer', 'fon', 'phone'],
  email: ['email', 'mail', 'emailadresse', 'mailadresse', 'epost'],
  website: ['webseite', 'website', 'internet', 'url', 'homepage', 'internetseite', 'internetadresse', 'web', 'webadresse', 'link', 'www'],
  whatsapp: ['whatsapp', 'whatsappnummer', 'whatsappnr'],
  provider: ['traeger', 'anbieter', 'traegeranbieter', 'anbietertraeger', 'traegerin', 'anbieterin', 'organisation', 'traegerorganisation'],
  status: ['status'],
  statusNote: ['statushinweis', 'hinweiszumstatus', 'statusbemerkung'],
  locationId: ['standortid', 'standortkennung'],
  locationName: ['standort', 'standortname', 'namedesstandorts'],
  street: ['strasse', 'strasseundhausnummer', 'strassehausnummer', 'strasseundnr', 'strassenr', 'str', 'adresse', 'anschrift'],
  houseNumber: ['hausnummer', 'hausnr', 'hnr'],
  postalCode: ['plz', 'postleitzahl'],
  city: ['ort', 'stadt', 'gemeinde', 'ortschaft'],
  district: ['stadtteil', 'quartier', 'bezirk', 'stadtbezirk', 'ortsteil', 'viertel', 'kiez'],
  lat: ['breitengrad', 'breite', 'lat', 'latitude', 'geobreite'],
  lon: ['laengengrad', 'laenge', 'lon', 'lng', 'longitude', 'geolaenge'],
  wheelchair: ['barrierefrei', 'rollstuhlgerecht', 'barrierefreiheit', 'rollstuhlzugang', 'rollstuhl'],
  hours: ['sprechzeiten', 'oeffnungszeiten', 'sprechstunden', 'sprechstunde', 'oeffnungszeit', 'beratungszeiten', 'zeiten', 'geoeffnet'],
  lastChecked: [
    'zuletztgeprueft',
    'geprueftam',
    'pruefdatum',
    'letztepruefung',
    'stand',
    'aktualisiert',
    'aktualisiertam',
    'zuletztaktualisiert',
  ],
  validFrom: ['gueltigab', 'gueltigvon', 'startdatum'],
  validUntil: ['gueltigbis', 'enddatum', 'befristetbis'],
};
/** Headers we know but cannot take as they are, with what to do instead. */
const UNSUPPORTED: Record<string, Pair> = {
  koordinaten: [
    'Bitte in zwei Spalten „Breitengrad“ und „Längengrad“ aufteilen.',
    'Please split it into two columns "Breitengrad" (latitude) and "Längengrad" (longitude).',
  ],
  geokoordinaten: [
    'Bitte in zwei Spalten „Breitengrad“ und „Längengrad“ aufteilen.',
    'Please split it into two columns "Breitengrad" (latitude) and "Längengrad" (longitude).',
  ],
  plzort: ['Bitte in zwei Spalten „PLZ“ und „Ort“ aufteilen.', 'Please split it into two columns "PLZ" (postcode) and "Ort" (city).'],
};
const FIELD_OF = new Map<string, string>(Object.entries(ALIASES).flatMap(([field, keys]) => keys.map((k) => [k, field] as const)));
const TRANSLATABLE = new Set(['name', 'summary', 'description', 'locationName', 'statusNote']);
const SERVICE_FIELDS = [
  'name',
  'summary',
  'description',
  'categories',
  'audiences',
  'languages',
  'free',
  'access',
  'noInsuranceNeeded',
  'noRegistrationNeeded',
  'anonymous',
  'phone',
  'email',
  'website',
  'whatsapp',
  'provider',
  'status',
  'statusNote',
  'lastChecked',
  'validFrom',
  'validUntil',
];
const PLACE_FIELDS = [
  'locationId',
  'locationName',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'district',
  'lat',
  'lon',
  'wheelchair',
  'hours',
];
/** Feed path below a service (or location) for each column, to point from problems back to cells. */
const FIELD_PATHS: Record<string, string> = {
  name: 'name',
  summary: 'summary',
  description: 'description',
  categories: 'categories',
  audiences: 'audiences',
  languages: 'languages',
  free: 'free',
  access: 'access',
  noInsuranceNeeded: 'requirements.noInsuranceNeeded',
  noRegistrationNeeded: 'requirements.noRegistrationNeeded',
  anonymous: 'requirements.anonymous',
  phone: 'contact.phone',
  email: 'contact.email',
  website: 'contact.website',
  whatsapp: 'contact.whatsapp',
  provider: 'provider',
  status: 'status',
  statusNote: 'statusNote',
  lastChecked: 'lastChecked',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
  id: 'id',
};
const LOCATION_PATHS: Record<string, string> = {
  locationName: 'name',
  street: 'address.street',
  postalCode: 'address.postalCode',
  city: 'address.city',
  district: 'district',
  lat: 'geo',
  lon: 'geo',
  wheelchair: 'accessibility',
  hours: 'hours',
  locationId: 'id',
};

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
/** "E-Mail-Adresse " → "emailadresse", "Träger / Anbieter" → "traegeranbieter". */
export const normaliseHeader = (header: string) =>
  header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');

/** The known column an unknown header most likely means, or undefined. */
export function nearestColumn(header: string): string | undefined {
  const key = normaliseHeader(header);
  if (!key) return undefined;
  let best: { field: string; d: number } | undefined;
  for (const [alias, field] of FIELD_OF) {
    const d = editDistance(key, alias);
    if (d <= Math.max(1, Math.floor(Math.max(key.length, alias.length) / 4)) && (!best || d < best.d)) best = { field, d };
  }
  if (best) return DISPLAY[best.field];
  // "Telefon Beratungsstelle", "Öffnungszeiten Sommer": a known name inside a longer one.
  const inside = [...FIELD_OF].filter(([alias]) => alias.length >= 5 && key.includes(alias)).sort((a, b) => b[0].length - a[0].length)[0];
  return inside ? DISPLAY[inside[1]] : undefined;
}

interface Column {
  index: number;
  header: string;
  field: string;
  lang?: string;
}

/** Which field a header names (and which language, for "Name (ro)" or "Name_ro"). */
function mapHeader(text: string): { field?: string; lang?: string; ignored?: boolean } {
  const trimmed = text.trim();
  if (trimmed.startsWith('#') || /^intern/.test(normaliseHeader(trimmed))) return { ignored: true };
  const whole = FIELD_OF.get(normaliseHeader(trimmed));
  if (whole) return { field: whole };
  const paren = /^(.*?)\s*[([]([^)\]]*)[)\]]\s*$/.exec(trimmed);
  if (paren) {
    const field = FIELD_OF.get(normaliseHeader(paren[1]));
    if (field) return { field, lang: languageCode(paren[2]) };
  }
  const suffix = /^(.*?)[\s_:–-]+([A-Za-z]{2,3})$/.exec(trimmed);
  if (suffix) {
    const field = FIELD_OF.get(normaliseHeader(suffix[1]));
    const lang = languageCode(suffix[2]);
    if (field && lang && TRANSLATABLE.has(field)) return { field, lang };
  }
  return {};
}

/** How many cells of a row are known column names. */
const knownCells = (cells: string[]) => cells.filter((c) => c && mapHeader(c).field).length;

/** The header row: the first of the first 30 rows that names enough known columns; -1 if none. */
export function findHeaderRow(rows: string[][]): number {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const filled = rows[r].filter((c) => c !== '').length;
    const known = knownCells(rows[r]);
    if (known >= 3 || (known > 0 && known === filled)) return r;
  }
  return -1;
}

/** Read the header row: which column is which field (and language, for "Name (ro)"). */
export function readHeader(header: string[], notes: ImportNote[], dataRows: string[][] = []): Column[] {
  const columns: Column[] = [];
  const ignored: string[] = [];
  const firstFilled = (index: number) => {
    for (const [i, cells] of dataRows.entries()) if (cells[index]) return { i, value: cells[index] };
    return undefined;
  };
  const example = (index: number): Pair | undefined => {
    const found = firstFilled(index);
    if (!found) return undefined;
    return [`z. B. „${quote(found.value)}“`, `e.g. "${quote(found.value)}"`];
  };
  const at = (index: number, text: string): Pair =>
    text
      ? [`Spalte „${quote(text)}“ (${columnLetter(index)})`, `column "${quote(text)}" (${columnLetter(index)})`]
      : [`Spalte ${columnLetter(index)} (ohne Überschrift)`, `column ${columnLetter(index)} (no heading)`];
  const keep: Pair = [
    'Bitte die Spalte umbenennen (die Namen stehen in templates/angebote-vorlage.csv) oder, wenn sie nur für Sie ist, ein # vor ihren Namen setzen.',
    'Please rename the column (the names are in templates/angebote-vorlage.csv) or, if it is only for you, put a # in front of its name.',
  ];
  header.forEach((text, index) => {
    const filled = example(index);
    if (!text) {
      if (filled) {
        notes.push({
          severity: 'error',
          where: at(index, ''),
          message: [
            `Die Spalte hat keine Überschrift, enthält aber Werte (${filled[0]}); sie werden nicht übernommen. ${keep[0]}`,
            `The column has no heading but holds values (${filled[1]}); they are not imported. ${keep[1]}`,
          ],
        });
      }
      return;
    }
    const { field, lang: rawLang, ignored: skip } = mapHeader(text);
    if (skip) {
      ignored.push(text);
      return;
    }
    if (!field) {
      const key = normaliseHeader(text);
      const hint = UNSUPPORTED[key];
      const near = nearestColumn(text);
      const advice: Pair =
        hint ?? (near ? [`Meinten Sie „${quote(near)}“? ${keep[0]}`, `Did you mean "${quote(near)}"? ${keep[1]}`] : keep);
      notes.push(
        filled
          ? {
              severity: 'error',
              where: at(index, text),
              message: [
                `Unbekannte Spalte mit Werten (${filled[0]}); sie werden nicht übernommen. ${advice[0]}`,
                `Unknown column with values (${filled[1]}); they are not imported. ${advice[1]}`,
              ],
            }
          : {
              severity: 'warning',
              where: at(index, text),
              message: [
                `Unbekannte Spalte, leer; sie wird nicht übernommen. ${advice[0]}`,
                `Unknown column, empty; it is not imported. ${advice[1]}`,
              ],
            },
      );
      return;
    }
    let lang = rawLang;
    if (lang && !TRANSLATABLE.has(field)) lang = undefined;
    if (lang === 'de') lang = undefined;
    const first = columns.find((c) => c.field === field && c.lang === lang);
    if (first) {
      notes.push({
        severity: filled ? 'error' : 'warning',
        where: at(index, text),
        message: filled
          ? [
              `Diese Spalte meint dasselbe wie „${quote(first.header)}“ (${columnLetter(first.index)}); übernommen wird nur die erste, die Werte dieser Spalte (${filled[0]}) nicht. Bitte die Werte in eine Spalte zusammenführen.`,
              `This column means the same as "${quote(first.header)}" (${columnLetter(first.index)}); only the first is imported, not the values of this one (${filled[1]}). Please merge the values into one column.`,
            ]
          : [
              `Diese Spalte meint dasselbe wie „${quote(first.header)}“ (${columnLetter(first.index)}) und ist leer; sie wird nicht übernommen.`,
              `This column means the same as "${quote(first.header)}" (${columnLetter(first.index)}) and is empty; it is not imported.`,
            ],
      });
      return;
    }
    columns.push({ index, header: text, field, lang });
  });
  if (ignored.length) {
    const [list, listEn] = quotedList(ignored);
    notes.push({
      severity: 'info',
      message: [
        `${ignored.length === 1 ? 'Die Spalte' : 'Die Spalten'} ${list} ${ignored.length === 1 ? 'ist' : 'sind'} mit # oder „intern“ als eigene Notiz markiert und ${ignored.length === 1 ? 'wird' : 'werden'} nicht übernommen.`,
        `The column${ignored.length === 1 ? '' : 's'} ${listEn} ${ignored.length === 1 ? 'is' : 'are'} marked with # or "intern" as your own notes and not imported.`,
      ],
    });
  }
  return columns;
}

const YES = /^(ja|j|yes|y|x|true|wahr|1|✓|✔)$/i;
const NO = /^(nein|n|no|false|falsch|0|-)$/i;

/** "31.12.2026", "31.12.26", "2026-12-31" or an Excel day number → "2026-12-31". */
export function isoDate(cell: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(cell);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}`;
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(cell);
  if (de) {
    const year = de[3].length === 2 ? `20${de[3]}` : de[3];
    return `${year}-${de[2].padStart(2, '0')}-${de[1].padStart(2, '0')}`;
  }
  if (/^\d{5}$/.test(cell)) {
    // Excel stores dates as days since 1899-12-30 when the cell is formatted as a number.
    return new Date(Date.UTC(1899, 11, 30) + Number(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** Match "Gesundheit", "health" or "Schule" to a built-in vocabulary id. */
export function vocabularyMatcher(entries: VocabularyEntry[], synonyms: Record<string, string>) {
  const map = new Map<string, string>(Object.entries(synonyms));
  for (const entry of entries) {
    map.set(entry.id, entry.id);
    const label = entry.label as Record<string, string>;
    for (const text of [label.de, label.en]) {
      if (!text) continue;
      map.set(text.toLowerCase(), entry.id);
      for (const part of text.toLowerCase().split(/\s*(?:&|,|\bund\b|\band\b)\s*/)) if (part) map.set(part, entry.id);
    }
  }
  return (text: string) => map.get(text.toLowerCase()) ?? map.get(slugify(text));
}
export const CATEGORY_SYNONYMS: Record<string, string> = {
  wohnung: 'housing',
  job: 'work',
  arbeitsmarkt: 'work',
  bildung: 'education',
  schule: 'education',
  familie: 'family',
  kinder: 'family',
  deutschkurs: 'german-courses',
  sprachkurs: 'german-courses',
  sprachkurse: 'german-courses',
  anmeldung: 'documents',
  papiere: 'documents',
  dokumente: 'documents',
  geld: 'money',
  leistungen: 'money',
  sozialleistungen: 'money',
  beratung: 'counselling',
  notfall: 'emergency',
  recht: 'rights',
  rechte: 'rights',
  schutz: 'rights',
  krankenversicherung: 'health',
};
export const AUDIENCE_SYNONYMS: Record<string, string> = {
  frau: 'women',
  mann: 'men',
  kind: 'children',
  jugend: 'youth',
  familie: 'families',
  senioren: 'seniors',
  'ohne krankenversicherung': 'uninsured',
  'nicht versicherte': 'uninsured',
  'eu-bürger': 'eu-citizens',
  'eu-buerger': 'eu-citizens',
  'eu-bürgerinnen': 'eu-citizens',
  'eu-zugewanderte': 'eu-citizens',
  geflüchtete: 'refugees',
};

/** Built-in categories and audiences by id, label or synonym; both importers use these. */
export interface BuiltInMatchers {
  matchCategory: (text: string) => string | undefined;
  matchAudience: (text: string) => string | undefined;
}
export const builtInMatchers = (): BuiltInMatchers => ({
  matchCategory: vocabularyMatcher(DEFAULT_CATEGORIES, CATEGORY_SYNONYMS),
  matchAudience: vocabularyMatcher(DEFAULT_AUDIENCES, AUDIENCE_SYNONYMS),
});

// ---------------------------------------------------------------------------------------------
// Import

/** A sheet to import: rows of cells as the editor sees them, plus what the reader noticed. */
interface Table {
  rows: string[][];
  /** CSV only: the records behind `rows`, for the structure check. */
  records?: CsvRecord[];
  numeric?: Set<string>;
  sheetNotes?: SheetNote[];
}

/** A service or place as it is built, field by field; validateFeed checks the result. */
// biome-ignore lint/suspicious/noExplicitAny: the shape is checked by the feed schema afterwards
type Draft = Record<string, any>;

const PLAUSIBLE = (lat: number, lon: number) => plausibleInGermany({ lat, lon });

/** Read a CSV export (bytes as saved by Excel or LibreOffice) into a Lotse feed. */
export function importCsv(
  input: Uint8Array | string,
  options: ImportOptions = {},
): ImportResult & { encoding: Encoding; delimiter: string } {
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' as Encoding } : decodeCsv(input);
  const { body, delimiter } = prepareCsv(text);
  const notes: ImportNote[] = [];
  if (encoding === 'windows-1252') {
    notes.push({
      severity: 'info',
      message: [
        'Die Datei ist nicht UTF-8, sondern Windows-1252 (so speichert Excel „CSV (Trennzeichen-getrennt)“). Umlaute wurden umgewandelt.',
        'The file is not UTF-8 but Windows-1252 (as Excel saves "CSV (comma delimited)"). Umlauts were converted.',
      ],
    });
  }
  // Twice: the first pass finds the header row, the second knows its width for the structure check.
  const first = splitCsv(body, delimiter);
  const headerIndex = findHeaderRow(first.map((r) => r.cells));
  let records = first;
  if (headerIndex >= 0) {
    const header = first[headerIndex].cells;
    let named = header.length;
    while (named > 0 && !header[named - 1]) named--;
    records = splitCsv(body, delimiter, { header: header.length, named, headerIndex });
  }
  const result = importTable({ rows: records.map((r) => r.cells), records }, options, notes);
  const sep = { ';': ['Semikolon', 'semicolon'], ',': ['Komma', 'comma'], '\t': ['Tabulator', 'tab'] }[delimiter] ?? [
    `„${quote(delimiter)}“`,
    `"${quote(delimiter)}"`,
  ];
  const summary: Pair | undefined = result.counts
    ? [
        `CSV (Zeichensatz ${encoding}, Trennzeichen ${sep[0]}), ${result.counts[0]}`,
        `CSV (encoding ${encoding}, delimiter ${sep[1]}), ${result.counts[1]}`,
      ]
    : [`CSV (Zeichensatz ${encoding}, Trennzeichen ${sep[0]})`, `CSV (encoding ${encoding}, delimiter ${sep[1]})`];
  return { feed: result.feed, summary, notes: result.notes, sources: result.sources, encoding, delimiter };
}

/**
 * The one entry point for the command and the editor page: CSV, .xlsx or .ods by content.
 * Anything else (images, PDF, old .xls, other zips, binary) is refused in one sentence that
 * says how to save the table; then `feed` is undefined, as when there is no header or no row.
 */
export function importSpreadsheet(
  bytes: Uint8Array,
  options: ImportOptions = {},
  fileName?: string,
): ImportResult & { source: SpreadsheetSource } {
  const detected = detectFormat(bytes, fileName);
  if (detected.refuse) {
    return { feed: undefined, notes: [{ severity: 'error', message: detected.refuse }], sources: {}, source: { format: detected.format } };
  }
  if (detected.format === 'csv') {
    const result = importCsv(bytes, options);
    return {
      feed: result.feed,
      summary: result.summary,
      notes: result.notes,
      sources: result.sources,
      source: { format: 'csv', encoding: result.encoding, delimiter: result.delimiter },
    };
  }
  const sheet = readWorkbook(detected) as Sheet;
  const result = importTable({ rows: sheet.rows, numeric: sheet.numeric, sheetNotes: sheet.notes }, options, []);
  const kind: Pair =
    detected.format === 'xlsx'
      ? ['Excel-Tabelle (.xlsx)', 'Excel workbook (.xlsx)']
      : ['LibreOffice-Tabelle (.ods)', 'LibreOffice spreadsheet (.ods)'];
  const blatt: Pair =
    sheet.sheets.length > 1
      ? [`Blatt „${quote(sheet.sheet)}“ (1 von ${sheet.sheets.length})`, `sheet "${quote(sheet.sheet)}" (1 of ${sheet.sheets.length})`]
      : [`Blatt „${quote(sheet.sheet)}“`, `sheet "${quote(sheet.sheet)}"`];
  const summary: Pair = [
    `${kind[0]}, ${blatt[0]}${result.counts ? `, ${result.counts[0]}` : ''}`,
    `${kind[1]}, ${blatt[1]}${result.counts ? `, ${result.counts[1]}` : ''}`,
  ];
  return {
    feed: result.feed,
    summary,
    notes: result.notes,
    sources: result.sources,
    source: { format: detected.format, sheet: sheet.sheet },
  };
}

const rowNumber = (index: number) => index + 1; // rows as Excel shows them

/** The header row is not the first: say which it is and what stands above it (a title, a date: not imported). */
function noteHeaderRow(rows: string[][], headerIndex: number, notes: ImportNote[]) {
  const header = rows[headerIndex];
  const above = rows
    .slice(0, headerIndex)
    .map((cells, i) => ({ i, text: cells.filter(Boolean) }))
    .filter((r) => r.text.length);
  notes.push({
    severity: 'info',
    message: [
      `Als Kopfzeile gilt Zeile ${rowNumber(headerIndex)} (${knownCells(header)} bekannte Spaltennamen).${above.length ? ` Darüber steht ${above.map((r) => `in Zeile ${rowNumber(r.i)} „${quote([...new Set(r.text)].join(' '))}“`).join(', ')}; das wird nicht übernommen.` : ''}`,
      `Row ${rowNumber(headerIndex)} is taken as the header row (${knownCells(header)} known column names).${above.length ? ` Above it: ${above.map((r) => `row ${rowNumber(r.i)} "${quote([...new Set(r.text)].join(' '))}"`).join(', ')}; that is not imported.` : ''}`,
    ],
  });
}

/** Rows that do not fit the header (a stray quote, too few or too many cells): skipped with an error each. */
function checkStructure(table: Table, headerIndex: number, notes: ImportNote[]): Set<number> {
  const { rows } = table;
  const header = rows[headerIndex];
  let named = header.length;
  while (named > 0 && !header[named - 1]) named--;
  const broken = new Set<number>();
  const headerCell = (col: number) => (header[col] ? `„${quote(header[col])}“` : columnLetter(col));
  const headerCellEn = (col: number) => (header[col] ? `"${quote(header[col])}"` : columnLetter(col));
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((c) => c === '')) continue;
    const record = table.records?.[r];
    const where: Pair = [`Zeile ${rowNumber(r)}`, `row ${rowNumber(r)}`];
    if (record?.strayQuote) {
      broken.add(r);
      const { col, until } = record.strayQuote;
      const runs: Pair =
        until === undefined
          ? ['und wird bis zum Ende der Datei nicht geschlossen', 'and is never closed up to the end of the file']
          : [
              `und reicht über ${until - record.line} Zeilenumbrüche bis Zeile ${until} der Datei, sodass die Zeile nicht mehr zur Kopfzeile passt`,
              `and runs over ${until - record.line} line breaks to line ${until} of the file, so the row no longer fits the header`,
            ];
      notes.push({
        severity: 'error',
        where: [`${where[0]}, Spalte ${headerCell(col)}`, `${where[1]}, column ${headerCellEn(col)}`],
        message: [
          `Hier öffnet ein Anführungszeichen (${headerCell(col)} beginnt mit „${quote(cells[col] ?? '')}“) ${runs[0]}. Damit die Zeilen danach nicht in dieser Zelle verschwinden, wird Zeile ${rowNumber(r)} übersprungen und jede folgende Zeile für sich gelesen. Bitte das Anführungszeichen schließen oder entfernen.`,
          `A quote opens here (${headerCellEn(col)} starts with "${quote(cells[col] ?? '')}") ${runs[1]}. So that the rows after it do not vanish into this cell, row ${rowNumber(r)} is skipped and every following row is read on its own. Please close or remove the quote.`,
        ],
      });
      continue;
    }
    if (!table.records) continue; // .xlsx/.ods cells sit in their columns
    if (cells.length < named) {
      broken.add(r);
      const last = cells.length - 1;
      notes.push({
        severity: 'error',
        where,
        message: [
          `Die Zeile hat nur ${cells.length} ${cells.length === 1 ? 'Zelle' : 'Zellen'}, die Kopfzeile (Zeile ${rowNumber(headerIndex)}) hat ${named}; die letzte gelesene Zelle ist ${headerCell(last)} mit „${quote(cells[last] ?? '')}“. Die Zeile wird übersprungen, damit kein Wert in die falsche Spalte gerät. Bitte prüfen, ob ein Trennzeichen fehlt oder ein Zeilenumbruch in einer Zelle ohne Anführungszeichen steht.`,
          `The row has only ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header row (row ${rowNumber(headerIndex)}) has ${named}; the last cell read is ${headerCellEn(last)} with "${quote(cells[last] ?? '')}". The row is skipped so that no value lands in the wrong column. Please check for a missing delimiter or a line break inside a cell without quotes.`,
        ],
      });
      continue;
    }
    const extra = cells.slice(header.length).filter((c) => c !== '');
    if (extra.length) {
      broken.add(r);
      notes.push({
        severity: 'error',
        where,
        message: [
          `Die Zeile hat ${cells.length} Zellen, die Kopfzeile (Zeile ${rowNumber(headerIndex)}) nur ${header.length}; hinter der letzten Spalte steht noch „${quote(extra[0])}“. Die Zeile wird übersprungen, damit kein Wert in die falsche Spalte gerät. Wahrscheinlich enthält eine Zelle das Trennzeichen ohne Anführungszeichen; bitte die Tabelle erneut aus Excel oder LibreOffice als CSV speichern.`,
          `The row has ${cells.length} cells, the header row (row ${rowNumber(headerIndex)}) only ${header.length}; after the last column there is still "${quote(extra[0])}". The row is skipped so that no value lands in the wrong column. Probably a cell holds the delimiter without quotes; please save the table as CSV again from Excel or LibreOffice.`,
        ],
      });
    }
  }
  return broken;
}

/** What the sheet reader noticed, placed by row and column. */
function placeSheetNotes(table: Table, headerIndex: number, columns: Column[], notes: ImportNote[]) {
  const header = table.rows[headerIndex];
  const columnAt = (col: number) => columns.find((c) => c.index === col);
  // Merged areas: one note for all of them (those in the title rows above the header are left out).
  const merged = (table.sheetNotes ?? []).filter((n) => n.merge && (n.row ?? 0) >= headerIndex).map((n) => n.merge!);
  if (merged.length) {
    const list = `${merged.slice(0, 12).join(', ')}${merged.length > 12 ? ` …` : ''}`;
    notes.push({
      severity: 'info',
      message: [
        `${merged.length === 1 ? 'Der Bereich' : `${merged.length} Bereiche`} mit verbundenen Zellen (${list}): der Wert steht in jeder Zelle des Bereichs, so wie er in der Tabelle zu sehen ist.`,
        `${merged.length === 1 ? 'One area' : `${merged.length} areas`} of merged cells (${list}): the value stands in every cell of the area, as it is seen in the sheet.`,
      ],
    });
  }
  for (const sheetNote of table.sheetNotes ?? []) {
    if (sheetNote.merge) continue;
    let where: Pair | undefined;
    if (sheetNote.row !== undefined) {
      const col = sheetNote.col;
      const name = col === undefined ? undefined : (columnAt(col)?.header ?? header[col]);
      where =
        col === undefined
          ? [`Zeile ${rowNumber(sheetNote.row)}`, `row ${rowNumber(sheetNote.row)}`]
          : name
            ? [`Zeile ${rowNumber(sheetNote.row)}, Spalte „${quote(name)}“`, `row ${rowNumber(sheetNote.row)}, column "${quote(name)}"`]
            : [
                `Zeile ${rowNumber(sheetNote.row)}, Spalte ${columnLetter(col)}`,
                `row ${rowNumber(sheetNote.row)}, column ${columnLetter(col)}`,
              ];
    }
    notes.push({ severity: sheetNote.severity, ...(where ? { where } : {}), message: sheetNote.message });
  }
}

/** Required columns that are missing; street and house number joined. */
function checkColumns(columns: Column[], notes: ImportNote[]) {
  const has = (field: string) => columns.some((c) => c.field === field);
  for (const required of ['name', 'summary', 'categories', 'languages', 'free'] as const) {
    if (!has(required)) {
      notes.push({
        severity: 'error',
        message: [
          `Die Spalte „${quote(DISPLAY[required])}“ fehlt. Bitte die Kopfzeile aus templates/angebote-vorlage.csv übernehmen.`,
          `The column "${quote(DISPLAY[required])}" is missing. Please use the header row of templates/angebote-vorlage.csv.`,
        ],
      });
    }
  }
  if (has('houseNumber') && has('street')) {
    notes.push({
      severity: 'info',
      message: [
        `Die Spalten „${quote(columns.find((c) => c.field === 'street')!.header)}“ und „${quote(columns.find((c) => c.field === 'houseNumber')!.header)}“ werden zu einer Adresse zusammengefügt (Straße, Leerzeichen, Hausnummer).`,
        `The columns "${quote(columns.find((c) => c.field === 'street')!.header)}" and "${quote(columns.find((c) => c.field === 'houseNumber')!.header)}" are joined into one address (street, space, number).`,
      ],
    });
  }
}

/** A service without an access column: walk-in or appointment from its hours. */
function settleAccess(services: Draft[], byAppointment: Set<number>) {
  services.forEach((service, index) => {
    if (service.locations.length === 0) delete service.locations;
    if (!service.access) {
      // From the hours: walk-in or appointment slots, and places "nach Vereinbarung".
      const kinds = new Set<string>(service.locations?.flatMap((l: Draft) => l.hours.map((s: Draft) => s.kind)) ?? []);
      if (byAppointment.has(index)) kinds.add('appointment');
      if (kinds.size) service.access = kinds.size === 2 ? 'both' : [...kinds][0];
    }
  });
}

/** The first row of a service and what later rows of the same service are checked against. */
interface ServiceEntry {
  index: number;
  /** Row number (as Excel shows it) of the service's first row. */
  first: number;
  /** The first row's service cells, by column index. */
  cells: Map<number, string>;
  locationIds: Set<string>;
}

/** What the row steps of importTable share: the columns, the report so far and what earlier rows made. */
interface TableImport extends BuiltInMatchers {
  table: Table;
  columns: Column[];
  serviceColumns: Column[];
  has: (field: string) => boolean;
  notes: ImportNote[];
  /** Feed path → the row and cell it came from. */
  sources: Record<string, Pair>;
  newCategories: Map<string, VocabularyEntry>;
  newAudiences: Map<string, VocabularyEntry>;
  districts: Map<string, VocabularyEntry>;
  /** Languages of the translation columns in use. */
  translations: Set<string>;
  services: Draft[];
  serviceRows: Map<string, ServiceEntry>;
  /** Services with a place "nach Vereinbarung" (by appointment), by index. */
  byAppointment: Set<number>;
  coordinates: { lat: number; lon: number }[];
  /** Rows taken into the feed. */
  imported: number;
}

/** One data row: its cells by field, and notes placed at its cells. */
interface RowReader {
  r: number;
  /** The row number as Excel shows it. */
  row: number;
  cells: string[];
  cell: (field: string, lang?: string) => number | undefined;
  get: (field: string, lang?: string) => string;
  header: (field: string) => string;
  at: (field: string) => Pair;
  note: (severity: ImportNote['severity'], field: string, message: Pair) => void;
  /** A translatable text: German alone, or German with the row's translations. */
  text: (field: string) => string | Record<string, string> | undefined;
  bool: (field: string) => boolean | undefined;
  date: (field: string) => string | undefined;
}

function importTable(table: Table, options: ImportOptions, notes: ImportNote[]): ImportResult & { counts?: Pair } {
  const sources: Record<string, Pair> = {};
  const { rows } = table;
  const headerIndex = findHeaderRow(rows);
  const fail = (message: Pair): ImportResult => ({ feed: undefined, notes: [...notes, { severity: 'error', message }], sources });
  if (!rows.some((r) => r.some((c) => c !== ''))) {
    return fail(['Die Tabelle ist leer.', 'The table is empty.']);
  }
  if (headerIndex < 0) {
    const firstRow = rows.findIndex((r) => r.some((c) => c !== ''));
    const shown = quote(rows[firstRow].filter(Boolean).join(' | '));
    return fail([
      `Keine Kopfzeile gefunden: keine der ersten 30 Zeilen enthält bekannte Spaltennamen wie „Name“, „Kurzbeschreibung“, „Kategorien“. Zeile ${rowNumber(firstRow)} lautet „${quote(shown)}“. Bitte die Kopfzeile aus templates/angebote-vorlage.csv über die Angebote setzen.`,
      `No header row found: none of the first 30 rows holds known column names such as "Name", "Kurzbeschreibung", "Kategorien". Row ${rowNumber(firstRow)} reads "${quote(shown)}". Please put the header row of templates/angebote-vorlage.csv above the services.`,
    ]);
  }
  const header = rows[headerIndex];
  if (headerIndex > 0) noteHeaderRow(rows, headerIndex, notes);

  // Structure: broken rows are skipped with an error, before any cell is read.
  const broken = checkStructure(table, headerIndex, notes);
  const dataIndexes: number[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) if (!broken.has(r) && rows[r].some((c) => c !== '')) dataIndexes.push(r);

  const columns = readHeader(
    header,
    notes,
    dataIndexes.map((r) => rows[r]),
  );
  placeSheetNotes(table, headerIndex, columns, notes);
  checkColumns(columns, notes);
  if (!dataIndexes.length) {
    return fail([
      `Unter der Kopfzeile (Zeile ${rowNumber(headerIndex)}) steht keine lesbare Zeile mit Angeboten.`,
      `There is no readable row with services below the header row (row ${rowNumber(headerIndex)}).`,
    ]);
  }

  const ctx: TableImport = {
    table,
    columns,
    serviceColumns: columns.filter((c) => SERVICE_FIELDS.includes(c.field)),
    has: (field) => columns.some((c) => c.field === field),
    notes,
    sources,
    ...builtInMatchers(),
    newCategories: new Map(),
    newAudiences: new Map(),
    districts: new Map(),
    translations: new Set(),
    services: [],
    serviceRows: new Map(),
    byAppointment: new Set(),
    coordinates: [],
    imported: 0,
  };
  for (const r of dataIndexes) importRow(ctx, r);

  settleAccess(ctx.services, ctx.byAppointment);
  if (!ctx.services.length) {
    return fail([
      `Keine Zeile unter der Kopfzeile (Zeile ${rowNumber(headerIndex)}) konnte als Angebot übernommen werden; die Gründe stehen oben.`,
      `No row below the header row (row ${rowNumber(headerIndex)}) could be imported as a service; the reasons are listed above.`,
    ]);
  }
  const feed = feedFrame(options, ctx.coordinates, notes);
  if (ctx.translations.size) feed.languages = ['de', ...ctx.translations];
  if (ctx.newCategories.size) feed.categories = [...ctx.newCategories.values()];
  if (ctx.newAudiences.size) feed.audiences = [...ctx.newAudiences.values()];
  if (ctx.districts.size) feed.districts = [...ctx.districts.values()];
  feed.services = ctx.services;
  const { imported } = ctx;
  const skipped = dataIndexes.length + broken.size - imported;
  const counts: Pair = [
    `Kopfzeile in Zeile ${rowNumber(headerIndex)}, ${imported} ${imported === 1 ? 'Zeile' : 'Zeilen'} übernommen${skipped ? `, ${skipped} übersprungen` : ''}`,
    `header in row ${rowNumber(headerIndex)}, ${imported} row${imported === 1 ? '' : 's'} imported${skipped ? `, ${skipped} skipped` : ''}`,
  ];
  return { feed, notes, sources, counts };
}

/**
 * One data row: the first row of a service starts it, a further row of the same service must
 * repeat its service cells or leave them empty; then the row's place, if it has one.
 */
function importRow(ctx: TableImport, r: number) {
  const rd = rowReader(ctx, r);
  const key = serviceKey(ctx, rd);
  if (!key) return;
  let entry = ctx.serviceRows.get(key.id);
  if (!entry) entry = addService(ctx, rd, key.id);
  else if (!sameService(ctx, rd, entry, key)) return;
  ctx.imported++;
  if (PLACE_FIELDS.some((f) => rd.get(f))) addPlace(ctx, rd, entry);
}

/** Reads the cells of row index `r` by field; its notes say row and column. */
function rowReader(ctx: TableImport, r: number): RowReader {
  const { columns } = ctx;
  const cells = ctx.table.rows[r];
  const row = rowNumber(r);
  const cell = (field: string, lang?: string) => columns.find((c) => c.field === field && c.lang === lang)?.index;
  const get = (field: string, lang?: string) => {
    const i = cell(field, lang);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const header = (field: string) => columns.find((c) => c.field === field)?.header ?? DISPLAY[field] ?? field;
  const at = (field: string): Pair => [`Zeile ${row}, Spalte „${quote(header(field))}“`, `row ${row}, column "${quote(header(field))}"`];
  const note = (severity: ImportNote['severity'], field: string, message: Pair) => ctx.notes.push({ severity, where: at(field), message });
  const text = (field: string) => {
    const de = get(field);
    const own = columns.filter((c) => c.field === field && c.lang && cells[c.index]);
    if (!own.length) return de || undefined;
    own.forEach((c) => ctx.translations.add(c.lang!));
    return Object.fromEntries([...(de ? [['de', de]] : []), ...own.map((c) => [c.lang!, cells[c.index]])]);
  };
  const bool = (field: string) => {
    const value = get(field);
    if (!value) return undefined;
    if (YES.test(value)) return true;
    if (NO.test(value)) return false;
    note('warning', field, [
      `„${quote(value)}“ ist weder ja noch nein; das Feld bleibt leer.`,
      `"${quote(value)}" is neither yes (ja) nor no (nein); the field is left empty.`,
    ]);
    return undefined;
  };
  const date = (field: string) => {
    const value = get(field);
    if (!value) return undefined;
    const iso = isoDate(value);
    if (!iso)
      note('warning', field, [
        `„${quote(value)}“ ist kein Datum. Bitte TT.MM.JJJJ schreiben, z. B. 31.12.2026.`,
        `"${quote(value)}" is not a date. Please write DD.MM.YYYY, e.g. 31.12.2026.`,
      ]);
    return iso;
  };
  return { r, row, cells, cell, get, header, at, note, text, bool, date };
}

/** Which service the row belongs to: the ID column, else the name; undefined (row skipped) with neither. */
function serviceKey(ctx: TableImport, rd: RowReader) {
  const { row, get, note } = rd;
  const givenId = get('id');
  const name = get('name');
  if (!givenId && !name) {
    ctx.notes.push({
      severity: 'warning',
      where: [`Zeile ${row}`, `row ${row}`],
      message: ['Weder ID noch Name: die Zeile wird übersprungen.', 'Neither ID nor name: the row is skipped.'],
    });
    return undefined;
  }
  const id = slugify(givenId || name) || `angebot-${row}`;
  if (givenId && id !== givenId) {
    note('info', 'id', [
      `Die ID „${quote(givenId)}“ wird als „${quote(id)}“ geschrieben (nur Kleinbuchstaben, Ziffern und -).`,
      `The id "${quote(givenId)}" is written as "${quote(id)}" (lower case, digits and - only).`,
    ]);
  }
  return { givenId, name, id };
}

/** The first row of a service: its draft into `ctx.services`, with the sources of its cells. */
function addService(ctx: TableImport, rd: RowReader, id: string): ServiceEntry {
  const { r, row, cells, cell, get, note, at } = rd;
  const service = serviceDraft(ctx, rd, id);
  const entry: ServiceEntry = {
    index: ctx.services.length,
    first: row,
    cells: new Map(ctx.serviceColumns.map((c) => [c.index, cells[c.index] ?? ''])),
    locationIds: new Set(),
  };
  ctx.serviceRows.set(id, entry);
  ctx.services.push(service);
  const base = `services[${entry.index}]`;
  ctx.sources[base] = [`Zeile ${row}`, `row ${row}`];
  for (const [field, path] of Object.entries(FIELD_PATHS)) if (ctx.has(field)) ctx.sources[`${base}.${path}`] = at(field);
  for (const field of ['phone', 'whatsapp']) {
    const i = cell(field);
    const value = get(field);
    if (i !== undefined && value && ctx.table.numeric?.has(`${r},${i}`) && !/^[0+]/.test(value) && value.length <= 15) {
      note('warning', field, [
        `Die Telefonnummer „${quote(value)}“ steht als Zahl in der Tabelle, so geht eine führende 0 oder das + verloren; übernommen wird „${quote(value)}“. Bitte die Zelle als Text formatieren und die Nummer mit 0 oder +49 eintragen.`,
        `The phone number "${quote(value)}" is stored as a number in the sheet, which loses a leading 0 or the +; "${quote(value)}" is imported. Please format the cell as text and enter the number with 0 or +49.`,
      ]);
    }
  }
  return entry;
}

/** The service columns of a row → a service draft; each cell that cannot be read is reported at it. */
function serviceDraft(ctx: TableImport, rd: RowReader, id: string): Draft {
  const { get, note, text, bool, date } = rd;
  const access = readAccess(rd);
  const languages: string[] = [];
  for (const item of splitList(get('languages'))) {
    const code = languageCode(item);
    if (code) languages.push(code);
    else
      note('warning', 'languages', [
        `„${quote(item)}“ ist keine bekannte Sprache und wird weggelassen. Bitte Codes wie de, ro, bg, rom oder deutsche Namen wie Rumänisch verwenden.`,
        `"${quote(item)}" is not a known language and is left out. Use codes such as de, ro, bg, rom or names such as Romanian.`,
      ]);
  }
  const status = readStatus(rd);
  const contact = Object.fromEntries(
    (['phone', 'email', 'website', 'whatsapp'] as const)
      .map((f) => [f, f === 'website' && get(f) && !/^https?:\/\//i.test(get(f)) ? `https://${get(f)}` : get(f)])
      .filter(([, v]) => v),
  );
  const requirements = Object.fromEntries(
    (['noInsuranceNeeded', 'noRegistrationNeeded', 'anonymous'] as const).map((f) => [f, bool(f)]).filter(([, v]) => v !== undefined),
  );
  const free = bool('free');
  if (free === undefined && !get('free'))
    note('error', 'free', ['Leer. Bitte ja oder nein eintragen.', 'Empty. Please enter ja (yes) or nein (no).']);
  const service: Draft = {
    id,
    name: text('name'),
    summary: text('summary'),
    ...(text('description') ? { description: text('description') } : {}),
    categories: readVocabulary(ctx, rd, 'categories'),
    ...(get('audiences') ? { audiences: readVocabulary(ctx, rd, 'audiences') } : {}),
    ...(get('provider') ? { provider: { name: get('provider') } } : {}),
    languages: languages.length ? [...new Set(languages)] : languages,
    ...(free !== undefined ? { free } : {}),
    ...(access ? { access } : {}),
    ...(Object.keys(requirements).length ? { requirements } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
    locations: [],
    ...(status ? { status } : {}),
    ...(text('statusNote') ? { statusNote: text('statusNote') } : {}),
    ...(date('validFrom') ? { validFrom: date('validFrom') } : {}),
    ...(date('validUntil') ? { validUntil: date('validUntil') } : {}),
    ...(date('lastChecked') ? { lastChecked: date('lastChecked') } : {}),
  };
  for (const key of Object.keys(service)) if (service[key] === undefined) delete service[key];
  return service;
}

/** The access column: both, walk-in or appointment; undefined when empty or not one of them (with a warning). */
function readAccess({ get, note }: RowReader) {
  const value = get('access').toLowerCase();
  if (!value) return undefined;
  if (/beides|both|offen und termin|termin und offen/.test(value)) return 'both';
  if (/ohne termin|offen|walk/.test(value)) return 'walk-in';
  if (/termin|vereinbarung|appointment/.test(value)) return 'appointment';
  note('warning', 'access', [
    `„${quote(get('access'))}“ ist nicht erlaubt. Erlaubt: offen, Termin oder beides.`,
    `"${quote(get('access'))}" is not allowed. Allowed: offen, Termin or beides.`,
  ]);
  return undefined;
}

/** The status column: undefined for active (or not a status, with a warning), else temporarily-closed or ended. */
function readStatus({ get, note }: RowReader) {
  const value = get('status').toLowerCase();
  if (!value || /aktiv|active/.test(value)) return undefined;
  if (/vor(ü|ue)bergehend|pause|temporar/.test(value)) return 'temporarily-closed';
  if (/beendet|eingestellt|ended/.test(value)) return 'ended';
  note('warning', 'status', [
    `„${quote(get('status'))}“ ist kein Status. Erlaubt: aktiv, vorübergehend geschlossen, beendet.`,
    `"${quote(get('status'))}" is not a status. Allowed: aktiv, vorübergehend geschlossen, beendet.`,
  ]);
  return undefined;
}

/** Categories or audiences: built-in ids, or new entries in the feed's own list (one warning per new entry). */
function readVocabulary(ctx: TableImport, { get, note }: RowReader, field: 'categories' | 'audiences') {
  const out: string[] = [];
  for (const item of splitList(get(field))) {
    const known = (field === 'categories' ? ctx.matchCategory : ctx.matchAudience)(item);
    if (known) {
      out.push(known);
      continue;
    }
    const newId = slugify(item);
    const list = field === 'categories' ? ctx.newCategories : ctx.newAudiences;
    if (!list.has(newId)) {
      list.set(newId, { id: newId, label: item });
      note('warning', field, [
        `„${quote(item)}“ ist keine Standard-${field === 'categories' ? 'Kategorie' : 'Zielgruppe'} und wird neu angelegt (ohne eigenes Symbol). Tippfehler? Standard: ${(field === 'categories' ? DEFAULT_CATEGORIES : DEFAULT_AUDIENCES).map((e) => (e.label as Record<string, string>).de).join(', ')}.`,
        `"${quote(item)}" is not a built-in ${field === 'categories' ? 'category' : 'audience'} and is added (without an icon). A typo?`,
      ]);
    }
    out.push(newId);
  }
  return [...new Set(out)];
}

/**
 * A further row of a service already started: true when its service cells are empty or equal
 * to the first row's, else false with an error (the row is not imported).
 */
function sameService(ctx: TableImport, rd: RowReader, first: ServiceEntry, key: { givenId: string; name: string }) {
  const { row, cells, at } = rd;
  const { givenId, name } = key;
  const differing = ctx.serviceColumns.filter((c) => (cells[c.index] ?? '') !== '' && cells[c.index] !== first.cells.get(c.index));
  if (!differing.length) return true;
  const shown = differing.slice(0, 3);
  const more = differing.length - shown.length;
  const list = shown
    .map(
      (c) =>
        `„${quote(c.header)}“: „${quote(cells[c.index])}“ statt ${first.cells.get(c.index) ? `„${quote(first.cells.get(c.index)!)}“` : 'leer'}`,
    )
    .join('; ');
  const listEn = shown
    .map(
      (c) =>
        `"${quote(c.header)}": "${quote(cells[c.index])}" instead of ${first.cells.get(c.index) ? `"${quote(first.cells.get(c.index)!)}"` : 'empty'}`,
    )
    .join('; ');
  const byName = !givenId;
  ctx.notes.push({
    severity: 'error',
    where: byName ? at('name') : at('id'),
    message: [
      `Zeile ${row} hat ${byName ? 'denselben Namen (ohne ID)' : 'dieselbe ID'} „${quote(givenId || name)}“ wie Zeile ${first.first}, aber andere Angaben zum Angebot (${list}${more ? `; und ${more} weitere` : ''}). Die Zeile wird nicht übernommen, damit zwei Angebote nicht vermischt werden. Ist es ein anderes Angebot, bitte eine eigene ID vergeben; ist es ein weiterer Standort, die Angebotsspalten leer lassen oder genau wie in Zeile ${first.first} füllen.`,
      `Row ${row} has the same ${byName ? 'name (no id)' : 'id'} "${quote(givenId || name)}" as row ${first.first} but other service details (${listEn}${more ? `; and ${more} more` : ''}). The row is not imported, so that two services are not mixed up. If it is another service, please give it its own id; if it is a further place, leave the service columns empty or fill them exactly as in row ${first.first}.`,
    ],
  });
  return false;
}

/** The row's place, with its hours, appended to its service; hours "nach Vereinbarung" are remembered for settleAccess. */
function addPlace(ctx: TableImport, rd: RowReader, entry: ServiceEntry) {
  const { row, get, note, header, at } = rd;
  const service = ctx.services[entry.index];
  const li = service.locations.length;
  const location = placeDraft(ctx, rd, entry);
  const defaultKind = service.access === 'appointment' ? 'appointment' : 'walk-in';
  const hours: HoursResult = parseHours(get('hours'), defaultKind);
  for (const problem of hours.problems) note('error', 'hours', problem);
  location.hours = hours.slots;
  if (hours.byAppointment) {
    ctx.byAppointment.add(entry.index);
    if (service.access === 'walk-in') {
      note('warning', 'hours', [
        `„${quote(get('hours'))}“ heißt Termin nach Vereinbarung, die Spalte „${quote(header('access'))}“ sagt aber „${quote(get('access'))}“; es gilt „${quote(header('access'))}“. Bitte eines von beiden korrigieren.`,
        `"${quote(get('hours'))}" means by appointment, but the column "${quote(header('access'))}" says "${quote(get('access'))}"; "${quote(header('access'))}" applies. Please correct one of them.`,
      ]);
    }
  }
  service.locations.push(location);
  const base = `services[${entry.index}].locations[${li}]`;
  ctx.sources[base] = [`Zeile ${row}`, `row ${row}`];
  for (const [field, path] of Object.entries(LOCATION_PATHS)) if (ctx.has(field)) ctx.sources[`${base}.${path}`] = at(field);
}

/** The place columns of a row → a place without hours: id, name, address, district, coordinates, wheelchair access. */
function placeDraft(ctx: TableImport, rd: RowReader, entry: ServiceEntry): Draft {
  const { row, get, note, text, bool, header, at } = rd;
  const street = [get('street'), get('houseNumber')].filter(Boolean).join(' ');
  if (get('houseNumber') && !get('street')) {
    note('warning', 'houseNumber', [
      `Hausnummer „${quote(get('houseNumber'))}“ ohne Straße; sie wird nicht übernommen. Bitte die Straße eintragen.`,
      `House number "${quote(get('houseNumber'))}" without a street; it is not imported. Please add the street.`,
    ]);
  }
  const locationId = uniqueId(
    slugify(get('locationId') || (get('street') ? street : '') || get('locationName') || 'standort') || 'standort',
    entry.locationIds,
  );
  const location: Draft = { id: locationId };
  const locName = text('locationName');
  if (locName) location.name = locName;
  location.address = Object.fromEntries(
    (
      [
        ['street', get('street') ? street : ''],
        ['postalCode', get('postalCode')],
        ['city', get('city')],
      ] as const
    ).filter(([, v]) => v),
  );
  if (/^\d{4}$/.test(location.address.postalCode ?? '')) {
    // Excel drops the leading zero of postcodes such as 01067 (Dresden).
    location.address.postalCode = `0${location.address.postalCode}`;
    note('info', 'postalCode', [
      `Postleitzahl mit führender Null ergänzt: ${location.address.postalCode}.`,
      `Leading zero added to the postcode: ${location.address.postalCode}.`,
    ]);
  }
  const districtName = get('district');
  if (districtName) {
    const districtId = slugify(districtName);
    if (!ctx.districts.has(districtId)) ctx.districts.set(districtId, { id: districtId, label: districtName });
    location.district = districtId;
  }
  const geo = readCoordinates(
    get('lat'),
    get('lon'),
    at('lat'),
    at('lon'),
    [
      `Zeile ${row}, Spalten „${quote(header('lat'))}“ und „${quote(header('lon'))}“`,
      `row ${row}, columns "${quote(header('lat'))}" and "${quote(header('lon'))}"`,
    ],
    ctx.notes,
  );
  if (geo) {
    location.geo = geo;
    ctx.coordinates.push(geo);
  }
  const wheelchair = bool('wheelchair');
  if (wheelchair !== undefined) location.accessibility = { wheelchair };
  return location;
}

/**
 * Latitude and longitude cells → geo, or undefined with an error: not a number, outside
 * ±90/±180, only one of the two, or swapped (a German place with the columns mixed up).
 * A valid place outside Germany is kept with a warning.
 */
function readCoordinates(
  latText: string,
  lonText: string,
  latAt: Pair,
  lonAt: Pair,
  bothAt: Pair,
  notes: ImportNote[],
): { lat: number; lon: number } | undefined {
  if (!latText && !lonText) return undefined;
  const num = (text: string, where: Pair, label: Pair): number | undefined | null => {
    if (!text) return undefined;
    const t = text.trim();
    if (!/^[-+]?\d+(?:[.,]\d+)?$/.test(t)) {
      notes.push({
        severity: 'error',
        where,
        message: [
          `„${quote(text)}“ ist keine Zahl; der Ort bekommt keine Koordinaten und erscheint nicht auf der Karte. Bitte den ${label[0]} in Dezimalgrad eintragen, z. B. 51,4712.`,
          `"${quote(text)}" is not a number; the place gets no coordinates and is not shown on the map. Please enter the ${label[1]} in decimal degrees, e.g. 51.4712.`,
        ],
      });
      return null;
    }
    return Number(t.replace(',', '.'));
  };
  const lat = num(latText, latAt, ['Breitengrad', 'latitude']);
  const lon = num(lonText, lonAt, ['Längengrad', 'longitude']);
  if (lat === null || lon === null) return undefined;
  if (lat === undefined || lon === undefined) {
    notes.push({
      severity: 'error',
      where: lat === undefined ? latAt : lonAt,
      message: [
        `Leer, obwohl ${lat === undefined ? `der Längengrad „${quote(lonText)}“` : `der Breitengrad „${quote(latText)}“`} gefüllt ist; der Ort bekommt keine Koordinaten und erscheint nicht auf der Karte. Bitte beide Werte eintragen.`,
        `Empty while the ${lat === undefined ? `longitude "${quote(lonText)}"` : `latitude "${quote(latText)}"`} is filled; the place gets no coordinates and is not shown on the map. Please fill in both.`,
      ],
    });
    return undefined;
  }
  let bad = false;
  if (Math.abs(lat) > 90) {
    bad = true;
    notes.push({
      severity: 'error',
      where: latAt,
      message: [
        `„${quote(latText)}“ ist kein Breitengrad (erlaubt: -90 bis 90, in Deutschland 47 bis 55); der Ort bekommt keine Koordinaten. Bitte den Wert prüfen.`,
        `"${quote(latText)}" is not a latitude (allowed: -90 to 90, in Germany 47 to 55); the place gets no coordinates. Please check the value.`,
      ],
    });
  }
  if (Math.abs(lon) > 180) {
    bad = true;
    notes.push({
      severity: 'error',
      where: lonAt,
      message: [
        `„${quote(lonText)}“ ist kein Längengrad (erlaubt: -180 bis 180, in Deutschland 6 bis 15); der Ort bekommt keine Koordinaten. Bitte den Wert prüfen.`,
        `"${quote(lonText)}" is not a longitude (allowed: -180 to 180, in Germany 6 to 15); the place gets no coordinates. Please check the value.`,
      ],
    });
  }
  if (bad) return undefined;
  if (lat >= 5 && lat <= 15 && lon >= 47 && lon <= 55.1) {
    notes.push({
      severity: 'error',
      where: bothAt,
      message: [
        `Breitengrad „${quote(latText)}“ und Längengrad „${quote(lonText)}“ sind wohl vertauscht (in Deutschland liegt der Breitengrad zwischen 47 und 55, der Längengrad zwischen 6 und 15). Der Ort bekommt keine Koordinaten; bitte die beiden Werte in der Tabelle tauschen.`,
        `Latitude "${quote(latText)}" and longitude "${quote(lonText)}" look swapped (in Germany the latitude lies between 47 and 55, the longitude between 6 and 15). The place gets no coordinates; please swap the two values in the spreadsheet.`,
      ],
    });
    return undefined;
  }
  if (!PLAUSIBLE(lat, lon)) {
    notes.push({
      severity: 'warning',
      where: bothAt,
      message: [
        `Breitengrad „${quote(latText)}“, Längengrad „${quote(lonText)}“ liegt nicht in Deutschland; der Ort wird so übernommen, zählt aber nicht für die Kartenmitte. Bitte die Koordinaten prüfen.`,
        `Latitude "${quote(latText)}", longitude "${quote(lonText)}" is not in Germany; the place is imported as it is but does not count for the map centre. Please check the coordinates.`,
      ],
    });
  }
  return { lat, lon };
}
