// `npm run release` (after `npm run build`): the archive a city uploads as is,
// dist/lotse-<version>.zip, with one folder lotse/ holding
//   the widgets (lotse.js, one file per widget, chunks/), the iframe page (embed.html, embed.js),
//   the editor page (redaktion.html, .js, .css), feed.schema.json, the CSV template,
//   a sample feed (beispiel-services.json, invented data) and LIESMICH.txt (three steps).
// No source maps, types or Node files: nothing an editor has to sort out.
//
//   node scripts/release.mjs [--out DIR]   write DIR/lotse-<version>.zip (default dist/)
//   node scripts/release.mjs --check [ZIP] unzip it and check that every required file is there
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const dist = 'dist';
const FOLDER = 'lotse';
const archiveName = `lotse-${version}.zip`;
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The built files the archive takes from dist/ (chunks/ come on top). */
const FROM_DIST = [
  'lotse.js',
  'service-finder.js',
  'hours-map.js',
  'quick-check.js',
  'contact-form.js',
  'embed.html',
  'embed.js',
  'redaktion.html',
  'redaktion.js',
  'redaktion.css',
  'feed.schema.json',
];
/** Files every archive must have (inside lotse/). */
const REQUIRED = [...FROM_DIST, 'angebote-vorlage.csv', 'beispiel-services.json', 'LIESMICH.txt'];

const LIESMICH = `Lotse ${version} – Hilfe finden, in meiner Sprache
=================================================

Vier Widgets für Ihre Website: Angebote finden, Sprechzeiten und Karte, Schnell-Check und
Kontaktformular – in acht Sprachen. Sie brauchen dafür nur einen Browser.

In drei Schritten:

1. Hochladen
   Laden Sie den ganzen Ordner „lotse“ aus diesem Archiv unverändert auf Ihren Webserver,
   z. B. nach https://www.ihre-stadt.de/lotse/ (Dateiverwaltung Ihres Redaktionssystems
   oder FTP). Die Dateien bleiben auf Ihrem Server; Lotse lädt nichts von fremden Servern.

2. Feed erstellen
   Öffnen Sie die Seite für Redaktionen: https://www.ihre-stadt.de/lotse/redaktion.html
   (oder vor dem Hochladen die Datei redaktion.html in diesem Ordner per Doppelklick).
   Füllen Sie die Vorlage angebote-vorlage.csv in Excel oder LibreOffice aus (eine Zeile
   je Ort eines Angebots) und ziehen Sie die gespeicherte Datei (.xlsx, .ods oder .csv)
   auf die Seite. Sie nennt jeden Fehler mit Zeile, Spalte und Lösung und zeigt die vier
   Widgets mit Ihren Daten. Dann „services.json herunterladen“ und diese Datei in den
   Ordner lotse auf Ihrem Server hochladen (https://www.ihre-stadt.de/lotse/services.json).
   Zum Ausprobieren: beispiel-services.json (erfundene Angebote) auf die Seite ziehen.

3. Code einfügen
   Auf derselben Seite unter „4. Einbau-Code“ das Widget wählen, den Code kopieren und in
   Ihr Redaktionssystem einfügen: TYPO3 Inhaltselement „HTML“, WordPress Block
   „Individuelles HTML“, Drupal Block mit „Full HTML“. Erlaubt Ihr System keine Skripte
   im Inhalt, nehmen Sie den iframe-Code.

Ihre Tabelle verlässt Ihren Computer nicht: redaktion.html arbeitet nur im Browser, auch
ohne Internet, und sendet nichts. Ändern sich Angebote, wiederholen Sie Schritt 2.

Das Kontaktformular braucht zusätzlich eine Empfangsadresse auf Ihrem Server (endpoint);
das richtet die Website-Technik ein (README des Projekts, „Contact endpoint“).

Inhalt des Ordners lotse:
  redaktion.html (+ .js, .css)   Seite für Redaktionen: prüfen, ansehen, Code kopieren
  lotse.js, service-finder.js,   die Widgets (chunks/ gehört dazu)
  hours-map.js, quick-check.js,
  contact-form.js, chunks/
  embed.html, embed.js           Seite für den iframe-Einbau
  feed.schema.json               Beschreibung des Feeds für Editoren (VS Code u. a.)
  angebote-vorlage.csv           Vorlage für Ihre Angebote
  beispiel-services.json         Beispiel-Feed mit erfundenen Daten
`;

function fail(message) {
  console.error(`scripts/release.mjs: ${message}`);
  process.exit(1);
}

/** Check an archive: every required file, chunks present, nothing outside lotse/. Returns the names. */
function checkArchive(bytes) {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const missing = REQUIRED.filter((name) => !files[`${FOLDER}/${name}`]?.length);
  const outside = names.filter((name) => !name.startsWith(`${FOLDER}/`));
  const problems = [];
  if (missing.length) problems.push(`missing: ${missing.join(', ')}`);
  if (outside.length) problems.push(`outside ${FOLDER}/: ${outside.join(', ')}`);
  if (!names.some((name) => name.startsWith(`${FOLDER}/chunks/`))) problems.push('no chunks/');
  if (names.some((name) => name.endsWith('.map') || name.endsWith('.ts'))) problems.push('source maps or TypeScript inside');
  return { names, problems };
}

if (args.includes('--check')) {
  const zip = args[args.indexOf('--check') + 1] ?? join(dist, archiveName);
  if (!existsSync(zip)) fail(`${zip} is missing: run \`npm run release\` first.`);
  const { names, problems } = checkArchive(readFileSync(zip));
  if (problems.length) fail(`${zip}: ${problems.join('; ')}`);
  console.log(`${zip}: ${names.length} files, all required ones present (${REQUIRED.join(', ')}, chunks/).`);
  process.exit(0);
}

for (const file of ['lotse.js', 'embed.html', 'redaktion.html', 'feed.schema.json']) {
  if (!existsSync(join(dist, file))) fail(`dist/${file} is missing: run \`npm run build\` first.`);
}

// A fixed date, so the same build gives the same archive.
const mtime = new Date('2026-01-01T00:00:00Z');
const entries = {};
const add = (name, data) => {
  entries[`${FOLDER}/${name}`] = [typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data), { mtime }];
};
for (const name of FROM_DIST) add(name, readFileSync(join(dist, name)));
for (const chunk of readdirSync(join(dist, 'chunks'))
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  add(`chunks/${chunk}`, readFileSync(join(dist, 'chunks', chunk)));
}
add('angebote-vorlage.csv', readFileSync('templates/angebote-vorlage.csv'));
add('beispiel-services.json', readFileSync('demo/public/services.json'));
// Windows line ends: the file is opened in Notepad as often as anywhere else.
add('LIESMICH.txt', LIESMICH.replace(/\n/g, '\r\n'));

const zip = zipSync(entries, { level: 9 });
const { problems } = checkArchive(zip);
if (problems.length) fail(problems.join('; '));
const out = option('--out') ?? dist;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, archiveName), zip);
console.log(`${join(out, archiveName)} written: ${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(1)} kB.`);
