/**
 * Which HSDS shape a parsed JSON value is, judged by its content, and the flat tables made
 * from it. Anything that is not service data is refused with one sentence saying what it is.
 *
 * Accepted (HSDS 3.0): one service (`/services/{id}`), a page of services
 * (`{ total_items, total_pages, page_number, size, contents }`), a plain list of services,
 * service_at_location (one or a page/list), an organization with nested services (one or a
 * list), and the tabular form (`{ services: [ … ], organizations: [ … ], … }`, keys also as
 * `services.csv`). Data older than HSDS 3.0 is refused by name (see OLD_MARKERS).
 */
import type { ImportNote } from '../import-common.js';
import type { Pair } from '../messages.js';
import { ENTITY, Origins, TABLES, UNMAPPED_TABLES, isObject, q, type Row, type Tables } from './common.js';

export interface Page {
  number?: number;
  pages?: number;
  totalItems?: number;
}

export interface ReadHsds {
  tables: Tables;
  origins: Origins;
  /** What was read, e.g. ["Liste von Diensten", "list of services"]. */
  shape: Pair;
  /** Services found in the source (before any was left out). */
  found: number;
  page?: Page;
  notes: ImportNote[];
}
export interface Refusal {
  refusal: Pair;
}

type Kind = 'service' | 'organization' | 'location' | 'service_at_location' | 'taxonomy_term' | 'taxonomy' | 'lotse_service' | 'unknown';

const SERVICE_STATUS = ['active', 'inactive', 'defunct', 'temporarily closed'];
const SIGNS: Record<'service' | 'organization' | 'location' | 'taxonomy_term' | 'taxonomy', string[]> = {
  service: [
    'service_at_locations',
    'application_process',
    'fees_description',
    'fees',
    'interpretation_services',
    'eligibility_description',
    'service_areas',
    'wait_time',
    'accreditations',
    'licenses',
    'assured_date',
    'assurer_email',
    'alert',
    'minimum_age',
    'maximum_age',
    'program',
    'program_id',
    'required_documents',
    'cost_options',
    'organization',
  ],
  organization: [
    'website',
    'tax_status',
    'tax_id',
    'year_incorporated',
    'legal_status',
    'logo',
    'parent_organization_id',
    'organization_identifiers',
    'programs',
    'services',
  ],
  location: [
    'location_type',
    'latitude',
    'longitude',
    'addresses',
    'transportation',
    'external_identifier',
    'external_identifier_type',
    'accessibility',
  ],
  taxonomy_term: ['code', 'taxonomy', 'taxonomy_id', 'parent_id', 'term_uri', 'taxonomy_detail', 'language'],
  taxonomy: ['version'],
};

/** What one object is, by the fields only that kind of HSDS record has. */
function kindOf(row: unknown): Kind {
  if (!isObject(row)) return 'unknown';
  if ('summary' in row && Array.isArray(row.categories) && ('free' in row || 'access' in row)) return 'lotse_service';
  if (isObject(row.service) || (isObject(row.location) && !row.name) || (row.service_id && row.location_id && !row.name))
    return 'service_at_location';
  const scores = Object.entries(SIGNS).map(([kind, keys]) => {
    let score = keys.filter((k) => row[k] !== undefined && row[k] !== null).length;
    if (kind === 'service' && typeof row.status === 'string' && SERVICE_STATUS.includes(row.status.toLowerCase())) score += 2;
    return [kind, score] as [Kind, number];
  });
  scores.sort((a, b) => b[1] - a[1]);
  if (!scores[0][1] || scores[0][1] === scores[1][1]) return 'unknown';
  return scores[0][0];
}

/** Names only HSDS 1.x/2.0 use; 3.0 renamed or merged these tables. */
const OLD_MARKERS: Record<string, string> = {
  regular_schedule: '1.1',
  regular_schedules: '1.1',
  holiday_schedule: '1.1',
  holiday_schedules: '1.1',
  service_taxonomy: '1.1',
  services_taxonomy: '1.1',
  payment_accepted: '1.1',
  payments_accepted: '1.1',
  physical_address: '2.0',
  physical_addresses: '2.0',
  postal_address: '2.0',
  postal_addresses: '2.0',
  services_at_location: '2.0',
  service_attributes: '2.0',
  other_attributes: '2.0',
  accessibility_for_disabilities: '2.0',
};
const tableKey = (key: string) => key.toLowerCase().replace(/\.csv$/, '');

/** The first HSDS 1.x/2.0 table or field name in the value, with the version it belongs to. */
export function oldVersionMarker(input: unknown): { name: string; version: string } | undefined {
  let budget = 5000;
  let oldest: { name: string; version: string } | undefined;
  const walk = (value: unknown, depth: number) => {
    if (depth > 5 || --budget < 0) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 20)) walk(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const version = OLD_MARKERS[tableKey(key)];
      if (version && inner !== null && inner !== undefined && (!oldest || version < oldest.version)) oldest = { name: key, version };
      walk(inner, depth + 1);
    }
  };
  walk(input, 0);
  return oldest;
}

export function oldVersionRefusal(version: string, name: string): Pair {
  return [
    `Das sind Daten im älteren Format HSDS ${version} (erkannt an „${q(name)}“); dieser Import liest nur HSDS 3.0, weil ältere Versionen Sprechzeiten und Adressen anders speichern (z. B. Wochentage als Zahl ohne festgelegte Zählung) und Lotse sonst raten müsste – bitte die Daten als HSDS 3.0 exportieren lassen.`,
    `This is data in the older format HSDS ${version} (recognised by "${q(name)}"); this import reads HSDS 3.0 only, because older versions store hours and addresses differently (e.g. weekdays as numbers without a defined count) and Lotse would have to guess – please have the data exported as HSDS 3.0.`,
  ];
}

const TABLE_ALIASES: Record<string, keyof Tables> = {
  service_at_location: 'service_at_locations',
  organization: 'organizations',
  service: 'services',
  location: 'locations',
  schedule: 'schedules',
  language: 'languages',
  phone: 'phones',
  address: 'addresses',
  cost_option: 'cost_options',
  attribute: 'attributes',
  taxonomy_term: 'taxonomy_terms',
};
/** "services.csv", "service_at_location" → the table name used here, or undefined. */
export function tableName(key: string): keyof Tables | undefined {
  const k = tableKey(key);
  if ((TABLES as string[]).includes(k)) return k as keyof Tables;
  return TABLE_ALIASES[k];
}

const refuse = (de: string, en: string): Refusal => ({ refusal: [de, en] });

function refuseByKind(kind: Kind, many: boolean, example?: Row): Refusal {
  switch (kind) {
    case 'taxonomy_term':
      return refuse(
        'Das sieht nach einer Taxonomie aus (taxonomy_terms), nicht nach Angeboten. Bitte die Datei mit den Diensten (services) angeben.',
        'This looks like a taxonomy (taxonomy_terms), not like services. Please give the file with the services.',
      );
    case 'taxonomy':
      return refuse(
        'Das sieht nach einer Taxonomie aus (taxonomies), nicht nach Angeboten. Bitte die Datei mit den Diensten (services) angeben.',
        'This looks like a taxonomy (taxonomies), not like services. Please give the file with the services.',
      );
    case 'organization':
      return many
        ? refuse(
            'Das sieht nach einer Liste von Organisationen ohne Dienste aus (organizations), nicht nach Angeboten. Bitte die Dienste exportieren, z. B. über /services der HSDS-API.',
            'This looks like a list of organizations without services, not like services. Please export the services, e.g. via /services of the HSDS API.',
          )
        : refuse(
            `Das sieht nach einer einzelnen Organisation ohne Dienste aus („${q(example?.name ?? '')}“), nicht nach Angeboten. Bitte die Organisation mit ihren Diensten (services) exportieren.`,
            `This looks like a single organization without services ("${q(example?.name ?? '')}"), not like services. Please export the organization with its services.`,
          );
    case 'location':
      return refuse(
        `Das sieht nach ${many ? 'einer Liste von Orten' : 'einem Ort'} aus (locations), nicht nach Angeboten. Bitte die Dienste (services) mit ihren Orten exportieren.`,
        `This looks like ${many ? 'a list of locations' : 'a location'}, not like services. Please export the services with their locations.`,
      );
    case 'lotse_service':
      return refuse(
        'Das ist schon ein Lotse-Feed: bitte `lotse validate` verwenden.',
        'This is already a Lotse feed: please use `lotse validate`.',
      );
    default:
      return example && typeof example.name === 'string'
        ? refuse(
            `Das sieht nicht nach HSDS-Angeboten aus: Das Objekt „${q(example.name)}“ hat einen Namen, aber kein Feld eines HSDS-Dienstes (z. B. status, service_at_locations, organization).`,
            `This does not look like HSDS services: the object "${q(example.name)}" has a name but no field of an HSDS service (e.g. status, service_at_locations, organization).`,
          )
        : refuse(
            'Das sieht nicht nach HSDS-Angeboten aus: keine Dienste gefunden (erwartet wird ein HSDS-3.0-Dienst, eine Liste davon, eine API-Seite { contents: [ … ] } oder Tabellen { services: [ … ] }).',
            'This does not look like HSDS services: no services found (expected an HSDS 3.0 service, a list of them, an API page { contents: [ … ] } or tables { services: [ … ] }).',
          );
  }
}

const LINKS = ['service_id', 'location_id', 'service_at_location_id', 'organization_id', 'link_id', 'link_type'];
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Bring nested and tabular HSDS into flat tables, remembering where each row came from. */
class Flattener {
  tables = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as unknown as Tables;
  private seen = new Map<string, Set<string>>();
  private counter = 0;
  constructor(readonly origins: Origins) {}

  add(table: keyof Tables, row: Row, path: string): Row | undefined {
    if (!isObject(row)) return undefined;
    this.origins.set(row, path);
    if (row.id === undefined || row.id === null || row.id === '') {
      row.id = `${ENTITY[table]}-${++this.counter}`;
      this.origins.inventId(row);
    }
    const ids = this.seen.get(table) ?? new Set();
    this.seen.set(table, ids);
    if (ids.has(String(row.id))) {
      // The same record nested under several parents (HSDS examples repeat phones and
      // schedules under service, service_at_location, location and organization): one row
      // that keeps every link.
      const existing = this.tables[table].find((r) => String(r.id) === String(row.id))!;
      for (const key of LINKS) if (existing[key] === undefined && row[key] !== undefined) existing[key] = row[key];
      return existing;
    }
    ids.add(String(row.id));
    this.tables[table].push(row);
    return row;
  }
  private copy(table: keyof Tables, row: unknown, path: string, links: Row) {
    if (!isObject(row)) return;
    const linked: Row = { ...row };
    for (const [k, v] of Object.entries(links)) linked[k] ??= v;
    if (!this.origins.hasOwnId(row)) this.origins.inventId(linked);
    this.add(table, linked, path);
  }
  private each(list: unknown, path: string, fn: (item: Row, path: string) => void) {
    if (Array.isArray(list)) list.forEach((item, i) => isObject(item) && fn(item, `${path}[${i}]`));
  }
  location(loc: Row, path: string, links: Row = {}) {
    for (const [k, v] of Object.entries(links)) loc[k] ??= v;
    const row = this.add('locations', loc, path);
    if (!row) return;
    this.each(loc.addresses, join(path, 'addresses'), (a, p) => this.copy('addresses', a, p, { location_id: row.id }));
    this.each(loc.schedules, join(path, 'schedules'), (s, p) => this.copy('schedules', s, p, { location_id: row.id }));
    this.each(loc.languages, join(path, 'languages'), (l, p) => this.copy('languages', l, p, { location_id: row.id }));
    this.each(loc.phones, join(path, 'phones'), (ph, p) => this.copy('phones', ph, p, { location_id: row.id }));
    this.each(loc.accessibility, join(path, 'accessibility'), (a, p) => this.copy('accessibility', a, p, { location_id: row.id }));
  }
  organization(org: Row, path: string) {
    const row = this.add('organizations', org, path);
    if (!row) return;
    this.each(org.phones, join(path, 'phones'), (ph, p) => this.copy('phones', ph, p, { organization_id: row.id }));
    this.each(org.locations, join(path, 'locations'), (l, p) => this.location(l, p, { organization_id: row.id }));
    this.each(org.services, join(path, 'services'), (s, p) => this.service(s, p, row.id));
  }
  serviceAtLocation(sal: Row, path: string, serviceId?: string) {
    const link = this.add('service_at_locations', { ...sal, service_id: sal.service_id ?? serviceId }, path);
    if (!link) return;
    if (isObject(sal.location)) {
      this.location(sal.location, join(path, 'location'));
      link.location_id ??= sal.location.id;
    }
    this.each(sal.schedules, join(path, 'schedules'), (s, p) => this.copy('schedules', s, p, { service_at_location_id: link.id }));
    this.each(sal.phones, join(path, 'phones'), (ph, p) => this.copy('phones', ph, p, { service_at_location_id: link.id }));
  }
  service(svc: Row, path: string, organizationId?: string) {
    const row = this.add('services', svc, path);
    if (!row || row !== svc) return;
    if (organizationId) svc.organization_id ??= organizationId;
    if (isObject(svc.organization)) {
      this.organization(svc.organization, join(path, 'organization'));
      svc.organization_id ??= svc.organization.id;
    }
    this.each(svc.service_at_locations, join(path, 'service_at_locations'), (sal, p) => this.serviceAtLocation(sal, p, svc.id));
    this.each(svc.schedules, join(path, 'schedules'), (s, p) => this.copy('schedules', s, p, { service_id: svc.id }));
    this.each(svc.languages, join(path, 'languages'), (l, p) => this.copy('languages', l, p, { service_id: svc.id }));
    this.each(svc.phones, join(path, 'phones'), (ph, p) => this.copy('phones', ph, p, { service_id: svc.id }));
    this.each(svc.cost_options, join(path, 'cost_options'), (c, p) => this.copy('cost_options', c, p, { service_id: svc.id }));
    this.each(svc.attributes, join(path, 'attributes'), (a, p) => this.copy('attributes', a, p, { link_id: svc.id, link_type: 'service' }));
  }
  /** A service_at_location with its nested service (`/service_at_locations/{id}`). */
  nestedServiceAtLocation(sal: Row, path: string) {
    const { service, ...link } = sal;
    this.origins.set(link, path);
    if (isObject(service)) {
      this.service(service, join(path, 'service'));
      link.service_id ??= service.id;
    }
    this.serviceAtLocation(link, path, link.service_id);
  }
}

const many = (n: number, one: string, more: string) => (n === 1 ? one : more);

/**
 * Read a parsed JSON value. `origins` may come from the CSV reader (rows already named by file
 * and line); `shape` then describes the source.
 */
export function readHsds(input: unknown, given?: { origins: Origins; shape: Pair }): ReadHsds | Refusal {
  const origins = given?.origins ?? new Origins();
  const notes: ImportNote[] = [];
  const flat = new Flattener(origins);
  const old = oldVersionMarker(input);
  if (old) return { refusal: oldVersionRefusal(old.version, old.name) };

  if (isObject(input)) {
    if (input.version === 1 && (isObject(input.publisher) || isObject(input.region))) return refuseByKind('lotse_service', false);
    if (Array.isArray(input.resources) && input.resources.some((r: unknown) => isObject(r) && 'path' in r)) {
      return refuse(
        'Das ist die Paketbeschreibung eines HSDS-CSV-Ordners (datapackage.json), keine Angebote: bitte den ganzen Ordner angeben, z. B. `lotse import --from hsds daten/`.',
        'This is the package description of an HSDS CSV folder (datapackage.json), not services: please give the whole folder, e.g. `lotse import --from hsds data/`.',
      );
    }
    if ('openapi_url' in input || (typeof input.version === 'string' && 'profile' in input && !('name' in input))) {
      return refuse(
        'Das ist die Startseite einer HSDS-API (version, profile), keine Angebote: bitte die Liste der Dienste (/services) abrufen und diese Datei importieren.',
        'This is the start page of an HSDS API (version, profile), not services: please fetch the list of services (/services) and import that file.',
      );
    }
  }

  // A page ({ contents: [ … ] }) or a plain list.
  let items: unknown[] | undefined;
  let page: Page | undefined;
  let prefix = '';
  if (Array.isArray(input)) items = input;
  else if (isObject(input) && Array.isArray(input.contents)) {
    items = input.contents;
    prefix = 'contents';
    const num = (v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
    page = { number: num(input.page_number), pages: num(input.total_pages), totalItems: num(input.total_items) };
  }
  if (items) {
    if (!items.length) {
      return refuse(
        `Die Liste ist leer (${prefix ? 'contents: []' : '[]'}): Es gibt keine Dienste zum Übernehmen.`,
        `The list is empty (${prefix ? 'contents: []' : '[]'}): there are no services to import.`,
      );
    }
    const kinds = items.map(kindOf);
    const accepted = kinds.map(
      (k, i) =>
        k === 'service' ||
        k === 'service_at_location' ||
        (k === 'organization' && Array.isArray((items![i] as Row).services) && (items![i] as Row).services.length > 0),
    );
    if (!accepted.some(Boolean)) {
      const tally = new Map<Kind, number>();
      kinds.forEach((k) => tally.set(k, (tally.get(k) ?? 0) + 1));
      const top = [...tally].sort((a, b) => b[1] - a[1])[0][0];
      return refuseByKind(top, items.length > 1 || !!prefix, items[0] as Row);
    }
    let services = 0;
    let sals = 0;
    let orgs = 0;
    items.forEach((item, i) => {
      const path = `${prefix}[${i}]`;
      if (!accepted[i]) {
        const what: Record<Kind, Pair> = {
          service: ['Dienst', 'service'],
          organization: ['Organisation ohne Dienste', 'organization without services'],
          location: ['Ort', 'location'],
          service_at_location: ['Dienst-Ort-Eintrag', 'service_at_location'],
          taxonomy_term: ['Taxonomie-Begriff', 'taxonomy term'],
          taxonomy: ['Taxonomie', 'taxonomy'],
          lotse_service: ['Lotse-Dienst', 'Lotse service'],
          unknown: ['unbekannter Eintrag', 'unknown entry'],
        };
        const [de, en] = what[kinds[i]];
        const name = isObject(item) && typeof item.name === 'string' ? ` „${q(item.name)}“` : '';
        notes.push({
          severity: 'warning',
          where: [`Eintrag ${path}${name}`, `entry ${path}${name.replace(/[„“]/g, '"')}`],
          message: [`Das ist kein Dienst, sondern: ${de}; nicht übernommen.`, `This is not a service but: ${en}; not imported.`],
        });
        return;
      }
      const row = item as Row;
      if (kinds[i] === 'service') {
        services++;
        flat.service(row, path);
      } else if (kinds[i] === 'service_at_location') {
        sals++;
        flat.nestedServiceAtLocation(row, path);
      } else {
        orgs++;
        flat.organization(row, path);
      }
    });
    const single = !prefix && items.length === 1;
    const shape: Pair =
      orgs && !services && !sals
        ? [
            many(orgs, 'Organisation mit Diensten', `Liste von ${orgs} Organisationen mit Diensten`),
            many(orgs, 'organization with services', `list of ${orgs} organizations with services`),
          ]
        : sals && !services && !orgs
          ? sals === 1 && !prefix
            ? ['Liste mit einem Dienst-Ort-Eintrag (service_at_location)', 'list with one service_at_location']
            : [`Liste von ${sals} Dienst-Ort-Einträgen (service_at_location)`, `list of ${sals} service_at_location entries`]
          : [single ? 'Liste mit einem Dienst' : 'Liste von Diensten', single ? 'list with one service' : 'list of services'];
    if (page) {
      const [de, en] = shape;
      const pages = page.pages && page.pages > 1 ? page.pages : undefined;
      return finish(
        flat,
        notes,
        pages
          ? [`${de}, Seite ${page.number ?? 1} von ${pages}`, `${en}, page ${page.number ?? 1} of ${pages}`]
          : [`${de} (API-Seite)`, `${en} (API page)`],
        page,
      );
    }
    return finish(flat, notes, shape);
  }

  if (!isObject(input)) return refuseByKind('unknown', false);

  // Tables as one object: { services: [ … ], organizations: [ … ], … }.
  const tableKeys = Object.keys(input).filter((k) => Array.isArray(input[k]) && (tableName(k) || UNMAPPED_TABLES.includes(tableKey(k))));
  const isTabular = tableKeys.length > 0 && typeof input.name !== 'string' && !isObject(input.service) && !isObject(input.location);
  if (isTabular) {
    const rows = (t: keyof Tables) =>
      tableKeys
        .filter((k) => tableName(k) === t)
        .flatMap((k) => (input[k] as unknown[]).map((row, i) => [row, `${k}[${i}]`] as [Row, string]));
    if (
      !rows('services').length &&
      !rows('organizations').some(([o]) => isObject(o) && Array.isArray(o.services) && o.services.length) &&
      !rows('service_at_locations').some(([s]) => isObject(s) && isObject(s.service))
    ) {
      if (rows('taxonomy_terms').length) return refuseByKind('taxonomy_term', true);
      if (tableKeys.some((k) => tableKey(k) === 'taxonomies')) return refuseByKind('taxonomy', true);
      if (rows('organizations').length) return refuseByKind('organization', true);
      if (rows('locations').length) return refuseByKind('location', true);
      return refuseByKind('unknown', false);
    }
    for (const k of tableKeys) {
      if (tableName(k)) continue;
      const n = (input[k] as unknown[]).length;
      if (!n) continue;
      notes.push({
        severity: 'info',
        where: [`Tabelle ${k}`, `table ${k}`],
        message: [
          `hat im Lotse-Feed keinen Platz; ${n} ${many(n, 'Eintrag', 'Einträge')} nicht übernommen.`,
          `has no place in a Lotse feed; ${n} ${many(n, 'entry', 'entries')} not imported.`,
        ],
      });
    }
    for (const k of Object.keys(input)) {
      if (tableKeys.includes(k)) continue;
      notes.push({
        severity: 'info',
        where: [`Feld „${q(k)}“ der obersten Ebene`, `top-level field "${q(k)}"`],
        message: ['ist keine HSDS-3.0-Tabelle; nicht gelesen.', 'is not an HSDS 3.0 table; not read.'],
      });
    }
    const simple: (keyof Tables)[] = [
      'taxonomy_terms',
      'cost_options',
      'attributes',
      'addresses',
      'phones',
      'languages',
      'schedules',
      'accessibility',
    ];
    for (const t of simple) for (const [row, path] of rows(t)) flat.add(t, row, path);
    for (const [row, path] of rows('locations')) if (isObject(row)) flat.location(row, path);
    for (const [row, path] of rows('organizations')) if (isObject(row)) flat.organization(row, path);
    for (const [row, path] of rows('service_at_locations')) {
      if (!isObject(row)) continue;
      if (isObject(row.service)) flat.nestedServiceAtLocation(row, path);
      else flat.serviceAtLocation(row, path);
    }
    for (const [row, path] of rows('services')) if (isObject(row)) flat.service(row, path);
    return finish(
      flat,
      notes,
      given?.shape ?? ['Tabellen als JSON (services, organizations, …)', 'tables as JSON (services, organizations, …)'],
    );
  }

  // One record.
  const kind = kindOf(input);
  if (kind === 'service') {
    flat.service(input, '');
    return finish(flat, notes, ['einzelner Dienst', 'single service']);
  }
  if (kind === 'service_at_location') {
    if (!isObject(input.service)) {
      return refuse(
        'Das ist ein Dienst-Ort-Eintrag (service_at_location) ohne den Dienst selbst: bitte mit dem eingebetteten Dienst („service“) exportieren oder die Tabellen services und locations mitliefern.',
        'This is a service_at_location entry without the service itself: please export it with the nested service ("service") or include the services and locations tables.',
      );
    }
    flat.nestedServiceAtLocation(input, '');
    return finish(flat, notes, ['ein Dienst-Ort-Eintrag (service_at_location)', 'one service_at_location']);
  }
  if (kind === 'organization' && Array.isArray(input.services) && input.services.length) {
    flat.organization(input, '');
    return finish(flat, notes, ['Organisation mit Diensten', 'organization with services']);
  }
  return refuseByKind(kind, false, input);
}

function finish(flat: Flattener, notes: ImportNote[], shape: Pair, page?: Page): ReadHsds | Refusal {
  const found = flat.tables.services.length;
  if (!found) return refuseByKind('unknown', false);
  return { tables: flat.tables, origins: flat.origins, shape, found, page, notes };
}
