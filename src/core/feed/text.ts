import type { Text } from './schema.js';

/**
 * The text to show for `locale`: the chosen language → English → German → any present.
 * A plain string is German.
 */
export function pickText(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] || text.en || text.de || Object.values(text).find(Boolean) || '';
}

/** Which language the shown text is actually in (for `lang` attributes and read-aloud). */
export function textLanguage(text: Text | undefined, locale: string): string {
  if (text === undefined || typeof text === 'string') return 'de';
  if (text[locale]) return locale;
  if (text.en) return 'en';
  if (text.de) return 'de';
  return Object.keys(text).find((lang) => text[lang]) ?? 'de';
}
