/**
 * Built-in vocabularies, so that a minimal feed needs no `categories` or `audiences` of its own.
 * A feed may relabel these ids or add new ones; the check (`check.ts`) puts its entries over these.
 *
 * Only the ids are here, in the order the finder shows them, each with the icon of the same name
 * in `../icons.ts`: this module is part of the check, in the feed worker on the way to every
 * first result. Their labels are UI texts like every other: German in `../labels.ts` (`msg()`),
 * the other languages in `locales/*.xlf`, so a widget loads only its language. All languages at
 * once (the search index, the CLI, the editor page): src/generated/vocabulary-labels.ts and
 * `vocabulary-labels.ts`.
 */
import type { VocabularyEntry } from './schema.js';

/** Topics of help, in the order the finder shows them. */
export const BUILT_IN_CATEGORIES = [
  'health',
  'housing',
  'work',
  'education',
  'family',
  'german-courses',
  'documents',
  'money',
  'counselling',
  'emergency',
  'rights',
] as const;

/** Who a service is for. */
export const BUILT_IN_AUDIENCES = [
  'women',
  'men',
  'children',
  'youth',
  'families',
  'seniors',
  'pregnant',
  'uninsured',
  'eu-citizens',
  'refugees',
] as const;

/** The vocabularies with built-in entries. */
export type BuiltInVocabulary = 'categories' | 'audiences';

/**
 * A built-in entry in a checked feed: its label is not in the feed but a UI text in the widget's
 * language (`vocabularyLabel` in `../labels.ts`). A feed's own entry with the same id replaces it.
 */
export interface BuiltInEntry {
  id: string;
  icon: string;
  builtIn: true;
}

/** An entry of a checked feed's categories or audiences: built in, or the feed's own. */
export type FeedEntry = BuiltInEntry | VocabularyEntry;

/** The built-in entries of a vocabulary, as a checked feed has them. */
export const builtInEntries = (vocabulary: BuiltInVocabulary): BuiltInEntry[] =>
  (vocabulary === 'categories' ? BUILT_IN_CATEGORIES : BUILT_IN_AUDIENCES).map((id) => ({ id, icon: id, builtIn: true }));
