/**
 * The editor tools (`npx lotse validate|import`). Their logic is pure (text or bytes in,
 * feed and report out) and is tested here in the browsers; scripts/cli-smoke.mjs runs the
 * real command in Node once.
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { formatReport, locateJsonError, validateFeed, validateText } from '../cli/validate.js';
import { decodeCsv, importCsv, parseCsv, parseHours } from '../cli/import-csv.js';
import { importHsds } from '../cli/import-hsds.js';
import { formatNotes } from '../cli/import-common.js';
import { feedCopy } from './helpers.js';

const TODAY = '2026-11-20';
const bytes = async (path: string) => new Uint8Array(await (await fetch(new URL(path, import.meta.url))).arrayBuffer());
const json = async (path: string) => (await fetch(new URL(path, import.meta.url))).json();
const text = (lines: string[]) => lines.join('\n');
/** Findings about the feed, without the note on Lotse's own unreviewed default quick-check steps. */
const feedFindings = <P extends { path: string }>(problems: P[]) => problems.filter((p) => !p.path.startsWith('defaultFlow.'));

/** The small test feed with the maintenance data a good feed has. */
function goodFeed() {
  const feed = feedCopy();
  feed.languages = ['de'];
  for (const service of feed.services) service.lastChecked = '2026-11-01';
  feed.services[2].validUntil = '2027-12-31';
  // Every service has a place (one without a place and without phone or web is a warning).
  feed.services[1].locations = structuredClone(feed.services[0].locations);
  feed.services[2].locations = structuredClone(feed.services[0].locations);
  return feed;
}

describe('lotse validate', () => {
  it('passes a good feed with exit status ok and says it can be published', () => {
    const result = validateFeed(goodFeed(), { today: TODAY });
    expect(feedFindings(result.problems)).to.deep.equal([]);
    expect(result.ok).to.equal(true);
    expect(formatReport(result).slice(-2)).to.deep.equal([
      'Ergebnis: keine Fehler, keine Warnungen. Der Feed kann so veröffentlicht werden.',
      'Heute (2026-11-20) zeigen die Widgets 3 von 3 Diensten.',
    ]);
  });

  it('prints a broken slot with path, service and fix, in German and English', () => {
    const feed = goodFeed();
    feed.services[0].locations[0].hours[1].closes = '25:00';
    const result = validateFeed(feed, { today: TODAY });
    expect(result.ok).to.equal(false);
    const de = formatReport(result);
    expect(de[0]).to.equal(
      'FEHLER services[0].locations[0].hours[1].closes (Dienst "clearing"): "25:00" ist keine Uhrzeit. Format: HH:MM von 00:00 bis 24:00, z. B. "09:30".',
    );
    expect(de[1]).to.equal('FEHLER services[0].locations[0].hours[1] (Dienst "clearing"): Der Eintrag wird übersprungen.');
    expect(de.slice(-2)).to.deep.equal([
      'Ergebnis: 2 Fehler, 0 Warnungen. Fehlerhafte Einträge fehlen in den Widgets. Bitte die Fehler beheben und erneut prüfen.',
      'Heute (2026-11-20) zeigen die Widgets 3 von 3 Diensten.',
    ]);
    expect(formatReport(result, 'en')[0]).to.equal(
      'ERROR services[0].locations[0].hours[1].closes (service "clearing"): "25:00" is not a time of day. Format: HH:MM from 00:00 to 24:00, e.g. "09:30".',
    );
  });

  it('adds a hint for what a missing field expects', () => {
    const feed = goodFeed();
    delete feed.services[1].free;
    const lines = formatReport(validateFeed(feed, { today: TODAY }));
    expect(lines[0]).to.equal('FEHLER services[1].free (Dienst "schuldnerberatung"): fehlt, ist aber Pflicht.');
    expect(lines[1]).to.equal('  Tipp: true, wenn das Angebot kostenlos ist, sonst false.');
  });

  it('reports duplicate ids as errors', () => {
    const feed = goodFeed();
    feed.services[2].id = 'clearing';
    const lines = formatReport(validateFeed(feed, { today: TODAY }));
    expect(lines[0]).to.equal(
      'FEHLER services[2].id (Dienst "clearing"): Die ID "clearing" kommt mehrfach vor. Dieser Eintrag wird übersprungen; bitte eindeutige IDs vergeben.',
    );
  });

  it('warns about stale, expiring and expired entries but still passes', () => {
    const feed = goodFeed();
    feed.services[0].lastChecked = '2025-10-01';
    feed.services[1].validUntil = '2026-12-10';
    feed.services[2].validUntil = '2026-06-30';
    const result = validateFeed(feed, { today: TODAY });
    expect(result.ok).to.equal(true);
    expect(result.errors).to.equal(0);
    const lines = formatReport(result);
    expect(lines).to.include(
      'WARNUNG services[0].lastChecked (Dienst "clearing"): Zuletzt geprüft am 2025-10-01, vor 415 Tagen (erlaubt: 365). Bitte Angaben beim Träger nachfragen und "lastChecked" auf das heutige Datum setzen.',
    );
    expect(lines).to.include(
      'WARNUNG services[1].validUntil (Dienst "schuldnerberatung"): Läuft in 20 Tagen ab (2026-12-10). Danach zeigen die Widgets den Dienst nicht mehr. Wird er verlängert? Dann "validUntil" ändern.',
    );
    expect(lines).to.include(
      'WARNUNG services[2].validUntil (Dienst "old-project"): Ist seit 2026-06-30 abgelaufen und wird nicht mehr angezeigt. Bitte verlängern oder den Eintrag entfernen.',
    );
    expect(lines.slice(-3)).to.deep.equal([
      'Ergebnis: keine Fehler, 3 Warnungen. Der Feed kann so veröffentlicht werden; die Warnungen sind Hinweise zur Verbesserung.',
      'Heute (2026-11-20) zeigen die Widgets 2 von 3 Diensten.',
      '  nicht gezeigt, abgelaufen (gültig bis 2026-06-30): "old-project"',
    ]);
    // The allowed age is configurable.
    expect(validateFeed(feed, { today: TODAY, maxAgeDays: 500 }).problems.map((p) => p.code)).not.to.include('stale');
    expect(validateFeed(feed, { today: TODAY, maxAgeDays: 10 }).problems.filter((p) => p.code === 'stale')).to.have.length(3);
  });

  it('warns about unknown language codes, but knows Romani', () => {
    const feed = goodFeed();
    feed.services[1].languages = ['de', 'rom', 'xx'];
    feed.services[0].locations[0].hours[0].languages = ['qq'];
    const result = validateFeed(feed, { today: TODAY });
    expect(result.problems.filter((p) => p.code === 'unknownLanguage').map((p) => p.path)).to.deep.equal([
      'services[0].locations[0].hours[0].languages[0]',
      'services[1].languages[2]',
    ]);
    expect(formatReport(result)).to.include(
      'WARNUNG services[1].languages[2] (Dienst "schuldnerberatung"): "xx" ist kein bekannter Sprachcode. Tippfehler? Beispiele: "de", "ro", "bg", "tr", "ar", "uk", "pl", "rom" (Romanes).',
    );
  });

  it('names texts missing in the languages the city offers', () => {
    const feed = goodFeed();
    feed.languages = ['de', 'ro', 'bg'];
    const lines = formatReport(validateFeed(feed, { today: TODAY }));
    expect(lines).to.include(
      'WARNUNG services[0] (Dienst "clearing"): Übersetzung fehlt bei name, summary: bg (Bulgarisch); description: ro (Rumänisch), bg (Bulgarisch). Die Widgets zeigen dort die englische oder deutsche Fassung.',
    );
    expect(lines).to.include(
      'WARNUNG services[1] (Dienst "schuldnerberatung"): Übersetzung fehlt bei name, summary: ro (Rumänisch), bg (Bulgarisch). Die Widgets zeigen dort die englische oder deutsche Fassung.',
    );
  });

  it('warns about places without coordinates', () => {
    const feed = goodFeed();
    delete feed.services[0].locations[0].geo;
    expect(formatReport(validateFeed(feed, { today: TODAY }))[0]).to.equal(
      'WARNUNG services[0].locations[0].geo (Dienst "clearing"): Der Ort hat keine Koordinaten ("geo": { "lat": …, "lon": … }). Er fehlt auf der Karte und bei „In meiner Nähe“.',
    );
  });

  it('gives JSON syntax errors with line, column and the likely cause', () => {
    const missingComma = '{\n  "version": 1,\n  "services": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n';
    const result = validateText(missingComma);
    expect(result.ok).to.equal(false);
    expect(formatReport(result)[0]).to.equal(
      'FEHLER Kein gültiges JSON in Zeile 5, Spalte 5: Erwartet wird ein Komma oder eine schließende Klammer, gefunden wurde „{ "id": "b" }“. Fehlt ein Komma am Ende der Zeile davor?',
    );
    const at = (t: string) => {
      const { line, column, message } = locateJsonError(t);
      return `${line}:${column} ${message[0]}`;
    };
    expect(at('{ "a": 1, }')).to.equal('1:11 Nach dem letzten Eintrag einer Liste oder eines Objekts darf kein Komma stehen.');
    expect(at("{\n  'version': 1\n}")).to.equal('2:3 Texte müssen in doppelten Anführungszeichen "…" stehen, nicht in einfachen \'…\'.');
    expect(at('{\n  // Kommentar\n  "a": 1 }')).to.equal('2:3 JSON erlaubt keine Kommentare (// oder /* */). Bitte entfernen.');
    expect(at('{ "services": [ { "id": "a" ')).to.equal('1:29 Die Datei endet mitten im JSON. Fehlt am Ende eine } oder ]?');
    expect(at('{ "a" 1 }')).to.equal('1:7 Nach dem Feldnamen fehlt der Doppelpunkt (gefunden: „1 }“).');
    expect(at('{ "a": 1 }}')).to.equal('1:11 Nach dem Ende des JSON folgt noch „}“. Steht eine Klammer zu viel?');
    // A byte-order mark is not an error.
    expect(validateText(`\uFEFF${JSON.stringify(goodFeed())}`, { today: TODAY }).ok).to.equal(true);
  });

  it('rejects a feed that is not a feed at all', () => {
    const result = validateText('[1, 2]');
    expect(result.ok).to.equal(false);
    expect(result.services).to.equal(undefined);
    expect(formatReport(result).at(-1)).to.equal(
      'Ergebnis: 1 Fehler, 0 Warnungen. Die Widgets können diesen Feed nicht anzeigen. Bitte die Fehler beheben und erneut prüfen.',
    );
  });
});

describe('lotse import (CSV)', () => {
  it('imports the shipped template without problems', async () => {
    const result = importCsv(await bytes('../templates/angebote-vorlage.csv'), { publisher: 'Stadt Hafenstadt', today: TODAY });
    expect(result.encoding).to.equal('utf-8');
    expect(result.delimiter).to.equal(';');
    expect(result.notes).to.deep.equal([]);
    const feed = result.feed as any;
    expect(feed.languages).to.deep.equal(['de', 'ro', 'bg']);
    expect(feed.services.map((s: any) => s.id)).to.deep.equal(['clearingstelle-gesundheit', 'mietfuehrerschein']);
    const clearing = feed.services[0];
    expect(clearing.name).to.deep.equal({
      de: 'Clearingstelle Gesundheit',
      ro: 'Biroul de clarificare sănătate',
      bg: 'Клиринг бюро здраве',
    });
    expect(clearing.categories).to.deep.equal(['health', 'counselling']);
    expect(clearing.audiences).to.deep.equal(['uninsured', 'eu-citizens']);
    expect(clearing.languages).to.deep.equal(['de', 'ro', 'bg', 'rom']);
    expect(clearing).to.include({ free: true, access: 'both', lastChecked: '2026-10-15', validUntil: '2027-06-30' });
    expect(clearing.requirements).to.deep.equal({ noInsuranceNeeded: true, noRegistrationNeeded: true, anonymous: true });
    expect(clearing.locations[0]).to.deep.include({
      id: 'hafenstrasse-12',
      address: { street: 'Hafenstraße 12', postalCode: '44100', city: 'Hafenstadt' },
      district: 'hafen',
      geo: { lat: 51.4712, lon: 7.1534 },
    });
    expect(clearing.locations[0].hours).to.deep.equal([
      { days: ['tu'], opens: '09:00', closes: '12:00', kind: 'walk-in', languages: ['ro'] },
      { days: ['th'], opens: '14:00', closes: '17:00', kind: 'appointment', languages: ['bg', 'rom'] },
    ]);
    const rent = feed.services[1];
    expect(rent.contact.website).to.equal('https://example.org/mietfuehrerschein');
    expect(rent.locations[0].hours).to.deep.equal([
      { days: ['mo', 'tu', 'we'], opens: '10:00', closes: '12:00', kind: 'appointment', note: 'nur mit Anmeldung' },
    ]);
    expect(feed.districts).to.deep.equal([
      { id: 'hafen', label: 'Hafen' },
      { id: 'nordviertel', label: 'Nordviertel' },
    ]);
    const check = validateFeed(feed, { today: TODAY, sources: result.sources });
    expect(feedFindings(check.problems)).to.deep.equal([]);
  });

  it('reads a Windows-1252 export with umlauts and joins rows with the same ID', async () => {
    // Read through the runner's file command: the test server would re-encode it as UTF-8.
    const base64 = await readFile({ path: './fixtures/cli/windows-1252.csv', encoding: 'base64' });
    const raw = Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).to.throw();
    const result = importCsv(raw, { publisher: 'Stadt Hafenstadt', today: TODAY });
    expect(result.encoding).to.equal('windows-1252');
    expect(result.delimiter).to.equal(',');
    expect(formatNotes(result.notes)).to.deep.equal([
      'HINWEIS Die Datei ist nicht UTF-8, sondern Windows-1252 (so speichert Excel „CSV (Trennzeichen-getrennt)“). Umlaute wurden umgewandelt.',
    ]);
    const [service] = (result.feed as any).services;
    expect(service.name).to.equal('Schuldnerberatung Süd');
    expect(service.summary).to.equal('Hilfe bei Schulden und Mahnungen – vertraulich.');
    expect(service.categories).to.deep.equal(['money', 'counselling']);
    expect(service.languages).to.deep.equal(['de', 'tr']);
    expect(service.locations.map((l: any) => l.address.street)).to.deep.equal(['Müllerstraße 5', 'Große Gasse 1']);
    expect(service.locations[0].hours).to.deep.equal([
      { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '09:00', closes: '12:00', kind: 'appointment' },
    ]);
    expect(service.locations[1].hours).to.deep.equal([
      { days: ['th'], opens: '14:00', closes: '16:00', kind: 'walk-in', languages: ['tr'] },
    ]);
    expect((result.feed as any).districts.map((d: any) => d.label)).to.deep.equal(['Südpark', 'Bahnhofsviertel']);
    expect(validateFeed(result.feed, { today: TODAY }).ok).to.equal(true);
  });

  it('decodes UTF-8 with BOM and UTF-16 as Excel writes them', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Straße')]);
    expect(decodeCsv(utf8)).to.deep.equal({ text: 'Straße', encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x53, 0, 0xfc, 0]);
    expect(decodeCsv(utf16)).to.deep.equal({ text: 'Sü', encoding: 'utf-16le' });
  });

  it('splits CSV with quotes, line breaks in cells, and a "sep=" line', () => {
    expect(parseCsv('a,b\r\n"x, y","zwei\nZeilen"\r\n')).to.deep.equal({
      rows: [
        ['a', 'b'],
        ['x, y', 'zwei\nZeilen'],
      ],
      delimiter: ',',
    });
    expect(parseCsv('sep=;\nID;Name\n1;"Sag ""Hallo"""\n').rows).to.deep.equal([
      ['ID', 'Name'],
      ['1', 'Sag "Hallo"'],
    ]);
    expect(parseCsv('ID\tName\n1\tA').delimiter).to.equal('\t');
  });

  it('reads the compact hours syntax', async () => {
    const { describeSlots } = await import('../cli/hours.js');
    expect(parseHours('Mo, Mi 9-12 Uhr; Fr 9.30–11 offen Rumänisch Romanes (nur Frauen)', 'appointment')).to.deep.equal({
      slots: [
        { days: ['mo', 'we'], opens: '09:00', closes: '12:00', kind: 'appointment' },
        { days: ['fr'], opens: '09:30', closes: '11:00', kind: 'walk-in', languages: ['ro', 'rom'], note: 'nur Frauen' },
      ],
      problems: [],
    });
    expect(parseHours('Montag bis Freitag 8 bis 9:30 Uhr', 'walk-in').slots).to.deep.equal([
      { days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '08:00', closes: '09:30', kind: 'walk-in' },
    ]);
    expect(parseHours('Do 10:00-12:00, 14:00-16:00 Termin', 'walk-in').slots.map((s) => `${s.opens}-${s.closes} ${s.kind}`)).to.deep.equal([
      '10:00-12:00 appointment',
      '14:00-16:00 appointment',
    ]);
    const mixed = parseHours('Dii 9-12; Mo vormittags; Di 9-12 Termine bg', 'walk-in');
    expect(mixed.problems.map((p) => p[0])).to.deep.equal([
      '„Dii 9-12“ nicht verstanden: „dii“ ist kein Wochentag. Erlaubt: Mo, Di, Mi, Do, Fr, Sa, So (auch Mo-Fr).',
      '„Mo vormittags“: „vormittags“ nennt keine Uhrzeit – gelesen: „Mo“, nicht übernommen. Bitte Uhrzeiten angeben, z. B. „Mo 09:00-12:00“.',
    ]);
    // "Termine" is the plural of "Termin": an appointment slot, not an unknown word.
    expect(mixed.slots).to.deep.equal([{ days: ['tu'], opens: '09:00', closes: '12:00', kind: 'appointment', languages: ['bg'] }]);
    // Seen in the field: each day group keeps its own times, nothing is invented or doubled.
    expect(describeSlots(parseHours('Mo-Fr 8:00-12:00 Uhr, Do 14:00-18:00 Uhr', 'walk-in').slots)).to.equal(
      'Mo-Fr 08:00-12:00 offen; Do 14:00-18:00 offen',
    );
    expect(describeSlots(parseHours('Mo 9-12 Uhr (Rumänisch), Mi 14-16 Uhr (Bulgarisch)', 'walk-in').slots)).to.equal(
      'Mo 09:00-12:00 offen ro; Mi 14:00-16:00 offen bg',
    );
    expect(parseHours('nach Vereinbarung', 'walk-in')).to.deep.equal({ slots: [], problems: [], byAppointment: true });
    const monthly = parseHours('Mo 9-12, jeden 1. Mittwoch 14-16', 'walk-in');
    expect(describeSlots(monthly.slots)).to.equal('Mo 09:00-12:00 offen');
    expect(monthly.problems[0][0]).to.contain(
      '„jeden 1. Mittwoch 14-16“: Termine in bestimmten Wochen des Monats kann der Feed nicht abbilden',
    );
    // The shared table of real-world cells (also read by the Node tests).
    const table: { text: string; slots?: unknown[]; problem?: string }[] = await json('./fixtures/cli/hours-strings.json');
    for (const row of table) {
      const result = parseHours(row.text, 'walk-in');
      expect(result.slots, row.text).to.deep.equal(row.slots ?? []);
      expect(result.problems.length, row.text).to.equal(row.problem ? 1 : 0);
    }
  });

  it('reports spreadsheet mistakes by row and column', () => {
    const csv = [
      'ID;Name;Kurzbeschreibung;Kategorien;Sprachen;Kostenlos;Zugang;Straße;PLZ;Ort;Sprechzeiten;Bemerkung',
      'Beratung Nord;Beratung Nord;;Beratung, Sport;Deutsch, Elbisch;vielleicht;offen;Nordstraße 1;44100;Hafenstadt;Dii 9-12;intern',
      'Beratung Nord;Andere Beratung;;;;;;Südstraße 2;44100;;Do 14-16;',
    ].join('\r\n');
    const result = importCsv(csv, { publisher: 'Stadt', today: TODAY });
    // Since the importer became strict: a filled unknown column and a reused ID with another
    // name are errors (they were warnings, and the second row was merged into the first).
    expect(formatNotes(result.notes)).to.deep.equal([
      'FEHLER Spalte „Bemerkung“ (L): Unbekannte Spalte mit Werten (z. B. „intern“); sie werden nicht übernommen. Bitte die Spalte umbenennen (die Namen stehen in templates/angebote-vorlage.csv) oder, wenn sie nur für Sie ist, ein # vor ihren Namen setzen.',
      'FEHLER Zeile 2, Spalte „Sprechzeiten“: „Dii 9-12“ nicht verstanden: „dii“ ist kein Wochentag. Erlaubt: Mo, Di, Mi, Do, Fr, Sa, So (auch Mo-Fr).',
      'FEHLER Zeile 3, Spalte „ID“: Zeile 3 hat dieselbe ID „Beratung Nord“ wie Zeile 2, aber andere Angaben zum Angebot („Name“: „Andere Beratung“ statt „Beratung Nord“). Die Zeile wird nicht übernommen, damit zwei Angebote nicht vermischt werden. Ist es ein anderes Angebot, bitte eine eigene ID vergeben; ist es ein weiterer Standort, die Angebotsspalten leer lassen oder genau wie in Zeile 2 füllen.',
      'WARNUNG Zeile 2, Spalte „Sprachen“: „Elbisch“ ist keine bekannte Sprache und wird weggelassen. Bitte Codes wie de, ro, bg, rom oder deutsche Namen wie Rumänisch verwenden.',
      'WARNUNG Zeile 2, Spalte „Kostenlos“: „vielleicht“ ist weder ja noch nein; das Feld bleibt leer.',
      'WARNUNG Zeile 2, Spalte „Kategorien“: „Sport“ ist keine Standard-Kategorie und wird neu angelegt (ohne eigenes Symbol). Tippfehler? Standard: Gesundheit, Wohnen, Arbeit, Schule & Bildung, Kinder & Familie, Deutschkurse, Anmeldung & Papiere, Geld & Leistungen, Beratung, Hilfe sofort, Rechte & Schutz.',
      'WARNUNG Kein Ort hat Koordinaten, daher zeigt die Karte vorläufig ganz Deutschland. Bitte region.center auf den Mittelpunkt der Stadt setzen.',
      'HINWEIS Zeile 2, Spalte „ID“: Die ID „Beratung Nord“ wird als „beratung-nord“ geschrieben (nur Kleinbuchstaben, Ziffern und -).',
      'HINWEIS Zeile 3, Spalte „ID“: Die ID „Beratung Nord“ wird als „beratung-nord“ geschrieben (nur Kleinbuchstaben, Ziffern und -).',
    ]);
    expect((result.feed as any).services[0].locations).to.have.length(1);
    // The checker's problems point back to the cells.
    const lines = formatReport(validateFeed(result.feed, { today: TODAY, sources: result.sources }));
    expect(lines).to.include('FEHLER services[0].summary (Zeile 2, Spalte „Kurzbeschreibung“): fehlt, ist aber Pflicht.');
    expect(lines).to.include('FEHLER services[0].free (Zeile 2, Spalte „Kostenlos“): fehlt, ist aber Pflicht.');
  });

  it('restores the leading zero Excel drops from postcodes', () => {
    const result = importCsv(
      'Name,Kurzbeschreibung,Kategorien,Sprachen,Kostenlos,Straße,PLZ,Ort\nA,B,Gesundheit,de,ja,Weg 1,1067,Dresden\n',
      { publisher: 'Stadt' },
    );
    expect((result.feed as any).services[0].locations[0].address.postalCode).to.equal('01067');
    expect(formatNotes(result.notes)).to.include('HINWEIS Zeile 2, Spalte „PLZ“: Postleitzahl mit führender Null ergänzt: 01067.');
  });

  it('names a missing required column', () => {
    const result = importCsv('ID;Name\na;A\n', { publisher: 'Stadt' });
    expect(formatNotes(result.notes)[0]).to.equal(
      'FEHLER Die Spalte „Kurzbeschreibung“ fehlt. Bitte die Kopfzeile aus templates/angebote-vorlage.csv übernehmen.',
    );
  });
});

describe('lotse import --from hsds', () => {
  it('maps an HSDS 3.0 dataset (tables) into a valid feed', async () => {
    const result = importHsds(await json('./fixtures/cli/hsds-3.0.json'), { publisher: 'Stadt Hafenstadt', today: TODAY });
    const feed = result.feed as any;
    expect(feed.services.map((s: any) => s.name)).to.deep.equal(['Clearingstelle Gesundheit', 'Beratung auf Romanes', 'Impfsprechstunde']);
    const [clearing, romanes, vaccination] = feed.services;
    expect(clearing).to.deep.include({
      id: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e701',
      summary: 'Hilfe, wenn Sie keine Krankenversicherung haben.',
      categories: ['health'],
      audiences: ['uninsured'],
      languages: ['de', 'ro', 'bg'],
      free: true,
      access: 'both',
      lastChecked: '2026-10-15',
      provider: { name: 'Stadt Hafenstadt – Gesundheitsamt', url: 'https://example.org/gesundheitsamt' },
      contact: { phone: '030 23125 101', email: 'clearing@example.org', website: 'https://example.org/clearing' },
    });
    expect(clearing.locations[0]).to.deep.include({
      name: 'Gesundheitsamt, Eingang B',
      address: { street: 'Hafenstraße 12', postalCode: '44100', city: 'Hafenstadt' },
      geo: { lat: 51.4712, lon: 7.1534 },
      accessibility: { note: 'Rampe am Eingang B, Aufzug' },
    });
    expect(clearing.locations[0].hours).to.deep.equal([
      { days: ['tu'], opens: '09:00', closes: '12:00', kind: 'walk-in', note: 'Offene Sprechstunde' },
      { days: ['th'], opens: '14:00', closes: '17:00', kind: 'appointment', note: 'Nur mit Termin' },
    ]);
    expect(romanes).to.deep.include({ languages: ['rom', 'ro'], categories: ['counselling'], free: false, lastChecked: '2026-09-30' });
    expect(romanes.contact).to.deep.equal({ phone: '030 23125 126', website: 'https://example.org/romano-drom' });
    expect(romanes.locations[0].address.street).to.equal('Nordstraße 3, Hinterhaus');
    expect(romanes.locations[0].hours).to.deep.equal([
      { days: ['mo', 'we'], opens: '10:00', closes: '13:00', kind: 'walk-in', note: 'walk-in' },
    ]);
    expect(vaccination.status).to.equal('temporarily-closed');
    const check = validateFeed(feed, { today: TODAY, sources: result.sources });
    expect(check.errors).to.equal(0);
  });

  it('lists what could not be mapped: fields and records', async () => {
    const result = importHsds(await json('./fixtures/cli/hsds-3.0.json'), { publisher: 'Stadt Hafenstadt', today: TODAY });
    const lines = formatNotes(result.notes);
    expect(lines).to.include(
      'WARNUNG Sprechzeit sch-4 (schedules[3]): monatlich (freq MONTHLY: am 1. Freitag im Monat, 15:00–18:00); Lotse kennt nur wöchentliche Sprechzeiten, daher nicht übernommen. Bitte als Hinweis in die Beschreibung des Dienstes schreiben.',
    );
    expect(lines).to.include(
      'WARNUNG Ort „Altes Lager (nicht mehr genutzt)“ (locations[2]): nicht übernommen: Der Ort gehört zu keinem Dienst (service_at_location fehlt).',
    );
    expect(lines).to.include('WARNUNG Sprachangabe „Klingonisch“ (languages[5]): „tlh-x“ ist keine bekannte Sprache; nicht übernommen.');
    expect(lines).to.include(
      'WARNUNG Dienst „Beratung auf Romanes“ (services[1]): Thema „10.2.3 / Community Outreach“ passt zu keiner Lotse-Kategorie und wird nicht übernommen.',
    );
    expect(lines).to.include(
      'HINWEIS Feld service.eligibility_description: hat im Lotse-Feed keinen Platz; in 1 Datensatz nicht übernommen.',
    );
    expect(lines).to.include('HINWEIS Feld location.transportation: hat im Lotse-Feed keinen Platz; in 1 Datensatz nicht übernommen.');
    expect(formatNotes(result.notes, 'en')).to.include(
      'WARNING schedule sch-4 (schedules[3]): monthly (freq MONTHLY: on the 1st Friday of the month, 15:00–18:00); Lotse knows weekly hours only, so not imported. Please write it as a note in the service description.',
    );
    expect(result.summary).to.deep.equal([
      'HSDS 3.0, Tabellen als JSON (services, organizations, …): 3 von 3 Diensten übernommen',
      'HSDS 3.0, tables as JSON (services, organizations, …): 3 of 3 services imported',
    ]);
  });

  it('accepts services with nested objects as the HSDS API returns them', async () => {
    const result = importHsds(await json('./fixtures/cli/hsds-api-services.json'), { publisher: 'Stadt Hafenstadt', today: TODAY });
    const [service] = (result.feed as any).services;
    expect(service).to.deep.include({
      id: 'svc-sprachcafe',
      categories: ['german-courses'],
      languages: ['de', 'uk'],
      free: true,
      access: 'walk-in',
      provider: { name: 'Volkshochschule Hafenstadt', url: 'https://example.org/vhs' },
    });
    expect(service.summary).to.equal('Deutsch üben bei Tee und Gebäck.');
    expect(service.locations[0]).to.deep.include({ geo: { lat: 51.4701, lon: 7.1466 } });
    expect(service.locations[0].hours).to.deep.equal([{ days: ['fr'], opens: '15:00', closes: '17:00', kind: 'walk-in', note: 'drop-in' }]);
    expect((result.feed as any).region.center).to.deep.equal({ lat: 51.4701, lon: 7.1466 });
    expect(validateFeed(result.feed, { today: TODAY }).errors).to.equal(0);
    // The same service as an API page.
    const page = importHsds({ total_items: 1, contents: await json('./fixtures/cli/hsds-api-services.json') });
    expect((page.feed as any).services).to.have.length(1);
  });

  it('says so when the file is not HSDS, and makes no feed', () => {
    const result = importHsds({ version: 1, publisher: { name: 'x' } });
    expect(result.feed).to.equal(undefined);
    expect(formatNotes(result.notes)).to.deep.equal(['FEHLER Das ist schon ein Lotse-Feed: bitte `lotse validate` verwenden.']);
    const taxonomy = importHsds({ contents: [{ id: 't1', code: 'health', name: 'Gesundheit', description: 'x', taxonomy: 'lotse' }] });
    expect(taxonomy.feed).to.equal(undefined);
    expect(formatNotes(taxonomy.notes)).to.deep.equal([
      'FEHLER Das sieht nach einer Taxonomie aus (taxonomy_terms), nicht nach Angeboten. Bitte die Datei mit den Diensten (services) angeben.',
    ]);
  });
});

describe('lotse report language', () => {
  it('prints the summary in English on request', () => {
    const lines = formatReport(validateFeed(goodFeed(), { today: TODAY }), 'en');
    expect(lines[0]).to.match(/^NOTE Quick-check: \d+ steps of Lotse's default flow have not been reviewed by an expert yet/);
    expect(text(lines.slice(2))).to.equal(
      'Result: no errors, no warnings. The feed can be published.\nToday (2026-11-20) the widgets show 3 of 3 services.',
    );
  });
});
