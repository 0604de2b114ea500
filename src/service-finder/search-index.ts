/**
 * Full-text search over services in every language of the feed: our own small engine over a
 * table of the feed's distinct words (hand-written: MiniSearch answered 3–20 ms median and up to
 * 64 ms at 50,000 services per keystroke; a feed has a few thousand distinct words however many
 * services it has, so scanning the words is faster than walking a tree, and it finds parts
 * anywhere in a word, which prefix trees cannot). Matching, best first:
 * - the whole word, then words that start with the query word (from 3 letters), then words
 *   that contain it (from 4 letters: any part of a German compound, "schein" and
 *   "Führerschein" find "Mietführerschein");
 * - typos only when that finds nothing: 1 edit from 5 letters on, 2 from 6 (a quarter of the
 *   word, rounded);
 * - case and diacritics: "Sănătate", "sanatate" and "SANATATE" are one word; ß → ss, and the
 *   German ä/ö/ü typed as ae/oe/ue meet the letters without dots;
 * - Bulgarian and Ukrainian Cyrillic are transliterated to Latin on both sides, so
 *   "bolnitsa" finds "болница" and "Болница" finds "bolnitsa".
 * All words must match (else any of them); names weigh most, then summaries.
 */
import type { Feed, Service, Text } from '../core/feed/schema.js';
import { runSliced } from '../core/feed/slices.js';
import { VOCABULARY_WORDS } from '../generated/vocabulary-labels.js';
import { fold, TOKEN } from './fold.js';

/** Folding the whole text once is much faster than folding each word; "ue" for "ü" meets "u". */
const words = (text: string) =>
  fold(text)
    .replace(/([aou])e/g, '$1')
    .match(TOKEN) ?? [];

/** Every language version of a text, for the index. */
const allLanguages = (text: Text | undefined) =>
  text === undefined ? '' : typeof text === 'string' ? text : Object.values(text).join(' ');

export interface ServiceIndex {
  /** Ids of matching services, best first; undefined when the query is empty. */
  search(query: string): string[] | undefined;
}

/** How well a word of the table matches a query word. */
const EXACT = 1;
const PREFIX = 0.7;
const PART = 0.5;
const TYPO = 0.35;

/** Levenshtein distance up to `max` (more: `max + 1`), on two rows. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (row[j] < best) best = row[j];
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length];
}

/**
 * The words of some documents (each with weighted fields) and, per word, where it occurs:
 * packed `document * FIELDS + field`.
 */
class WordTable {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly postings: number[][] = [];

  constructor(readonly weights: number[]) {}

  add(doc: number, field: number, text: string) {
    const packed = doc * this.weights.length + field;
    for (const word of words(text)) {
      if (word.length < 2) continue;
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(word, id);
        this.terms.push(word);
        this.postings.push([]);
      }
      const list = this.postings[id];
      if (list[list.length - 1] !== packed) list.push(packed);
    }
  }

  /** Words of the table for one query word, with how well each matches. */
  private matches(query: string): [term: number, quality: number][] {
    const found: [number, number][] = [];
    const exact = this.ids.get(query);
    if (exact !== undefined) found.push([exact, EXACT]);
    if (query.length >= 3) {
      const part = query.length >= 4;
      this.terms.forEach((term, id) => {
        if (id === exact || term.length <= query.length) return;
        if (term.startsWith(query)) found.push([id, PREFIX + (0.2 * query.length) / term.length]);
        else if (part && term.includes(query)) found.push([id, PART + (0.2 * query.length) / term.length]);
      });
    }
    if (found.length || query.length < 5) return found;
    // Nothing: forgive typos.
    const max = Math.min(2, Math.round(query.length / 4));
    this.terms.forEach((term, id) => {
      const d = distance(query, term, max);
      if (d <= max) found.push([id, TYPO / d]);
      // A typo in the front part of a longer word ("schuldnerberatng…").
      else if (term.length > query.length && distance(query, term.slice(0, query.length), max) <= max) found.push([id, TYPO / 2]);
    });
    return found;
  }

  /** Score per document for one query word (0: not found). */
  score(query: string, count: number): { scores: Float32Array; docs: number[] } {
    const scores = new Float32Array(count);
    const docs: number[] = [];
    const fields = this.weights.length;
    for (const [term, quality] of this.matches(query)) {
      for (const packed of this.postings[term]) {
        const doc = (packed / fields) | 0;
        const value = quality * this.weights[packed % fields];
        if (scores[doc] === 0) docs.push(doc);
        if (value > scores[doc]) scores[doc] = value;
      }
    }
    return { scores, docs };
  }

  /** Documents matching every word (`and`) or any word, best first. */
  search(query: string[], count: number, and: boolean): number[] {
    if (!query.length) return [];
    const perWord = query.map((word) => this.score(word, count));
    const total = new Float32Array(count);
    const hits = new Map<number, number>();
    for (const { scores, docs } of perWord) {
      for (const doc of docs) {
        total[doc] += scores[doc];
        hits.set(doc, (hits.get(doc) ?? 0) + 1);
      }
    }
    const docs = [...hits].filter(([, n]) => !and || n === query.length).map(([doc]) => doc);
    return docs.sort((a, b) => total[b] - total[a] || a - b);
  }
}

/** The words of a query (each once, 2 letters or more). */
const queryWords = (query: string) => [...new Set(words(query).filter((w) => w.length >= 2))];

/**
 * Build the index in slices that give the page a turn every ~30 ms, so a big feed does not
 * freeze it. Category, audience and district labels (in every language: built-in ones in all
 * eight UI languages, whatever the widget's) get a small table of their own: indexing them with
 * each service would repeat the same words thousands of times.
 */
export async function buildIndex(feed: Feed, services: Service[]): Promise<ServiceIndex> {
  const labels = new WordTable([1]);
  const labelKeys: string[] = [];
  const vocabularies = [
    ['category', 'categories'],
    ['audience', 'audiences'],
    ['district', 'districts'],
  ] as const;
  for (const [kind, vocabulary] of vocabularies) {
    for (const entry of feed[vocabulary]) {
      // A built-in entry's label is a UI text: its words in every UI language, folded at build time.
      const text = 'builtIn' in entry ? VOCABULARY_WORDS[vocabulary as 'categories' | 'audiences'][entry.id] : allLanguages(entry.label);
      labels.add(labelKeys.length, 0, text);
      labelKeys.push(`${kind}:${entry.id}`);
    }
  }
  // name, summary, description, provider
  const table = new WordTable([3, 2, 1, 1]);
  const servicesByLabel = new Map<string, number[]>();
  function* steps() {
    for (let doc = 0; doc < services.length; doc++) {
      const service = services[doc];
      table.add(doc, 0, allLanguages(service.name));
      table.add(doc, 1, allLanguages(service.summary));
      table.add(doc, 2, allLanguages(service.description));
      table.add(doc, 3, allLanguages(service.provider?.name));
      const keys = [
        ...service.categories.map((id) => `category:${id}`),
        ...service.audiences.map((id) => `audience:${id}`),
        ...service.locations.map((l) => `district:${l.district}`),
      ];
      for (const key of new Set(keys)) {
        const list = servicesByLabel.get(key);
        if (list) list.push(doc);
        else servicesByLabel.set(key, [doc]);
      }
      yield;
    }
  }
  await runSliced(steps());

  const find = (query: string[], and: boolean) => {
    const docs = table.search(query, services.length, and);
    const seen = new Set(docs);
    // Services in a matching category, audience or district follow the direct hits.
    for (const label of labels.search(query, labelKeys.length, and)) {
      for (const doc of servicesByLabel.get(labelKeys[label]) ?? []) {
        if (!seen.has(doc)) {
          seen.add(doc);
          docs.push(doc);
        }
      }
    }
    return docs.map((doc) => services[doc].id);
  };

  return {
    search(query) {
      if (!query.trim()) return undefined;
      const terms = queryWords(query);
      const ids = find(terms, true);
      // Several words that do not all match: show what matches any of them rather than nothing.
      return ids.length === 0 && terms.length > 1 ? find(terms, false) : ids;
    },
  };
}
