/**
 * Labels of a feed's vocabularies (categories, audiences, districts) by id, through an index
 * built once per feed: the finder's chips, cards and details, the hours map and the contact form
 * all look labels up here, with one fallback (the id itself).
 *
 * A built-in category or audience (`builtIn` in the checked feed, ids in `feed/vocabulary.ts`)
 * has its label here, a UI text like every other: German in `msg()`, the other languages in
 * `locales/*.xlf`, loaded with the widget's language (the `core` part). So call these only in
 * render (`msg()` there gives the widget's language and follows a switch). A feed's own entry
 * with that id replaces it: the city's label, in the languages the city wrote.
 */
import { msg } from '@lit/localize';
import type { Feed, Text } from './feed/schema.js';
import type { FeedEntry } from './feed/vocabulary.js';

export type Vocabulary = 'categories' | 'audiences' | 'districts';

/**
 * The built-in labels, by message id (`category-<id>`, `audience-<id>`: the ids in the XLIFF,
 * by which `scripts/locale-parts.mjs` also writes them in every language to
 * src/generated/vocabulary-labels.ts). Plain, short words for people with little German and
 * often little schooling (A2 level, 1–3 words); a new built-in id needs one here too.
 */
const BUILT_IN: Record<string, () => string> = {
  'category-health': () => msg('Gesundheit', { id: 'category-health' }),
  'category-housing': () => msg('Wohnen', { id: 'category-housing' }),
  'category-work': () => msg('Arbeit', { id: 'category-work' }),
  'category-education': () => msg('Schule & Bildung', { id: 'category-education' }),
  'category-family': () => msg('Kinder & Familie', { id: 'category-family' }),
  'category-german-courses': () => msg('Deutschkurse', { id: 'category-german-courses' }),
  'category-documents': () => msg('Anmeldung & Papiere', { id: 'category-documents' }),
  'category-money': () => msg('Geld & Leistungen', { id: 'category-money' }),
  'category-counselling': () => msg('Beratung', { id: 'category-counselling' }),
  'category-emergency': () => msg('Hilfe sofort', { id: 'category-emergency' }),
  'category-rights': () => msg('Rechte & Schutz', { id: 'category-rights' }),
  'audience-women': () => msg('Frauen', { id: 'audience-women' }),
  'audience-men': () => msg('Männer', { id: 'audience-men' }),
  'audience-children': () => msg('Kinder', { id: 'audience-children' }),
  'audience-youth': () => msg('Jugendliche', { id: 'audience-youth' }),
  'audience-families': () => msg('Familien', { id: 'audience-families' }),
  'audience-seniors': () => msg('Ältere Menschen', { id: 'audience-seniors' }),
  'audience-pregnant': () => msg('Schwangere', { id: 'audience-pregnant' }),
  'audience-uninsured': () => msg('Ohne Krankenversicherung', { id: 'audience-uninsured' }),
  'audience-eu-citizens': () => msg('EU-Bürger*innen', { id: 'audience-eu-citizens' }),
  'audience-refugees': () => msg('Geflüchtete', { id: 'audience-refugees' }),
};

type Index = Record<Vocabulary, Map<string, FeedEntry>>;
const indexes = new WeakMap<Feed, Index>();

/** The entry with this id in one of the feed's vocabularies. */
export function vocabularyEntry(feed: Feed, vocabulary: Vocabulary, id: string): FeedEntry | undefined {
  let index = indexes.get(feed);
  if (!index) {
    const byId = (list: FeedEntry[]) => new Map(list.map((entry) => [entry.id, entry]));
    index = { categories: byId(feed.categories), audiences: byId(feed.audiences), districts: byId(feed.districts) };
    indexes.set(feed, index);
  }
  return index[vocabulary].get(id);
}

/**
 * An entry's label in the widget's language: a built-in one's UI text, a feed's own as `text`
 * shows it; else the id. Only in render.
 */
export function entryLabel(vocabulary: Vocabulary, entry: FeedEntry, text: (value: Text | undefined) => string): string {
  if (!('builtIn' in entry)) return text(entry.label) || entry.id;
  return BUILT_IN[`${vocabulary === 'categories' ? 'category' : 'audience'}-${entry.id}`]?.() ?? entry.id;
}

/** The label of the entry with this id (`entryLabel`), else the id. Only in render. */
export function vocabularyLabel(feed: Feed, vocabulary: Vocabulary, id: string, text: (value: Text | undefined) => string): string {
  const entry = vocabularyEntry(feed, vocabulary, id);
  return entry ? entryLabel(vocabulary, entry, text) : id;
}
