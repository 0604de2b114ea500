/**
 * `lotse import --from hsds datei.json`: Open Referral HSDS 3.0 → a Lotse feed.
 *
 * Accepts the tables as one object ({ organizations, services, locations,
 * service_at_locations, schedules, languages, phones, … }), an array of services with nested
 * objects as the HSDS 3.0 API returns them, or an API page ({ contents: [ … ] }).
 * Everything that has no place in a Lotse feed is listed in the report: fields by name with
 * the number of records, and records that were left out, with the reason.
 */
import { DEFAULT_AUDIENCES, DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary.js';
import { AUDIENCE_SYNONYMS, CATEGORY_SYNONYMS, vocabularyMatcher } from './import-csv.js';
import {
  feedFrame, languageCode, slugify, uniqueId,
  type ImportNote, type ImportOptions, type ImportResult,
} from './import-common.js';
import type { Pair } from './messages.js';

type Row = Record<string, any>;
interface Tables {
  organizations: Row[];
  services: Row[];
  locations: Row[];
  service_at_locations: Row[];
  schedules: Row[];
  languages: Row[];
  phones: Row[];
  addresses: Row[];
  cost_options: Row[];
  attributes: Row[];
  taxonomy_terms: Row[];
}
const TABLES: (keyof Tables)[] = [
  'organizations', 'services', 'locations', 'service_at_locations', 'schedules', 'languages', 'phones',
  'addresses', 'cost_options', 'attributes', 'taxonomy_terms',
];

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
    'valid_to', 'description', 'notes', 'attending_type',
  ],
  language: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code'],
  phone: ['id', 'service_id', 'location_id', 'organization_id', 'service_at_location_id', 'number', 'languages'],
  address: ['id', 'location_id', 'address_1', 'address_2', 'postal_code', 'city', 'address_type', 'country', 'state_province', 'region'],
  cost_option: ['id', 'service_id', 'amount', 'currency', 'option'],
  attribute: ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'taxonomy_term', 'value'],
};
const ENTITY: Record<keyof Tables, string> = {
  organizations: 'organization', services: 'service', locations: 'location', service_at_locations: 'service_at_location',
  schedules: 'schedule', languages: 'language', phones: 'phone', addresses: 'address', cost_options: 'cost_option',
  attributes: 'attribute', taxonomy_terms: 'taxonomy_term',
};

const filled = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** Bring every accepted shape into flat tables linked by ids. */
export function flattenHsds(input: unknown): Tables | undefined {
  const tables = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as unknown as Tables;
  const seen = new Map<string, Set<string>>();
  let counter = 0;
  const add = (table: keyof Tables, row: Row) => {
    if (!row || typeof row !== 'object') return undefined;
    row.id ??= `${ENTITY[table]}-${++counter}`;
    const ids = seen.get(table) ?? new Set();
    seen.set(table, ids);
    if (ids.has(String(row.id))) return row;
    ids.add(String(row.id));
    tables[table].push(row);
    return row;
  };
  const location = (loc: Row) => {
    add('locations', loc);
    for (const a of loc.addresses ?? []) add('addresses', { ...a, location_id: loc.id });
    for (const s of loc.schedules ?? []) add('schedules', { ...s, location_id: s.location_id ?? loc.id });
    for (const l of loc.languages ?? []) add('languages', { ...l, location_id: l.location_id ?? loc.id });
    for (const p of loc.phones ?? []) add('phones', { ...p, location_id: p.location_id ?? loc.id });
  };
  const service = (svc: Row, organizationId?: string) => {
    add('services', svc);
    if (organizationId) svc.organization_id ??= organizationId;
    if (svc.organization && typeof svc.organization === 'object') {
      add('organizations', svc.organization);
      svc.organization_id ??= svc.organization.id;
    }
    for (const sal of svc.service_at_locations ?? []) {
      const link = add('service_at_locations', { ...sal, service_id: sal.service_id ?? svc.id });
      if (sal.location && typeof sal.location === 'object') {
        location(sal.location);
        link!.location_id ??= sal.location.id;
      }
      for (const s of sal.schedules ?? []) add('schedules', { ...s, service_at_location_id: link!.id });
      for (const p of sal.phones ?? []) add('phones', { ...p, service_at_location_id: link!.id });
    }
    for (const s of svc.schedules ?? []) add('schedules', { ...s, service_id: s.service_id ?? svc.id });
    for (const l of svc.languages ?? []) add('languages', { ...l, service_id: l.service_id ?? svc.id });
    for (const p of svc.phones ?? []) add('phones', { ...p, service_id: p.service_id ?? svc.id });
    for (const c of svc.cost_options ?? []) add('cost_options', { ...c, service_id: c.service_id ?? svc.id });
    for (const a of svc.attributes ?? []) add('attributes', { ...a, link_id: a.link_id ?? svc.id, link_type: a.link_type ?? 'service' });
  };

  let root = input as Row;
  if (root && typeof root === 'object' && !Array.isArray(root) && Array.isArray(root.contents)) root = root.contents;
  if (Array.isArray(root)) {
    root.forEach((svc) => service(svc));
    return tables.services.length ? tables : undefined;
  }
  if (!root || typeof root !== 'object') return undefined;
  if (!TABLES.some((t) => Array.isArray(root[t])) && (root.name || root.service_at_locations)) {
    service(root); // one service from /services/{id}
    return tables;
  }
  for (const t of ['taxonomy_terms', 'cost_options', 'attributes', 'addresses', 'phones', 'languages', 'schedules', 'service_at_locations'] as const) {
    for (const row of root[t] ?? []) add(t, row);
  }
  for (const loc of root.locations ?? []) location(loc);
  for (const org of root.organizations ?? []) {
    add('organizations', org);
    for (const svc of org.services ?? []) service(svc, org.id);
    for (const loc of org.locations ?? []) location({ ...loc, organization_id: loc.organization_id ?? org.id });
  }
  for (const svc of root.services ?? []) service(svc);
  return tables.services.length ? tables : undefined;
}

const BYDAY: Record<string, string> = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' };
const hhmm = (t: unknown) => {
  const m = /^(\d{1,2}):(\d{2})/.exec(String(t ?? ''));
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : undefined;
};
const WALK_IN = /walk[- ]?in|drop[- ]?in|ohne termin|offene sprechstunde|no appointment/i;
const APPOINTMENT = /appointment|termin|vereinbarung|by arrangement/i;
const FREE = /kostenlos|kostenfrei|gratis|unentgeltlich|\bfree\b|no (fee|cost|charge)/i;

/** Read HSDS 3.0 JSON (already parsed) into a Lotse feed. */
export function importHsds(input: unknown, options: ImportOptions & { textLanguage?: string } = {}): ImportResult {
  const notes: ImportNote[] = [];
  const sources: Record<string, Pair> = {};
  const tables = flattenHsds(input);
  if (!tables) {
    notes.push({
      severity: 'error',
      message: [
        'Keine HSDS-Dienste gefunden. Erwartet wird ein Objekt mit "services": [ … ] (und organizations, locations, …) oder eine Liste von Diensten wie aus der HSDS-3.0-API.',
        'No HSDS services found. Expected an object with "services": [ … ] (and organizations, locations, …) or a list of services as from the HSDS 3.0 API.',
      ],
    });
    const feed = feedFrame(options, [], []);
    feed.services = [];
    return { feed, notes, sources };
  }
  const textLanguage = options.textLanguage && options.textLanguage !== 'de' ? options.textLanguage : undefined;
  const text = (value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return undefined;
    return textLanguage ? { [textLanguage]: value.trim() } : value.trim();
  };
  const record = (entity: string, row: Row): Pair => {
    const label = row.name ? ` "${row.name}"` : '';
    return [`${entity} ${row.id}${label}`, `${entity} ${row.id}${label}`];
  };

  // Not mapped fields, counted per table and field.
  const unmapped = new Map<string, number>();
  for (const table of TABLES) {
    const entity = ENTITY[table];
    const known = MAPPED[entity];
    for (const row of tables[table]) {
      for (const [key, value] of Object.entries(row)) {
        if (known && known.includes(key)) continue;
        if (!known && entity === 'taxonomy_term') continue;
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
  const usedSchedules = new Set<Row>();
  const serviceIds = new Set<string>();
  const coordinates: { lat: number; lon: number }[] = [];
  const services: Row[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const slotsOf = (schedules: Row[], defaultKind: 'walk-in' | 'appointment') => {
    const slots: Row[] = [];
    for (const s of schedules) {
      usedSchedules.add(s);
      const why = (de: string, en: string) =>
        notes.push({ severity: 'warning', where: record('schedule', s), message: [`nicht übernommen: ${de}`, `not mapped: ${en}`] });
      const freq = String(s.freq ?? 'WEEKLY').toUpperCase();
      const days = String(s.byday ?? '').split(',').map((d) => d.trim().toUpperCase()).filter(Boolean);
      const opens = hhmm(s.opens_at);
      const closes = hhmm(s.closes_at);
      if (s.valid_to && String(s.valid_to).slice(0, 10) < today) {
        why(`gilt nur bis ${String(s.valid_to).slice(0, 10)}.`, `valid only until ${String(s.valid_to).slice(0, 10)}.`);
        continue;
      }
      if (freq !== 'WEEKLY') {
        why(`Wiederholung "${freq}" – Lotse kennt nur wöchentliche Sprechzeiten.`, `frequency "${freq}" – Lotse knows weekly hours only.`);
        continue;
      }
      if (Number(s.interval ?? 1) > 1) {
        why(`nur jede ${s.interval}. Woche – Lotse kennt nur wöchentliche Sprechzeiten.`, `every ${s.interval} weeks – Lotse knows weekly hours only.`);
        continue;
      }
      if (!days.length || days.some((d) => !BYDAY[d])) {
        why(`Wochentage "${s.byday ?? ''}" nicht lesbar (erwartet z. B. "MO,WE").`, `weekdays "${s.byday ?? ''}" not readable (expected e.g. "MO,WE").`);
        continue;
      }
      if (!opens || !closes) {
        why('Beginn oder Ende (opens_at, closes_at) fehlt.', 'start or end (opens_at, closes_at) missing.');
        continue;
      }
      const words = `${s.description ?? ''} ${s.notes ?? ''} ${s.attending_type ?? ''}`;
      const kind = WALK_IN.test(words) ? 'walk-in' : APPOINTMENT.test(words) ? 'appointment' : defaultKind;
      const note = text(s.description) ?? text(s.notes);
      slots.push({ days: days.map((d) => BYDAY[d]), opens, closes, kind, ...(note ? { note } : {}) });
    }
    return slots;
  };

  tables.services.forEach((svc) => {
    const where = record('service', svc);
    const org = organizations.get(String(svc.organization_id ?? ''));
    const id = uniqueId(slugify(String(svc.id)) || slugify(String(svc.name ?? '')) || 'dienst', serviceIds);
    const name = text(svc.name);
    if (!name) {
      notes.push({ severity: 'warning', where, message: ['nicht übernommen: Der Dienst hat keinen Namen.', 'not mapped: the service has no name.'] });
      return;
    }
    let summary = text(svc.alternate_name);
    const description = text(svc.description);
    if (!summary && typeof svc.description === 'string' && svc.description.trim()) {
      const first = /^.{10,280}?[.!?](\s|$)/s.exec(svc.description.trim())?.[0].trim() ?? svc.description.trim().slice(0, 279);
      summary = text(first);
      notes.push({ severity: 'info', where, message: ['Kurzbeschreibung aus dem ersten Satz der Beschreibung erzeugt – bitte prüfen.', 'Summary made from the first sentence of the description – please check.'] });
    }
    if (!summary) {
      summary = name;
      notes.push({ severity: 'warning', where, message: ['Weder alternate_name noch description: Als Kurzbeschreibung steht vorläufig der Name.', 'Neither alternate_name nor description: the name is used as summary for now.'] });
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
        notes.push({ severity: 'warning', where, message: [`Thema „${labels.join(' / ')}“ passt zu keiner Lotse-Kategorie und wird nicht übernommen.`, `Term "${labels.join(' / ')}" matches no Lotse category and is not mapped.`] });
      }
    }
    if (!categories.size) {
      categories.add('counselling');
      notes.push({ severity: 'warning', where, message: ['Keine passende Kategorie: vorläufig „Beratung“ (counselling) – bitte prüfen.', 'No matching category: "counselling" for now – please check.'] });
    }

    // Languages of the service and of its places.
    const salRows = tables.service_at_locations.filter((l) => String(l.service_id) === String(svc.id));
    const locIds = new Set(salRows.map((l) => String(l.location_id)));
    const languages = new Set<string>();
    for (const lang of tables.languages.filter((l) => String(l.service_id) === String(svc.id) || (!l.service_id && locIds.has(String(l.location_id))))) {
      const code = languageCode(String(lang.code ?? '')) ?? languageCode(String(lang.name ?? ''));
      if (code) languages.add(code);
      else notes.push({ severity: 'warning', where: record('language', lang), message: ['nicht übernommen: unbekannte Sprache.', 'not mapped: unknown language.'] });
    }
    if (!languages.size) {
      languages.add('de');
      notes.push({ severity: 'info', where, message: ['Keine Sprachen angegeben: vorläufig nur Deutsch.', 'No languages given: German only for now.'] });
    }

    // Free of charge?
    const costs = tables.cost_options.filter((c) => String(c.service_id) === String(svc.id));
    let free: boolean;
    if (costs.some((c) => Number(c.amount) > 0)) free = false;
    else if ((costs.length && costs.every((c) => Number(c.amount) === 0)) || FREE.test(String(svc.fees_description ?? ''))) free = true;
    else {
      free = false;
      notes.push({ severity: 'info', where, message: ['Ob das Angebot kostenlos ist, steht nicht in den Daten: vorläufig „nicht kostenlos“ (free: false).', 'The data does not say whether it is free: "free": false for now.'] });
    }
    const defaultKind = WALK_IN.test(String(svc.application_process ?? '')) ? 'walk-in' : 'appointment';

    const phone = tables.phones.find((p) => String(p.service_id) === String(svc.id))
      ?? tables.phones.find((p) => salRows.some((l) => String(p.service_at_location_id) === String(l.id) || String(p.location_id) === String(l.location_id)))
      ?? tables.phones.find((p) => org && String(p.organization_id) === String(org.id));
    const website = svc.url ?? org?.website;
    const email = svc.email ?? org?.email;
    const contact = Object.fromEntries(
      [['phone', phone?.number], ['email', email], ['website', website]].filter(([, v]) => typeof v === 'string' && v),
    );

    // Places with their hours.
    const serviceSchedules = tables.schedules.filter((s) => String(s.service_id) === String(svc.id) && !s.location_id && !s.service_at_location_id);
    const placeIds = new Set<string>();
    const places: Row[] = [];
    for (const sal of salRows) {
      const loc = locations.get(String(sal.location_id));
      if (!loc) {
        notes.push({ severity: 'warning', where: record('service_at_location', sal), message: [`nicht übernommen: Ort ${sal.location_id} fehlt in den Daten.`, `not mapped: location ${sal.location_id} is missing.`] });
        continue;
      }
      usedLocations.add(String(loc.id));
      if (loc.location_type === 'virtual' || loc.location_type === 'postal') {
        notes.push({ severity: 'info', where: record('location', loc), message: [`nicht als Ort übernommen (location_type "${loc.location_type}").`, `not mapped as a place (location_type "${loc.location_type}").`] });
        continue;
      }
      const addresses = tables.addresses.filter((a) => String(a.location_id) === String(loc.id));
      const address = addresses.find((a) => (a.address_type ?? 'physical') === 'physical') ?? addresses[0];
      const place: Row = { id: uniqueId(slugify(String(loc.id)) || 'ort', placeIds) };
      if (text(loc.name)) place.name = text(loc.name);
      place.address = Object.fromEntries(
        [['street', [address?.address_1, address?.address_2].filter(Boolean).join(', ')], ['postalCode', address?.postal_code], ['city', address?.city]]
          .filter(([, v]) => typeof v === 'string' && v),
      );
      const lat = Number(loc.latitude);
      const lon = Number(loc.longitude);
      if (filled(loc.latitude) && filled(loc.longitude) && Number.isFinite(lat) && Number.isFinite(lon)) {
        place.geo = { lat, lon };
        coordinates.push({ lat, lon });
      }
      const access = (Array.isArray(loc.accessibility) ? loc.accessibility : []).map((a: Row) => a.description ?? a.details).filter(Boolean).join(' ');
      if (access) place.accessibility = { note: text(access) };
      let schedules = tables.schedules.filter(
        (s) => String(s.service_at_location_id) === String(sal.id) || (String(s.service_id) === String(svc.id) && String(s.location_id) === String(loc.id)),
      );
      if (!schedules.length) schedules = serviceSchedules;
      if (!schedules.length) schedules = tables.schedules.filter((s) => String(s.location_id) === String(loc.id) && !s.service_id && !s.service_at_location_id);
      place.hours = slotsOf(schedules, defaultKind);
      places.push(place);
      sources[`services[${services.length}].locations[${places.length - 1}]`] = record('location', loc);
    }
    const kinds = new Set(places.flatMap((p) => p.hours.map((s: Row) => s.kind)));
    const status = { active: 'active', inactive: 'ended', defunct: 'ended', 'temporarily closed': 'temporarily-closed' }[String(svc.status ?? 'active').toLowerCase()];
    const checked = String(svc.assured_date ?? svc.last_modified ?? '').slice(0, 10);
    const service: Row = {
      id,
      name,
      summary,
      ...(description ? { description } : {}),
      categories: [...categories],
      ...(audiences.size ? { audiences: [...audiences] } : {}),
      ...(org?.name ? { provider: { name: text(org.name), ...(typeof org.website === 'string' && org.website ? { url: org.website } : {}) } } : {}),
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
      notes.push({ severity: 'warning', where: record('location', loc), message: ['nicht übernommen: Der Ort gehört zu keinem Dienst (service_at_location fehlt).', 'not mapped: the place belongs to no service (no service_at_location).'] });
    }
  }
  for (const s of tables.schedules) {
    if (!usedSchedules.has(s)) {
      notes.push({ severity: 'warning', where: record('schedule', s), message: ['nicht übernommen: Die Sprechzeit gehört zu keinem übernommenen Ort.', 'not mapped: the schedule belongs to no imported place.'] });
    }
  }
  for (const [field, count] of [...unmapped].sort()) {
    notes.push({
      severity: 'info',
      where: [`Feld ${field}`, `field ${field}`],
      message: [`hat im Lotse-Feed keinen Platz; in ${count} Datensatz${count === 1 ? '' : 'en'} nicht übernommen.`, `has no place in a Lotse feed; not mapped in ${count} record${count === 1 ? '' : 's'}.`],
    });
  }

  const feed = feedFrame(options, coordinates, notes);
  if (textLanguage) feed.languages = [textLanguage];
  feed.services = services;
  return { feed, notes, sources };
}
