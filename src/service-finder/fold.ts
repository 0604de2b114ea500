/**
 * How the search reads a word (search-index.ts): case and diacritics folded, Bulgarian and
 * Ukrainian Cyrillic in Latin letters. A module of its own because the build folds the built-in
 * vocabularies' labels with it too (`scripts/locale-parts.mjs`: `VOCABULARY_WORDS` in
 * src/generated/vocabulary-labels.ts), so the search index carries their words, not the labels.
 */

/** Cyrillic → Latin as Bulgarians write it in chat and on signs (streamlined system). */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  // Ukrainian letters
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
};

/** Lower-case, without diacritics, Cyrillic in Latin letters. */
export function fold(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[а-яёєіїґ]/g, (c) => (c === 'ё' ? 'yo' : (CYRILLIC[c] ?? c)))
      // Latin spellings of the same Cyrillic sound ("bolnica", "bolnitza") meet "bolnitsa".
      .replace(/tz/g, 'ts')
  );
}

/** A word: letters and digits. */
export const TOKEN = /[\p{L}\p{N}]+/gu;

/** The distinct folded words of a text (folding them again changes nothing). */
export const foldedWords = (text: string): string[] => [...new Set(fold(text).match(TOKEN) ?? [])];
