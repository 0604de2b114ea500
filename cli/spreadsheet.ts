/**
 * Which kind of file an editor handed us, and the first sheet of an .xlsx or .ods as rows of
 * cells, the way the editor sees them in Excel or LibreOffice. Shared by the CLI (Node 20) and,
 * later, the editor page in the browser: no Node APIs here.
 *
 * Library decision (measured with esbuild --bundle --minify, gzip -9, browser target):
 *   - fflate 0.8.3 `unzipSync` only ............  5.6 kB min,   2.8 kB min+gzip  ← used
 *   - read-excel-file 9.3 (universal build) ..... 49.9 kB min,  15.2 kB min+gzip, reads .xlsx only
 *   - exceljs 4.4 ............................... 949 kB min,  270 kB min+gzip, Node streams
 *   - xlsx (SheetJS) on npm is stuck at 0.18.5 with known CVEs: not an option.
 * fflate (MIT, maintained, pure JS, runs in Node and browsers, no dependencies) unzips both
 * formats; the XML inside (sheet, shared strings, styles; ODS content.xml) is read by the small
 * scanner below, which knows exactly the handful of elements we need. Together this stays far
 * below the 30 kB budget and reads .ods too, which no small xlsx reader does.
 *
 * What "as the editor sees it" means here:
 *   - the first visible sheet is read; if there are several, a note names them all;
 *   - text cells as text, formulas by their cached (last calculated) value;
 *   - numbers as written: no exponent, no float noise (15 significant digits, like Excel),
 *     zero-padded formats such as "00000" keep their leading zeros (postcode 01067); a number
 *     with more than 15 digits cannot be restored exactly and is reported;
 *   - date cells become ISO dates (2026-10-15), times 14:30, date-times "2026-10-15 14:30";
 *   - merged cells: the value stands in every cell of the merged area (a note names the area);
 *   - error cells (#DIV/0!, #NV) are read as empty and reported.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Pair } from './messages.js';

export type SpreadsheetFormat = 'csv' | 'xlsx' | 'ods';

/** A note of the sheet reader; row/col are 0-based indexes into `rows`. */
export interface SheetNote {
  severity: 'error' | 'warning' | 'info';
  row?: number;
  col?: number;
  /** The merged area, e.g. "A3:A5", for merge notes (the importer drops those above the header). */
  merge?: string;
  message: Pair;
}

export interface Sheet {
  rows: string[][];
  /** "row,col" of cells that were numbers in the sheet (Excel may have eaten a leading 0). */
  numeric: Set<string>;
  sheet: string;
  sheets: string[];
  notes: SheetNote[];
}

/** At most this many characters of any cell or header appear in a message. */
export const QUOTE_MAX = 60;

/** A cell or header for a message: one line, no control characters, at most ~60 characters. */
export function quote(text: string): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1).trimEnd()}…` : flat;
}

/** Cells or names quoted and joined for a message: „a“, „b“ / "a", "b". */
export function quotedList(items: string[]): Pair {
  return [items.map((t) => `„${quote(t)}“`).join(', '), items.map((t) => `"${quote(t)}"`).join(', ')];
}

/** "A", "B" … "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Format detection

export type Detected =
  | { format: SpreadsheetFormat; files?: Record<string, Uint8Array>; refuse?: undefined }
  | { format: SpreadsheetFormat; refuse: Pair };

/** What non-text bytes are, as a noun phrase ["ein PNG-Bild", "a PNG image"], or a workbook. */
interface Sniffed {
  what?: Pair;
  workbook?: { format: 'xlsx' | 'ods'; files: Record<string, Uint8Array> };
  /** What a refused file would have been read as, for `source.format`. */
  format?: SpreadsheetFormat;
}

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);
const SAVE_AS: Pair = [
  'bitte die Tabelle in Excel mit „Datei > Speichern unter > CSV UTF-8 (durch Trennzeichen getrennt)“ oder in LibreOffice mit „Datei > Speichern unter > Text CSV“ speichern (oder als .xlsx bzw. .ods) und diese Datei importieren.',
  'please save the spreadsheet in Excel with "File > Save As > CSV UTF-8 (Comma delimited)" or in LibreOffice with "File > Save As > Text CSV" (or as .xlsx or .ods) and import that file.',
];
const BINARY: Pair = [
  'eine Binärdatei, weder Text noch eine Excel- oder LibreOffice-Tabelle',
  'a binary file, neither text nor an Excel or LibreOffice spreadsheet',
];

/** Unzipped entries larger than this are refused (a 5 MB .xlsx unpacks to ~50 MB at most). */
const MAX_UNZIPPED = 200 * 1024 * 1024;

function sniff(bytes: Uint8Array): Sniffed {
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47))
    return { what: ['ein PNG-Bild (Foto oder Bildschirmfoto)', 'a PNG image (photo or screenshot)'] };
  if (starts(bytes, 0xff, 0xd8, 0xff)) return { what: ['ein JPEG-Bild (Foto)', 'a JPEG image (photo)'] };
  if (starts(bytes, 0x47, 0x49, 0x46, 0x38)) return { what: ['ein GIF-Bild', 'a GIF image'] };
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46))
    return { what: ['ein PDF-Dokument, aus dem sich keine Tabelle lesen lässt', 'a PDF document, which no table can be read from'] };
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return {
      format: 'xlsx',
      what: [
        'im alten Excel-Format (.xls) oder mit Kennwort geschützt, was Lotse nicht lesen kann',
        'in the old Excel format (.xls) or password-protected, which Lotse cannot read',
      ],
    };
  }
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) return sniffZip(bytes);
  if (starts(bytes, 0x1f, 0x8b)) return { what: ['ein gepacktes Archiv (gzip)', 'a compressed archive (gzip)'] };
  if (starts(bytes, 0xff, 0xfe) || starts(bytes, 0xfe, 0xff) || utf16WithoutBom(bytes)) return {}; // UTF-16 text
  // Text never contains NUL bytes (UTF-16 is handled above); random or binary data nearly always does.
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { what: BINARY };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > 2 && control > head.length / 100) return { what: BINARY };
  return {};
}

/**
 * One sentence saying what the bytes are when they are not text (an image, a PDF, a workbook,
 * binary), or undefined for text. For callers that expect text, such as JSON files.
 */
export function describeBytes(bytes: Uint8Array): Pair | undefined {
  const found = sniff(bytes);
  if (found.workbook) {
    return found.workbook.format === 'xlsx'
      ? ['Die Datei ist eine Excel-Tabelle (.xlsx), kein Text.', 'The file is an Excel workbook (.xlsx), not text.']
      : ['Die Datei ist eine LibreOffice-Tabelle (.ods), kein Text.', 'The file is a LibreOffice spreadsheet (.ods), not text.'];
  }
  return found.what ? [`Die Datei ist ${found.what[0]}.`, `The file is ${found.what[1]}.`] : undefined;
}

/**
 * What the bytes are: CSV text (any encoding), an .xlsx or .ods workbook, or something to
 * refuse in one sentence that says how to save a table (images, PDF, old .xls, other zips,
 * XML/HTML, binary). Decided by content, not by the file name.
 */
export function detectFormat(bytes: Uint8Array, fileName = ''): Detected {
  const named: Pair = fileName ? [`Die Datei „${quote(fileName)}“`, `The file "${quote(fileName)}"`] : ['Die Datei', 'The file'];
  const refuse = (what: Pair, format: SpreadsheetFormat = 'csv'): Detected => ({
    format,
    refuse: [`${named[0]} ist ${what[0]}; ${SAVE_AS[0]}`, `${named[1]} is ${what[1]}; ${SAVE_AS[1]}`],
  });
  const found = sniff(bytes);
  if (found.workbook) return found.workbook;
  if (found.what) return refuse(found.what, found.format);
  const start = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(\?xml|!doctype html|html|table)/.test(start)) {
    return refuse([
      'eine XML- oder HTML-Datei (so speichert Excel „XML-Kalkulationstabelle“ oder „Webseite“), keine CSV-Tabelle',
      'an XML or HTML file (as Excel saves "XML Spreadsheet" or "Web Page"), not a CSV table',
    ]);
  }
  return { format: 'csv' };
}

/** UTF-16 text without byte-order mark: every other byte is 0 in the first kilobyte. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function sniffZip(bytes: Uint8Array): Sniffed {
  const names: string[] = [];
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name.toLowerCase());
        const wanted =
          f.name === 'mimetype' ||
          f.name === 'content.xml' ||
          /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(f.name);
        if (wanted && f.originalSize > MAX_UNZIPPED) tooBig = true;
        return wanted && !tooBig;
      },
    });
  } catch {
    return {
      what: [
        'ein beschädigtes ZIP-Archiv (auch .xlsx und .ods sind ZIP-Archive)',
        'a damaged zip archive (.xlsx and .ods are zip archives too)',
      ],
    };
  }
  if (tooBig) return { format: 'xlsx', what: ['ausgepackt größer als 200 MB', 'larger than 200 MB unpacked'] };
  const mimetype = files.mimetype ? strFromU8(files.mimetype).trim() : '';
  if (names.includes('xl/workbook.xml')) return { workbook: { format: 'xlsx', files } };
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet' && files['content.xml']) return { workbook: { format: 'ods', files } };
  if (names.includes('word/document.xml') || mimetype === 'application/vnd.oasis.opendocument.text') {
    return { what: ['ein Textdokument (Word oder Writer), keine Tabelle', 'a text document (Word or Writer), not a spreadsheet'] };
  }
  if (mimetype.startsWith('application/vnd.oasis.opendocument'))
    return { what: ['ein LibreOffice-Dokument, aber keine Tabelle', 'a LibreOffice document but not a spreadsheet'] };
  return {
    what: ['ein ZIP-Archiv, aber keine Excel- oder LibreOffice-Tabelle', 'a zip archive but not an Excel or LibreOffice spreadsheet'],
  };
}

// ---------------------------------------------------------------------------------------------
// A small XML scanner: start tags with attributes, end tags, text. Enough for the well-formed
// files Excel and LibreOffice write; comments, CDATA, <?…?> and <!…> are handled.

type Attrs = Record<string, string>;
interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      handler.text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) handler.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      handler.text(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      handler.close(xml.slice(lt + 2, end < 0 ? n : end).trim());
      i = end < 0 ? n : end + 1;
      continue;
    }
    // Start tag: name, then attributes (quoted values may contain ">").
    let j = lt + 1;
    while (j < n && !/[\s/>]/.test(xml[j])) j++;
    const name = xml.slice(lt + 1, j);
    const attrs: Attrs = {};
    let selfClosing = false;
    while (j < n) {
      const c = xml[j];
      if (c === '>') {
        j++;
        break;
      }
      if (c === '/' && xml[j + 1] === '>') {
        selfClosing = true;
        j += 2;
        break;
      }
      if (/\s/.test(c)) {
        j++;
        continue;
      }
      const eq = xml.indexOf('=', j);
      if (eq < 0) {
        j = n;
        break;
      }
      const key = xml.slice(j, eq).trim();
      let k = eq + 1;
      while (/\s/.test(xml[k] ?? '')) k++;
      const q = xml[k];
      const close = q === '"' || q === "'" ? xml.indexOf(q, k + 1) : -1;
      if (close < 0) {
        j = n;
        break;
      }
      attrs[key] = decodeEntities(xml.slice(k + 1, close));
      j = close + 1;
    }
    handler.open(name, attrs, selfClosing);
    if (selfClosing) handler.close(name);
    i = j;
  }
}

/** Local name without namespace prefix: "x:row" → "row". */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

// ---------------------------------------------------------------------------------------------
// Numbers, dates, merges

/** A number as Excel shows it in a "General" cell: 15 significant digits, no exponent. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const rounded = Number(value.toPrecision(15));
  let text = String(rounded);
  if (/e/i.test(text)) text = rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return text;
}

/** More than 15 significant digits: the sheet itself no longer knows them. */
const lossy = (value: number) => Number.isInteger(value) && Math.abs(value) >= 1e15;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel's day number (1900 system, or 1904) → "2026-10-15", "14:30" or "2026-10-15 14:30". */
export function serialToText(serial: number, kind: { date: boolean; time: boolean }, date1904 = false): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0)) * 86_400) * 1000;
  const d = new Date(Date.UTC(1899, 11, 30) + ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''}`;
  if (kind.date && kind.time) return `${date} ${time}`;
  return kind.time ? time : date;
}

/** Built-in Excel number formats that show dates or times. */
const BUILTIN_DATE: Record<number, { date: boolean; time: boolean }> = {};
for (const id of [14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58])
  BUILTIN_DATE[id] = { date: true, time: false };
for (const id of [18, 19, 20, 21, 45, 46, 47, 32, 33, 55, 56]) BUILTIN_DATE[id] = { date: false, time: true };
BUILTIN_DATE[22] = { date: true, time: true };

/** What a number format shows: a date, a time, zero-padded digits ("00000"), or a plain number. */
export function formatKind(code: string | undefined): { date?: boolean; time?: boolean; width?: number } {
  if (!code) return {};
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  if (/^\s*(general|standard)\s*$/i.test(bare)) return {};
  if (/^0+$/.test(bare.trim())) return { width: bare.trim().length };
  const time = /[hs]/i.test(bare) || /\[(h|m|s)\]/i.test(code);
  const date = /[yd]/i.test(bare) || (/m/i.test(bare) && !time);
  return date || time ? { date, time } : {};
}

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function applyMerges(rows: string[][], merges: Merge[], notes: SheetNote[]) {
  for (const m of merges) {
    const value = rows[m.r1]?.[m.c1] ?? '';
    if (!value) continue;
    for (let r = m.r1; r <= m.r2; r++) {
      rows[r] ??= [];
      for (let c = m.c1; c <= m.c2; c++) rows[r][c] = value;
    }
    const area = `${columnLetter(m.c1)}${m.r1 + 1}:${columnLetter(m.c2)}${m.r2 + 1}`;
    notes.push({
      severity: 'info',
      row: m.r1,
      col: m.c1,
      merge: area,
      message: [
        `Die Zellen ${area} sind verbunden; „${quote(value)}“ gilt für jede dieser Zellen.`,
        `The cells ${area} are merged; "${quote(value)}" applies to each of them.`,
      ],
    });
  }
}

/** Fill the holes of a sparse row list with empty strings. */
function dense(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) cells.push(row[c] ?? '');
    out.push(cells);
  }
  return out;
}

const MAX_ROWS = 100_000;
const MAX_COLS = 1_000;

function sheetsNote(names: string[], read: string, notes: SheetNote[]) {
  if (names.length < 2) return;
  const [list, listEn] = quotedList(names);
  notes.push({
    severity: 'info',
    message: [
      `Die Datei hat ${names.length} Tabellenblätter (${list}); gelesen wurde nur „${quote(read)}“. Stehen Angebote auf anderen Blättern, bitte auf ein Blatt zusammenführen.`,
      `The file has ${names.length} sheets (${listEn}); only "${quote(read)}" was read. If services are on other sheets, please move them onto one sheet.`,
    ],
  });
}

function lossyNote(row: number, col: number, shown: string): SheetNote {
  return {
    severity: 'warning',
    row,
    col,
    message: [
      `Die Zahl „${quote(shown)}“ hat mehr als 15 Stellen; die Tabelle speichert nur 15 genau, der Rest ist verloren. Bitte die Zelle als Text formatieren und den Wert neu eintragen.`,
      `The number "${quote(shown)}" has more than 15 digits; the spreadsheet keeps only 15 exactly, the rest is lost. Please format the cell as text and enter the value again.`,
    ],
  };
}

function errorCellNote(row: number, col: number, value: string): SheetNote {
  return {
    severity: 'error',
    row,
    col,
    message: [
      `Die Zelle zeigt den Fehler „${quote(value)}“ (eine Formel ging schief); sie wird als leer gelesen. Bitte die Formel in der Tabelle korrigieren.`,
      `The cell shows the error "${quote(value)}" (a formula failed); it is read as empty. Please fix the formula in the spreadsheet.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// .xlsx (Office Open XML)

const cellRef = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
};
/** Excel writes control characters in strings as _x000D_. */
const unescapeOoxml = (text: string) => text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The first visible sheet of an .xlsx workbook (entries as unzipped by `detectFormat`). */
export function readXlsx(files: Record<string, Uint8Array>): Sheet {
  const file = (name: string) => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? strFromU8(files[key]) : undefined;
  };
  const notes: SheetNote[] = [];
  // Sheets in tab order, and where their XML is.
  const sheets: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  scanXml(file('xl/workbook.xml') ?? '', {
    open(name, a) {
      const n = local(name);
      if (n === 'sheet')
        sheets.push({
          name: a.name ?? '',
          rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '',
          hidden: !!a.state && a.state !== 'visible',
        });
      if (n === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  scanXml(file('xl/_rels/workbook.xml.rels') ?? '', {
    open(name, a) {
      if (local(name) === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    },
    close() {},
    text() {},
  });
  const chosen = sheets.find((s) => !s.hidden) ?? sheets[0];
  const visible = sheets.filter((s) => !s.hidden).map((s) => s.name);
  let target = chosen ? targets.get(chosen.rid) : undefined;
  if (target) target = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheetXml = (target && file(target)) ?? file('xl/worksheets/sheet1.xml');
  const name = chosen?.name ?? '';
  sheetsNote(visible, name, notes);

  // Shared strings: rich text runs joined; phonetic guides (<rPh>) left out.
  const shared: string[] = [];
  {
    let current: string | undefined;
    let inT = false;
    let inPh = 0;
    scanXml(file('xl/sharedStrings.xml') ?? '', {
      open(tag, _a, self) {
        const n = local(tag);
        if (n === 'si') current = '';
        else if (n === 'rPh') inPh++;
        else if (n === 't' && !self) inT = true;
      },
      close(tag) {
        const n = local(tag);
        if (n === 'si') {
          shared.push(unescapeOoxml(current ?? ''));
          current = undefined;
        } else if (n === 'rPh') inPh--;
        else if (n === 't') inT = false;
      },
      text(t) {
        if (inT && !inPh && current !== undefined) current += t;
      },
    });
  }

  // Styles: cell style index → number format code.
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  {
    let inCellXfs = false;
    scanXml(file('xl/styles.xml') ?? '', {
      open(tag, a) {
        const n = local(tag);
        if (n === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (n === 'cellXfs') inCellXfs = true;
        else if (n === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(tag) {
        if (local(tag) === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
  }
  const kindOf = (style: number): { date?: boolean; time?: boolean; width?: number } => {
    const id = xfFormats[style] ?? 0;
    const custom = formats.get(id);
    if (custom !== undefined) return formatKind(custom);
    if (id === 1) return {};
    return BUILTIN_DATE[id] ?? {};
  };

  const rows: string[][] = [];
  const numeric = new Set<string>();
  const merges: Merge[] = [];
  let rowIndex = -1;
  let colIndex = -1;
  let cell: { r: number; c: number; t: string; s: number; v?: string; inline?: string; formula: boolean } | undefined;
  let textTarget: 'v' | 'is' | undefined;
  let inIs = false;
  let truncated = false;
  scanXml(sheetXml ?? '', {
    open(tag, a) {
      const n = local(tag);
      if (n === 'row') {
        rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
        colIndex = -1;
      } else if (n === 'c') {
        const ref = a.r ? cellRef(a.r) : undefined;
        if (ref) rowIndex = ref.row;
        colIndex = ref ? ref.col : colIndex + 1;
        cell = { r: rowIndex, c: colIndex, t: a.t ?? 'n', s: Number(a.s ?? 0), formula: false };
      } else if (cell && n === 'v') {
        textTarget = 'v';
        cell.v = '';
      } else if (cell && n === 'is') {
        inIs = true;
        cell.inline = '';
      } else if (cell && n === 't' && inIs) textTarget = 'is';
      else if (cell && n === 'f') cell.formula = true;
      else if (n === 'mergeCell' && a.ref) {
        const [from, to] = a.ref.split(':').map(cellRef);
        if (from) merges.push({ r1: from.row, c1: from.col, r2: (to ?? from).row, c2: (to ?? from).col });
      }
    },
    close(tag) {
      const n = local(tag);
      if (n === 'v' || n === 't') textTarget = undefined;
      else if (n === 'is') inIs = false;
      else if (n === 'c' && cell) {
        const { r, c } = cell;
        if (r >= MAX_ROWS || c >= MAX_COLS) truncated = true;
        else {
          let value = '';
          const raw = cell.v ?? '';
          if (cell.formula && cell.v === undefined && cell.t !== 'e') {
            notes.push({
              severity: 'warning',
              row: r,
              col: c,
              message: [
                'Die Zelle enthält eine Formel ohne gespeichertes Ergebnis; sie wird als leer gelesen. Bitte die Datei in Excel oder LibreOffice öffnen und erneut speichern.',
                'The cell holds a formula without a saved result; it is read as empty. Please open the file in Excel or LibreOffice and save it again.',
              ],
            });
          } else
            switch (cell.t) {
              case 's':
                value = shared[Number(raw)] ?? '';
                break;
              case 'inlineStr':
                value = unescapeOoxml(cell.inline ?? '');
                break;
              case 'str':
                value = unescapeOoxml(raw);
                break;
              case 'b':
                value = raw === '1' ? 'WAHR' : raw === '0' ? 'FALSCH' : raw;
                break;
              case 'e':
                notes.push(errorCellNote(r, c, raw));
                break;
              case 'd':
                value = raw
                  .replace(/T00:00(:00(\.0+)?)?Z?$/, '')
                  .replace('T', ' ')
                  .replace(/(\d\d:\d\d):00(\.0+)?Z?$/, '$1');
                break;
              default: {
                if (raw === '') break;
                const number = Number(raw);
                if (Number.isNaN(number)) {
                  value = raw;
                  break;
                }
                const kind = kindOf(cell.s);
                if (kind.date || kind.time) value = serialToText(number, { date: !!kind.date, time: !!kind.time }, date1904);
                else {
                  value =
                    kind.width && Number.isInteger(number) && number >= 0
                      ? number.toFixed(0).padStart(kind.width, '0')
                      : formatNumber(number);
                  numeric.add(`${r},${c}`);
                  if (lossy(number)) notes.push(lossyNote(r, c, value));
                }
              }
            }
          if (value !== '') (rows[r] ??= [])[c] = value;
        }
        cell = undefined;
      }
    },
    text(t) {
      if (!cell) return;
      if (textTarget === 'v') cell.v += t;
      else if (textTarget === 'is') cell.inline += t;
    },
  });
  if (truncated) notes.push(tooLarge());
  applyMerges(
    rows,
    merges.filter((m) => m.r1 < MAX_ROWS && m.c1 < MAX_COLS && m.r2 < MAX_ROWS && m.c2 < MAX_COLS),
    notes,
  );
  return { rows: dense(rows).map((r) => r.map((c) => c.trim())), numeric, sheet: name, sheets: visible, notes };
}

function tooLarge(): SheetNote {
  return {
    severity: 'error',
    message: [
      `Das Tabellenblatt ist größer als ${MAX_ROWS} Zeilen oder ${MAX_COLS} Spalten; was darüber hinausgeht, wird nicht gelesen.`,
      `The sheet is larger than ${MAX_ROWS} rows or ${MAX_COLS} columns; anything beyond is not read.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// .ods (OpenDocument, LibreOffice)

/** "PT14H30M00S" → "14:30". */
const odsTime = (value: string) => {
  const m = /^-?PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S$/.exec(value);
  if (!m) return value;
  const s = Math.round(Number(m[3]));
  return `${pad(Number(m[1]))}:${pad(Number(m[2]))}${s ? `:${pad(s)}` : ''}`;
};

/** The first visible table of an .ods document (its content.xml as unzipped by `detectFormat`). */
export function readOds(files: Record<string, Uint8Array>): Sheet {
  const xml = strFromU8(files['content.xml']);
  const notes: SheetNote[] = [];
  const rows: string[][] = [];
  const numeric = new Set<string>();
  const merges: Merge[] = [];
  const names: string[] = [];
  // Hidden tables are marked through their style (table:display="false").
  const hiddenStyles = new Set<string>();
  let styleName: string | undefined;
  const hidden: boolean[] = [];
  let table = -1;
  let reading = -1; // index of the table being read
  let depth = 0; // nesting of tables inside cells (ignored)
  let rowIndex = 0;
  let colIndex = 0;
  let rowRepeat = 1;
  let rowCells: { c: number; value: string; repeat: number; numeric: boolean; lossy?: string; error?: string }[] = [];
  let cell: { attrs: Attrs; repeat: number; paragraphs: string[]; covered: boolean } | undefined;
  let inP = 0;
  let annotation = 0;
  let truncated = false;
  scanXml(xml, {
    open(tag, a, self) {
      const n = tag;
      if (n === 'style:style') styleName = a['style:name'];
      else if (n === 'style:table-properties' && styleName && a['table:display'] === 'false') hiddenStyles.add(styleName);
      else if (n === 'table:table') {
        if (depth++ > 0) return;
        table++;
        names.push(a['table:name'] ?? '');
        hidden.push(!!a['table:style-name'] && hiddenStyles.has(a['table:style-name']));
        if (reading < 0 && !hidden[table]) {
          reading = table;
          rowIndex = 0;
        }
      }
      if (depth !== 1 || table !== reading) return;
      if (n === 'table:table-row') {
        rowRepeat = Math.max(1, Number(a['table:number-rows-repeated'] ?? 1) || 1);
        colIndex = 0;
        rowCells = [];
      } else if (n === 'table:table-cell' || n === 'table:covered-table-cell') {
        cell = {
          attrs: a,
          repeat: Math.max(1, Number(a['table:number-columns-repeated'] ?? 1) || 1),
          paragraphs: [],
          covered: n === 'table:covered-table-cell',
        };
        const rs = Number(a['table:number-rows-spanned'] ?? 1);
        const cs = Number(a['table:number-columns-spanned'] ?? 1);
        if (rs > 1 || cs > 1) merges.push({ r1: rowIndex, c1: colIndex, r2: rowIndex + rs - 1, c2: colIndex + cs - 1 });
        if (self) finishCell();
      } else if (cell && n === 'office:annotation') annotation++;
      else if (cell && !annotation) {
        if (n === 'text:p' || n === 'text:h') {
          inP++;
          cell.paragraphs.push('');
          if (self) inP--;
        } else if (inP && n === 'text:s') add(' '.repeat(Math.max(1, Number(a['text:c'] ?? 1) || 1)));
        else if (inP && n === 'text:tab') add('\t');
        else if (inP && n === 'text:line-break') add('\n');
      }
    },
    close(tag) {
      const n = tag;
      if (n === 'table:table') {
        depth--;
        return;
      }
      if (depth !== 1 || table !== reading) return;
      if (n === 'office:annotation') annotation--;
      else if ((n === 'text:p' || n === 'text:h') && inP) inP--;
      else if (n === 'table:table-cell' || n === 'table:covered-table-cell') finishCell();
      else if (n === 'table:table-row') {
        const filled = rowCells.some((c) => c.value !== '');
        for (let k = 0; k < rowRepeat && filled; k++) {
          const r = rowIndex + k;
          if (r >= MAX_ROWS) {
            truncated = true;
            break;
          }
          for (const rc of rowCells) {
            if (rc.error && k === 0) notes.push(errorCellNote(r, rc.c, rc.error));
            if (rc.value === '') continue;
            for (let x = 0; x < rc.repeat; x++) {
              const c = rc.c + x;
              if (c >= MAX_COLS) {
                truncated = true;
                break;
              }
              (rows[r] ??= [])[c] = rc.value;
              if (rc.numeric) numeric.add(`${r},${c}`);
              if (rc.lossy && k === 0 && x === 0) notes.push(lossyNote(r, c, rc.lossy));
            }
          }
        }
        rowIndex += rowRepeat;
      }
    },
    text(t) {
      if (cell && inP && !annotation) add(t);
    },
  });
  function add(text: string) {
    if (!cell?.paragraphs.length) return;
    cell.paragraphs[cell.paragraphs.length - 1] += text;
  }
  function finishCell() {
    if (!cell) return;
    const a = cell.attrs;
    const shown = cell.paragraphs.join('\n');
    const type = a['office:value-type'] ?? a['calcext:value-type'];
    let value = shown;
    let isNumber = false;
    let lossyText: string | undefined;
    let error: string | undefined;
    if (a['calcext:value-type'] === 'error' || (a['table:formula'] && /^(#|Err:)/.test(shown) && !type)) {
      error = shown;
      value = '';
    } else if (type === 'float' && a['office:value'] !== undefined) {
      const number = Number(a['office:value']);
      // Leading zeros from a format like 00000 are visible in the shown text; keep them.
      if (/^0\d+$/.test(shown) && Number(shown) === number) value = shown;
      else value = formatNumber(number);
      isNumber = true;
      if (lossy(number)) lossyText = value;
    } else if (type === 'date' && a['office:date-value']) {
      value = a['office:date-value']
        .replace(/T00:00:00(\.0+)?$/, '')
        .replace('T', ' ')
        .replace(/(\d\d:\d\d):00(\.0+)?$/, '$1');
    } else if (type === 'time' && a['office:time-value']) value = odsTime(a['office:time-value']);
    else if (type === 'boolean') value = shown || (a['office:boolean-value'] === 'true' ? 'WAHR' : 'FALSCH');
    else if (type === 'string' && a['office:string-value'] !== undefined && !shown) value = a['office:string-value'];
    rowCells.push({ c: colIndex, value: value.trim(), repeat: cell.repeat, numeric: isNumber, lossy: lossyText, error });
    colIndex += cell.repeat;
    cell = undefined;
    inP = 0;
  }
  if (truncated) notes.push(tooLarge());
  const visible = names.filter((_, i) => !hidden[i]);
  const name = names[reading] ?? '';
  const first: SheetNote[] = [];
  sheetsNote(visible, name, first);
  notes.unshift(...first);
  applyMerges(
    rows,
    merges.filter((m) => m.r2 < MAX_ROWS && m.c2 < MAX_COLS),
    notes,
  );
  return { rows: dense(rows), numeric, sheet: name, sheets: visible, notes };
}

/** Read the first sheet of a workbook that `detectFormat` recognised. */
export function readWorkbook(detected: { format: SpreadsheetFormat; files?: Record<string, Uint8Array> }): Sheet | undefined {
  if (!detected.files) return undefined;
  if (detected.format === 'xlsx') return readXlsx(detected.files);
  if (detected.format === 'ods') return readOds(detected.files);
  return undefined;
}
