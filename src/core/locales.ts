/**
 * The languages of the Lotse UI: the one list every part imports (widgets, picker, editor
 * page, embed.html, stories). No imports, so `demo/embed.ts` and the Node tools can use it
 * without the translation runtime. `lit-localize.json` cannot import it:
 * `test/node/locales.test.ts` fails when its `sourceLocale` + `targetLocales` differ.
 */
import type { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];
/** In the order of the picker: German (the page's language), English, then by community size. */
export const LOCALES: readonly Locale[] = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);

/** Each language in its own name and script, for the picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ro: 'Română',
  bg: 'Български',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  pl: 'Polski',
};
