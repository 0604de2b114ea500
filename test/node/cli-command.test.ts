/**
 * The `lotse` command as an editor runs it: files, exit codes (0 publishable, 1 errors in the
 * data, 2 a mistake in the command), usage errors, and never a stack trace or a lost input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lotse, readJson, repo, scratch, write, type Run } from './helpers.js';

const noStackTrace = (run: Run) => assert.doesNotMatch(run.output, /\n\s+at .+:\d+:\d+/, run.output);
const deeplyNested = (depth: number) => `{"version":1,"services":${'['.repeat(depth)}${']'.repeat(depth)}}`;

test('validate the sample feed: exit 0 and the publishable summary', () => {
  const run = lotse(['validate', repo('demo/public/services.json')]);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /Ergebnis: keine Fehler/);
});

test('without arguments: the help on stderr and exit 2; --help: exit 0', () => {
  const bare = lotse([]);
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /npx lotse validate/);
  const help = lotse(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Rückgabewert: 0 = kann veröffentlicht werden/);
  assert.match(lotse(['--help', '--lang', 'en']).stdout, /Exit code: 0 = can be published/);
});

test('a mistyped command or option is a usage error with a suggestion, never ignored', () => {
  const command = lotse(['valdate', repo('demo/public/services.json')]);
  assert.equal(command.status, 2);
  assert.match(command.stderr, /Unbekannter Befehl „valdate“\. Meinten Sie „lotse validate“\?/);
  const dir = scratch();
  const option = lotse(['import', repo('templates/angebote-vorlage.csv'), '--ouput', join(dir, 'x.json')]);
  assert.equal(option.status, 2);
  assert.match(option.stderr, /Unbekannte Option „--ouput“\. Meinten Sie --output\?/);
  assert.deepEqual(readdirSync(dir), [], 'nothing written');
  const wrongCommand = lotse(['validate', repo('demo/public/services.json'), '--state', 'NW']);
  assert.equal(wrongCommand.status, 2);
  assert.match(wrongCommand.stderr, /Die Option --state gibt es bei „lotse validate“ nicht\./);
  const missingValue = lotse(['validate', repo('demo/public/services.json'), '--max-age-days']);
  assert.equal(missingValue.status, 2);
  assert.match(missingValue.stderr, /Nach --max-age-days fehlt der Wert\./);
  const badNumber = lotse(['validate', repo('demo/public/services.json'), '--max-age-days', 'abc']);
  assert.equal(badNumber.status, 2);
  const twoFiles = lotse(['validate', 'Meine', 'Datei.json']);
  assert.equal(twoFiles.status, 2);
  assert.match(twoFiles.stderr, /Bitte nur eine Datei angeben \(gefunden: Meine, Datei\.json\)/);
  const badState = lotse(['import', repo('templates/angebote-vorlage.csv'), '--state', 'NRW', '-o', join(dir, 'x.json')]);
  assert.equal(badState.status, 2);
  assert.match(badState.stderr, /--state „NRW“ ist kein Bundesland\. Erlaubt: BW, BY/);
});

test('a missing file or folder is a usage error in plain words', () => {
  const run = lotse(['validate', 'gibt-es-nicht.json']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Die Datei „gibt-es-nicht\.json“ gibt es nicht\./);
  assert.equal(lotse(['validate', scratch()]).status, 2);
});

test('import --from hsds daten.json never writes over its input', () => {
  const dir = scratch();
  const input = join(dir, 'daten.json');
  copyFileSync(repo('test/fixtures/cli/hsds-3.0.json'), input);
  const before = readFileSync(input, 'utf8');
  const run = lotse(['import', '--from', 'hsds', 'daten.json', '--publisher', 'Stadt Hafenstadt'], dir);
  assert.equal(readFileSync(input, 'utf8'), before, 'the input is unchanged');
  assert.ok(existsSync(join(dir, 'daten-lotse.json')), run.output);
  assert.match(run.output, /Feed geschrieben: daten-lotse\.json/);
  assert.ok(readJson(join(dir, 'daten-lotse.json')).services.length > 0);

  const explicit = lotse(['import', '--from', 'hsds', 'daten.json', '-o', './daten.json'], dir);
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr, /würde die Quelldatei überschreiben/);
  assert.equal(readFileSync(input, 'utf8'), before);
});

test('a CSV import writes the feed next to the source; -o - writes JSON to stdout and the report to stderr', () => {
  const dir = scratch();
  copyFileSync(repo('templates/angebote-vorlage.csv'), join(dir, 'angebote.csv'));
  const run = lotse(['import', 'angebote.csv', '--publisher', 'Stadt Hafenstadt'], dir);
  assert.equal(run.status, 0, run.output);
  assert.equal(readJson(join(dir, 'angebote.json')).services.length, 2);
  const piped = lotse(['import', 'angebote.csv', '-o', '-', '--publisher', 'Stadt Hafenstadt'], dir);
  assert.equal(piped.status, 0, piped.output);
  assert.equal(JSON.parse(piped.stdout).services.length, 2);
  assert.match(piped.stderr, /Prüfung des neuen Feeds/);
});

test('-o into a folder that does not exist: one sentence, exit 2, no stack trace', () => {
  const dir = scratch();
  const run = lotse(['import', repo('templates/angebote-vorlage.csv'), '-o', join(dir, 'fehlt', 'feed.json')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Den Ordner „.*fehlt“ für „.*feed\.json“ gibt es nicht\./);
  noStackTrace(run);
});

test('a spreadsheet without a single service writes no feed', () => {
  const dir = scratch();
  const csv = write(dir, 'leer.csv', 'ID;Name;Kurzbeschreibung;Kategorien;Sprachen;Kostenlos\n');
  const run = lotse(['import', csv, '-o', join(dir, 'leer.json')]);
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /kein Feed geschrieben/);
  assert.equal(existsSync(join(dir, 'leer.json')), false);
});

test('data that is not services is refused with exit 1 and no feed', () => {
  const dir = scratch();
  const taxonomy = write(
    dir,
    'taxonomie.json',
    JSON.stringify({
      taxonomy_terms: [{ id: 't1', code: 'health', name: 'Gesundheit', description: 'Gesundheit', taxonomy: 'lotse' }],
    }),
  );
  const run = lotse(['import', '--from', 'hsds', taxonomy, '-o', join(dir, 'out.json')]);
  assert.equal(run.status, 1, run.output);
  assert.equal(existsSync(join(dir, 'out.json')), false);
  noStackTrace(run);
});

test('a deeply nested JSON file ends in a sentence, not a crash', () => {
  const dir = scratch();
  const file = write(dir, 'tief.json', deeplyNested(200_000));
  const validate = lotse(['validate', file]);
  assert.equal(validate.status, 1, validate.output);
  noStackTrace(validate);
  assert.ok(validate.output.length < 2000, validate.output.slice(0, 500));
  const imported = lotse(['import', '--from', 'hsds', file, '-o', join(dir, 'out.json')]);
  assert.equal(imported.status, 1, imported.output);
  noStackTrace(imported);
});

test('binary files get one sentence, never megabytes of bytes', () => {
  const dir = scratch();
  const random = new Uint8Array(5 * 1024 * 1024);
  for (let i = 0, x = 7; i < random.length; i++) random[i] = x = (x * 1103515245 + 12345) & 0xff;
  const noise = write(dir, 'rauschen.json', random);
  const validate = lotse(['validate', noise]);
  assert.equal(validate.status, 1);
  assert.ok(validate.output.length < 1000, `${validate.output.length} characters`);
  const png = write(dir, 'foto.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random.slice(0, 2000)]));
  const imported = lotse(['import', png, '-o', join(dir, 'out.json')]);
  assert.equal(imported.status, 1);
  assert.ok(imported.output.length < 1000, imported.output.slice(0, 300));
  assert.match(imported.output, /Foto|Bild/);
  assert.equal(existsSync(join(dir, 'out.json')), false);
});

test('validate --format json: one JSON document for build pipelines', () => {
  const run = lotse(['validate', repo('demo/public/services.json'), '--format', 'json', '--today', '2026-12-01']);
  assert.equal(run.status, 0, run.output);
  const report = JSON.parse(run.stdout);
  assert.equal(report.ok, true);
  assert.equal(typeof report.errors, 'number');
  assert.ok(Array.isArray(report.problems));
  assert.equal(lotse(['validate', repo('demo/public/services.json'), '--format', 'xml']).status, 2);
});

test('the report speaks English with --lang en', () => {
  const run = lotse(['validate', 'fehlt.json', '--lang', 'en']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /The file "fehlt\.json" does not exist\./);
});

test('an HSDS folder of CSV tables is read as one dataset', () => {
  const folder = repo('test/fixtures/cli/hsds-package');
  const dir = scratch();
  mkdirSync(join(dir, 'paket'));
  for (const name of readdirSync(folder)) copyFileSync(join(folder, name), join(dir, 'paket', name));
  const run = lotse(['import', '--from', 'hsds', 'paket', '--publisher', 'Stadt'], dir);
  assert.ok(existsSync(join(dir, 'paket.json')), run.output);
  assert.match(run.output, /Import aus paket: HSDS 3\.0/);
  assert.ok(readJson(join(dir, 'paket.json')).services.length > 0);
});
