/**
 * The spreadsheet importer as a new editor meets it: messy CSV exports, reworded headers,
 * title rows, reused ids, swapped coordinates, real .xlsx/.ods files from LibreOffice, and
 * files that are no table at all. Fixtures: test/fixtures/cli/ (see its README.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { importCsv, importSpreadsheet, nearestColumn, normaliseHeader, parseCsv } from '../../cli/import-csv.js';
import { feedFrame, formatNotes, type ImportNote } from '../../cli/import-common.js';
import { parseHours } from '../../cli/hours.js';
import { describeBytes, detectFormat, formatKind, formatNumber, quote } from '../../cli/spreadsheet.js';
import { validateFeed } from '../../cli/validate.js';
import { feedFindings, lotse, readJson, repo, scratch, write } from './helpers.js';

const TODAY = '2026-11-20';
const OPTIONS = { publisher: 'Stadt Hafenstadt', today: TODAY };
const fixture = (name: string) => new Uint8Array(readFileSync(repo(`test/fixtures/cli/${name}`)));
const bytes = (text: string) => new TextEncoder().encode(text);
const lines = (notes: ImportNote[], lang: 'de' | 'en' = 'de') => formatNotes(notes, lang);
const errors = (notes: ImportNote[]) => lines(notes).filter((l) => l.startsWith('FEHLER'));
const services = (result: { feed?: Record<string, unknown> }) => (result.feed?.services ?? []) as any[];
const HEADER = 'ID;Name;Kurzbeschreibung;Kategorien;Sprachen;Kostenlos;Zugang;Straße;PLZ;Ort;Breitengrad;Längengrad;Sprechzeiten';
const row = (id: string, extra = '') =>
  `${id};Beratung ${id};Hilfe ${id}.;Beratung;de;ja;offen;Weg 1;44100;Hafenstadt;51,47;7,15;Di 09:00-12:00${extra}`;

// --- the template and the old callers -------------------------------------------------------

test('the template imports without a single note, through both entry points', () => {
  const result = importSpreadsheet(fixture('../../../templates/angebote-vorlage.csv'), OPTIONS, 'angebote-vorlage.csv');
  assert.deepEqual(result.notes, []);
  assert.deepEqual(result.source, { format: 'csv', encoding: 'utf-8', delimiter: ';' });
  assert.deepEqual(
    services(result).map((s) => s.id),
    ['clearingstelle-gesundheit', 'mietfuehrerschein'],
  );
  assert.equal(feedFindings(validateFeed(result.feed, { today: TODAY, sources: result.sources }).problems).length, 0);
  const old = importCsv(fixture('../../../templates/angebote-vorlage.csv'), OPTIONS);
  assert.deepEqual(old.feed, result.feed);
  assert.equal(old.delimiter, ';');
});

test('Windows-1252 still decodes, and UTF-16 with or without BOM is text, not binary', () => {
  const result = importSpreadsheet(fixture('windows-1252.csv'), OPTIONS);
  assert.equal(result.source.encoding, 'windows-1252');
  assert.equal(services(result)[0].summary, 'Hilfe bei Schulden und Mahnungen – vertraulich.');
  const text = `${HEADER}\r\n${row('a')}\r\n`;
  const le = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    le[i * 2] = text.charCodeAt(i) & 0xff;
    le[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  const noBom = importSpreadsheet(le, OPTIONS);
  assert.equal(noBom.source.encoding, 'utf-16le');
  assert.equal(services(noBom)[0].address, undefined);
  assert.equal(services(noBom)[0].locations[0].address.street, 'Weg 1');
  const withBom = importSpreadsheet(new Uint8Array([0xff, 0xfe, ...le]), OPTIONS);
  assert.deepEqual(withBom.feed, noBom.feed);
});

// --- structure ------------------------------------------------------------------------------

test('an unclosed quote names its row and column, and the rows after it are still read', () => {
  const result = importCsv(fixture('unclosed-quote.csv'), OPTIONS);
  assert.deepEqual(
    services(result).map((s) => s.id),
    ['beratung-a', 'beratung-c', 'beratung-d', 'beratung-e'],
  );
  const [error, ...rest] = errors(result.notes);
  assert.deepEqual(rest, []);
  assert.match(error, /^FEHLER Zeile 3, Spalte „Kurzbeschreibung“: Hier öffnet ein Anführungszeichen/);
  assert.match(error, /„"Hilfe B\.“/);
  assert.match(error, /wird Zeile 3 übersprungen und jede folgende Zeile für sich gelesen/);
  // The properly quoted cell of row 5 keeps both slots.
  assert.equal(services(result)[2].locations[0].hours.length, 2);
});

test('a quote that never closes up to the end of the file swallows nothing', () => {
  const csv = [HEADER, row('a'), row('b').replace('Hilfe b.', '"Hilfe b.'), row('c'), row('d')].join('\n');
  const result = importCsv(csv, OPTIONS);
  assert.deepEqual(
    services(result).map((s) => s.id),
    ['a', 'c', 'd'],
  );
  assert.match(errors(result.notes)[0], /Zeile 3, Spalte „Kurzbeschreibung“: .*bis zum Ende der Datei nicht geschlossen/);
  assert.match(lines(result.notes, 'en')[0], /never closed up to the end of the file/);
});

test('a short row is skipped with an error naming it, never read with cells missing', () => {
  const result = importCsv(fixture('short-row.csv'), OPTIONS);
  assert.deepEqual(
    services(result).map((s) => s.id),
    ['beratung-a', 'beratung-c'],
  );
  assert.deepEqual(errors(result.notes), [
    'FEHLER Zeile 3: Die Zeile hat nur 9 Zellen, die Kopfzeile (Zeile 1) hat 13; die letzte gelesene Zelle ist „PLZ“ mit „44100“. Die Zeile wird übersprungen, damit kein Wert in die falsche Spalte gerät. Bitte prüfen, ob ein Trennzeichen fehlt oder ein Zeilenumbruch in einer Zelle ohne Anführungszeichen steht.',
  ]);
  assert.match(result.summary![0], /2 Zeilen übernommen, 1 übersprungen/);
});

test('a long row (an unquoted delimiter in a cell) is skipped, trailing empty cells are fine', () => {
  const result = importCsv(fixture('long-row.csv'), OPTIONS);
  assert.deepEqual(
    services(result).map((s) => s.id),
    ['beratung-a'],
  );
  assert.match(
    errors(result.notes)[0],
    /^FEHLER Zeile 3: Die Zeile hat 12 Zellen, die Kopfzeile \(Zeile 1\) nur 11; hinter der letzten Spalte steht noch „Do 14:00-16:00“/,
  );
  const padded = importCsv(`${HEADER};;\n${row('a')};;;;\n`, OPTIONS);
  assert.deepEqual(errors(padded.notes), []);
  assert.equal(services(padded).length, 1);
});

test('a title row above the header: the header is found and named, no "column missing"', () => {
  const result = importCsv(fixture('title-row.csv'), OPTIONS);
  assert.equal(result.delimiter, ';');
  assert.deepEqual(errors(result.notes), []);
  assert.deepEqual(lines(result.notes), [
    'HINWEIS Als Kopfzeile gilt Zeile 3 (13 bekannte Spaltennamen). Darüber steht in Zeile 1 „Angebote Stadt Musterstadt, Stand 11/2026“; das wird nicht übernommen.',
  ]);
  assert.equal(services(result)[0].name, 'Beratung A');
  assert.equal(result.sources['services[0]'][0], 'Zeile 4');
});

test('no header, no rows, an empty file: no feed and one sentence', () => {
  for (const [text, expected] of [
    ['Liebe Kolleginnen,\nanbei die Liste.\n', /Keine Kopfzeile gefunden.*Zeile 1 lautet „Liebe Kolleginnen“/],
    [`${HEADER}\n;;;\n`, /Unter der Kopfzeile \(Zeile 1\) steht keine lesbare Zeile/],
    ['', /Die Tabelle ist leer/],
  ] as const) {
    const result = importSpreadsheet(bytes(text), OPTIONS);
    assert.equal(result.feed, undefined, text);
    assert.match(errors(result.notes).join('\n'), expected);
  }
});

test('parseCsv keeps its shape for old callers and finds ";" under a title with commas', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","zwei\nZeilen"\r\n'), {
    rows: [
      ['a', 'b'],
      ['x, y', 'zwei\nZeilen'],
    ],
    delimiter: ',',
  });
  assert.equal(parseCsv('Stand 11/2026, Stadt, Amt\nID;Name;Kurzbeschreibung;Kategorien\n').delimiter, ';');
});

// --- columns --------------------------------------------------------------------------------

test('reworded headers are understood; a filled unknown column is an error, an empty one a warning', () => {
  const result = importCsv(fixture('reworded-headers.csv'), OPTIONS);
  const [service] = services(result);
  assert.equal(service.description, 'Wir helfen ausführlich.');
  assert.deepEqual(service.contact, { phone: '0231 123456', email: 'a@example.org', website: 'https://www.example.org' });
  assert.deepEqual(service.provider, { name: 'Caritas' });
  assert.deepEqual(service.name, { de: 'Beratung A', ro: 'Consiliere A' });
  assert.deepEqual(service.locations[0].address, { street: 'Weg 1', postalCode: '44100', city: 'Hafenstadt' });
  assert.equal(service.locations[0].hours.length, 1);
  const all = lines(result.notes);
  assert.deepEqual(errors(result.notes), [
    'FEHLER Spalte „Bemerkung“ (R): Unbekannte Spalte mit Werten (z. B. „nur dienstags besetzt“); sie werden nicht übernommen. Bitte die Spalte umbenennen (die Namen stehen in templates/angebote-vorlage.csv) oder, wenn sie nur für Sie ist, ein # vor ihren Namen setzen.',
  ]);
  assert.ok(
    all.some((l) => l.startsWith('WARNUNG Spalte „Notizen“ (S): Unbekannte Spalte, leer')),
    all.join('\n'),
  );
  assert.ok(all.includes('HINWEIS Die Spalte „#intern“ ist mit # oder „intern“ als eigene Notiz markiert und wird nicht übernommen.'));
  assert.ok(!JSON.stringify(result.feed).includes('Frau M.'));
});

test('header wordings: case, spaces, punctuation and umlauts do not matter; typos get a suggestion', () => {
  assert.equal(normaliseHeader(' E-Mail-Adresse '), 'emailadresse');
  assert.equal(normaliseHeader('Träger / Anbieter'), 'traegeranbieter');
  assert.equal(normaliseHeader('ÖFFNUNGSZEITEN'), 'oeffnungszeiten');
  assert.equal(nearestColumn('Homepagee'), 'Webseite');
  assert.equal(nearestColumn('Kurzbeschreibg'), 'Kurzbeschreibung');
  assert.equal(nearestColumn('Telefon Beratungsstelle'), 'Telefon');
  const header =
    'Titel;Kurztext;Themen;Sprache;Kostenfrei;Mail;Internetseite;Anbieter;Langtext;Adresse;Postleitzahl;Stadt;Sprechstunden;Telefonnummer;Homepagee';
  const result = importCsv(
    `${header}\nA;B;Gesundheit;de;ja;a@b.de;example.org;Verein;Lang;Weg 1;44100;Hafenstadt;Di 9-12;0231 1;x.org\n`,
    OPTIONS,
  );
  const [service] = services(result);
  assert.deepEqual(
    [service.name, service.summary, service.description, service.provider.name, service.contact.email, service.contact.phone],
    ['A', 'B', 'Lang', 'Verein', 'a@b.de', '0231 1'],
  );
  assert.match(
    errors(result.notes)[0],
    /^FEHLER Spalte „Homepagee“ \(O\): Unbekannte Spalte mit Werten \(z\. B\. „x\.org“\).*Meinten Sie „Webseite“\?/,
  );
});

test('a column that appears twice: the second, if filled, is an error', () => {
  const result = importCsv(
    'Name;Kurzbeschreibung;Kategorien;Sprachen;Kostenlos;E-Mail;Mail\nA;B;Gesundheit;de;ja;a@b.de;c@d.de\n',
    OPTIONS,
  );
  assert.match(errors(result.notes)[0], /Spalte „Mail“ \(G\): Diese Spalte meint dasselbe wie „E-Mail“ \(F\).*\(z\. B\. „c@d\.de“\)/);
  assert.equal(services(result)[0].contact.email, 'a@b.de');
});

test('no message quotes more than ~60 characters of a cell or header', () => {
  const long = 'Ü'.repeat(5000);
  const result = importCsv(
    `Name;Kurzbeschreibung;Kategorien;Sprachen;Kostenlos;${long}\nA;B;Gesundheit;de;vielleicht${long};${long}\n`,
    OPTIONS,
  );
  for (const line of lines(result.notes)) assert.ok(line.length < 500, line.slice(0, 200));
  assert.equal(quote('a\u0000b\nc'), 'a b c');
  assert.equal(quote('x'.repeat(100)).length, 60);
});

// --- services -------------------------------------------------------------------------------

test('a reused id with other content is an error naming both rows and values; equal rows are places', () => {
  const result = importCsv(fixture('reused-id.csv'), OPTIONS);
  const [service, ...others] = services(result);
  assert.deepEqual(others, []);
  assert.deepEqual(
    service.locations.map((l: any) => l.address.street),
    ['Nordweg 1', 'Nordweg 9'],
  );
  assert.deepEqual(errors(result.notes), [
    'FEHLER Zeile 4, Spalte „ID“: Zeile 4 hat dieselbe ID „beratung-nord“ wie Zeile 2, aber andere Angaben zum Angebot („Name“: „Schuldnerberatung“ statt „Beratung Nord“; „Kurzbeschreibung“: „Hilfe bei Schulden.“ statt „Hilfe im Norden.“; „Kategorien“: „Geld“ statt „Beratung“; und 1 weitere). Die Zeile wird nicht übernommen, damit zwei Angebote nicht vermischt werden. Ist es ein anderes Angebot, bitte eine eigene ID vergeben; ist es ein weiterer Standort, die Angebotsspalten leer lassen oder genau wie in Zeile 2 füllen.',
  ]);
  assert.ok(!JSON.stringify(result.feed).includes('Südweg'));
});

test('"nach Vereinbarung": the service stays, its place has no slots, access is appointment', (t) => {
  if (!parseHours('nach Vereinbarung', 'walk-in').byAppointment) {
    t.skip('cli/hours.ts does not report byAppointment yet');
    return;
  }
  const csv = `${HEADER}\n${row('a').replace('Di 09:00-12:00', 'nach Vereinbarung').replace(';offen;', ';;')}\n${row('b').replace('Di 09:00-12:00', 'nach Vereinbarung')}\n`;
  const result = importCsv(csv, OPTIONS);
  const [a, b] = services(result);
  assert.equal(a.access, 'appointment');
  assert.deepEqual(a.locations[0].hours, []);
  assert.equal(b.access, 'walk-in'); // the Zugang column says "offen"
  assert.ok(lines(result.notes).some((l) => /Zeile 3, Spalte „Sprechzeiten“: „nach Vereinbarung“ heißt Termin nach Vereinbarung/.test(l)));
});

// --- coordinates and the map centre ---------------------------------------------------------

test('swapped coordinates are an error quoting both values; the map centre stays in the city', () => {
  const result = importCsv(fixture('swapped-coordinates.csv'), OPTIONS);
  assert.deepEqual(errors(result.notes), [
    'FEHLER Zeile 4, Spalten „Breitengrad“ und „Längengrad“: Breitengrad „7,1550“ und Längengrad „51,4650“ sind wohl vertauscht (in Deutschland liegt der Breitengrad zwischen 47 und 55, der Längengrad zwischen 6 und 15). Der Ort bekommt keine Koordinaten; bitte die beiden Werte in der Tabelle tauschen.',
    'FEHLER Zeile 6, Spalte „Breitengrad“: „514712“ ist kein Breitengrad (erlaubt: -90 bis 90, in Deutschland 47 bis 55); der Ort bekommt keine Koordinaten. Bitte den Wert prüfen.',
  ]);
  const places = services(result).map((s) => s.locations[0].geo);
  assert.deepEqual(places, [
    { lat: 51.4712, lon: 7.1534 },
    { lat: 51.479, lon: 7.148 },
    undefined,
    { lat: 51.4688, lon: 7.1602 },
    undefined,
  ]);
  const center = (result.feed as any).region.center;
  assert.ok(Math.abs(center.lat - 51.47) < 0.01 && Math.abs(center.lon - 7.15) < 0.02, JSON.stringify(center));
});

test('not a number, only one of the two, or outside Germany', () => {
  const csv = [
    HEADER,
    row('a').replace('51,47', '51°28′'),
    row('b').replace(';7,15;', ';;'),
    row('c').replace('51,47;7,15', '41,9028;12,4964'),
  ].join('\n');
  const notes = lines(importCsv(csv, OPTIONS).notes);
  assert.ok(
    notes.some((l) => l.startsWith('FEHLER Zeile 2, Spalte „Breitengrad“: „51°28′“ ist keine Zahl')),
    notes.join('\n'),
  );
  assert.ok(notes.some((l) => l.startsWith('FEHLER Zeile 3, Spalte „Längengrad“: Leer, obwohl der Breitengrad „51,47“ gefüllt ist')));
  assert.ok(
    notes.some((l) =>
      l.startsWith(
        'WARNUNG Zeile 4, Spalten „Breitengrad“ und „Längengrad“: Breitengrad „41,9028“, Längengrad „12,4964“ liegt nicht in Deutschland',
      ),
    ),
  );
});

test('feedFrame: the median of plausible coordinates, not the mean', () => {
  const city = [
    { lat: 51.47, lon: 7.15 },
    { lat: 51.48, lon: 7.16 },
    { lat: 51.46, lon: 7.14 },
  ];
  const notes: ImportNote[] = [];
  const frame = feedFrame(OPTIONS, [...city, { lat: 7.15, lon: 51.47 }, { lat: 41.9, lon: 12.5 }], notes) as any;
  assert.deepEqual(frame.region.center, { lat: 51.47, lon: 7.15 });
  assert.equal(frame.region.zoom, 13);
  assert.deepEqual(notes, []);
  const even = feedFrame(
    OPTIONS,
    [
      { lat: 51, lon: 7 },
      { lat: 52, lon: 8 },
    ],
    [],
  ) as any;
  assert.deepEqual(even.region.center, { lat: 51.5, lon: 7.5 });
  const abroad: ImportNote[] = [];
  const none = feedFrame(OPTIONS, [{ lat: 41.9, lon: 12.5 }], abroad) as any;
  assert.deepEqual(none.region.center, { lat: 51.16, lon: 10.45 });
  assert.match(abroad[0].message[0], /Keine der 1 Koordinaten liegt in Deutschland/);
});

// --- .xlsx and .ods -------------------------------------------------------------------------

test('a LibreOffice .xlsx: first sheet, title row, merged cells, 01067, dates, formulas', () => {
  const result = importSpreadsheet(fixture('angebote.xlsx'), OPTIONS, 'angebote.xlsx');
  assert.deepEqual(result.source, { format: 'xlsx', sheet: 'Angebote' });
  assert.match(result.summary![0], /^Excel-Tabelle \(\.xlsx\), Blatt „Angebote“ \(1 von 2\), Kopfzeile in Zeile 3, 3 Zeilen übernommen$/);
  const [clearing, rent] = services(result);
  assert.equal(clearing.contact.email, 'clearing@example.org'); // a formula's cached value
  assert.equal(clearing.contact.phone, '0351 4884 101');
  assert.equal(clearing.lastChecked, '2026-10-15');
  assert.deepEqual(
    clearing.locations.map((l: any) => l.address.postalCode),
    ['01067', '01069'],
  );
  assert.deepEqual(clearing.locations[1].geo, { lat: 51.0621, lon: 13.7412 });
  assert.equal(rent.contact.phone, '351123456');
  const all = lines(result.notes);
  assert.deepEqual(errors(result.notes), []);
  assert.ok(
    all.includes(
      'HINWEIS Die Datei hat 2 Tabellenblätter („Angebote“, „Hinweise“); gelesen wurde nur „Angebote“. Stehen Angebote auf anderen Blättern, bitte auf ein Blatt zusammenführen.',
    ),
    all.join('\n'),
  );
  assert.ok(all.some((l) => l.startsWith('HINWEIS Als Kopfzeile gilt Zeile 3')));
  assert.ok(all.some((l) => l.startsWith('HINWEIS 10 Bereiche mit verbundenen Zellen (A4:A5, B4:B5')));
  assert.ok(all.some((l) => l.startsWith('WARNUNG Zeile 6, Spalte „Telefonnummer“: Die Telefonnummer „351123456“ steht als Zahl')));
  assert.ok(all.some((l) => l.startsWith('WARNUNG Zeile 6, Spalte „WhatsApp“: Die Zahl „4917112345678900224“ hat mehr als 15 Stellen')));
  assert.ok(!all.some((l) => /PLZ/.test(l)), 'no postcode note: the zeros come from the cell format');
});

test('the same table as .ods gives the same feed and notes', () => {
  const xlsx = importSpreadsheet(fixture('angebote.xlsx'), OPTIONS);
  const ods = importSpreadsheet(fixture('angebote.ods'), OPTIONS);
  assert.deepEqual(ods.source, { format: 'ods', sheet: 'Angebote' });
  assert.deepEqual(ods.feed, xlsx.feed);
  assert.deepEqual(ods.notes, xlsx.notes);
});

/** A minimal .xlsx as Excel writes it, for what LibreOffice does not produce. */
function xlsx(sheet: string, { strings = [] as string[], styles = '' } = {}) {
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Versteckt" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst ${ns}>${strings.map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t xml:space="preserve">${s}</t></si>`)).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="00000"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>${styles}</cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheet}</sheetData></worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(
      `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>geheim</t></is></c></row></sheetData></worksheet>`,
    ),
  });
}

test('Excel cells: shared and rich text, inline strings, dates, 00000, exponents, booleans, errors', () => {
  const header = ['Name', 'Kurzbeschreibung', 'Kategorien', 'Sprachen', 'Kostenlos', 'PLZ', 'Telefon', 'Zuletzt geprüft', 'Anonym', 'Ort'];
  const cells = header.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
  const data = [
    `<c r="A2" t="s"><v>${header.length}</v></c>`,
    `<c r="B2" t="s"><v>${header.length + 1}</v></c>`,
    '<c r="C2" t="inlineStr"><is><t>Gesundheit</t></is></c>',
    '<c r="D2" t="str"><f>LOWER("DE")</f><v>de</v></c>',
    '<c r="E2" t="b"><v>1</v></c>',
    '<c r="F2" s="2"><v>1067</v></c>',
    '<c r="G2"><v>4.9171123456E+11</v></c>',
    '<c r="H2" s="1"><v>46310</v></c>',
    '<c r="I2" t="e"><v>#DIV/0!</v></c>',
    '<c r="J2" t="str"><f>A3</f></c>',
  ].join('');
  const book = xlsx(`<row r="1">${cells}</row><row r="2">${data}</row>`, {
    strings: [...header, 'Beratung_x000D_ Süd', '<r><t>Hilfe </t></r><r><rPr><b/></rPr><t>sofort</t></r><rPh><t>ふりがな</t></rPh>'],
  });
  const result = importSpreadsheet(book, OPTIONS, 'mappe.xlsx');
  assert.deepEqual(result.source, { format: 'xlsx', sheet: 'Tabelle1' });
  const [service] = services(result);
  assert.equal(service.name, 'Beratung\r Süd');
  assert.equal(service.summary, 'Hilfe sofort');
  assert.deepEqual([service.categories, service.languages, service.free], [['health'], ['de'], true]);
  assert.equal(service.contact.phone, '491711234560');
  assert.equal(service.lastChecked, '2026-10-15');
  assert.deepEqual(service.locations[0].address, { postalCode: '01067' });
  const all = lines(result.notes);
  assert.ok(
    all.some((l) => l.startsWith('FEHLER Zeile 2, Spalte „Anonym“: Die Zelle zeigt den Fehler „#DIV/0!“')),
    all.join('\n'),
  );
  assert.ok(all.some((l) => l.startsWith('WARNUNG Zeile 2, Spalte „Ort“: Die Zelle enthält eine Formel ohne gespeichertes Ergebnis')));
  assert.ok(all.some((l) => l.startsWith('WARNUNG Zeile 2, Spalte „Telefon“: Die Telefonnummer „491711234560“ steht als Zahl')));
  assert.ok(!all.some((l) => /Tabellenblätter/.test(l)), 'the hidden sheet is not counted');
});

test('number formats and numbers as the editor sees them', () => {
  assert.deepEqual(formatKind('00000'), { width: 5 });
  assert.deepEqual(formatKind('DD.MM.YYYY'), { date: true, time: false });
  assert.deepEqual(formatKind('[$-407]DD. MMMM YYYY'), { date: true, time: false });
  assert.deepEqual(formatKind('HH:MM'), { date: false, time: true });
  assert.deepEqual(formatKind('#,##0.00 "€"'), {});
  assert.deepEqual(formatKind('General'), {});
  assert.equal(formatNumber(51.471199999999996), '51.4712');
  assert.equal(formatNumber(491711234567), '491711234567');
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
});

// --- files that are no table ----------------------------------------------------------------

test('images, PDF, old .xls, other zips and random bytes are refused in one sentence', () => {
  let seed = 7;
  const random = new Uint8Array(5 * 1024 * 1024).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  const cases: [string, Uint8Array, RegExp][] = [
    ['foto.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random.subarray(0, 3000)]), /PNG-Bild/],
    ['scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...random.subarray(0, 3000)]), /JPEG-Bild/],
    ['liste.pdf', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /PDF-Dokument/],
    [
      'alt.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...random.subarray(0, 3000)]),
      /alten Excel-Format \(\.xls\)/,
    ],
    ['brief.docx', zipSync({ 'word/document.xml': strToU8('<w:document/>') }), /Textdokument/],
    ['fotos.zip', zipSync({ 'a.txt': strToU8('hallo') }), /ZIP-Archiv, aber keine Excel- oder LibreOffice-Tabelle/],
    ['rauschen.csv', random, /Binärdatei/],
    ['seite.csv', bytes('<!DOCTYPE html><html><table><tr><td>ID</td></tr></table></html>'), /HTML-Datei/],
  ];
  for (const [name, data, kind] of cases) {
    const result = importSpreadsheet(data, OPTIONS, name);
    assert.equal(result.feed, undefined, name);
    assert.equal(result.notes.length, 1, name);
    const [de, en] = result.notes[0].message;
    assert.match(de, kind);
    assert.match(de, new RegExp(`^Die Datei „${name.replace('.', '\\.')}“ ist .*Speichern unter > CSV UTF-8.*\\.$`));
    assert.doesNotMatch(de, /[.!?]\s+[A-ZÄÖÜ]/, `one sentence: ${de}`);
    assert.ok(de.length < 500 && en.length < 500, `${name}: ${de.length}`);
    assert.match(en, /please save the spreadsheet/);
  }
  assert.deepEqual(detectFormat(fixture('angebote.ods')).format, 'ods');
  assert.match(describeBytes(random)![0], /^Die Datei ist eine Binärdatei/);
  assert.equal(describeBytes(bytes('ID;Name\n')), undefined);
});

// --- the command ----------------------------------------------------------------------------

test('lotse import reads .xlsx and .ods directly and writes the feed', () => {
  const dir = scratch();
  for (const name of ['angebote.xlsx', 'angebote.ods']) {
    const file = write(dir, name, fixture(name));
    const out = join(dir, `${name}.json`);
    const run = lotse(['import', file, '-o', out, '--publisher', 'Stadt', '--today', TODAY]);
    assert.ok(!/PK\u0003\u0004|\u0000/.test(run.output), 'no binary in the output');
    assert.ok(run.output.length < 5000, run.output.slice(0, 500));
    assert.equal(readJson(out).services.length, 2, run.output);
  }
});

test('lotse import: a filled unknown column fails the import (exit 1), and the reason is printed', () => {
  const dir = scratch();
  const file = write(dir, 'umbenannt.csv', fixture('reworded-headers.csv'));
  const run = lotse(['import', file, '-o', join(dir, 'out.json'), '--publisher', 'Stadt']);
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /Spalte „Bemerkung“ \(R\): Unbekannte Spalte mit Werten/);
});
