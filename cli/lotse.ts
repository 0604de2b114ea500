/**
 * The `lotse` command for web editors:
 *
 *   lotse validate feed.json [--lang en] [--max-age-days 365]
 *   lotse import angebote.csv [-o feed.json] [--state NW] [--publisher "Stadt …"]
 *   lotse import --from hsds daten.json [-o feed.json] [--text-lang de]
 *
 * Only this file touches the file system and the process; the checks and imports are pure
 * functions in the files beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { formatNotes, type ImportResult } from './import-common.js';
import { importCsv } from './import-csv.js';
import { importHsds } from './import-hsds.js';
import type { Lang } from './messages.js';
import { formatReport, validateFeed, validateText } from './validate.js';

const HELP: Record<Lang, string> = {
  de: `Lotse – Werkzeuge für Redaktionen

  npx lotse validate <feed.json> [--lang en] [--max-age-days 365]
      Prüft einen Feed und nennt jedes Problem mit Fundstelle und Lösung.
      Rückgabewert 0: keine Fehler (Warnungen sind erlaubt), 1: Fehler.

  npx lotse import <angebote.csv> [-o feed.json] [--state NW] [--publisher "Stadt Musterstadt"]
      Macht aus einer Tabelle (aus Excel als CSV gespeichert) einen Feed und prüft ihn.
      Vorlage: templates/angebote-vorlage.csv

  npx lotse import --from hsds <daten.json> [-o feed.json] [--publisher "…"] [--text-lang de]
      Übernimmt Open-Referral-Daten (HSDS 3.0) und nennt, was nicht übernommen werden konnte.

  Ohne -o wird der Feed neben die Quelldatei geschrieben (angebote.csv → angebote.json);
  -o - schreibt ihn auf die Standardausgabe.
`,
  en: `Lotse – tools for web editors

  npx lotse validate <feed.json> [--lang en] [--max-age-days 365]
      Checks a feed and prints every problem with its path and a fix.
      Exit code 0: no errors (warnings allowed), 1: errors.

  npx lotse import <services.csv> [-o feed.json] [--state NW] [--publisher "City of Example"]
      Turns a spreadsheet saved as CSV into a feed and checks it.
      Template: templates/angebote-vorlage.csv

  npx lotse import --from hsds <data.json> [-o feed.json] [--publisher "…"] [--text-lang de]
      Imports Open Referral HSDS 3.0 data and lists what could not be mapped.

  Without -o the feed is written next to the source (services.csv → services.json);
  -o - writes it to standard output.
`,
};

interface Args {
  command?: string;
  file?: string;
  options: Record<string, string>;
}

const VALUE_OPTIONS = new Set(['lang', 'max-age-days', 'o', 'output', 'state', 'publisher', 'from', 'text-lang', 'today']);

export function parseArgs(argv: string[]): Args {
  const args: Args = { options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^--?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (option && arg !== '-') {
      const [, name, inline] = option;
      if (VALUE_OPTIONS.has(name)) args.options[name] = inline ?? argv[++i] ?? '';
      else args.options[name] = 'true';
    } else if (!args.command) args.command = arg;
    else if (!args.file) args.file = arg;
    else args.options.extra = arg;
  }
  return args;
}

function read(file: string, lang: Lang): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const [de, en] = code === 'ENOENT'
      ? [`Die Datei „${file}“ gibt es nicht. Stimmt der Name und der Ordner?`, `The file "${file}" does not exist. Are the name and folder right?`]
      : [`Die Datei „${file}“ kann nicht gelesen werden (${code}).`, `The file "${file}" cannot be read (${code}).`];
    throw new UsageError(lang === 'de' ? de : en);
  }
}

class UsageError extends Error {}

export function main(argv: string[]): number {
  const { command, file, options } = parseArgs(argv);
  const lang: Lang = options.lang === 'en' ? 'en' : 'de';
  const say = (de: string, en: string) => (lang === 'de' ? de : en);
  const out = (lines: string[] | string) => process.stdout.write(`${([] as string[]).concat(lines).join('\n')}\n`);
  const err = (text: string) => process.stderr.write(`${text}\n`);
  try {
    if (!command || command === 'help' || options.help || options.h) {
      out(HELP[lang]);
      return command && command !== 'help' ? 1 : 0;
    }
    if (!file) throw new UsageError(say('Bitte eine Datei angeben.', 'Please name a file.') + `\n\n${HELP[lang]}`);
    const maxAgeDays = options['max-age-days'] ? Number(options['max-age-days']) : undefined;
    if (maxAgeDays !== undefined && !(maxAgeDays > 0)) {
      throw new UsageError(say('--max-age-days braucht eine Zahl größer 0, z. B. --max-age-days 180.', '--max-age-days needs a number above 0, e.g. --max-age-days 180.'));
    }
    const checkOptions = { maxAgeDays, today: options.today };

    if (command === 'validate') {
      out(say(`Prüfe ${file} …`, `Checking ${file} …`));
      const text = new TextDecoder().decode(read(file, lang));
      const result = validateText(text, checkOptions);
      out(formatReport(result, lang));
      return result.ok ? 0 : 1;
    }

    if (command === 'import') {
      const from = (options.from ?? (extname(file).toLowerCase() === '.json' ? 'hsds' : 'csv')).toLowerCase();
      const importOptions = { publisher: options.publisher, state: options.state, today: options.today };
      let imported: ImportResult;
      let detail = '';
      if (from === 'csv') {
        const result = importCsv(read(file, lang), importOptions);
        imported = result;
        const sep = { ';': say('Semikolon', 'semicolon'), ',': say('Komma', 'comma'), '\t': 'Tab' }[result.delimiter] ?? result.delimiter;
        detail = say(` (Zeichensatz ${result.encoding}, Trennzeichen ${sep})`, ` (encoding ${result.encoding}, delimiter ${sep})`);
      } else if (from === 'hsds') {
        const text = new TextDecoder().decode(read(file, lang));
        const check = validateText(text); // only for the JSON syntax message
        if (check.problems[0]?.code === 'notJson') {
          out(formatReport(check, lang).slice(0, 1));
          return 1;
        }
        imported = importHsds(JSON.parse(text.replace(/^\uFEFF/, '')), { ...importOptions, textLanguage: options['text-lang'] });
      } else {
        throw new UsageError(say(`Unbekanntes Format „${from}“. Erlaubt: --from csv oder --from hsds.`, `Unknown format "${from}". Allowed: --from csv or --from hsds.`));
      }
      if (!imported.feed) {
        formatNotes(imported.notes, lang).forEach(err);
        return 1;
      }
      const services = (imported.feed.services as unknown[]).length;
      const target = options.o ?? options.output ?? `${file.slice(0, file.length - extname(file).length)}.json`;
      const json = `${JSON.stringify(imported.feed, null, 2)}\n`;
      if (target === '-') process.stdout.write(json);
      else writeFileSync(target, json);
      const log = target === '-' ? err : (text: string) => out(text);
      const counted = say(`${services} Dienst${services === 1 ? '' : 'e'}`, `${services} service${services === 1 ? '' : 's'}`);
      log(say(`Import aus ${basename(file)}${detail}: ${counted}.`, `Import from ${basename(file)}${detail}: ${counted}.`));
      const notes = formatNotes(imported.notes, lang);
      if (notes.length) {
        log(say('\nBeim Import:', '\nDuring import:'));
        notes.forEach(log);
      }
      if (target !== '-') log(say(`\nFeed geschrieben: ${target}`, `\nFeed written: ${target}`));
      log(say('\nPrüfung des neuen Feeds:', '\nCheck of the new feed:'));
      const result = validateFeed(imported.feed, { ...checkOptions, sources: imported.sources });
      formatReport(result, lang).forEach(log);
      const importErrors = imported.notes.filter((n) => n.severity === 'error').length;
      if (importErrors) {
        log(say(
          `Beim Import gab es ${importErrors} Fehler (siehe oben „Beim Import“); diese Angaben fehlen im Feed. Bitte in der Tabelle korrigieren und erneut importieren.`,
          `The import had ${importErrors} error${importErrors === 1 ? '' : 's'} (see "During import" above); those details are missing from the feed. Please correct the spreadsheet and import again.`,
        ));
      }
      return result.ok && !importErrors ? 0 : 1;
    }
    throw new UsageError(say(`Unbekannter Befehl „${command}“.`, `Unknown command "${command}".`) + `\n\n${HELP[lang]}`);
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
