/**
 * The `lotse` command for web editors:
 *
 *   lotse validate feed.json [--lang en] [--max-age-days 365] [--format json]
 *   lotse import angebote.csv|.xlsx|.ods [-o feed.json] [--state NW] [--publisher "Stadt …"]
 *   lotse import --from hsds daten.json|ordner/ [-o feed.json] [--text-lang de]
 *
 * Exit codes: 0 = the feed can be published, 1 = errors in the data, 2 = a mistake on the
 * command line (unknown option, missing file, output over the input).
 *
 * Only this file touches the file system and the process; the checks and imports are pure
 * functions in the files beside it. The tools never write over their input, never write a
 * feed without services, and write the output in one step (a temporary file renamed), so an
 * interrupted run leaves no half-written feed.
 */
import { existsSync, readdirSync, readFileSync, renameSync, type Stats, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError, parseArgs, reportLanguage } from './args.js';
import { closest } from './edit-distance.js';
import { formatNotes, type ImportResult } from './import-common.js';
import { importSpreadsheet } from './import-csv.js';
import { importHsds, importHsdsPackage } from './import-hsds.js';
import { type Lang, type Pair, REFUSALS } from './messages.js';
import { describeBytes } from './spreadsheet.js';
import { formatJson, formatReport, validateFeed, validateText, type ValidateResult } from './validate.js';
import { GERMAN_STATES } from '../src/core/feed/constants.js';

const HELP: Record<Lang, string> = {
  de: `Lotse – Werkzeuge für Redaktionen

  npx lotse validate <feed.json> [--lang en] [--max-age-days 365] [--format json]
      Prüft einen Feed und nennt jedes Problem mit Fundstelle und Lösung.

  npx lotse import <angebote.csv|.xlsx|.ods> [-o feed.json] [--state NW] [--publisher "Stadt Musterstadt"]
      Macht aus einer Tabelle (Excel, LibreOffice oder CSV) einen Feed und prüft ihn.
      Vorlage: templates/angebote-vorlage.csv

  npx lotse import --from hsds <daten.json|ordner> [-o feed.json] [--publisher "…"] [--text-lang de]
      Übernimmt Open-Referral-Daten (HSDS 3.0: JSON oder ein Ordner mit CSV-Dateien und
      datapackage.json) und nennt, was nicht übernommen werden konnte.

  Ohne -o wird der Feed neben die Quelldatei geschrieben (angebote.csv → angebote.json,
  daten.json → daten-lotse.json); -o - schreibt ihn auf die Standardausgabe. Die Quelldatei
  wird nie überschrieben.

  Rückgabewert: 0 = kann veröffentlicht werden (Warnungen erlaubt), 1 = Fehler in den Daten,
  2 = Fehler im Befehl (unbekannte Option, Datei fehlt).
`,
  en: `Lotse – tools for web editors

  npx lotse validate <feed.json> [--lang en] [--max-age-days 365] [--format json]
      Checks a feed and prints every problem with its place and a fix.

  npx lotse import <services.csv|.xlsx|.ods> [-o feed.json] [--state NW] [--publisher "City of Example"]
      Turns a spreadsheet (Excel, LibreOffice or CSV) into a feed and checks it.
      Template: templates/angebote-vorlage.csv

  npx lotse import --from hsds <data.json|folder> [-o feed.json] [--publisher "…"] [--text-lang de]
      Imports Open Referral data (HSDS 3.0: JSON, or a folder of CSV files with
      datapackage.json) and lists what could not be mapped.

  Without -o the feed is written next to the source (services.csv → services.json,
  data.json → data-lotse.json); -o - writes it to standard output. The source file is
  never overwritten.

  Exit code: 0 = can be published (warnings allowed), 1 = errors in the data,
  2 = a mistake in the command (unknown option, missing file).
`,
};

/** Files larger than this are refused before they are read (a feed is a few megabytes). */
const MAX_BYTES = 100 * 1024 * 1024;
const FORMATS = ['text', 'json'];
const SOURCES: Record<string, 'table' | 'hsds'> = {
  csv: 'table',
  xlsx: 'table',
  ods: 'table',
  tabelle: 'table',
  table: 'table',
  hsds: 'hsds',
};

/** A problem with the data that ends the run (exit 1), not a command-line mistake. */
class DataError extends Error {
  constructor(readonly text: Pair) {
    super(text[1]);
  }
}

function checkFile(file: string, allowFolder = false): 'file' | 'folder' {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? [
            `Die Datei „${file}“ gibt es nicht. Stimmt der Name und der Ordner?`,
            `The file "${file}" does not exist. Are the name and folder right?`,
          ]
        : [`Die Datei „${file}“ kann nicht gelesen werden (${code}).`, `The file "${file}" cannot be read (${code}).`],
    );
  }
  if (stats.isDirectory()) {
    if (allowFolder) return 'folder';
    throw new UsageError([`„${file}“ ist ein Ordner, keine Datei.`, `"${file}" is a folder, not a file.`]);
  }
  if (stats.size > MAX_BYTES) {
    throw new DataError(REFUSALS.tooLarge(file, Math.round(stats.size / 1048576)));
  }
  return 'file';
}

function read(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError([
      `Die Datei „${file}“ kann nicht gelesen werden (${(error as NodeJS.ErrnoException).code}).`,
      `The file "${file}" cannot be read (${(error as NodeJS.ErrnoException).code}).`,
    ]);
  }
}

/** A JSON file's text; anything that is not UTF-8 text gets one sentence saying what it is. */
function jsonText(file: string, bytes: Uint8Array): string {
  const kind = describeBytes(bytes);
  if (kind) throw new DataError(kind);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(REFUSALS.notUtf8(basename(file)));
  }
}

/** An HSDS folder (CSV tables + datapackage.json) as file name → text. */
function readFolder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    if (!/\.(csv|json)$/i.test(name)) continue;
    const path = join(folder, name);
    if (!statSync(path).isFile()) continue;
    checkFile(path);
    files[name] = jsonText(path, read(path));
  }
  return files;
}

/** Where the feed goes: -o, else next to the source, never over it. */
function outputPath(source: string, option: string | undefined): string {
  const stem = source.replace(/[\\/]+$/, '').slice(0, source.replace(/[\\/]+$/, '').length - extname(source).length);
  let target = option ?? `${stem}.json`;
  if (option === undefined && resolve(target) === resolve(source)) target = `${stem}-lotse.json`;
  if (target === '-') return target;
  if (resolve(target) === resolve(source)) {
    throw new UsageError([
      `-o „${target}“ würde die Quelldatei überschreiben. Bitte einen anderen Namen wählen, z. B. -o feed.json.`,
      `-o "${target}" would overwrite the source file. Please choose another name, e.g. -o feed.json.`,
    ]);
  }
  const folder = dirname(resolve(target));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError([
      `Den Ordner „${dirname(target)}“ für „${target}“ gibt es nicht. Bitte erst anlegen oder einen anderen Pfad wählen.`,
      `The folder "${dirname(target)}" for "${target}" does not exist. Please create it or choose another path.`,
    ]);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UsageError([
      `„${target}“ ist ein Ordner. Bitte einen Dateinamen angeben, z. B. ${join(target, 'services.json')}.`,
      `"${target}" is a folder. Please give a file name, e.g. ${join(target, 'services.json')}.`,
    ]);
  }
  return target;
}

function writeAtomically(target: string, text: string) {
  const temporary = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError([
      `„${target}“ kann nicht geschrieben werden (${code}). Ist die Datei schreibgeschützt oder geöffnet?`,
      `"${target}" cannot be written (${code}). Is the file read-only or open elsewhere?`,
    ]);
  }
}

/** Where the report goes, in which language. */
interface Io {
  lang: Lang;
  l: 0 | 1;
  out: (lines: string[] | string) => void;
  err: (text: string) => void;
}

/** What both commands take, checked: the one file, the report format, the check settings. */
interface Common {
  file: string;
  format: string;
  checkOptions: { maxAgeDays?: number; today?: string };
}

type ImportSettings = { publisher?: string; state?: string; today?: string };

function checkCommand(command: string) {
  if (command !== 'validate' && command !== 'import') {
    const guess = closest(command, ['validate', 'import']);
    throw new UsageError([
      `Unbekannter Befehl „${command.slice(0, 40)}“.${guess ? ` Meinten Sie „lotse ${guess}“?` : ' Erlaubt: validate, import.'}`,
      `Unknown command "${command.slice(0, 40)}".${guess ? ` Did you mean "lotse ${guess}"?` : ' Allowed: validate, import.'}`,
    ]);
  }
}

function commonOptions(files: string[], options: Record<string, string>): Common {
  if (options.lang !== undefined && options.lang !== 'de' && options.lang !== 'en') {
    throw new UsageError([`--lang „${options.lang}“: erlaubt sind de und en.`, `--lang "${options.lang}": allowed are de and en.`]);
  }
  if (files.length === 0) throw new UsageError(['Bitte eine Datei angeben.', 'Please name a file.']);
  if (files.length > 1) {
    throw new UsageError([
      `Bitte nur eine Datei angeben (gefunden: ${files.join(', ')}). Hat der Name Leerzeichen? Dann in Anführungszeichen: "Meine Datei.csv".`,
      `Please name one file only (found: ${files.join(', ')}). Does the name contain spaces? Then quote it: "My file.csv".`,
    ]);
  }
  const [file] = files;
  const maxAgeDays = options['max-age-days'] !== undefined ? Number(options['max-age-days']) : undefined;
  if (maxAgeDays !== undefined && !(Number.isInteger(maxAgeDays) && maxAgeDays > 0)) {
    throw new UsageError([
      '--max-age-days braucht eine ganze Zahl größer 0, z. B. --max-age-days 180.',
      '--max-age-days needs a whole number above 0, e.g. --max-age-days 180.',
    ]);
  }
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new UsageError([
      '--today braucht ein Datum JJJJ-MM-TT, z. B. --today 2026-12-01.',
      '--today needs a date YYYY-MM-DD, e.g. --today 2026-12-01.',
    ]);
  }
  const format = options.format ?? 'text';
  if (!FORMATS.includes(format)) {
    throw new UsageError([`--format „${format}“: erlaubt sind text und json.`, `--format "${format}": allowed are text and json.`]);
  }
  return { file, format, checkOptions: { maxAgeDays, today: options.today } };
}

function validate({ file, format, checkOptions }: Common, { lang, l, out }: Io): number {
  checkFile(file);
  const result = validateText(jsonText(file, read(file)), checkOptions);
  if (format === 'json') out(formatJson(result));
  else out([l ? `Checking ${file} …` : `Prüfe ${file} …`, ...formatReport(result, lang)]);
  return result.ok ? 0 : 1;
}

/** `--state` and `--text-lang` of `lotse import`, checked. */
function importSettings(options: Record<string, string>): { importOptions: ImportSettings; textLanguage?: string } {
  const state = options.state?.toUpperCase().replace(/^DE-/, '');
  if (state !== undefined && !(GERMAN_STATES as readonly string[]).includes(state)) {
    throw new UsageError([
      `--state „${options.state}“ ist kein Bundesland. Erlaubt: ${GERMAN_STATES.join(', ')} (z. B. NW für Nordrhein-Westfalen).`,
      `--state "${options.state}" is not a German state. Allowed: ${GERMAN_STATES.join(', ')} (e.g. NW for North Rhine-Westphalia).`,
    ]);
  }
  if (options['text-lang'] !== undefined && !/^[a-z]{2,3}$/.test(options['text-lang'])) {
    throw new UsageError([
      `--text-lang „${options['text-lang']}“ ist kein Sprachcode, z. B. de oder en.`,
      `--text-lang "${options['text-lang']}" is not a language code, e.g. de or en.`,
    ]);
  }
  return { importOptions: { publisher: options.publisher, state, today: options.today }, textLanguage: options['text-lang'] };
}

/** Read the source (a table, HSDS JSON or a folder of HSDS tables) and import it. */
function readSource(
  file: string,
  options: Record<string, string>,
  importOptions: ImportSettings,
  textLanguage: string | undefined,
): ImportResult {
  const kind = checkFile(file, true);
  const fromOption = options.from?.toLowerCase();
  if (fromOption !== undefined && !(fromOption in SOURCES)) {
    throw new UsageError([
      `Unbekanntes Format „${options.from}“. Erlaubt: --from csv (auch xlsx, ods) oder --from hsds.`,
      `Unknown format "${options.from}". Allowed: --from csv (also xlsx, ods) or --from hsds.`,
    ]);
  }
  const from = fromOption ? SOURCES[fromOption] : kind === 'folder' || extname(file).toLowerCase() === '.json' ? 'hsds' : 'table';
  if (kind === 'folder') {
    if (from !== 'hsds')
      throw new UsageError([
        `„${file}“ ist ein Ordner. Ordner gibt es nur für HSDS-Daten (--from hsds).`,
        `"${file}" is a folder. Folders are for HSDS data only (--from hsds).`,
      ]);
    return importHsdsPackage(readFolder(file), { ...importOptions, textLanguage });
  }
  if (from === 'hsds') {
    const text = jsonText(file, read(file));
    const check = validateText(text); // for the JSON syntax message with line and column
    if (check.problems[0]?.code === 'notJson' || check.problems[0]?.code === 'tooDeep') {
      throw new DataError([check.problems[0].message, check.problems[0].messageEn]);
    }
    return importHsds(JSON.parse(text.replace(/^\uFEFF/, '')), { ...importOptions, textLanguage });
  }
  return importSpreadsheet(read(file), importOptions, basename(file));
}

function importFile(common: Common, options: Record<string, string>, io: Io): number {
  const { file, format } = common;
  const { importOptions, textLanguage } = importSettings(options);
  const target = outputPath(file, options.output);
  if (target === '-' && format === 'json') {
    throw new UsageError([
      '-o - und --format json schreiben beide auf die Standardausgabe. Bitte -o feed.json angeben.',
      '-o - and --format json both write to standard output. Please give -o feed.json.',
    ]);
  }
  return writeAndReport(common, target, readSource(file, options, importOptions, textLanguage), io);
}

/** Write the imported feed (never one without services), then check it and report both. */
function writeAndReport({ file, format, checkOptions }: Common, target: string, imported: ImportResult, { lang, l, out, err }: Io): number {
  const log = target === '-' || format === 'json' ? err : (text: string) => out(text);
  const source = imported.summary ? `: ${imported.summary[l]}` : '';
  const services = Array.isArray(imported.feed?.services) ? (imported.feed.services as unknown[]).length : 0;
  log(l ? `Import from ${basename(file)}${source}` : `Import aus ${basename(file)}${source}`);
  const notes = formatNotes(imported.notes, lang);
  if (notes.length) {
    log(l ? '\nDuring import:' : '\nBeim Import:');
    notes.forEach(log);
  }
  if (!imported.feed || services === 0) {
    log(
      l
        ? '\nNo service could be imported, so no feed was written. Please correct the points above and import again.'
        : '\nKein Dienst konnte übernommen werden, daher wurde kein Feed geschrieben. Bitte die Punkte oben korrigieren und erneut importieren.',
    );
    if (format === 'json')
      out(JSON.stringify({ ok: false, written: null, import: { summary: imported.summary ?? null, notes: imported.notes } }, null, 2));
    return 1;
  }
  const json = `${JSON.stringify(imported.feed, null, 2)}\n`;
  if (target === '-') process.stdout.write(json);
  else writeAtomically(target, json);
  const counted = l ? `${services} service${services === 1 ? '' : 's'}` : `${services} Dienst${services === 1 ? '' : 'e'}`;
  if (target !== '-') log(l ? `\nFeed written: ${target} (${counted})` : `\nFeed geschrieben: ${target} (${counted})`);
  const result: ValidateResult = validateFeed(imported.feed, { ...checkOptions, sources: imported.sources });
  const importErrors = imported.notes.filter((n) => n.severity === 'error').length;
  if (format === 'json') {
    const report = JSON.parse(formatJson(result));
    out(
      JSON.stringify(
        {
          ...report,
          ok: report.ok && !importErrors,
          written: target,
          import: { summary: imported.summary ?? null, notes: imported.notes },
        },
        null,
        2,
      ),
    );
  } else {
    log(l ? '\nCheck of the new feed:' : '\nPrüfung des neuen Feeds:');
    formatReport(result, lang).forEach(log);
    if (importErrors) {
      log(
        l
          ? `The import had ${importErrors} error${importErrors === 1 ? '' : 's'} (see "During import" above); those details are missing from the feed. Please correct the source and import again.`
          : `Beim Import gab es ${importErrors} Fehler (siehe oben „Beim Import“); diese Angaben fehlen im Feed. Bitte in der Quelle korrigieren und erneut importieren.`,
      );
    }
  }
  return result.ok && !importErrors ? 0 : 1;
}

/** A usage error (exit 2), a data error (exit 1), anything else in one sentence (exit 1). */
function failure(error: unknown, { l, err }: Io): number {
  if (error instanceof UsageError) {
    err(`${error.text[l]}${l ? '\n\nHelp: npx lotse --help' : '\n\nHilfe: npx lotse --help'}`);
    return 2;
  }
  if (error instanceof DataError) {
    err(error.text[l]);
    return 1;
  }
  // Never a stack trace for an editor; LOTSE_DEBUG=1 shows it to developers.
  if (process.env.LOTSE_DEBUG) throw error;
  const what = String((error as Error)?.message ?? error)
    .split('\n')[0]
    .slice(0, 120);
  err(
    l
      ? `Lotse could not finish (${what}). Please report it with the file to the Lotse team; LOTSE_DEBUG=1 shows details.`
      : `Lotse konnte die Arbeit nicht beenden (${what}). Bitte mit der Datei an das Lotse-Team melden; LOTSE_DEBUG=1 zeigt Einzelheiten.`,
  );
  return 1;
}

export function main(argv: string[]): number {
  const lang = reportLanguage(argv);
  const io: Io = {
    lang,
    l: lang === 'de' ? 0 : 1,
    out: (lines) => process.stdout.write(`${([] as string[]).concat(lines).join('\n')}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  try {
    const { command, files, options } = parseArgs(argv);
    if (options.help || command === 'help') {
      io.out(HELP[lang]);
      return 0;
    }
    if (command === undefined) {
      io.err(HELP[lang]);
      return 2;
    }
    checkCommand(command);
    const common = commonOptions(files, options);
    return command === 'validate' ? validate(common, io) : importFile(common, options, io);
  } catch (error) {
    return failure(error, io);
  }
}

process.exitCode = main(process.argv.slice(2));
