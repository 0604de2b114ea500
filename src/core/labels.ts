/**
 * Labels of a feed's vocabularies (categories, audiences, districts) by id, through an index
 * built once per feed: the finder's cards and details, the hours map and the contact form all
 * look labels up here, with one fallback (the id itself).
 */
import type { Feed, Text, VocabularyEntry } from './feed/schema.js';

export type Vocabulary = 'categories' | 'audiences' | 'districts';

type Index = Record<Vocabulary, Map<string, VocabularyEntry>>;
const indexes = new WeakMap<Feed, Index>();

/** The entry with this id in one of the feed's vocabularies. */
export function vocabularyEntry(feed: Feed, vocabulary: Vocabulary, id: string): VocabularyEntry | undefined {
  let index = indexes.get(feed);
  if (!index) {
    const byId = (list: VocabularyEntry[]) => new Map(list.map((entry) => [entry.id, entry]));
    index = { categories: byId(feed.categories), audiences: byId(feed.audiences), districts: byId(feed.districts) };
    indexes.set(feed, index);
  }
  return index[vocabulary].get(id);
}

/** The entry's label as `text` shows it (the widget's language), else the id. */
export function vocabularyLabel(feed: Feed, vocabulary: Vocabulary, id: string, text: (value: Text | undefined) => string): string {
  const entry = vocabularyEntry(feed, vocabulary, id);
  return (entry && text(entry.label)) || id;
}
