import { html, type TemplateResult } from 'lit';
import type { Text } from './feed/schema.js';
import { pickText, textLanguage } from './feed/text.js';

/**
 * A feed text for display in a widget speaking `locale`. When the text falls back to another
 * language (an English-only name in the Arabic widget, a German legal reference in Romanian),
 * it is isolated in a `<bdi>` with its own `lang`: screen readers switch voice, and its
 * direction does not mix with the sentence around it ("§ 2 SchKG" stays in that order in RTL).
 */
export function shownText(value: Text | undefined, locale: string): TemplateResult | string {
  const text = pickText(value, locale);
  if (!text) return '';
  const lang = textLanguage(value, locale);
  return lang === locale ? text : html`<bdi lang=${lang}>${text}</bdi>`;
}
