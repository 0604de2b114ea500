/**
 * The built-in categories and audiences as feed entries with their labels in every UI language
 * (from the translations: src/generated/vocabulary-labels.ts), for the tools that need them all
 * at once: the CLI's importers (a spreadsheet may name a category in German or English) and the
 * editor page's embed code builder. Widgets render labels with `vocabularyLabel` (`../labels.ts`:
 * the widget's language only), the search index takes their words (`VOCABULARY_WORDS`), and the
 * check, in the feed worker, knows only the ids (`vocabulary.ts`).
 */
import { VOCABULARY_LABELS } from '../../generated/vocabulary-labels.js';
import type { VocabularyEntry } from './schema.js';
import { BUILT_IN_AUDIENCES, BUILT_IN_CATEGORIES, type BuiltInVocabulary } from './vocabulary.js';

const entries = (vocabulary: BuiltInVocabulary, ids: readonly string[]): VocabularyEntry[] =>
  ids.map((id) => ({ id, icon: id, label: VOCABULARY_LABELS[vocabulary][id] }));

/** The built-in categories as feed entries, labelled in every UI language, in the finder's order. */
export const DEFAULT_CATEGORIES = entries('categories', BUILT_IN_CATEGORIES);
/** The built-in audiences as feed entries, labelled in every UI language. */
export const DEFAULT_AUDIENCES = entries('audiences', BUILT_IN_AUDIENCES);
