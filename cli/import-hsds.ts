/**
 * `lotse import --from hsds datei.json|ordner/`: Open Referral HSDS 3.0 → a Lotse feed.
 *
 * The shape is recognised by content (cli/hsds/shape.ts): one service, a page or list of
 * services, service_at_location (one or a list), organizations with nested services, tables as
 * one JSON object, or a folder of CSV tables with datapackage.json (importHsdsPackage). Anything
 * that is not service data (taxonomies, organizations without services, locations, a Lotse feed,
 * HSDS before 3.0) is refused with `feed: undefined` and one error note.
 *
 * Every value reaches the feed as written, or the report says what was found and what was made
 * of it: fields without a place by name with record counts, records left out with the reason,
 * cleaned phone numbers, dropped coordinates, schedules Lotse cannot express.
 */
import { builtInMatchers, type BuiltInMatchers } from './import-csv.js';
import { feedFrame, languageCode, slugify, uniqueId, type ImportNote, type ImportOptions, type ImportResult } from './import-common.js';
import type { Pair } from './messages.js';
import { ENTITY, TABLES, filled, label as recordLabel, q, type Row, type Tables } from './hsds/common.js';
import { readPackage } from './hsds/csv.js';
import { guessTextLanguage } from './hsds/language.js';
import { WALK_IN, mapSchedule, type ScheduleResult } from './hsds/schedules.js';
import { readHsds, type ReadHsds } from './hsds/shape.js';

export { parseCsvRecords } from './hsds/csv.js';

export interface HsdsImportOptions extends ImportOptions {
  /** Language of the HSDS texts (`--text-lang`); texts are German when not given. */
  textLanguage?: string;
}

/** Fields we read, per table; every other filled field is reported as not mapped. */
const MAPPED: Record<string, string[]> = {
  service: [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'fees_description',
    'application_process',
    'assured_date',
    'last_modified',
    'organization',
    'service_at_locations',
    'schedules',
    'languages',
    'phones',
    'cost_options',
    'attributes',
  ],
  organization: ['id', 'name', 'website', 'email', 'services', 'locations', 'phones'],
  location: [
    'id',
    'name',
    'latitude',
    'longitude',
    'addresses',
    'schedules',
    'languages',
    'phones',
    'accessibility',
    'location_type',
    'organization_id',
  ],
  service_at_location: ['id', 'service_id', 'location_id', 'location', 'schedules', 'phones'],
  schedule: [
    'id',
    'service_id',
    'location_id',
    'service_at_location_id',
    'freq',
    'byday',
    'opens_at',
    'closes_at',
    'interval',
    'valid_from',
    'valid_to',
    'dtstart',
    'until',
    'count',
    'wkst',
    'byweekno',
    'bymonthday',
    'byyearday',
    'timezone',
    'description',
    'notes',
    'attending_type',
  ],
  language: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code'],
  phone: ['id', 'service_id', 'location_id', 'organization_id', 'service_at_location_id', 'number', 'extension', 'type', 'languages'],
  address: ['id', 'location_id', 'address_1', 'address_2', 'postal_code', 'city', 'address_type', 'country', 'state_province', 'region'],
  cost_option: ['id', 'service_id', 'amount', 'currency', 'option'],
  attribute: ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'taxonomy_term', 'value'],
  accessibility: ['id', 'location_id', 'description', 'details'],
};

const FREE = /kostenlos|kostenfrei|gratis|unentgeltlich|\bfree\b|no (fee|cost|charge)/i;
const PHONE = /^[+()\d\s/.-]{3,30}$/;
const HTTP = /^https?:\/\/[^\s<>"]+$/i;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
/** Germany with a margin: lat 47.27–55.06, lon 5.87–15.04. */
const GERMANY = { lat: [47.0, 55.3], lon: [5.5, 15.5] };
const STATUS: Record<string, string> = {
  active: 'active',
  inactive: 'ended',
  defunct: 'ended',
  'temporarily closed': 'temporarily-closed',
};

/** A phone number as written, without quotes, "Tel.:" prefixes and extra spaces; or why not. */
export function cleanPhone(raw: unknown): { number?: string; cleaned: boolean; problem?: Pair } {
  if (typeof raw === 'number') {
    return {
      cleaned: false,
      problem: [
        'ist als Zahl gespeichert (eine führende 0 oder + fehlt dann); bitte als Text angeben',
        'is stored as a number (a leading 0 or + is then lost); please give it as text',
      ],
    };
  }
  if (typeof raw !== 'string' || !raw.trim()) return { cleaned: false, problem: ['ist leer', 'is empty'] };
  let text = raw.trim().replace(/\s+/g, ' ');
  const before = text;
  for (let i = 0; i < 3; i++) {
    text = text.replace(/^["'„“”‚‘’«»]+|["'„“”‚‘’«»]+$/g, '').trim();
    if (/^fax\b/i.test(text)) return { cleaned: false, problem: ['ist eine Faxnummer', 'is a fax number'] };
    text = text.replace(/^(tel(efon)?|phone|fon|mobil|handy)\.?\s*:?\s*/i, '').trim();
  }
  if (!PHONE.test(text) || (text.match(/\d/g) ?? []).length < 3) {
    return {
      cleaned: text !== before,
      problem: [
        'ist keine gültige Telefonnummer (erlaubt: Ziffern, +, Klammern, /, -, Punkt, Leerzeichen; 3–30 Zeichen)',
        'is not a valid phone number (allowed: digits, +, brackets, /, -, dot, space; 3–30 characters)',
      ],
    };
  }
  return { number: text, cleaned: text !== raw };
}

const summaryFor = (read: ReadHsds, taken: number, json: boolean): Pair => {
  const [de, en] = read.shape;
  const prefix: Pair = json ? ['HSDS 3.0, ', 'HSDS 3.0, '] : ['', ''];
  const total =
    read.page?.totalItems && read.page.totalItems > read.found
      ? [`; die Quelle hat insgesamt ${read.page.totalItems}`, `; the source has ${read.page.totalItems} in all`]
      : ['', ''];
  return [
    `${prefix[0]}${de}: ${taken} von ${read.found} ${read.found === 1 ? 'Dienst' : 'Diensten'} übernommen${total[0]}`,
    `${prefix[1]}${en}: ${taken} of ${read.found} service${read.found === 1 ? '' : 's'} imported${total[1]}`,
  ];
};

/** Read HSDS 3.0 JSON (already parsed) into a Lotse feed. */
export function importHsds(input: unknown, options: HsdsImportOptions = {}): ImportResult {
  const read = readHsds(input);
  if ('refusal' in read) return { feed: undefined, notes: [{ severity: 'error', message: read.refusal }], sources: {} };
  return buildFeed(read, options, true);
}

/**
 * Read a folder of HSDS 3.0 CSV tables with its datapackage.json, given as file name (or
 * relative path) → file text, e.g. { 'datapackage.json': '…', 'services.csv': '…' }.
 */
export function importHsdsPackage(files: Record<string, string>, options: HsdsImportOptions = {}): ImportResult {
  const pkg = readPackage(files);
  if ('refusal' in pkg) return { feed: undefined, notes: [{ severity: 'error', message: pkg.refusal }], sources: {} };
  const read = readHsds(pkg.tabular, { origins: pkg.origins, shape: pkg.shape });
  if ('refusal' in read)
    return {
      feed: undefined,
      notes: [...pkg.notes.filter((n) => n.severity !== 'info'), { severity: 'error', message: read.refusal }],
      sources: {},
    };
  read.notes.unshift(...pkg.notes);
  return buildFeed(read, options, false);
}

/** What the steps of buildFeed share: the tables, the report so far and what earlier steps found. */
interface Build extends BuiltInMatchers {
  tables: Tables;
  notes: ImportNote[];
  /** Feed path → the HSDS record it came from. */
  sources: Record<string, Pair>;
  label: (entity: string, row: Row) => Pair;
  note: (severity: ImportNote['severity'], where: Pair | undefined, de: string, en: string) => void;
  /** A text for the feed, marked with --text-lang when given. */
  text: (value: unknown) => string | Record<string, string> | undefined;
  textLanguage?: string;
  today: string;
  organizations: Map<string, Row>;
  locations: Map<string, Row>;
  terms: Map<string, Row>;
  /** Ids of locations some service uses; the others are reported as left out. */
  usedLocations: Set<string>;
  /** Each schedule is mapped (and reported) once, however many places share it. */
  mappedSchedules: Map<Row, ScheduleResult>;
  serviceIds: Set<string>;
  coordinates: { lat: number; lon: number }[];
  services: Row[];
  reportedPhones: Set<Row>;
  reportedGeo: Map<Row, { lat: number; lon: number } | undefined>;
  /** Schedules with weekdays but no freq, read as weekly (one note at the end). */
  assumedWeekly: number;
  /** Names and descriptions, for the guess at their language. */
  textsForLanguage: string[];
}

function buildFeed(read: ReadHsds, options: HsdsImportOptions, json: boolean): ImportResult {
  const b = startBuild(read, options);
  notePartialPage(b, read);
  for (const svc of b.tables.services) addService(b, svc);
  noteUnusedRecords(b);
  noteAssumedWeekly(b);
  noteUnmappedFields(b);
  noteTextLanguage(b);

  const { notes, sources, services } = b;
  const summary = summaryFor(read, services.length, json);
  if (!services.length) {
    b.note(
      'error',
      undefined,
      `Keiner der ${read.found} Dienste konnte übernommen werden (Gründe siehe oben); es wurde kein Feed erstellt.`,
      `None of the ${read.found} services could be imported (reasons above); no feed was made.`,
    );
    return { feed: undefined, summary, notes, sources };
  }
  const feed = feedFrame(options, b.coordinates, notes);
  if (b.textLanguage) feed.languages = [b.textLanguage];
  feed.services = services;
  return { feed, summary, notes, sources };
}

/** The shared state of one import: the reader's notes first, lookups by id, empty results. */
function startBuild(read: ReadHsds, options: HsdsImportOptions): Build {
  const { tables, origins } = read;
  const notes: ImportNote[] = [...read.notes];
  const textLanguage = options.textLanguage && options.textLanguage !== 'de' ? options.textLanguage : undefined;
  const byId = <T extends keyof Tables>(table: T) => new Map(tables[table].map((r) => [String(r.id), r]));
  return {
    tables,
    notes,
    sources: {},
    label: (entity, row) => recordLabel(entity, row, origins),
    note: (severity, where, de, en) => {
      notes.push({ severity, ...(where ? { where } : {}), message: [de, en] });
    },
    text: (value) => {
      if (typeof value !== 'string' || !value.trim()) return undefined;
      return textLanguage ? { [textLanguage]: value.trim() } : value.trim();
    },
    textLanguage,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    organizations: byId('organizations'),
    locations: byId('locations'),
    terms: byId('taxonomy_terms'),
    ...builtInMatchers(),
    usedLocations: new Set(),
    mappedSchedules: new Map(),
    serviceIds: new Set(),
    coordinates: [],
    services: [],
    reportedPhones: new Set(),
    reportedGeo: new Map(),
    assumedWeekly: 0,
    textsForLanguage: [],
  };
}

/** Reads the API page info; warns when the file is one page of several. */
function notePartialPage(b: Build, read: ReadHsds) {
  if (!read.page?.pages || read.page.pages <= 1) return;
  const n = read.page.number ?? 1;
  b.note(
    'warning',
    undefined,
    `Die Datei ist Seite ${n} von ${read.page.pages} einer HSDS-API-Liste; nur ${read.found === 1 ? 'der 1 Dienst' : `die ${read.found} Dienste`} dieser Seite ${read.found === 1 ? 'ist' : 'sind'} im Feed, die übrigen Seiten fehlen. Bitte alle Seiten abrufen und ihre Einträge (contents) in eine Liste [ … ] zusammenfügen oder die Liste mit einer größeren Seitengröße abrufen.`,
    `The file is page ${n} of ${read.page.pages} of an HSDS API list; only the ${read.found} service${read.found === 1 ? '' : 's'} of this page ${read.found === 1 ? 'is' : 'are'} in the feed, the other pages are missing. Please fetch all pages and join their entries (contents) into one list [ … ], or fetch the list with a larger page size.`,
  );
}

/** The slots of the schedules; each schedule's notes are reported the first time it is mapped. */
function slotsOf(b: Build, schedules: Row[], defaultKind: 'walk-in' | 'appointment') {
  const slots: Row[] = [];
  for (const s of schedules) {
    let result = b.mappedSchedules.get(s);
    if (!result) {
      result = mapSchedule(s, { today: b.today, defaultKind, text: b.text });
      b.mappedSchedules.set(s, result);
      if (result.assumedWeekly && result.slots.length) b.assumedWeekly++;
      for (const n of result.notes) b.notes.push({ severity: n.severity, where: b.label('schedule', s), message: n.message });
    }
    slots.push(...result.slots);
  }
  return slots;
}

/** Coordinates of a location, or undefined with a note naming the record (once per location). */
function geoOf(b: Build, loc: Row) {
  if (b.reportedGeo.has(loc)) return b.reportedGeo.get(loc);
  const where = b.label('location', loc);
  let geo: { lat: number; lon: number } | undefined;
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  const found = `${q(loc.latitude ?? '–', 20)}, ${q(loc.longitude ?? '–', 20)}`;
  const drop = (de: string, en: string) =>
    b.note(
      'warning',
      where,
      `Koordinaten ${found} (latitude, longitude) ${de}; weggelassen, der Ort erscheint ohne Kartenpunkt. Bitte latitude/longitude in der Quelle korrigieren.`,
      `coordinates ${found} (latitude, longitude) ${en}; left out, the place shows without a map pin. Please correct latitude/longitude in the source.`,
    );
  if (has(loc.latitude) || has(loc.longitude)) {
    const lat = typeof loc.latitude === 'number' ? loc.latitude : Number(String(loc.latitude ?? '').trim());
    const lon = typeof loc.longitude === 'number' ? loc.longitude : Number(String(loc.longitude ?? '').trim());
    if (!has(loc.latitude) || !has(loc.longitude)) drop('sind unvollständig', 'are incomplete');
    else if (!Number.isFinite(lat) || !Number.isFinite(lon) || typeof loc.latitude === 'boolean' || typeof loc.longitude === 'boolean')
      drop('sind keine Zahlen', 'are not numbers');
    else if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
      drop(
        'liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)',
        'are out of range (latitude −90 to 90, longitude −180 to 180)',
      );
    else if (lat < GERMANY.lat[0] || lat > GERMANY.lat[1] || lon < GERMANY.lon[0] || lon > GERMANY.lon[1]) {
      const swapped = lon >= GERMANY.lat[0] && lon <= GERMANY.lat[1] && lat >= GERMANY.lon[0] && lat <= GERMANY.lon[1];
      drop(
        swapped ? 'liegen nicht in Deutschland – Breite und Länge sind vermutlich vertauscht' : 'liegen nicht in Deutschland',
        swapped ? 'are not in Germany – latitude and longitude are probably swapped' : 'are not in Germany',
      );
    } else geo = { lat, lon };
  }
  b.reportedGeo.set(loc, geo);
  return geo;
}

/** The first usable phone of the candidates; the others' problems are reported once. */
function phoneOf(b: Build, candidates: Row[]) {
  for (const p of candidates) {
    const where = b.label('phone', p);
    const report = !b.reportedPhones.has(p);
    b.reportedPhones.add(p);
    const type = String(p.type ?? '').toLowerCase();
    if (['fax', 'pager', 'textphone', 'video'].includes(type)) {
      if (report)
        b.note(
          'info',
          where,
          `„${q(p.number ?? '')}“ hat die Art „${type}“ (type) und ist daher nicht als Telefonnummer übernommen.`,
          `"${q(p.number ?? '')}" has the type "${type}" and is therefore not imported as phone number.`,
        );
      continue;
    }
    const clean = cleanPhone(p.number);
    if (!clean.number) {
      if (report)
        b.note(
          'warning',
          where,
          `„${q(p.number ?? '')}“ ${clean.problem![0]}; nicht übernommen.`,
          `"${q(p.number ?? '')}" ${clean.problem![1]}; not imported.`,
        );
      continue;
    }
    if (report && clean.cleaned)
      b.note(
        'info',
        where,
        `„${q(p.number)}“ bereinigt zu „${clean.number}“ (Anführungszeichen, „Tel.:“ oder Leerzeichen entfernt).`,
        `"${q(p.number)}" cleaned to "${clean.number}" (quotes, "Tel.:" or spaces removed).`,
      );
    if (report && filled(p.extension))
      b.note(
        'warning',
        where,
        `Durchwahl „${q(p.extension)}“ (extension) hat im Lotse-Feed keinen eigenen Platz; übernommen ist nur „${clean.number}“. Bitte die Durchwahl in die Nummer schreiben, z. B. „030 1234-${q(p.extension, 8)}“.`,
        `extension "${q(p.extension)}" has no place of its own in a Lotse feed; only "${clean.number}" is imported. Please write the extension into the number.`,
      );
    return clean.number;
  }
  return undefined;
}

/**
 * One HSDS service → one Lotse service in `b.services` (with its source), or left out with a
 * note when it has no name. Every step below reports what it could not take as written.
 */
function addService(b: Build, svc: Row) {
  const where = b.label('service', svc);
  const org = filled(svc.organization_id) ? b.organizations.get(String(svc.organization_id)) : undefined;
  if (filled(svc.organization_id) && !org) {
    b.note(
      'warning',
      where,
      `nennt die Organisation ${q(String(svc.organization_id), 40)} (organization_id), die in den Daten fehlt; der Dienst steht ohne Träger im Feed.`,
      `names the organization ${q(String(svc.organization_id), 40)} (organization_id), which is missing from the data; the service has no provider in the feed.`,
    );
  }
  // The id is taken before the name check, so a service without a name still uses up its id.
  const id = uniqueId(slugify(String(svc.id)) || slugify(String(svc.name ?? '')) || 'dienst', b.serviceIds);
  const texts = serviceTexts(b, svc, where);
  if (!texts) return;
  const { categories, audiences } = serviceTopics(b, svc, where);
  const salRows = b.tables.service_at_locations.filter((l) => String(l.service_id) === String(svc.id));
  const languages = serviceLanguages(b, svc, salRows, where);
  const free = serviceFree(b, svc, where);
  const defaultKind = WALK_IN.test(String(svc.application_process ?? '')) ? 'walk-in' : 'appointment';
  const contact = serviceContact(b, svc, org, salRows, where);
  const provider = serviceProvider(b, org);
  const places = servicePlaces(b, svc, salRows, defaultKind);
  const kinds = new Set(places.flatMap((p) => p.hours.map((s: Row) => s.kind)));
  const rawStatus = String(svc.status ?? 'active')
    .trim()
    .toLowerCase();
  const status = STATUS[rawStatus];
  if (!status)
    b.note(
      'warning',
      where,
      `Status „${q(svc.status)}“ ist unbekannt (erlaubt: active, inactive, defunct, temporarily closed); der Dienst gilt vorläufig als aktiv.`,
      `status "${q(svc.status)}" is unknown (allowed: active, inactive, defunct, temporarily closed); the service counts as active for now.`,
    );
  const checked = String(svc.assured_date ?? svc.last_modified ?? '').slice(0, 10);
  const service: Row = {
    id,
    name: texts.name,
    summary: texts.summary,
    ...(texts.description ? { description: texts.description } : {}),
    categories: [...categories],
    ...(audiences.size ? { audiences: [...audiences] } : {}),
    ...(provider ? { provider } : {}),
    languages: [...languages],
    free,
    access: kinds.size === 2 ? 'both' : kinds.size === 1 ? [...kinds][0] : defaultKind,
    ...(Object.keys(contact).length ? { contact } : {}),
    ...(places.length ? { locations: places } : {}),
    ...(status && status !== 'active' ? { status } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(checked) ? { lastChecked: checked } : {}),
  };
  b.sources[`services[${b.services.length}]`] = where;
  b.services.push(service);
}

/** Name, summary and description; undefined (with a note) without a name. A missing summary is made up and reported. */
function serviceTexts(b: Build, svc: Row, where: Pair) {
  const name = b.text(svc.name);
  if (!name) {
    b.note('warning', where, 'nicht übernommen: Der Dienst hat keinen Namen (name).', 'not imported: the service has no name.');
    return undefined;
  }
  for (const t of [svc.name, svc.alternate_name, svc.description]) if (typeof t === 'string') b.textsForLanguage.push(t);
  let summary = b.text(svc.alternate_name);
  const description = b.text(svc.description);
  if (!summary && typeof svc.description === 'string' && svc.description.trim()) {
    const first = /^.{10,280}?[.!?](\s|$)/s.exec(svc.description.trim())?.[0].trim() ?? svc.description.trim().slice(0, 279);
    summary = b.text(first);
    b.note(
      'info',
      where,
      'Kurzbeschreibung aus dem ersten Satz der Beschreibung erzeugt – bitte prüfen.',
      'Summary made from the first sentence of the description – please check.',
    );
  }
  if (!summary) {
    summary = name;
    b.note(
      'warning',
      where,
      'Weder alternate_name noch description: Als Kurzbeschreibung steht vorläufig der Name.',
      'Neither alternate_name nor description: the name is used as summary for now.',
    );
  }
  return { name, summary, description };
}

/** Categories and audiences from the service's taxonomy terms (attributes); reports terms that match neither. */
function serviceTopics(b: Build, svc: Row, where: Pair) {
  const categories = new Set<string>();
  const audiences = new Set<string>();
  for (const attr of b.tables.attributes.filter((a) => String(a.link_id) === String(svc.id))) {
    const term = attr.taxonomy_term ?? b.terms.get(String(attr.taxonomy_term_id ?? ''));
    const labels = [term?.code, term?.name, attr.value].filter((v): v is string => typeof v === 'string' && !!v);
    const category = labels.map(b.matchCategory).find(Boolean);
    const audience = labels.map(b.matchAudience).find(Boolean);
    if (category) categories.add(category);
    else if (audience) audiences.add(audience);
    else if (labels.length) {
      b.note(
        'warning',
        where,
        `Thema „${q(labels.join(' / '))}“ passt zu keiner Lotse-Kategorie und wird nicht übernommen.`,
        `Term "${q(labels.join(' / '))}" matches no Lotse category and is not imported.`,
      );
    }
  }
  if (!categories.size) {
    categories.add('counselling');
    b.note(
      'warning',
      where,
      'Keine passende Kategorie: vorläufig „Beratung“ (counselling) – bitte prüfen.',
      'No matching category: "counselling" for now – please check.',
    );
  }
  return { categories, audiences };
}

/** Languages of the service and of its places; reports unknown ones, German when none is given. */
function serviceLanguages(b: Build, svc: Row, salRows: Row[], where: Pair) {
  const locIds = new Set(salRows.map((l) => String(l.location_id)));
  const languages = new Set<string>();
  for (const lang of b.tables.languages.filter(
    (l) => String(l.service_id) === String(svc.id) || (!l.service_id && locIds.has(String(l.location_id))),
  )) {
    const code = languageCode(String(lang.code ?? '')) ?? languageCode(String(lang.name ?? ''));
    if (code) languages.add(code);
    else
      b.note(
        'warning',
        b.label('language', lang),
        `„${q(lang.code ?? lang.name ?? '')}“ ist keine bekannte Sprache; nicht übernommen.`,
        `"${q(lang.code ?? lang.name ?? '')}" is not a known language; not imported.`,
      );
  }
  if (!languages.size) {
    languages.add('de');
    b.note('info', where, 'Keine Sprachen angegeben: vorläufig nur Deutsch.', 'No languages given: German only for now.');
  }
  return languages;
}

/** Free of charge from cost_options and fees_description; says so when the data does not tell. */
function serviceFree(b: Build, svc: Row, where: Pair): boolean {
  const costs = b.tables.cost_options.filter((c) => String(c.service_id) === String(svc.id));
  if (costs.some((c) => Number(c.amount) > 0)) return false;
  if ((costs.length && costs.every((c) => filled(c.amount) && Number(c.amount) === 0)) || FREE.test(String(svc.fees_description ?? '')))
    return true;
  b.note(
    'info',
    where,
    'Ob das Angebot kostenlos ist, steht nicht in den Daten: vorläufig „nicht kostenlos“ (free: false).',
    'The data does not say whether it is free: "free": false for now.',
  );
  return false;
}

/** Phone, email and website: the service's own, else its places', else the organization's (with a note). */
function serviceContact(b: Build, svc: Row, org: Row | undefined, salRows: Row[], where: Pair) {
  const { phones } = b.tables;
  const ownPhone = phoneOf(
    b,
    phones.filter((p) => String(p.service_id) === String(svc.id) && !p.service_at_location_id && !p.location_id),
  );
  const placePhone =
    ownPhone ??
    phoneOf(
      b,
      phones.filter((p) =>
        salRows.some(
          (l) =>
            String(p.service_at_location_id) === String(l.id) ||
            (!p.service_id && String(p.location_id) === String(l.location_id)) ||
            (String(p.service_id) === String(svc.id) && String(p.location_id) === String(l.location_id)),
        ),
      ),
    );
  const orgName = org ? `„${q(org.name ?? org.id)}“` : '';
  let phone = placePhone;
  if (!phone && org) {
    phone = phoneOf(
      b,
      phones.filter((p) => String(p.organization_id) === String(org.id) && !p.service_id && !p.location_id && !p.service_at_location_id),
    );
    if (phone)
      b.note(
        'info',
        where,
        `hat keine eigene Telefonnummer; übernommen ist die der Organisation ${orgName}: „${phone}“.`,
        `has no phone of its own; the organization's ${orgName.replace(/[„“]/g, '"')} is used: "${phone}".`,
      );
  }
  const contactValue = (own: unknown, fromOrg: unknown, field: string, check: RegExp, what: Pair) => {
    const ownText = typeof own === 'string' ? own.trim() : '';
    if (ownText) return ownText;
    const orgText = typeof fromOrg === 'string' ? fromOrg.trim() : '';
    if (!orgText) return undefined;
    if (!check.test(orgText)) {
      if (field === 'website') return undefined; // reported with the provider
      b.note(
        'warning',
        where,
        `${what[0]} der Organisation ${orgName} „${q(orgText)}“ (${field}) ist ungültig; nicht übernommen.`,
        `the organization's ${what[1]} "${q(orgText)}" (${field}) is invalid; not imported.`,
      );
      return undefined;
    }
    b.note(
      'info',
      where,
      `hat keine eigene ${what[0]}; übernommen ist die der Organisation ${orgName}: „${q(orgText)}“.`,
      `has no ${what[1]} of its own; the organization's is used: "${q(orgText)}".`,
    );
    return orgText;
  };
  const email = contactValue(svc.email, org?.email, 'email', EMAIL, ['E-Mail-Adresse', 'email address']);
  const website = contactValue(svc.url, org?.website, 'website', HTTP, ['Website', 'website']);
  return Object.fromEntries(
    [
      ['phone', phone],
      ['email', email],
      ['website', website],
    ].filter(([, v]) => typeof v === 'string' && v),
  );
}

/** The organization as provider (name, http(s) website); reports a website that is no link. */
function serviceProvider(b: Build, org: Row | undefined): Row | undefined {
  if (!org || !b.text(org.name)) return undefined;
  const provider: Row = { name: b.text(org.name) };
  const site = typeof org.website === 'string' ? org.website.trim() : '';
  if (HTTP.test(site)) provider.url = site;
  else if (site)
    b.note(
      'warning',
      b.label('organization', org),
      `Website „${q(site)}“ (website) ist keine http(s)-Adresse; nicht als Link des Trägers übernommen.`,
      `website "${q(site)}" is not an http(s) address; not imported as the provider's link.`,
    );
  return provider;
}

/** The service's places with their hours (from service_at_location); records each place's source. */
function servicePlaces(b: Build, svc: Row, salRows: Row[], defaultKind: 'walk-in' | 'appointment') {
  const serviceSchedules = b.tables.schedules.filter(
    (s) => String(s.service_id) === String(svc.id) && !s.location_id && !s.service_at_location_id,
  );
  const placeIds = new Set<string>();
  const places: Row[] = [];
  for (const sal of salRows) {
    const loc = b.locations.get(String(sal.location_id));
    if (!loc) {
      b.note(
        'warning',
        b.label('service_at_location', sal),
        `nicht übernommen: Der Ort ${q(String(sal.location_id ?? '–'), 40)} (location_id) fehlt in den Daten.`,
        `not imported: location ${q(String(sal.location_id ?? '–'), 40)} (location_id) is missing from the data.`,
      );
      continue;
    }
    b.usedLocations.add(String(loc.id));
    const place = placeOf(b, loc, placeIds);
    if (!place) continue;
    // Hours: of this service at this place, else of the whole service, else of the place alone.
    let schedules = b.tables.schedules.filter(
      (s) =>
        String(s.service_at_location_id) === String(sal.id) ||
        (String(s.service_id) === String(svc.id) && String(s.location_id) === String(loc.id)),
    );
    if (!schedules.length) schedules = serviceSchedules;
    if (!schedules.length)
      schedules = b.tables.schedules.filter((s) => String(s.location_id) === String(loc.id) && !s.service_id && !s.service_at_location_id);
    place.hours = slotsOf(b, schedules, defaultKind);
    places.push(place);
    // The service is pushed after its places: b.services.length is the index it will get.
    b.sources[`services[${b.services.length}].locations[${places.length - 1}]`] = b.label('location', loc);
  }
  return places;
}

/**
 * A location → a place without hours: name, address, coordinates, accessibility. Virtual and
 * postal-only locations give undefined (with a note); odd addresses are reported.
 */
function placeOf(b: Build, loc: Row, placeIds: Set<string>): Row | undefined {
  const locWhere = b.label('location', loc);
  if (loc.location_type === 'virtual') {
    b.note(
      'info',
      locWhere,
      'ist ein virtueller Ort (location_type „virtual“) ohne Adresse; nicht als Ort übernommen.',
      'is a virtual location (location_type "virtual") without address; not imported as a place.',
    );
    return undefined;
  }
  if (loc.location_type === 'postal') {
    b.note(
      'info',
      locWhere,
      'ist nur eine Postanschrift (location_type „postal“), kein Ort zum Hingehen; nicht als Ort übernommen.',
      'is a postal address only (location_type "postal"), not a place to go to; not imported as a place.',
    );
    return undefined;
  }
  const addresses = b.tables.addresses.filter((a) => String(a.location_id) === String(loc.id));
  const physical = addresses.find((a) => (a.address_type ?? 'physical') === 'physical');
  const address = physical ?? addresses[0];
  if (address && !physical) {
    b.note(
      'warning',
      locWhere,
      `hat nur eine Anschrift der Art „${q(address.address_type)}“ (address_type); sie ist als Adresse des Ortes übernommen – bitte prüfen, ob man dort hingehen kann.`,
      `has only an address of type "${q(address.address_type)}"; it is imported as the place's address – please check that people can go there.`,
    );
  }
  const country = String(address?.country ?? '')
    .trim()
    .toUpperCase();
  if (country && !['DE', 'DEU', 'DEUTSCHLAND', 'GERMANY'].includes(country)) {
    b.note(
      'warning',
      b.label('address', address!),
      `liegt laut Land (country) in „${q(address!.country)}“, nicht in Deutschland; übernommen wie geschrieben – bitte prüfen.`,
      `is in "${q(address!.country)}" according to country, not in Germany; imported as written – please check.`,
    );
  }
  const place: Row = { id: uniqueId(slugify(String(loc.id)) || 'ort', placeIds) };
  if (b.text(loc.name)) place.name = b.text(loc.name);
  place.address = Object.fromEntries(
    [
      ['street', [address?.address_1, address?.address_2].filter(Boolean).join(', ')],
      ['postalCode', address?.postal_code],
      ['city', address?.city],
    ].filter(([, v]) => typeof v === 'string' && v),
  );
  const geo = geoOf(b, loc);
  if (geo) {
    place.geo = geo;
    b.coordinates.push(geo);
  }
  const access = b.tables.accessibility
    .filter((a) => String(a.location_id) === String(loc.id))
    .map((a) => [a.description, a.details].filter((t) => typeof t === 'string' && t.trim()).join(' '))
    .filter(Boolean)
    .join(' ');
  if (access) place.accessibility = { note: b.text(access) };
  return place;
}

/** Locations no service uses and schedules no place took: one warning each, with the reason. */
function noteUnusedRecords(b: Build) {
  const { tables, services, sources } = b;
  for (const loc of tables.locations) {
    if (!b.usedLocations.has(String(loc.id))) {
      b.note(
        'warning',
        b.label('location', loc),
        'nicht übernommen: Der Ort gehört zu keinem Dienst (service_at_location fehlt).',
        'not imported: the place belongs to no service (no service_at_location).',
      );
    }
  }
  for (const s of tables.schedules) {
    if (b.mappedSchedules.has(s)) continue;
    // Say what it says when Lotse could not show it anyway; else why it has no place.
    const verdict = mapSchedule(s, { today: b.today, defaultKind: 'appointment', text: b.text });
    const where = b.label('schedule', s);
    if (verdict.notes.some((n) => n.severity === 'warning')) {
      for (const n of verdict.notes.filter((x) => x.severity === 'warning'))
        b.notes.push({ severity: 'warning', where, message: n.message });
    } else if (
      s.service_id &&
      !s.service_at_location_id &&
      !s.location_id &&
      services.some((_, i) => sources[`services[${i}].locations[0]`]) &&
      tables.service_at_locations.some((l) => String(l.service_id) === String(s.service_id))
    ) {
      b.note(
        'warning',
        where,
        'nicht übernommen: Sprechzeit des ganzen Dienstes, aber seine Orte haben eigene Sprechzeiten (service_at_location). Bitte prüfen, ob sie an einem Ort ergänzt werden muss.',
        'not imported: a schedule of the whole service, but its places have schedules of their own (service_at_location). Please check whether it must be added to a place.',
      );
    } else {
      b.note(
        'warning',
        where,
        'nicht übernommen: Die Sprechzeit gehört zu keinem übernommenen Ort.',
        'not imported: the schedule belongs to no imported place.',
      );
    }
  }
}

/** One note for all schedules read as weekly although they name no freq. */
function noteAssumedWeekly(b: Build) {
  const n = b.assumedWeekly;
  if (!n) return;
  b.note(
    'info',
    undefined,
    `${n} ${n === 1 ? 'Sprechzeit nennt' : 'Sprechzeiten nennen'} Wochentage (byday), aber keine Wiederholung (freq); sie ${n === 1 ? 'ist' : 'sind'} als wöchentlich übernommen – bitte prüfen.`,
    `${n} schedule${n === 1 ? ' names' : 's name'} weekdays (byday) but no frequency (freq); imported as weekly – please check.`,
  );
}

/** Filled fields outside MAPPED, one info per table and field with the number of records. */
function noteUnmappedFields(b: Build) {
  const unmapped = new Map<string, number>();
  for (const table of TABLES) {
    const entity = ENTITY[table];
    const known = MAPPED[entity];
    if (!known) continue;
    for (const row of b.tables[table]) {
      for (const [key, value] of Object.entries(row)) {
        if (known.includes(key)) continue;
        if (filled(value)) unmapped.set(`${entity}.${key}`, (unmapped.get(`${entity}.${key}`) ?? 0) + 1);
      }
    }
  }
  for (const [field, n] of [...unmapped].sort()) {
    b.notes.push({
      severity: 'info',
      where: [`Feld ${field}`, `field ${field}`],
      message: [
        `hat im Lotse-Feed keinen Platz; in ${n} Datensatz${n === 1 ? '' : 'en'} nicht übernommen.`,
        `has no place in a Lotse feed; not mapped in ${n} record${n === 1 ? '' : 's'}.`,
      ],
    });
  }
}

/** Warns when the texts are evidently in another language than the one they are labelled with. */
function noteTextLanguage(b: Build) {
  const { textLanguage } = b;
  const guess = guessTextLanguage(b.textsForLanguage);
  if (!textLanguage && guess.language === 'en') {
    const examples = guess.examples.map((w) => `„${w}“`).join(', ');
    b.note(
      'warning',
      undefined,
      `Die Texte der Dienste sind offenbar englisch, nicht deutsch (häufig: ${examples}; ${guess.english} englische gegen ${guess.german} deutsche Füllwörter); im Feed stehen sie als deutsche Texte. Wenn sie englisch sind, bitte mit --text-lang en erneut importieren.`,
      `The service texts are evidently English, not German (frequent: ${examples.replace(/[„“]/g, '"')}; ${guess.english} English against ${guess.german} German stop words); the feed labels them German. If they are English, please import again with --text-lang en.`,
    );
  } else if (textLanguage && textLanguage !== 'de' && guess.language === 'de') {
    b.note(
      'warning',
      undefined,
      `Die Texte der Dienste sind offenbar deutsch (${guess.german} deutsche gegen ${guess.english} englische Füllwörter), sind aber mit --text-lang ${textLanguage} markiert. Wenn sie deutsch sind, bitte ohne --text-lang erneut importieren.`,
      `The service texts are evidently German (${guess.german} German against ${guess.english} English stop words) but are marked with --text-lang ${textLanguage}. If they are German, please import again without --text-lang.`,
    );
  }
}
