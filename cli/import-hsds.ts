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
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary.js';
import { AUDIENCE_SYNONYMS, CATEGORY_SYNONYMS, vocabularyMatcher } from './import-csv.js';
import {
  feedFrame, languageCode, slugify, uniqueId,
  type ImportNote, type ImportOptions, type ImportResult,
} from './import-common.js';
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
    'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'fees_description',
    'application_process', 'assured_date', 'last_modified', 'organization', 'service_at_locations', 'schedules',
    'languages', 'phones', 'cost_options', 'attributes',
  ],
  organization: ['id', 'name', 'website', 'email', 'services', 'locations', 'phones'],
  location: [
    'id', 'name', 'latitude', 'longitude', 'addresses', 'schedules', 'languages', 'phones', 'accessibility',
    'location_type', 'organization_id',
  ],
  service_at_location: ['id', 'service_id', 'location_id', 'location', 'schedules', 'phones'],
  schedule: [
    'id', 'service_id', 'location_id', 'service_at_location_id', 'freq', 'byday', 'opens_at', 'closes_at', 'interval',
    'valid_from', 'valid_to', 'dtstart', 'until', 'count', 'wkst', 'byweekno', 'bymonthday', 'byyearday', 'timezone',
    'description', 'notes', 'attending_type',
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
const STATUS: Record<string, string> = { active: 'active', inactive: 'ended', defunct: 'ended', 'temporarily closed': 'temporarily-closed' };

/** A phone number as written, without quotes, "Tel.:" prefixes and extra spaces; or why not. */
export function cleanPhone(raw: unknown): { number?: string; cleaned: boolean; problem?: Pair } {
  if (typeof raw === 'number') {
    return { cleaned: false, problem: ['ist als Zahl gespeichert (eine führende 0 oder + fehlt dann); bitte als Text angeben', 'is stored as a number (a leading 0 or + is then lost); please give it as text'] };
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
    return { cleaned: text !== before, problem: ['ist keine gültige Telefonnummer (erlaubt: Ziffern, +, Klammern, /, -, Punkt, Leerzeichen; 3–30 Zeichen)', 'is not a valid phone number (allowed: digits, +, brackets, /, -, dot, space; 3–30 characters)'] };
  }
  return { number: text, cleaned: text !== raw };
}

const summaryFor = (read: ReadHsds, taken: number, json: boolean): Pair => {
  const [de, en] = read.shape;
  const prefix: Pair = json ? ['HSDS 3.0, ', 'HSDS 3.0, '] : ['', ''];
  const total = read.page?.totalItems && read.page.totalItems > read.found
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
  if ('refusal' in read) return { feed: undefined, notes: [...pkg.notes.filter((n) => n.severity !== 'info'), { severity: 'error', message: read.refusal }], sources: {} };
  read.notes.unshift(...pkg.notes);
  return buildFeed(read, options, false);
}

function buildFeed(read: ReadHsds, options: HsdsImportOptions, json: boolean): ImportResult {
  const { tables, origins } = read;
  const notes: ImportNote[] = [...read.notes];
  const sources: Record<string, Pair> = {};
  const label = (entity: string, row: Row) => recordLabel(entity, row, origins);
  const note = (severity: ImportNote['severity'], where: Pair | undefined, de: string, en: string) =>
    notes.push({ severity, ...(where ? { where } : {}), message: [de, en] });
  const textLanguage = options.textLanguage && options.textLanguage !== 'de' ? options.textLanguage : undefined;
  const text = (value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return undefined;
    return textLanguage ? { [textLanguage]: value.trim() } : value.trim();
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  if (read.page?.pages && read.page.pages > 1) {
    const n = read.page.number ?? 1;
    note(
      'warning', undefined,
      `Die Datei ist Seite ${n} von ${read.page.pages} einer HSDS-API-Liste; nur ${read.found === 1 ? 'der 1 Dienst' : `die ${read.found} Dienste`} dieser Seite ${read.found === 1 ? 'ist' : 'sind'} im Feed, die übrigen Seiten fehlen. Bitte alle Seiten abrufen und ihre Einträge (contents) in eine Liste [ … ] zusammenfügen oder die Liste mit einer größeren Seitengröße abrufen.`,
      `The file is page ${n} of ${read.page.pages} of an HSDS API list; only the ${read.found} service${read.found === 1 ? '' : 's'} of this page ${read.found === 1 ? 'is' : 'are'} in the feed, the other pages are missing. Please fetch all pages and join their entries (contents) into one list [ … ], or fetch the list with a larger page size.`,
    );
  }

  // Not mapped fields, counted per table and field.
  const unmapped = new Map<string, number>();
  for (const table of TABLES) {
    const entity = ENTITY[table];
    const known = MAPPED[entity];
    if (!known) continue;
    for (const row of tables[table]) {
      for (const [key, value] of Object.entries(row)) {
        if (known.includes(key)) continue;
        if (filled(value)) unmapped.set(`${entity}.${key}`, (unmapped.get(`${entity}.${key}`) ?? 0) + 1);
      }
    }
  }

  const byId = <T extends keyof Tables>(table: T) => new Map(tables[table].map((r) => [String(r.id), r]));
  const organizations = byId('organizations');
  const locations = byId('locations');
  const terms = byId('taxonomy_terms');
  const matchCategory = vocabularyMatcher(DEFAULT_CATEGORIES, CATEGORY_SYNONYMS);
  const matchAudience = vocabularyMatcher(DEFAULT_AUDIENCES, AUDIENCE_SYNONYMS);
  const usedLocations = new Set<string>();
  const mappedSchedules = new Map<Row, ScheduleResult>();
  const serviceIds = new Set<string>();
  const coordinates: { lat: number; lon: number }[] = [];
  const services: Row[] = [];
  const reportedPhones = new Set<Row>();
  const reportedGeo = new Map<Row, { lat: number; lon: number } | undefined>();
  let assumedWeekly = 0;

  const slotsOf = (schedules: Row[], defaultKind: 'walk-in' | 'appointment') => {
    const slots: Row[] = [];
    for (const s of schedules) {
      let result = mappedSchedules.get(s);
      if (!result) {
        result = mapSchedule(s, { today, defaultKind, text });
        mappedSchedules.set(s, result);
        if (result.assumedWeekly && result.slots.length) assumedWeekly++;
        for (const n of result.notes) notes.push({ severity: n.severity, where: label('schedule', s), message: n.message });
      }
      slots.push(...result.slots);
    }
    return slots;
  };

  /** Coordinates of a location, or undefined with a note naming the record. */
  const geoOf = (loc: Row) => {
    if (reportedGeo.has(loc)) return reportedGeo.get(loc);
    const where = label('location', loc);
    let geo: { lat: number; lon: number } | undefined;
    const has = (v: unknown) => v !== undefined && v !== null && v !== '';
    const found = `${q(loc.latitude ?? '–', 20)}, ${q(loc.longitude ?? '–', 20)}`;
    const drop = (de: string, en: string) =>
      note('warning', where, `Koordinaten ${found} (latitude, longitude) ${de}; weggelassen, der Ort erscheint ohne Kartenpunkt. Bitte latitude/longitude in der Quelle korrigieren.`,
        `coordinates ${found} (latitude, longitude) ${en}; left out, the place shows without a map pin. Please correct latitude/longitude in the source.`);
    if (has(loc.latitude) || has(loc.longitude)) {
      const lat = typeof loc.latitude === 'number' ? loc.latitude : Number(String(loc.latitude ?? '').trim());
      const lon = typeof loc.longitude === 'number' ? loc.longitude : Number(String(loc.longitude ?? '').trim());
      if (!has(loc.latitude) || !has(loc.longitude)) drop('sind unvollständig', 'are incomplete');
      else if (!Number.isFinite(lat) || !Number.isFinite(lon) || typeof loc.latitude === 'boolean' || typeof loc.longitude === 'boolean') drop('sind keine Zahlen', 'are not numbers');
      else if (lat < -90 || lat > 90 || lon < -180 || lon > 180) drop('liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)', 'are out of range (latitude −90 to 90, longitude −180 to 180)');
      else if (lat < GERMANY.lat[0] || lat > GERMANY.lat[1] || lon < GERMANY.lon[0] || lon > GERMANY.lon[1]) {
        const swapped = lon >= GERMANY.lat[0] && lon <= GERMANY.lat[1] && lat >= GERMANY.lon[0] && lat <= GERMANY.lon[1];
        drop(
          swapped ? 'liegen nicht in Deutschland – Breite und Länge sind vermutlich vertauscht' : 'liegen nicht in Deutschland',
          swapped ? 'are not in Germany – latitude and longitude are probably swapped' : 'are not in Germany',
        );
      } else geo = { lat, lon };
    }
    reportedGeo.set(loc, geo);
    return geo;
  };

  /** The first usable phone of the candidates; the others' problems are reported once. */
  const phoneOf = (candidates: Row[]) => {
    for (const p of candidates) {
      const where = label('phone', p);
      const report = !reportedPhones.has(p);
      reportedPhones.add(p);
      const type = String(p.type ?? '').toLowerCase();
      if (['fax', 'pager', 'textphone', 'video'].includes(type)) {
        if (report) note('info', where, `„${q(p.number ?? '')}“ hat die Art „${type}“ (type) und ist daher nicht als Telefonnummer übernommen.`, `"${q(p.number ?? '')}" has the type "${type}" and is therefore not imported as phone number.`);
        continue;
      }
      const clean = cleanPhone(p.number);
      if (!clean.number) {
        if (report) note('warning', where, `„${q(p.number ?? '')}“ ${clean.problem![0]}; nicht übernommen.`, `"${q(p.number ?? '')}" ${clean.problem![1]}; not imported.`);
        continue;
      }
      if (report && clean.cleaned) note('info', where, `„${q(p.number)}“ bereinigt zu „${clean.number}“ (Anführungszeichen, „Tel.:“ oder Leerzeichen entfernt).`, `"${q(p.number)}" cleaned to "${clean.number}" (quotes, "Tel.:" or spaces removed).`);
      if (report && filled(p.extension)) note('warning', where, `Durchwahl „${q(p.extension)}“ (extension) hat im Lotse-Feed keinen eigenen Platz; übernommen ist nur „${clean.number}“. Bitte die Durchwahl in die Nummer schreiben, z. B. „030 1234-${q(p.extension, 8)}“.`, `extension "${q(p.extension)}" has no place of its own in a Lotse feed; only "${clean.number}" is imported. Please write the extension into the number.`);
      return clean.number;
    }
    return undefined;
  };

  const textsForLanguage: string[] = [];
  tables.services.forEach((svc) => {
    const where = label('service', svc);
    const org = filled(svc.organization_id) ? organizations.get(String(svc.organization_id)) : undefined;
    if (filled(svc.organization_id) && !org) {
      note('warning', where, `nennt die Organisation ${q(String(svc.organization_id), 40)} (organization_id), die in den Daten fehlt; der Dienst steht ohne Träger im Feed.`, `names the organization ${q(String(svc.organization_id), 40)} (organization_id), which is missing from the data; the service has no provider in the feed.`);
    }
    const id = uniqueId(slugify(String(svc.id)) || slugify(String(svc.name ?? '')) || 'dienst', serviceIds);
    const name = text(svc.name);
    if (!name) {
      note('warning', where, 'nicht übernommen: Der Dienst hat keinen Namen (name).', 'not imported: the service has no name.');
      return;
    }
    for (const t of [svc.name, svc.alternate_name, svc.description]) if (typeof t === 'string') textsForLanguage.push(t);
    let summary = text(svc.alternate_name);
    const description = text(svc.description);
    if (!summary && typeof svc.description === 'string' && svc.description.trim()) {
      const first = /^.{10,280}?[.!?](\s|$)/s.exec(svc.description.trim())?.[0].trim() ?? svc.description.trim().slice(0, 279);
      summary = text(first);
      note('info', where, 'Kurzbeschreibung aus dem ersten Satz der Beschreibung erzeugt – bitte prüfen.', 'Summary made from the first sentence of the description – please check.');
    }
    if (!summary) {
      summary = name;
      note('warning', where, 'Weder alternate_name noch description: Als Kurzbeschreibung steht vorläufig der Name.', 'Neither alternate_name nor description: the name is used as summary for now.');
    }

    // Topics and audiences from taxonomy terms (attributes).
    const categories = new Set<string>();
    const audiences = new Set<string>();
    for (const attr of tables.attributes.filter((a) => String(a.link_id) === String(svc.id))) {
      const term = attr.taxonomy_term ?? terms.get(String(attr.taxonomy_term_id ?? ''));
      const labels = [term?.code, term?.name, attr.value].filter((v): v is string => typeof v === 'string' && !!v);
      const category = labels.map(matchCategory).find(Boolean);
      const audience = labels.map(matchAudience).find(Boolean);
      if (category) categories.add(category);
      else if (audience) audiences.add(audience);
      else if (labels.length) {
        note('warning', where, `Thema „${q(labels.join(' / '))}“ passt zu keiner Lotse-Kategorie und wird nicht übernommen.`, `Term "${q(labels.join(' / '))}" matches no Lotse category and is not imported.`);
      }
    }
    if (!categories.size) {
      categories.add('counselling');
      note('warning', where, 'Keine passende Kategorie: vorläufig „Beratung“ (counselling) – bitte prüfen.', 'No matching category: "counselling" for now – please check.');
    }

    // Languages of the service and of its places.
    const salRows = tables.service_at_locations.filter((l) => String(l.service_id) === String(svc.id));
    const locIds = new Set(salRows.map((l) => String(l.location_id)));
    const languages = new Set<string>();
    for (const lang of tables.languages.filter((l) => String(l.service_id) === String(svc.id) || (!l.service_id && locIds.has(String(l.location_id))))) {
      const code = languageCode(String(lang.code ?? '')) ?? languageCode(String(lang.name ?? ''));
      if (code) languages.add(code);
      else note('warning', label('language', lang), `„${q(lang.code ?? lang.name ?? '')}“ ist keine bekannte Sprache; nicht übernommen.`, `"${q(lang.code ?? lang.name ?? '')}" is not a known language; not imported.`);
    }
    if (!languages.size) {
      languages.add('de');
      note('info', where, 'Keine Sprachen angegeben: vorläufig nur Deutsch.', 'No languages given: German only for now.');
    }

    // Free of charge?
    const costs = tables.cost_options.filter((c) => String(c.service_id) === String(svc.id));
    let free: boolean;
    if (costs.some((c) => Number(c.amount) > 0)) free = false;
    else if ((costs.length && costs.every((c) => filled(c.amount) && Number(c.amount) === 0)) || FREE.test(String(svc.fees_description ?? ''))) free = true;
    else {
      free = false;
      note('info', where, 'Ob das Angebot kostenlos ist, steht nicht in den Daten: vorläufig „nicht kostenlos“ (free: false).', 'The data does not say whether it is free: "free": false for now.');
    }
    const defaultKind = WALK_IN.test(String(svc.application_process ?? '')) ? 'walk-in' : 'appointment';

    // Contact: the service's own, else its places', else the organization's (with a note).
    const ownPhone = phoneOf(tables.phones.filter((p) => String(p.service_id) === String(svc.id) && !p.service_at_location_id && !p.location_id));
    const placePhone = ownPhone ?? phoneOf(tables.phones.filter((p) => salRows.some((l) => String(p.service_at_location_id) === String(l.id) || (!p.service_id && String(p.location_id) === String(l.location_id)) || (String(p.service_id) === String(svc.id) && String(p.location_id) === String(l.location_id)))));
    const orgName = org ? `„${q(org.name ?? org.id)}“` : '';
    let phone = placePhone;
    if (!phone && org) {
      phone = phoneOf(tables.phones.filter((p) => String(p.organization_id) === String(org.id) && !p.service_id && !p.location_id && !p.service_at_location_id));
      if (phone) note('info', where, `hat keine eigene Telefonnummer; übernommen ist die der Organisation ${orgName}: „${phone}“.`, `has no phone of its own; the organization's ${orgName.replace(/[„“]/g, '"')} is used: "${phone}".`);
    }
    const contactValue = (own: unknown, fromOrg: unknown, field: string, check: RegExp, what: Pair) => {
      const ownText = typeof own === 'string' ? own.trim() : '';
      if (ownText) return ownText;
      const orgText = typeof fromOrg === 'string' ? fromOrg.trim() : '';
      if (!orgText) return undefined;
      if (!check.test(orgText)) {
        if (field === 'website') return undefined; // reported with the provider
        note('warning', where, `${what[0]} der Organisation ${orgName} „${q(orgText)}“ (${field}) ist ungültig; nicht übernommen.`, `the organization's ${what[1]} "${q(orgText)}" (${field}) is invalid; not imported.`);
        return undefined;
      }
      note('info', where, `hat keine eigene ${what[0]}; übernommen ist die der Organisation ${orgName}: „${q(orgText)}“.`, `has no ${what[1]} of its own; the organization's is used: "${q(orgText)}".`);
      return orgText;
    };
    const email = contactValue(svc.email, org?.email, 'email', EMAIL, ['E-Mail-Adresse', 'email address']);
    const website = contactValue(svc.url, org?.website, 'website', HTTP, ['Website', 'website']);
    const contact = Object.fromEntries([['phone', phone], ['email', email], ['website', website]].filter(([, v]) => typeof v === 'string' && v));

    // The organization is the provider.
    let provider: Row | undefined;
    if (org && text(org.name)) {
      provider = { name: text(org.name) };
      const site = typeof org.website === 'string' ? org.website.trim() : '';
      if (HTTP.test(site)) provider.url = site;
      else if (site) note('warning', label('organization', org), `Website „${q(site)}“ (website) ist keine http(s)-Adresse; nicht als Link des Trägers übernommen.`, `website "${q(site)}" is not an http(s) address; not imported as the provider's link.`);
    }

    // Places with their hours.
    const serviceSchedules = tables.schedules.filter((s) => String(s.service_id) === String(svc.id) && !s.location_id && !s.service_at_location_id);
    const placeIds = new Set<string>();
    const places: Row[] = [];
    for (const sal of salRows) {
      const loc = locations.get(String(sal.location_id));
      if (!loc) {
        note('warning', label('service_at_location', sal), `nicht übernommen: Der Ort ${q(String(sal.location_id ?? '–'), 40)} (location_id) fehlt in den Daten.`, `not imported: location ${q(String(sal.location_id ?? '–'), 40)} (location_id) is missing from the data.`);
        continue;
      }
      usedLocations.add(String(loc.id));
      const locWhere = label('location', loc);
      if (loc.location_type === 'virtual') {
        note('info', locWhere, 'ist ein virtueller Ort (location_type „virtual“) ohne Adresse; nicht als Ort übernommen.', 'is a virtual location (location_type "virtual") without address; not imported as a place.');
        continue;
      }
      if (loc.location_type === 'postal') {
        note('info', locWhere, 'ist nur eine Postanschrift (location_type „postal“), kein Ort zum Hingehen; nicht als Ort übernommen.', 'is a postal address only (location_type "postal"), not a place to go to; not imported as a place.');
        continue;
      }
      const addresses = tables.addresses.filter((a) => String(a.location_id) === String(loc.id));
      const physical = addresses.find((a) => (a.address_type ?? 'physical') === 'physical');
      const address = physical ?? addresses[0];
      if (address && !physical) {
        note('warning', locWhere, `hat nur eine Anschrift der Art „${q(address.address_type)}“ (address_type); sie ist als Adresse des Ortes übernommen – bitte prüfen, ob man dort hingehen kann.`, `has only an address of type "${q(address.address_type)}"; it is imported as the place's address – please check that people can go there.`);
      }
      const country = String(address?.country ?? '').trim().toUpperCase();
      if (country && !['DE', 'DEU', 'DEUTSCHLAND', 'GERMANY'].includes(country)) {
        note('warning', label('address', address!), `liegt laut Land (country) in „${q(address!.country)}“, nicht in Deutschland; übernommen wie geschrieben – bitte prüfen.`, `is in "${q(address!.country)}" according to country, not in Germany; imported as written – please check.`);
      }
      const place: Row = { id: uniqueId(slugify(String(loc.id)) || 'ort', placeIds) };
      if (text(loc.name)) place.name = text(loc.name);
      place.address = Object.fromEntries(
        [['street', [address?.address_1, address?.address_2].filter(Boolean).join(', ')], ['postalCode', address?.postal_code], ['city', address?.city]]
          .filter(([, v]) => typeof v === 'string' && v),
      );
      const geo = geoOf(loc);
      if (geo) {
        place.geo = geo;
        coordinates.push(geo);
      }
      const access = tables.accessibility
        .filter((a) => String(a.location_id) === String(loc.id))
        .map((a) => [a.description, a.details].filter((t) => typeof t === 'string' && t.trim()).join(' '))
        .filter(Boolean)
        .join(' ');
      if (access) place.accessibility = { note: text(access) };
      let schedules = tables.schedules.filter(
        (s) => String(s.service_at_location_id) === String(sal.id) || (String(s.service_id) === String(svc.id) && String(s.location_id) === String(loc.id)),
      );
      if (!schedules.length) schedules = serviceSchedules;
      if (!schedules.length) schedules = tables.schedules.filter((s) => String(s.location_id) === String(loc.id) && !s.service_id && !s.service_at_location_id);
      place.hours = slotsOf(schedules, defaultKind);
      places.push(place);
      sources[`services[${services.length}].locations[${places.length - 1}]`] = locWhere;
    }
    const kinds = new Set(places.flatMap((p) => p.hours.map((s: Row) => s.kind)));
    const rawStatus = String(svc.status ?? 'active').trim().toLowerCase();
    const status = STATUS[rawStatus];
    if (!status) note('warning', where, `Status „${q(svc.status)}“ ist unbekannt (erlaubt: active, inactive, defunct, temporarily closed); der Dienst gilt vorläufig als aktiv.`, `status "${q(svc.status)}" is unknown (allowed: active, inactive, defunct, temporarily closed); the service counts as active for now.`);
    const checked = String(svc.assured_date ?? svc.last_modified ?? '').slice(0, 10);
    const service: Row = {
      id,
      name,
      summary,
      ...(description ? { description } : {}),
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
    sources[`services[${services.length}]`] = where;
    services.push(service);
  });

  for (const loc of tables.locations) {
    if (!usedLocations.has(String(loc.id))) {
      note('warning', label('location', loc), 'nicht übernommen: Der Ort gehört zu keinem Dienst (service_at_location fehlt).', 'not imported: the place belongs to no service (no service_at_location).');
    }
  }
  for (const s of tables.schedules) {
    if (mappedSchedules.has(s)) continue;
    // Say what it says when Lotse could not show it anyway; else why it has no place.
    const verdict = mapSchedule(s, { today, defaultKind: 'appointment', text });
    const where = label('schedule', s);
    if (verdict.notes.some((n) => n.severity === 'warning')) {
      for (const n of verdict.notes.filter((x) => x.severity === 'warning')) notes.push({ severity: 'warning', where, message: n.message });
    } else if (s.service_id && !s.service_at_location_id && !s.location_id && services.some((_, i) => sources[`services[${i}].locations[0]`]) && tables.service_at_locations.some((l) => String(l.service_id) === String(s.service_id))) {
      note('warning', where, 'nicht übernommen: Sprechzeit des ganzen Dienstes, aber seine Orte haben eigene Sprechzeiten (service_at_location). Bitte prüfen, ob sie an einem Ort ergänzt werden muss.', 'not imported: a schedule of the whole service, but its places have schedules of their own (service_at_location). Please check whether it must be added to a place.');
    } else {
      note('warning', where, 'nicht übernommen: Die Sprechzeit gehört zu keinem übernommenen Ort.', 'not imported: the schedule belongs to no imported place.');
    }
  }
  if (assumedWeekly) {
    note('info', undefined,
      `${assumedWeekly} ${assumedWeekly === 1 ? 'Sprechzeit nennt' : 'Sprechzeiten nennen'} Wochentage (byday), aber keine Wiederholung (freq); sie ${assumedWeekly === 1 ? 'ist' : 'sind'} als wöchentlich übernommen – bitte prüfen.`,
      `${assumedWeekly} schedule${assumedWeekly === 1 ? ' names' : 's name'} weekdays (byday) but no frequency (freq); imported as weekly – please check.`);
  }
  for (const [field, n] of [...unmapped].sort()) {
    notes.push({
      severity: 'info',
      where: [`Feld ${field}`, `field ${field}`],
      message: [`hat im Lotse-Feed keinen Platz; in ${n} Datensatz${n === 1 ? '' : 'en'} nicht übernommen.`, `has no place in a Lotse feed; not mapped in ${n} record${n === 1 ? '' : 's'}.`],
    });
  }

  // The language of the texts: say so when it is evidently not the one they are labelled with.
  const guess = guessTextLanguage(textsForLanguage);
  if (!textLanguage && guess.language === 'en') {
    const examples = guess.examples.map((w) => `„${w}“`).join(', ');
    note('warning', undefined,
      `Die Texte der Dienste sind offenbar englisch, nicht deutsch (häufig: ${examples}; ${guess.english} englische gegen ${guess.german} deutsche Füllwörter); im Feed stehen sie als deutsche Texte. Wenn sie englisch sind, bitte mit --text-lang en erneut importieren.`,
      `The service texts are evidently English, not German (frequent: ${examples.replace(/[„“]/g, '"')}; ${guess.english} English against ${guess.german} German stop words); the feed labels them German. If they are English, please import again with --text-lang en.`);
  } else if (textLanguage && textLanguage !== 'de' && guess.language === 'de') {
    note('warning', undefined,
      `Die Texte der Dienste sind offenbar deutsch (${guess.german} deutsche gegen ${guess.english} englische Füllwörter), sind aber mit --text-lang ${textLanguage} markiert. Wenn sie deutsch sind, bitte ohne --text-lang erneut importieren.`,
      `The service texts are evidently German (${guess.german} German against ${guess.english} English stop words) but are marked with --text-lang ${textLanguage}. If they are German, please import again without --text-lang.`);
  }

  const summary = summaryFor(read, services.length, json);
  if (!services.length) {
    note('error', undefined,
      `Keiner der ${read.found} Dienste konnte übernommen werden (Gründe siehe oben); es wurde kein Feed erstellt.`,
      `None of the ${read.found} services could be imported (reasons above); no feed was made.`);
    return { feed: undefined, summary, notes, sources };
  }
  const feed = feedFrame(options, coordinates, notes);
  if (textLanguage) feed.languages = [textLanguage];
  feed.services = services;
  return { feed, summary, notes, sources };
}
