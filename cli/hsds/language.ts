/**
 * HSDS texts carry no language. A small stop-word count tells German from English texts, so
 * the report can say when the texts are evidently not German (they would be labelled German
 * in the feed) and how to mark them (`--text-lang en`). It never relabels anything itself.
 */
const ENGLISH = new Set([
  'the',
  'and',
  'for',
  'with',
  'of',
  'to',
  'is',
  'are',
  'you',
  'your',
  'our',
  'we',
  'this',
  'from',
  'by',
  'or',
  'not',
  'can',
  'who',
  'all',
]);
const GERMAN = new Set([
  'und',
  'der',
  'die',
  'das',
  'für',
  'mit',
  'ist',
  'sind',
  'sie',
  'wir',
  'ein',
  'eine',
  'zu',
  'von',
  'bei',
  'auf',
  'oder',
  'nicht',
  'den',
  'dem',
  'im',
  'ihre',
  'wer',
  'alle',
]);

export interface LanguageGuess {
  /** 'en' or 'de' when one clearly dominates, else undefined. */
  language?: 'en' | 'de';
  english: number;
  german: number;
  /** The English stop words found most often, for the report. */
  examples: string[];
}

export function guessTextLanguage(texts: string[]): LanguageGuess {
  let english = 0;
  let german = 0;
  const seen = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^a-zäöüß]+/)) {
      if (ENGLISH.has(word)) {
        english++;
        seen.set(word, (seen.get(word) ?? 0) + 1);
      } else if (GERMAN.has(word)) german++;
    }
  }
  const examples = [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([w]) => w);
  const language = english >= 4 && english > 3 * german ? 'en' : german >= 4 && german > 3 * english ? 'de' : undefined;
  return { language, english, german, examples };
}
