/**
 * A folder of HSDS CSV tables with its datapackage.json (given as file name → text) → the
 * tabular object the JSON reader takes, each row named by file and line.
 */
import type { ImportNote } from '../import-common.js';
import type { Pair } from '../messages.js';
import { Origins, UNMAPPED_TABLES, isObject, q, type Row } from './common.js';
import { oldVersionMarker, oldVersionRefusal, tableName, type Refusal } from './shape.js';

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in cells) with the line each record starts on. */
export function parseCsvRecords(text: string): { cells: string[]; line: number }[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x !== '')) records.push({ cells, line: start });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x !== '')) records.push({ cells, line: start });
  return records;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export interface PackageRead {
  tabular: Row;
  origins: Origins;
  shape: Pair;
  notes: ImportNote[];
}

/** Read the folder; refuse when it is not HSDS 3.0 service data. */
export function readPackage(files: Record<string, string>): PackageRead | Refusal {
  const notes: ImportNote[] = [];
  const byName = new Map(Object.entries(files).map(([name, text]) => [baseName(name).toLowerCase(), { name: baseName(name), text }]));
  const pkgFile = byName.get('datapackage.json');
  let pkg: Row | undefined;
  if (pkgFile) {
    try {
      pkg = JSON.parse(pkgFile.text.replace(/^\uFEFF/, ''));
    } catch {
      return {
        refusal: [
          'Die Paketbeschreibung datapackage.json ist kein gültiges JSON, daher ist unklar, welche HSDS-Version der Ordner hat; bitte die Datei neu exportieren.',
          'The package description datapackage.json is not valid JSON, so the HSDS version of the folder is unknown; please export the file again.',
        ],
      };
    }
    if (!isObject(pkg)) pkg = undefined;
  }
  const version = typeof pkg?.version === 'string' || typeof pkg?.version === 'number' ? String(pkg!.version) : undefined;
  if (version && /^[12](\.|$)/.test(version)) return { refusal: oldVersionRefusal(version, `datapackage.json: version ${version}`) };
  const resources: Row[] = Array.isArray(pkg?.resources) ? pkg!.resources.filter(isObject) : [];
  const old = oldVersionMarker(
    Object.fromEntries([...resources.map((r) => [String(r.name ?? r.path ?? ''), true]), ...[...byName.keys()].map((n) => [n, true])]),
  );
  if (old) return { refusal: oldVersionRefusal(old.version, old.name) };

  // Which CSV files to read: those the package lists, then any other file with a table's name.
  const listed = new Set<string>();
  const missing: string[] = [];
  for (const r of resources) {
    const path = typeof r.path === 'string' ? baseName(r.path).toLowerCase() : undefined;
    if (!path) continue;
    listed.add(path);
    if (!byName.has(path)) missing.push(baseName(r.path));
  }
  const tabular: Row = {};
  const origins = new Origins();
  const unread: string[] = [];
  let tables = 0;
  for (const [lower, { name, text }] of byName) {
    if (lower === 'datapackage.json') continue;
    if (!lower.endsWith('.csv') || !(tableName(lower) || UNMAPPED_TABLES.includes(lower.replace(/\.csv$/, '')))) {
      unread.push(name);
      continue;
    }
    const records = parseCsvRecords(text);
    if (!records.length) continue;
    tables++;
    const header = records[0].cells.map((h) => h.trim());
    const rows = records.slice(1).map(({ cells, line }) => {
      const row: Row = {};
      header.forEach((h, i) => {
        const v = cells[i]?.trim();
        if (h && v !== undefined && v !== '') row[h] = v;
      });
      origins.set(row, `${name}, Zeile ${line}`);
      return row;
    });
    tabular[name] = rows;
  }
  if (!pkgFile) {
    notes.push({
      severity: 'warning',
      where: ['datapackage.json', 'datapackage.json'],
      message: [
        'fehlt im Ordner: Die HSDS-Version steht nirgends; die Tabellen wurden nach ihren Dateinamen als HSDS 3.0 gelesen – bitte prüfen.',
        'missing from the folder: the HSDS version is not stated; the tables were read by their file names as HSDS 3.0 – please check.',
      ],
    });
  } else if (!version) {
    notes.push({
      severity: 'warning',
      where: ['datapackage.json', 'datapackage.json'],
      message: [
        'nennt keine Version (version); die Tabellen wurden als HSDS 3.0 gelesen – bitte prüfen.',
        'states no version; the tables were read as HSDS 3.0 – please check.',
      ],
    });
  }
  if (missing.length) {
    notes.push({
      severity: 'info',
      where: ['datapackage.json', 'datapackage.json'],
      message: [
        `nennt Tabellen, die im Ordner fehlen: ${q(missing.join(', '), 120)}.`,
        `lists tables that are missing from the folder: ${q(missing.join(', '), 120)}.`,
      ],
    });
  }
  if (unread.length) {
    notes.push({
      severity: 'info',
      message: [
        `Nicht gelesen (keine HSDS-3.0-Tabelle): ${q(unread.join(', '), 120)}.`,
        `Not read (no HSDS 3.0 table): ${q(unread.join(', '), 120)}.`,
      ],
    });
  }
  const v = version ? `HSDS ${version}` : 'HSDS 3.0';
  const pk: Pair = pkgFile ? ['datapackage.json', 'datapackage.json'] : ['ohne datapackage.json', 'without datapackage.json'];
  return {
    tabular,
    origins,
    notes,
    shape: [
      `${v}, CSV-Ordner mit ${tables} ${tables === 1 ? 'Tabelle' : 'Tabellen'} (${pk[0]})`,
      `${v}, CSV folder with ${tables} table${tables === 1 ? '' : 's'} (${pk[1]})`,
    ],
  };
}
