/**
 * `lotse import --from hsds`: every HSDS 3.0 shape recognised by content, everything else
 * refused in one sentence, and what could not be taken over reported with record and value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanPhone, importHsds, importHsdsPackage } from '../../cli/import-hsds.js';
import { formatNotes, type ImportResult } from '../../cli/import-common.js';
import { validateFeed } from '../../cli/validate.js';
import { lotse, readJson, repo, scratch } from './helpers.js';

const TODAY = '2026-12-01';
const fixture = (name: string) => readJson(repo(`test/fixtures/cli/${name}`));
const folder = (name: string) => {
  const dir = repo(`test/fixtures/cli/${name}`);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
};
const run = (name: string, options = {}) => importHsds(fixture(name), { publisher: 'Stadt Flussheim', today: TODAY, ...options });
const lines = (result: ImportResult) => formatNotes(result.notes);
const feedOf = (result: ImportResult) => {
  assert.ok(result.feed, lines(result).join('\n'));
  return result.feed as any;
};
/** The feed is usable by the widgets: services shown, and no error about the region (map centre). */
function assertUsable(result: ImportResult) {
  const check = validateFeed(result.feed, { today: TODAY, sources: result.sources });
  assert.ok((check.services ?? 0) > 0, JSON.stringify(check.problems.slice(0, 5)));
  assert.deepEqual(
    check.problems.filter((p) => p.severity === 'error' && /^region/.test(p.path)).map((p) => p.message),
    [],
  );
  const { lat, lon } = (result.feed as any).region.center;
  assert.ok(lat >= 47 && lat <= 55.5 && lon >= 5.5 && lon <= 15.5, `centre ${lat}, ${lon}`);
  return check;
}
const refusal = (result: ImportResult) => {
  assert.equal(result.feed, undefined);
  const errors = result.notes.filter((n) => n.severity === 'error');
  assert.equal(errors.length, 1, lines(result).join('\n'));
  return errors[0].message[0];
};

test('single service with nested phones, schedules and location (service_full shape)', () => {
  const result = run('hsds-service-full.json');
  const [service] = feedOf(result).services;
  assert.deepEqual(result.summary, [
    'HSDS 3.0, einzelner Dienst: 1 von 1 Dienst übernommen',
    'HSDS 3.0, single service: 1 of 1 service imported',
  ]);
  assert.deepEqual(service.provider, { name: 'Stadt Flussheim – Amt für Integration', url: 'https://example.org/integration' });
  assert.deepEqual(service.contact, { phone: '0521 4455-101', email: 'clearing@example.org', website: 'https://example.org/clearing' });
  assert.deepEqual(service.categories, ['health']);
  assert.deepEqual(service.audiences, ['uninsured']);
  assert.deepEqual(service.languages, ['de', 'ro', 'bg']);
  assert.equal(service.free, true);
  assert.deepEqual(service.locations[0].geo, { lat: 52.0212, lon: 8.5347 });
  assert.deepEqual(service.locations[0].accessibility, { note: 'Stufenloser Eingang an der Rückseite Aufzug bis 3. OG' });
  assert.deepEqual(service.locations[0].hours, [
    { days: ['tu', 'th'], opens: '09:00', closes: '12:00', kind: 'walk-in', note: 'Offene Sprechstunde' },
  ]);
  assertUsable(result);
});

test('schedules Lotse cannot express are reported field by field with what they say', () => {
  const text = lines(run('hsds-service-full.json')).join('\n');
  assert.match(
    text,
    /Sprechzeit sch-monthly \(schedules\[1\]\): monatlich \(freq MONTHLY: am 1\. Mittwoch im Monat, 15:00–17:00\); Lotse kennt nur wöchentliche Sprechzeiten/,
  );
  assert.match(
    text,
    /Sprechzeit sch-fortnight \(schedules\[2\]\): nur alle 2 Wochen \(interval 2 ab 2026-01-05, Wochenbeginn MO\) – 14:00–16:00/,
  );
  assert.match(text, /Sprechzeit sch-monthdays \(schedules\[3\]\): nur an den Monatstagen 1, 15 \(bymonthday\)/);
  assert.match(text, /Sprechzeit sch-weeks \(schedules\[4\]\): nur in den Kalenderwochen 41, 42 \(byweekno\)/);
  assert.match(text, /Notiz „In den Schulferien nur dienstags“ \(notes\) nicht übernommen/);
  assert.match(text, /„0521 4455-199“ hat die Art „fax“/);
  assert.match(text, /Durchwahl „12“ \(extension\)/);
});

test('phone numbers lose literal quotes and "Tel.:" prefixes, with a note; invalid ones are reported', () => {
  assert.deepEqual(cleanPhone('"+49 521 4455-0"'), { number: '+49 521 4455-0', cleaned: true });
  assert.deepEqual(cleanPhone('  Tel.:  0521   123 '), { number: '0521 123', cleaned: true });
  assert.deepEqual(cleanPhone('0521 123'), { number: '0521 123', cleaned: false });
  assert.equal(cleanPhone('siehe Aushang').number, undefined);
  assert.equal(cleanPhone(5211234).number, undefined);
  const text = lines(run('hsds-service-full.json')).join('\n');
  assert.match(
    text,
    /HINWEIS Telefonnummer ph-clearing \(service_at_locations\[0\]\.phones\[0\]\): „"Tel\.: 0521 4455-101"“ bereinigt zu „0521 4455-101“/,
  );
  assert.match(
    lines(run('hsds-organization-full.json')).join('\n'),
    /WARNUNG Telefonnummer ph-wohn-bad \(services\[1\]\.phones\[0\]\): „siehe Aushang“ ist keine gültige Telefonnummer/,
  );
});

test('paged service list: says which page of how many and that the rest is missing', () => {
  const result = run('hsds-service-list-page.json');
  assert.equal(feedOf(result).services.length, 2);
  assert.equal(result.summary![0], 'HSDS 3.0, Liste von Diensten, Seite 1 von 3: 2 von 2 Diensten übernommen; die Quelle hat insgesamt 6');
  assert.match(
    lines(result).join('\n'),
    /WARNUNG Die Datei ist Seite 1 von 3 einer HSDS-API-Liste; nur die 2 Dienste dieser Seite sind im Feed/,
  );
  // "ohne Anmeldung" is walk-in; the organization is the provider.
  assert.equal(feedOf(result).services[0].locations[0].hours[0].kind, 'walk-in');
  assert.deepEqual(feedOf(result).services[1].provider, { name: 'Volkshochschule Flussheim', url: 'https://example.org/vhs' });
  assert.deepEqual(feedOf(result).services[1].locations[0].geo, { lat: 52.0301, lon: 8.5402 });
  assertUsable(result);
});

test('service_at_location, single and as a list, gives the services with their places', () => {
  const single = run('hsds-service-at-location.json');
  const [romanes] = feedOf(single).services;
  assert.equal(single.summary![0], 'HSDS 3.0, ein Dienst-Ort-Eintrag (service_at_location): 1 von 1 Dienst übernommen');
  assert.equal(romanes.name, 'Beratung auf Romanes');
  assert.deepEqual(romanes.languages, ['rom', 'ro']);
  assert.deepEqual(romanes.provider, { name: 'Romano Drom Flussheim e. V.', url: 'https://example.org/romano-drom' });
  assert.equal(romanes.contact.phone, '0521 4455-126');
  assert.deepEqual(romanes.locations[0].hours, [{ days: ['mo', 'we'], opens: '10:00', closes: '13:00', kind: 'walk-in' }]);
  assertUsable(single);

  const list = run('hsds-service-at-location-list.json');
  const services = feedOf(list).services;
  assert.equal(services.length, 1);
  assert.deepEqual(
    services[0].locations.map((l: any) => l.name),
    ['Beratungszentrum Mitte', 'Bürgerhaus Süd'],
  );
  assert.match(list.summary![0], /Liste von 2 Dienst-Ort-Einträgen \(service_at_location\).*1 von 1 Dienst übernommen/);
  assertUsable(list);
});

test('organization with nested services: provider and phone kept, latitude 100 dropped per location', () => {
  const result = run('hsds-organization-full.json');
  const feed = feedOf(result);
  assert.equal(result.summary![0], 'HSDS 3.0, Organisation mit Diensten: 2 von 2 Diensten übernommen');
  for (const service of feed.services) {
    assert.deepEqual(service.provider, { name: 'Beratungsverbund Flussheim e. V.', url: 'https://example.org/beratungsverbund' });
    assert.equal(service.contact.phone, '0521 777 880');
  }
  const [mbe, wohnen] = feed.services;
  assert.equal(mbe.locations[0].geo, undefined);
  assert.deepEqual(mbe.locations[1].geo, { lat: 52.025, lon: 8.499 });
  assert.equal(wohnen.locations[0].geo, undefined);
  assert.deepEqual(feed.region.center, { lat: 52.025, lon: 8.499 });
  const text = lines(result).join('\n');
  assert.match(
    text,
    /WARNUNG Ort „Haus der Beratung“ \(locations\[0\]\): Koordinaten 100, 101 \(latitude, longitude\) liegen außerhalb des gültigen Bereichs/,
  );
  assert.match(text, /WARNUNG Ort „Außenstelle Ost“ \(locations\[2\]\): Koordinaten 8\.6001, 52\.0301 .* vermutlich vertauscht/);
  assert.match(
    text,
    /HINWEIS Dienst „Migrationsberatung für Erwachsene“ \(services\[0\]\): hat keine eigene Telefonnummer; übernommen ist die der Organisation „Beratungsverbund Flussheim e\. V\.“: „0521 777 880“\./,
  );
  assert.match(text, /hat keine eigene E-Mail-Adresse; übernommen ist die der Organisation/);
  // A schedule with only a text goes through parseHours, and the report says so.
  assert.deepEqual(
    wohnen.locations[0].hours.map((s: any) => [s.days, s.opens, s.closes, s.kind]),
    [
      [['tu'], '10:00', '12:00', 'walk-in'],
      [['th'], '14:00', '16:00', 'appointment'],
    ],
  );
  assert.match(
    text,
    /Sprechzeit sch-wohn \(services\[1\]\.schedules\[0\]\): aus dem Text gelesen: „Di 10-12 Uhr offen; Do 14-16 Uhr Termin“/,
  );
  assertUsable(result);
});

test('tabular JSON (keys as services.csv …): tables without a place are named', () => {
  const result = run('hsds-tabular.json');
  const [service] = feedOf(result).services;
  assert.equal(result.summary![0], 'HSDS 3.0, Tabellen als JSON (services, organizations, …): 1 von 1 Dienst übernommen');
  assert.deepEqual(service.provider, { name: 'Jugendmigrationsdienst Flussheim', url: 'https://example.org/jmd' });
  assert.equal(service.contact.phone, '0521 4455 300');
  assert.deepEqual(service.audiences, ['youth']);
  assert.deepEqual(service.languages, ['de', 'ar']);
  assert.deepEqual(service.locations[0].address, { street: 'Altstädter Kirchplatz 2', postalCode: '33602', city: 'Flussheim' });
  assert.ok(lines(result).includes('HINWEIS Tabelle contacts.csv: hat im Lotse-Feed keinen Platz; 1 Eintrag nicht übernommen.'));
  assertUsable(result);
});

test('CSV folder with datapackage.json (importHsdsPackage): rows named by file and line', () => {
  const result = importHsdsPackage(folder('hsds-package'), { publisher: 'Stadt Flussheim', today: TODAY });
  const feed = feedOf(result);
  assert.equal(result.summary![0], 'HSDS 3.0.0, CSV-Ordner mit 10 Tabellen (datapackage.json): 2 von 2 Diensten übernommen');
  assert.deepEqual(
    feed.services.map((s: any) => s.name),
    ['Frauenberatung', 'Kita-Lotsinnen'],
  );
  const [frauen, kita] = feed.services;
  assert.equal(frauen.contact.phone, '0521 9630-40');
  assert.equal(kita.contact.phone, '0521 9630-0');
  assert.deepEqual(frauen.locations[0].hours, [
    { days: ['mo', 'we'], opens: '09:00', closes: '12:00', kind: 'appointment', note: 'Termin nach Vereinbarung' },
  ]);
  assert.equal(kita.locations[0].geo, undefined);
  const text = lines(result).join('\n');
  assert.match(
    text,
    /WARNUNG Ort „Familienzentrum Sonnenblume“ \(locations\.csv, Zeile 3\): Koordinaten 48\.8566, 2\.3522 \(latitude, longitude\) liegen nicht in Deutschland/,
  );
  assert.match(
    text,
    /WARNUNG Sprechzeit sch-frauen-2 \(schedules\.csv, Zeile 3\): monatlich \(freq MONTHLY: am letzten Freitag im Monat, 09:30–11:30\)/,
  );
  assert.match(text, /HINWEIS datapackage\.json: nennt Tabellen, die im Ordner fehlen: funding\.csv\./);
  assert.equal(result.sources['services[0]'][0], 'Dienst „Frauenberatung“ (services.csv, Zeile 2)');
  assertUsable(result);
});

test('the existing examples still import (tables object and API list)', () => {
  const tables = run('hsds-3.0.json');
  assert.equal(feedOf(tables).services.length, 3);
  assertUsable(tables);
  const api = run('hsds-api-services.json');
  assert.equal(feedOf(api).services[0].id, 'svc-sprachcafe');
  assertUsable(api);
});

test('refuses what is not service data, in one sentence, without a feed', () => {
  assert.equal(
    refusal(run('hsds-taxonomy.json')),
    'Das sieht nach einer Taxonomie aus (taxonomy_terms), nicht nach Angeboten. Bitte die Datei mit den Diensten (services) angeben.',
  );
  assert.match(
    refusal(run('hsds-organization-list.json')),
    /^Das sieht nach einer Liste von Organisationen ohne Dienste aus \(organizations\), nicht nach Angeboten\./,
  );
  const org = { id: 'org-x', name: 'Tafel Flussheim e. V.', description: 'Lebensmittelhilfe', website: 'https://example.org/tafel' };
  assert.match(refusal(importHsds(org)), /^Das sieht nach einer einzelnen Organisation ohne Dienste aus \(„Tafel Flussheim e\. V\.“\)/);
  assert.match(refusal(importHsds({ organizations: [org] })), /Liste von Organisationen ohne Dienste/);
  const place = { id: 'loc-x', location_type: 'physical', name: 'Rathaus', latitude: 52.02, longitude: 8.53 };
  assert.match(refusal(importHsds([place, { ...place, id: 'loc-y' }])), /^Das sieht nach einer Liste von Orten aus \(locations\)/);
  assert.match(refusal(importHsds({ locations: [place] })), /Liste von Orten/);
  assert.match(
    refusal(importHsds({ name: 'Max', age: 3 })),
    /^Das sieht nicht nach HSDS-Angeboten aus: Das Objekt „Max“ hat einen Namen, aber kein Feld eines HSDS-Dienstes/,
  );
  assert.match(refusal(importHsds([{ name: 'Kaffee' }, { name: 'Tee' }])), /nicht nach HSDS-Angeboten/);
  assert.match(refusal(importHsds({ contents: [] })), /Die Liste ist leer/);
  assert.match(refusal(importHsds(null)), /nicht nach HSDS-Angeboten/);
});

test('a Lotse feed given to the HSDS importer is refused: use lotse validate', () => {
  const message = 'Das ist schon ein Lotse-Feed: bitte `lotse validate` verwenden.';
  assert.equal(refusal(importHsds(readJson(repo('demo/public/services.json')))), message);
  assert.equal(refusal(importHsds({ version: 1, publisher: { name: 'x' } })), message);
  assert.equal(refusal(importHsds(readJson(repo('demo/public/services.json')).services)), message);
});

test('HSDS 1.1 is refused naming the version (JSON and datapackage)', () => {
  assert.match(
    refusal(run('hsds-1.1.json')),
    /^Das sind Daten im älteren Format HSDS 1\.1 \(erkannt an „regular_schedule“\); dieser Import liest nur HSDS 3\.0/,
  );
  const pkg = JSON.stringify({
    name: 'alt',
    profile: 'tabular-data-package',
    version: '1.1',
    resources: [{ name: 'service', path: 'services.csv' }],
  });
  assert.match(
    refusal(importHsdsPackage({ 'datapackage.json': pkg, 'services.csv': 'id,name\ns1,Beratung\n' })),
    /HSDS 1\.1 \(erkannt an „datapackage\.json: version 1\.1“\)/,
  );
  assert.match(
    refusal(importHsdsPackage({ 'services.csv': 'id,name\ns1,Beratung\n', 'regular_schedules.csv': 'id,service_id,weekday\nr1,s1,2\n' })),
    /HSDS 1\.1 \(erkannt an „regular_schedules\.csv“\)/,
  );
  assert.match(
    refusal(importHsdsPackage({ 'datapackage.json': '{ "version": "3.0"', 'services.csv': 'id,name\n' })),
    /datapackage\.json ist kein gültiges JSON/,
  );
  assert.match(refusal(importHsdsPackage({ 'taxonomy_terms.csv': 'id,code,name,description\nt1,health,Gesundheit,x\n' })), /Taxonomie/);
});

test('English texts: said so with the fix; marked as English with --text-lang en', () => {
  const plain = run('hsds-english.json');
  assert.equal(feedOf(plain).services.length, 2);
  assert.match(
    lines(plain).join('\n'),
    /WARNUNG Die Texte der Dienste sind offenbar englisch, nicht deutsch \(häufig: .*\); im Feed stehen sie als deutsche Texte\. Wenn sie englisch sind, bitte mit --text-lang en erneut importieren\./,
  );
  assert.equal(feedOf(plain).services[0].name, 'Welcome Desk for New Residents');
  const marked = run('hsds-english.json', { textLanguage: 'en' });
  assert.deepEqual(feedOf(marked).languages, ['en']);
  assert.deepEqual(feedOf(marked).services[0].name, { en: 'Welcome Desk for New Residents' });
  assert.doesNotMatch(lines(marked).join('\n'), /offenbar englisch/);
  assertUsable(marked);
  // German data marked English is pointed out as well; German data alone says nothing.
  assert.match(lines(run('hsds-3.0.json', { textLanguage: 'en' })).join('\n'), /offenbar deutsch/);
  assert.doesNotMatch(lines(run('hsds-3.0.json')).join('\n'), /offenbar/);
});

test('unmapped fields by name with counts, and records left out with the reason, are still reported', () => {
  const text = lines(run('hsds-3.0.json'));
  assert.ok(
    text.includes('HINWEIS Feld service.eligibility_description: hat im Lotse-Feed keinen Platz; in 1 Datensatz nicht übernommen.'),
  );
  assert.ok(
    text.includes(
      'WARNUNG Ort „Altes Lager (nicht mehr genutzt)“ (locations[2]): nicht übernommen: Der Ort gehört zu keinem Dienst (service_at_location fehlt).',
    ),
  );
  const nameless = importHsds(
    [
      { id: 's1', name: 'Beratung', status: 'active' },
      { id: 's2', status: 'active', description: 'ohne Namen' },
    ],
    { today: TODAY },
  );
  assert.equal(feedOf(nameless).services.length, 1);
  assert.equal(nameless.summary![0], 'HSDS 3.0, Liste von Diensten: 1 von 2 Diensten übernommen');
  assert.ok(lines(nameless).includes('WARNUNG Dienst s2 ([1]): nicht übernommen: Der Dienst hat keinen Namen (name).'));
});

test('lotse import --from hsds refuses a taxonomy with a non-zero exit and writes no feed', () => {
  const dir = scratch();
  const out = join(dir, 'feed.json');
  const cmd = lotse(['import', '--from', 'hsds', repo('test/fixtures/cli/hsds-taxonomy.json'), '-o', out]);
  assert.notEqual(cmd.status, 0, cmd.output);
  assert.match(cmd.output, /Das sieht nach einer Taxonomie aus \(taxonomy_terms\), nicht nach Angeboten\./);
  assert.equal(existsSync(out), false);
});
