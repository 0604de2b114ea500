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

function processTerm(term: string): string[] | null {
  const folded = fold(term);
  if (folded.length < 2) return null;
  const terms = [folded];
  for (const head of COMPOUND_HEADS) {
    if (folded.length > head.length + 3 && folded.endsWith(head)) {
      terms.push(head, folded.slice(0, -head.length).replace(/s$/, ''));
      break;
    }
  }
  return terms;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const tokenize = (text: string) => text.match(TOKEN) ?? [];

/** Every language version of a text, for the index. */
const allLanguages = (text: Text | undefined) =>
  text === undefined ? '' : typeof text === 'string' ? text : Object.values(text).join(' ');

interface Document {
  id: string;
  name: string;
  summary: string;
  description: string;
  provider: string;
  labels: string;
}

export interface ServiceIndex {
  /** Ids of matching services, best first; undefined when the query is empty. */
  search(query: string): string[] | undefined;
}

export function buildIndex(feed: Feed, services: Service[]): ServiceIndex {
  const labels = new Map<string, string>();
  for (const entry of [...feed.categories, ...feed.audiences, ...feed.districts]) {
    labels.set(entry.id, allLanguages(entry.label));
  }
  const index = new MiniSearch<Document>({
    fields: ['name', 'summary', 'description', 'provider', 'labels'],
    tokenize,
    processTerm,
    searchOptions: {
      boost: { name: 3, summary: 2, labels: 1.5 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 1 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    },
  });
  index.addAll(
    services.map((service) => ({
      id: service.id,
      name: allLanguages(service.name),
      summary: allLanguages(service.summary),
      description: allLanguages(service.description),
      provider: allLanguages(service.provider?.name),
      labels: [
        ...service.categories,
        ...service.audiences,
        ...service.locations.map((l) => l.district ?? ''),
      ]
        .map((id) => labels.get(id) ?? '')
        .join(' '),
    })),
  );
  return {
    search(query) {
      if (!query.trim()) return undefined;
      let hits = index.search(query);
      // Several words that do not all match: show what matches any of them rather than nothing.
      if (hits.length === 0 && tokenize(query).length > 1) hits = index.search(query, { combineWith: 'OR' });
      return hits.map((hit) => hit.id as string);
    },
  };
}
