/**
 * `lotse import angebote.csv`: a spreadsheet saved as CSV → a Lotse feed.
 *
 * One row per place where a service is offered; rows with the same ID become one service
 * with several places. Column names are German (see `templates/angebote-vorlage.csv`);
 * columns like "Name (ro)" hold translations. Excel's quirks are handled: comma, semicolon
 * or tab, UTF-8 with or without BOM, Windows-1252, UTF-16, "sep=;" lines, dates as 31.12.2026,
 * decimal commas.
 */
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary.js';
import type { VocabularyEntry } from '../src/core/feed/schema.js';
import {
  feedFrame, languageCode, slugify, splitList, uniqueId,
  type ImportNote, type ImportOptions, type ImportResult,
} from './import-common.js';
import type { Pair } from './messages.js';
import { parseHours } from './hours.js';

export { parseHours } from './hours.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Bytes as Excel may have written them → text. Invalid UTF-8 means Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
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

/** Split CSV text into rows of cells (RFC 4180 quotes; the delimiter is detected). */
export function parseCsv(text: string): { rows: string[][]; delimiter: string } {
  let body = text.replace(/^\uFEFF/, '');
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  if (!delimiter) {
    // Count candidates in the header line, outside quotes.
    const header = body.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
    const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
    delimiter = counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ',';
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return { rows: rows.map((r) => r.map((c) => c.trim())), delimiter };
}

/** The columns Lotse reads, by normalised German header (and a few synonyms). */
const COLUMNS: Record<string, string[]> = {
  id: ['id', 'kennung'],
  name: ['name', 'titel', 'angebot'],
  summary: ['kurzbeschreibung', 'kurztext'],
  description: ['beschreibung', 'langbeschreibung'],
  categories: ['kategorien', 'kategorie', 'themen', 'thema'],
  audiences: ['zielgruppen', 'zielgruppe'],
  languages: ['sprachen', 'sprache'],
  free: ['kostenlos'],
  access: ['zugang'],
  noInsuranceNeeded: ['ohnekrankenversicherung'],
  noRegistrationNeeded: ['ohneanmeldung'],
  anonymous: ['anonym'],
  phone: ['telefon', 'tel'],
  email: ['email'],
  website: ['webseite', 'website', 'internet', 'url'],
  whatsapp: ['whatsapp'],
  provider: ['traeger'],
  status: ['status'],
  statusNote: ['statushinweis', 'hinweiszumstatus'],
  locationId: ['standortid'],
  locationName: ['standort', 'standortname'],
  street: ['strasse', 'strasseundhausnummer', 'adresse'],
  postalCode: ['plz', 'postleitzahl'],
  city: ['ort', 'stadt'],
  district: ['stadtteil', 'quartier', 'bezirk'],
  lat: ['breitengrad', 'breite', 'lat'],
  lon: ['laengengrad', 'laenge', 'lon', 'lng'],
  wheelchair: ['barrierefrei', 'rollstuhlgerecht'],
  hours: ['sprechzeiten', 'oeffnungszeiten', 'sprechstunden'],
  lastChecked: ['zuletztgeprueft', 'geprueftam', 'pruefdatum'],
  validFrom: ['gueltigab'],
  validUntil: ['gueltigbis'],
};
const TRANSLATABLE = new Set(['name', 'summary', 'description', 'locationName', 'statusNote']);
const SERVICE_FIELDS = [
  'name', 'summary', 'description', 'categories', 'audiences', 'languages', 'free', 'access', 'noInsuranceNeeded',
  'noRegistrationNeeded', 'anonymous', 'phone', 'email', 'website', 'whatsapp', 'provider', 'status', 'statusNote',
  'lastChecked', 'validFrom', 'validUntil',
];
/** Feed path below a service (or location) for each column, to point from problems back to cells. */
const FIELD_PATHS: Record<string, string> = {
  name: 'name', summary: 'summary', description: 'description', categories: 'categories', audiences: 'audiences',
  languages: 'languages', free: 'free', access: 'access', noInsuranceNeeded: 'requirements.noInsuranceNeeded',
  noRegistrationNeeded: 'requirements.noRegistrationNeeded', anonymous: 'requirements.anonymous',
  phone: 'contact.phone', email: 'contact.email', website: 'contact.website', whatsapp: 'contact.whatsapp',
  provider: 'provider', status: 'status', statusNote: 'statusNote', lastChecked: 'lastChecked',
  validFrom: 'validFrom', validUntil: 'validUntil', id: 'id',
};
const LOCATION_PATHS: Record<string, string> = {
  locationName: 'name', street: 'address.street', postalCode: 'address.postalCode', city: 'address.city',
  district: 'district', lat: 'geo', lon: 'geo', wheelchair: 'accessibility', hours: 'hours', locationId: 'id',
};

const normalise = (header: string) =>
  header.toLowerCase().replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c]!).replace(/[^a-z0-9]/g, '');

interface Column {
  index: number;
  header: string;
  field: string;
  lang?: string;
}

/** Read the header row: which column is which field (and language, for "Name (ro)"). */
export function readHeader(header: string[], notes: ImportNote[]): Column[] {
  const columns: Column[] = [];
  header.forEach((text, index) => {
    if (!text) return;
    let base = text;
    let lang: string | undefined;
    const paren = /^(.*?)\s*[([]([^)\]]*)[)\]]\s*$/.exec(text);
    if (paren) {
      base = paren[1];
      lang = languageCode(paren[2]);
    }
    const key = normalise(base);
    const field = Object.keys(COLUMNS).find((f) => COLUMNS[f].includes(key));
    if (!field) {
      notes.push({
        severity: 'warning',
        where: [`Spalte „${text}“`, `column "${text}"`],
        message: [
          'Unbekannte Spalte, sie wird nicht übernommen. Die Spaltennamen stehen in der Vorlage templates/angebote-vorlage.csv.',
          'Unknown column; it is not imported. The column names are in the template templates/angebote-vorlage.csv.',
        ],
      });
      return;
    }
    if (lang && !TRANSLATABLE.has(field)) lang = undefined;
    if (lang === 'de') lang = undefined;
    if (columns.some((c) => c.field === field && c.lang === lang)) {
      notes.push({
        severity: 'warning',
        where: [`Spalte „${text}“`, `column "${text}"`],
        message: ['Diese Spalte gibt es zweimal; die erste gilt.', 'This column appears twice; the first one is used.'],
      });
      return;
    }
    columns.push({ index, header: text, field, lang });
  });
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
  wohnung: 'housing', job: 'work', arbeitsmarkt: 'work', bildung: 'education', schule: 'education',
  familie: 'family', kinder: 'family', deutschkurs: 'german-courses', sprachkurs: 'german-courses',
  sprachkurse: 'german-courses', anmeldung: 'documents', papiere: 'documents', dokumente: 'documents',
  geld: 'money', leistungen: 'money', sozialleistungen: 'money', beratung: 'counselling', notfall: 'emergency',
  recht: 'rights', rechte: 'rights', schutz: 'rights', krankenversicherung: 'health',
};
export const AUDIENCE_SYNONYMS: Record<string, string> = {
  frau: 'women', mann: 'men', kind: 'children', jugend: 'youth', familie: 'families', senioren: 'seniors',
  'ohne krankenversicherung': 'uninsured', 'nicht versicherte': 'uninsured', 'eu-bürger': 'eu-citizens',
  'eu-buerger': 'eu-citizens', 'eu-bürgerinnen': 'eu-citizens', 'eu-zugewanderte': 'eu-citizens', geflüchtete: 'refugees',
};

/** Read a CSV export (bytes as saved by Excel or LibreOffice) into a Lotse feed. */
export function importCsv(input: Uint8Array | string, options: ImportOptions = {}): ImportResult & { encoding: Encoding; delimiter: string } {
  const notes: ImportNote[] = [];
  const sources: Record<string, Pair> = {};
  const { text, encoding } = typeof input === 'string' ? { text: input, encoding: 'utf-8' as Encoding } : decodeCsv(input);
  const { rows, delimiter } = parseCsv(text);
  if (encoding === 'windows-1252') {
    notes.push({
      severity: 'info',
      message: [
        'Die Datei ist nicht UTF-8, sondern Windows-1252 (so speichert Excel „CSV (Trennzeichen-getrennt)“). Umlaute wurden umgewandelt.',
        'The file is not UTF-8 but Windows-1252 (as Excel saves "CSV (comma delimited)"). Umlauts were converted.',
      ],
    });
  }
  const columns = readHeader(rows[0] ?? [], notes);
  const has = (field: string) => columns.some((c) => c.field === field);
  for (const required of ['name', 'summary', 'categories', 'languages', 'free'] as const) {
    if (!has(required)) {
      notes.push({
        severity: 'error',
        message: [
          `Die Spalte „${COLUMNS[required][0].replace(/^./, (c) => c.toUpperCase())}“ fehlt. Bitte die Kopfzeile aus templates/angebote-vorlage.csv übernehmen.`,
          `The column "${COLUMNS[required][0]}" is missing. Please use the header row of templates/angebote-vorlage.csv.`,
        ],
      });
    }
  }

  const matchCategory = vocabularyMatcher(DEFAULT_CATEGORIES, CATEGORY_SYNONYMS);
  const matchAudience = vocabularyMatcher(DEFAULT_AUDIENCES, AUDIENCE_SYNONYMS);
  const newCategories = new Map<string, VocabularyEntry>();
  const newAudiences = new Map<string, VocabularyEntry>();
  const districts = new Map<string, VocabularyEntry>();
  const translations = new Set<string>();
  const services: Record<string, any>[] = [];
  const serviceRows = new Map<string, { index: number; first: number; cells: Record<string, string>; locationIds: Set<string> }>();
  const coordinates: { lat: number; lon: number }[] = [];

  rows.slice(1).forEach((cells, r) => {
    const row = r + 2; // the spreadsheet row: 1 is the header
    if (cells.every((c) => c === '')) return;
    const cell = (field: string, lang?: string) => columns.find((c) => c.field === field && c.lang === lang)?.index;
    const get = (field: string, lang?: string) => {
      const i = cell(field, lang);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const header = (field: string) => columns.find((c) => c.field === field)?.header ?? field;
    const at = (field: string): Pair => [`Zeile ${row}, Spalte „${header(field)}“`, `row ${row}, column "${header(field)}"`];
    const note = (severity: ImportNote['severity'], field: string, message: Pair) => notes.push({ severity, where: at(field), message });
    const text = (field: string) => {
      const de = get(field);
      const own = columns.filter((c) => c.field === field && c.lang && cells[c.index]);
      if (!own.length) return de || undefined;
      own.forEach((c) => translations.add(c.lang!));
      return Object.fromEntries([...(de ? [['de', de]] : []), ...own.map((c) => [c.lang!, cells[c.index]])]);
    };
    const bool = (field: string) => {
      const value = get(field);
      if (!value) return undefined;
      if (YES.test(value)) return true;
      if (NO.test(value)) return false;
      note('warning', field, [`„${value}“ ist weder ja noch nein; das Feld bleibt leer.`, `"${value}" is neither yes (ja) nor no (nein); the field is left empty.`]);
      return undefined;
    };
    const date = (field: string) => {
      const value = get(field);
      if (!value) return undefined;
      const iso = isoDate(value);
      if (!iso) note('warning', field, [`„${value}“ ist kein Datum. Bitte TT.MM.JJJJ schreiben, z. B. 31.12.2026.`, `"${value}" is not a date. Please write DD.MM.YYYY, e.g. 31.12.2026.`]);
      return iso;
    };

    // Which service: the ID column, else the name.
    const givenId = get('id');
    const name = get('name');
    if (!givenId && !name) {
      notes.push({ severity: 'warning', where: [`Zeile ${row}`, `row ${row}`], message: ['Weder ID noch Name: die Zeile wird übersprungen.', 'Neither ID nor name: the row is skipped.'] });
      return;
    }
    const id = slugify(givenId || name) || `angebot-${row}`;
    if (givenId && id !== givenId) {
      note('info', 'id', [`Die ID „${givenId}“ wird als „${id}“ geschrieben (nur Kleinbuchstaben, Ziffern und -).`, `The id "${givenId}" is written as "${id}" (lower case, digits and - only).`]);
    }
    let entry = serviceRows.get(id);
    if (!entry) {
      const access = (() => {
        const value = get('access').toLowerCase();
        if (!value) return undefined;
        if (/beides|both|offen und termin|termin und offen/.test(value)) return 'both';
        if (/ohne termin|offen|walk/.test(value)) return 'walk-in';
        if (/termin|vereinbarung|appointment/.test(value)) return 'appointment';
        note('warning', 'access', [`„${get('access')}“ ist nicht erlaubt. Erlaubt: offen, Termin oder beides.`, `"${get('access')}" is not allowed. Allowed: offen, Termin or beides.`]);
        return undefined;
      })();
      const vocab = (field: 'categories' | 'audiences') => {
        const out: string[] = [];
        for (const item of splitList(get(field))) {
          const known = (field === 'categories' ? matchCategory : matchAudience)(item);
          if (known) {
            out.push(known);
            continue;
          }
          const newId = slugify(item);
          const list = field === 'categories' ? newCategories : newAudiences;
          if (!list.has(newId)) {
            list.set(newId, { id: newId, label: item });
            note('warning', field, [
              `„${item}“ ist keine Standard-${field === 'categories' ? 'Kategorie' : 'Zielgruppe'} und wird neu angelegt (ohne eigenes Symbol). Tippfehler? Standard: ${(field === 'categories' ? DEFAULT_CATEGORIES : DEFAULT_AUDIENCES).map((e) => (e.label as Record<string, string>).de).join(', ')}.`,
              `"${item}" is not a built-in ${field === 'categories' ? 'category' : 'audience'} and is added (without an icon). A typo?`,
            ]);
          }
          out.push(newId);
        }
        return [...new Set(out)];
      };
      const languages: string[] = [];
      for (const item of splitList(get('languages'))) {
        const code = languageCode(item);
        if (code) languages.push(code);
        else note('warning', 'languages', [`„${item}“ ist keine bekannte Sprache und wird weggelassen. Bitte Codes wie de, ro, bg, rom oder deutsche Namen wie Rumänisch verwenden.`, `"${item}" is not a known language and is left out. Use codes such as de, ro, bg, rom or names such as Romanian.`]);
      }
      const status = (() => {
        const value = get('status').toLowerCase();
        if (!value || /aktiv|active/.test(value)) return undefined;
        if (/vor(ü|ue)bergehend|pause|temporar/.test(value)) return 'temporarily-closed';
        if (/beendet|eingestellt|ended/.test(value)) return 'ended';
        note('warning', 'status', [`„${get('status')}“ ist kein Status. Erlaubt: aktiv, vorübergehend geschlossen, beendet.`, `"${get('status')}" is not a status. Allowed: aktiv, vorübergehend geschlossen, beendet.`]);
        return undefined;
      })();
      const contact = Object.fromEntries(
        (['phone', 'email', 'website', 'whatsapp'] as const)
          .map((f) => [f, f === 'website' && get(f) && !/^https?:\/\//i.test(get(f)) ? `https://${get(f)}` : get(f)])
          .filter(([, v]) => v),
      );
      const requirements = Object.fromEntries(
        (['noInsuranceNeeded', 'noRegistrationNeeded', 'anonymous'] as const).map((f) => [f, bool(f)]).filter(([, v]) => v !== undefined),
      );
      const free = bool('free');
      if (free === undefined && !get('free')) note('error', 'free', ['Leer. Bitte ja oder nein eintragen.', 'Empty. Please enter ja (yes) or nein (no).']);
      const service: Record<string, any> = {
        id,
        name: text('name'),
        summary: text('summary'),
        ...(text('description') ? { description: text('description') } : {}),
        categories: vocab('categories'),
        ...(get('audiences') ? { audiences: vocab('audiences') } : {}),
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
      entry = { index: services.length, first: row, cells: Object.fromEntries(SERVICE_FIELDS.map((f) => [f, get(f)])), locationIds: new Set() };
      serviceRows.set(id, entry);
      services.push(service);
      const base = `services[${entry.index}]`;
      sources[base] = [`Zeile ${row}`, `row ${row}`];
      for (const [field, path] of Object.entries(FIELD_PATHS)) if (has(field)) sources[`${base}.${path}`] = at(field);
    } else {
      // A further place of the same service: its service columns should be empty or equal.
      for (const field of SERVICE_FIELDS) {
        const value = get(field);
        if (value && value !== entry.cells[field]) {
          note('warning', field, [
            `Weicht von Zeile ${entry.first} ab (gleiche ID „${id}“). Für den Dienst gilt Zeile ${entry.first}; in weiteren Zeilen nur den Standort ausfüllen.`,
            `Differs from row ${entry.first} (same id "${id}"). Row ${entry.first} applies to the service; fill in only the place in further rows.`,
          ]);
        }
      }
    }
    const service = services[entry.index];

    // The place of this row, if the row has one.
    const placeFields = ['locationId', 'locationName', 'street', 'postalCode', 'city', 'district', 'lat', 'lon', 'hours'];
    if (!placeFields.some((f) => get(f))) return;
    const li = service.locations.length;
    const locationId = uniqueId(slugify(get('locationId') || get('street') || get('locationName') || 'standort') || 'standort', entry.locationIds);
    const location: Record<string, any> = { id: locationId };
    const locName = text('locationName');
    if (locName) location.name = locName;
    location.address = Object.fromEntries(
      (['street', 'postalCode', 'city'] as const).map((f) => [f, get(f)]).filter(([, v]) => v),
    );
    if (/^\d{4}$/.test(location.address.postalCode ?? '')) {
      // Excel drops the leading zero of postcodes such as 01067 (Dresden).
      location.address.postalCode = `0${location.address.postalCode}`;
      note('info', 'postalCode', [`Postleitzahl mit führender Null ergänzt: ${location.address.postalCode}.`, `Leading zero added to the postcode: ${location.address.postalCode}.`]);
    }
    const districtName = get('district');
    if (districtName) {
      const districtId = slugify(districtName);
      if (!districts.has(districtId)) districts.set(districtId, { id: districtId, label: districtName });
      location.district = districtId;
    }
    const number = (field: string) => {
      const value = get(field).replace(',', '.');
      if (!value) return undefined;
      const n = Number(value);
      if (Number.isNaN(n)) note('warning', field, [`„${get(field)}“ ist keine Zahl.`, `"${get(field)}" is not a number.`]);
      return Number.isNaN(n) ? undefined : n;
    };
    const lat = number('lat');
    const lon = number('lon');
    if (lat !== undefined && lon !== undefined) {
      location.geo = { lat, lon };
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) coordinates.push({ lat, lon });
    } else if (lat !== undefined || lon !== undefined) {
      note('warning', lat === undefined ? 'lat' : 'lon', ['Leer, obwohl die andere Koordinate gefüllt ist. Der Ort erscheint nicht auf der Karte.', 'Empty while the other coordinate is filled. The place is not shown on the map.']);
    }
    const wheelchair = bool('wheelchair');
    if (wheelchair !== undefined) location.accessibility = { wheelchair };
    const defaultKind = service.access === 'appointment' ? 'appointment' : 'walk-in';
    const hours = parseHours(get('hours'), defaultKind);
    for (const problem of hours.problems) note('error', 'hours', problem);
    location.hours = hours.slots;
    service.locations.push(location);
    const base = `services[${entry.index}].locations[${li}]`;
    sources[base] = [`Zeile ${row}`, `row ${row}`];
    for (const [field, path] of Object.entries(LOCATION_PATHS)) if (has(field)) sources[`${base}.${path}`] = at(field);
  });

  for (const service of services) {
    if (service.locations.length === 0) delete service.locations;
    if (!service.access && service.locations?.some((l: any) => l.hours.length)) {
      const kinds = new Set(service.locations.flatMap((l: any) => l.hours.map((s: any) => s.kind)));
      service.access = kinds.size === 2 ? 'both' : [...kinds][0];
    }
  }
  const feed = feedFrame(options, coordinates, notes);
  if (translations.size) feed.languages = ['de', ...translations];
  if (newCategories.size) feed.categories = [...newCategories.values()];
  if (newAudiences.size) feed.audiences = [...newAudiences.values()];
  if (districts.size) feed.districts = [...districts.values()];
  feed.services = services;
  return { feed, notes, sources, encoding, delimiter };
}
