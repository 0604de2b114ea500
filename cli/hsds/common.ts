/**
 * What the HSDS modules share: rows, where each row came from, record labels and quoting for
 * the import report.
 */
import type { Pair } from '../messages.js';

// biome-ignore lint/suspicious/noExplicitAny: rows are foreign JSON, each field is checked where it is read
export type Row = Record<string, any>;

/** The tables every accepted shape is brought into, linked by ids. */
export interface Tables {
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
  accessibility: Row[];
}
export const TABLES: (keyof Tables)[] = [
  'organizations',
  'services',
  'locations',
  'service_at_locations',
  'schedules',
  'languages',
  'phones',
  'addresses',
  'cost_options',
  'attributes',
  'taxonomy_terms',
  'accessibility',
];
export const ENTITY: Record<keyof Tables, string> = {
  organizations: 'organization',
  services: 'service',
  locations: 'location',
  service_at_locations: 'service_at_location',
  schedules: 'schedule',
  languages: 'language',
  phones: 'phone',
  addresses: 'address',
  cost_options: 'cost_option',
  attributes: 'attribute',
  taxonomy_terms: 'taxonomy_term',
  accessibility: 'accessibility',
};
/** HSDS 3.0 tables that have no place in a Lotse feed; reported as whole tables. */
export const UNMAPPED_TABLES = [
  'contacts',
  'programs',
  'funding',
  'service_areas',
  'required_documents',
  'metadata',
  'meta_table_descriptions',
  'organization_identifiers',
  'taxonomies',
  'url',
];

const ENTITY_NAMES: Record<string, Pair> = {
  service: ['Dienst', 'service'],
  organization: ['Organisation', 'organization'],
  location: ['Ort', 'location'],
  service_at_location: ['Dienst-Ort-Eintrag', 'service_at_location'],
  schedule: ['Sprechzeit', 'schedule'],
  language: ['Sprachangabe', 'language'],
  phone: ['Telefonnummer', 'phone'],
  address: ['Adresse', 'address'],
  cost_option: ['Kostenangabe', 'cost option'],
  attribute: ['Merkmal', 'attribute'],
  taxonomy_term: ['Taxonomie-Begriff', 'taxonomy term'],
  accessibility: ['Angabe zur Barrierefreiheit', 'accessibility entry'],
};

/** Where rows came from in the source (JSON path or CSV file and line) and which ids we made up. */
export class Origins {
  private paths = new WeakMap<Row, string>();
  private madeUp = new WeakSet<Row>();
  set(row: Row, path: string) {
    if (!this.paths.has(row)) this.paths.set(row, path);
  }
  get(row: Row): string | undefined {
    return this.paths.get(row);
  }
  inventId(row: Row) {
    this.madeUp.add(row);
  }
  hasOwnId(row: Row) {
    return !this.madeUp.has(row);
  }
}

/** A value quoted for the report, at most ~60 characters. */
export function q(value: unknown, max = 60): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** e.g. ["Dienst „Clearingstelle“ (services[2])", "service "Clearingstelle" (services[2])"]. */
export function label(entity: string, row: Row, origins: Origins): Pair {
  const [de, en] = ENTITY_NAMES[entity] ?? [entity, entity];
  const name = typeof row.name === 'string' && row.name.trim() ? row.name : undefined;
  const path = origins.get(row);
  const id = origins.hasOwnId(row) && row.id !== undefined ? q(String(row.id), 40) : undefined;
  const at = path ? ` (${path})` : '';
  if (name) return [`${de} „${q(name)}“${at}`, `${en} "${q(name)}"${at}`];
  if (id) return [`${de} ${id}${at}`, `${en} ${id}${at}`];
  return [`${de}${at}`, `${en}${at}`];
}

export const filled = (v: unknown) =>
  v !== undefined &&
  v !== null &&
  v !== '' &&
  !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

export const isObject = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

/** "1 Dienst" / "3 Dienste" and the English. */
export function count(n: number, de: [string, string], en: [string, string]): Pair {
  return [`${n} ${n === 1 ? de[0] : de[1]}`, `${n} ${n === 1 ? en[0] : en[1]}`];
}
