/**
 * Full-text search over services in every language of the feed, with MiniSearch (5.9 kB,
 * prefix and typo-tolerant search) and our own term folding:
 * - case and diacritics: "Sănătate", "sanatate" and "SANATATE" are one term; ß → ss;
 * - Bulgarian and Ukrainian Cyrillic are transliterated to Latin on both sides, so
 *   "bolnitsa" finds "болница" and "Болница" finds "bolnitsa";
 * - German compounds are also indexed by their parts ("Schuldnerberatung" → "schuldner",
 *   "beratung"), and prefix search finds "Schuldner…" anyway.
 */
import MiniSearch from 'minisearch';
import type { Feed, Service, Text } from '../core/feed/schema.js';

/** Cyrillic → Latin as Bulgarians write it in chat and on signs (streamlined system). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
  // Ukrainian letters
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g',
};

/** Common heads of German compound nouns in help services. */
const COMPOUND_HEADS = [
  'beratung', 'stelle', 'zentrum', 'dienst', 'hilfe', 'kurs', 'kurse', 'amt', 'buero', 'buro',
  'sprechstunde', 'versicherung', 'schule', 'praxis', 'treff', 'cafe', 'haus', 'arbeit',
  'angebot', 'gruppe', 'management', 'mittler', 'lotsen', 'lotse', 'schein', 'geld',
];

/** Lower-case, without diacritics, Cyrillic in Latin letters. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[а-яёєіїґ]/g, (c) => (c === 'ё' ? 'yo' : CYRILLIC[c] ?? c))
    // Latin spellings of the same Cyrillic sound ("bolnica", "bolnitza") meet "bolnitsa".
    .replace(/tz/g, 'ts');
}

/** Terms arrive folded (see `tokenize`); long compounds are also indexed by their parts. */
const COMPOUND = new RegExp(`^(.{4,}?)s?(${COMPOUND_HEADS.join('|')})$`);

function processTerm(folded: string): string | string[] | null {
  if (folded.length < 2) return null;
  const parts = folded.length >= 8 ? COMPOUND.exec(folded) : null;
  return parts ? [folded, parts[2], parts[1]] : folded;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Folding the whole text once is much faster than folding each term. */
const tokenize = (text: string) => fold(text).match(TOKEN) ?? [];

/** Every language version of a text, for the index. */
const allLanguages = (text: Text | undefined) =>
  text === undefined ? '' : typeof text === 'string' ? text : Object.values(text).join(' ');

interface Document {
  id: string;
  name: string;
  summary: string;
  description: string;
  provider: string;
}

export interface ServiceIndex {
  /** Ids of matching services, best first; undefined when the query is empty. */
  search(query: string): string[] | undefined;
}

const SEARCH_OPTIONS = {
  // Queries are not split into compound parts: the index already holds the parts, and each
  // extra term is another fuzzy walk through the index.
  processTerm: (term: string) => (term.length < 2 ? null : term),
  prefix: (term: string) => term.length >= 3,
  // Typos are forgiven from 5 letters on: 1 edit, 2 from 8 letters.
  fuzzy: (term: string) => (term.length >= 5 ? 0.25 : false),
  maxFuzzy: 2,
  combineWith: 'AND' as const,
};

/**
 * Build the index in slices of 500 services, so a big feed does not freeze the page.
 * Category, audience and district labels (in every language) get a small index of their
 * own: indexing them with each service would repeat the same words thousands of times.
 */
export async function buildIndex(feed: Feed, services: Service[]): Promise<ServiceIndex> {
  const labels = new MiniSearch<{ id: string; label: string }>({ fields: ['label'], tokenize, processTerm, searchOptions: SEARCH_OPTIONS });
  const servicesByLabel = new Map<string, string[]>();
  const vocabularies = { category: feed.categories, audience: feed.audiences, district: feed.districts };
  for (const [kind, entries] of Object.entries(vocabularies)) {
    labels.addAll(entries.map((entry) => ({ id: `${kind}:${entry.id}`, label: allLanguages(entry.label) })));
  }
  for (const service of services) {
    const keys = [
      ...service.categories.map((id) => `category:${id}`),
      ...service.audiences.map((id) => `audience:${id}`),
      ...service.locations.map((l) => `district:${l.district}`),
    ];
    for (const key of new Set(keys)) {
      const list = servicesByLabel.get(key);
      if (list) list.push(service.id);
      else servicesByLabel.set(key, [service.id]);
    }
  }

  const index = new MiniSearch<Document>({
    fields: ['name', 'summary', 'description', 'provider'],
    tokenize,
    processTerm,
    searchOptions: { ...SEARCH_OPTIONS, boost: { name: 3, summary: 2 } },
  });
  await index.addAllAsync(
    services.map((service) => ({
      id: service.id,
      name: allLanguages(service.name),
      summary: allLanguages(service.summary),
      description: allLanguages(service.description),
      provider: allLanguages(service.provider?.name),
    })),
    { chunkSize: 500 },
  );

  const find = (query: string, combineWith: 'AND' | 'OR') => {
    const ids = index.search(query, { combineWith }).map((hit) => hit.id as string);
    const seen = new Set(ids);
    // Services in a matching category, audience or district follow the direct hits.
    for (const hit of labels.search(query, { combineWith })) {
      for (const id of servicesByLabel.get(hit.id as string) ?? []) {
        if (!seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
    }
    return ids;
  };

  return {
    search(query) {
      if (!query.trim()) return undefined;
      const ids = find(query, 'AND');
      // Several words that do not all match: show what matches any of them rather than nothing.
      return ids.length === 0 && tokenize(query).length > 1 ? find(query, 'OR') : ids;
    },
  };
}
