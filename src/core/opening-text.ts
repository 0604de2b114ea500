/**
 * Opening times in words, shared by the finder and the hours map:
 * "Open now until 12:00 · Romanian", "Next: Thursday 14:00 · Bulgarian".
 */
import { msg, str } from '@lit/localize';
import type { Clock, Occurrence } from './time/opening.js';
import { addDays } from './time/zoned.js';
import { formatDate, formatTime, languageList, weekdayName } from './format.js';

/** "heute", "morgen", a weekday, or a date beyond a week. */
export function dayWords(date: string, clock: Clock, locale: string): string {
  if (date === clock.today) return msg('heute');
  if (date === addDays(clock.today, 1)) return msg('morgen');
  if (date <= addDays(clock.today, 6)) {
    const day = (['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const)[new Date(`${date}T12:00:00Z`).getUTCDay()];
    return weekdayName(day, locale);
  }
  return formatDate(date, locale, 'medium');
}

/**
 * The languages the slot itself names ("Romanian and Romani"), in the visitor's language;
 * empty when it names none (the card lists the service's languages on their own line).
 */
const ownLanguages = (occurrence: Occurrence, locale: string) => languageList(occurrence.slot.languages ?? [], locale);

export interface OpeningWords {
  /** `open`, `soon` (closing soon), `next` or `none`. */
  tone: 'open' | 'soon' | 'next' | 'none';
  text: string;
  /** Languages of the slot meant, if the feed names them for the slot. */
  languages: string;
}

export function openingWords(
  status: { open: boolean; closingSoon: boolean; current?: Occurrence; next?: Occurrence },
  clock: Clock,
  locale: string,
): OpeningWords {
  if (status.open && status.current) {
    const until = formatTime(status.current.endMinutes, locale);
    return {
      tone: status.closingSoon ? 'soon' : 'open',
      text: status.closingSoon ? msg(str`Schließt bald, um ${until}`) : msg(str`Jetzt offen bis ${until}`),
      languages: ownLanguages(status.current, locale),
    };
  }
  if (status.next) {
    const day = dayWords(status.next.date, clock, locale);
    const time = formatTime(status.next.startMinutes, locale);
    return { tone: 'next', text: msg(str`Nächste Öffnung: ${day} ${time}`), languages: ownLanguages(status.next, locale) };
  }
  return { tone: 'none', text: msg('Keine Öffnungszeiten in den nächsten 2 Wochen'), languages: '' };
}
