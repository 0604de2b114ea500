/**
 * Opening hours as German offices write them ("Mo–Fr 9–12 Uhr, Do 14–18 Uhr (Rumänisch)")
 * → the feed's slots. Shared by the CSV/spreadsheet and HSDS importers.
 *
 * The rule: every slot comes from text the editor wrote; whatever cannot be read exactly is a
 * problem that quotes the text and says what was read, never a guess.
 */
import { languageCode } from './import-common.js';
import type { Pair } from './messages.js';

const DAYS: Record<string, string> = {
  mo: 'mo', montag: 'mo', mon: 'mo', monday: 'mo',
  di: 'tu', dienstag: 'tu', tu: 'tu', tue: 'tu', tuesday: 'tu',
  mi: 'we', mittwoch: 'we', we: 'we', wed: 'we', wednesday: 'we',
  do: 'th', donnerstag: 'th', th: 'th', thu: 'th', thursday: 'th',
  fr: 'fr', freitag: 'fr', fri: 'fr', friday: 'fr',
  sa: 'sa', samstag: 'sa', sonnabend: 'sa', sat: 'sa', saturday: 'sa',
  so: 'su', sonntag: 'su', su: 'su', sun: 'su', sunday: 'su',
};
const WEEK = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const TIME_RANGE = /(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr\s*)?(?:-|bis)\s*(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?/gi;

export interface HoursResult {
  slots: Record<string, unknown>[];
  /** Problems, one per part that could not be read, as [German, English]. */
  problems: Pair[];
  /** The cell says "nach Vereinbarung" (by appointment) and names no fixed times. */
  byAppointment?: boolean;
}

/**
 * The compact hours syntax of the template: parts separated by ";" or line breaks, each
 * "days times [offen|Termin] [languages] [(note)]", e.g. "Di 09:00-12:00 offen ro; Mo-Fr 9-12 Termin bg rom (nur Frauen)".
 */
export function parseHours(cell: string, defaultKind: 'walk-in' | 'appointment'): HoursResult {
  const slots: Record<string, unknown>[] = [];
  const problems: Pair[] = [];
  for (const rawPart of cell.split(/[;\n]+/)) {
    const part = rawPart.trim();
    if (!part) continue;
    const bad = (de: string, en: string) => problems.push([`„${part}“ nicht verstanden: ${de}`, `"${part}" not understood: ${en}`]);
    let note: string | undefined;
    const text = part
      .replace(/\(([^)]*)\)/g, (_, inner: string) => {
        note = inner.trim() || undefined;
        return ' ';
      })
      .replace(/[\u2013\u2014\u2012]/g, '-');
    const times = [...text.matchAll(TIME_RANGE)];
    if (!times.length) {
      bad('keine Uhrzeit gefunden. Beispiel: „Di 09:00-12:00“.', 'no time found. Example: "Tu 09:00-12:00".');
      continue;
    }
    // Days: everything before the first time, e.g. "Mo-Fr", "Di, Do", "Mo und Mi".
    const dayText = text.slice(0, times[0].index).trim().toLowerCase().replace(/\s*\bbis\b\s*/g, '-');
    const days = new Set<string>();
    let dayError: string | undefined;
    for (const piece of dayText.split(/\s*(?:,|\/|\+|&|\bund\b|\s)\s*/).filter(Boolean)) {
      const range = piece.split('-').map((d) => d.replace(/\.$/, ''));
      if (range.length === 2 && DAYS[range[0]] && DAYS[range[1]]) {
        const from = WEEK.indexOf(DAYS[range[0]]);
        const to = WEEK.indexOf(DAYS[range[1]]);
        for (let d = from; d !== (to + 1) % 7; d = (d + 1) % 7) days.add(WEEK[d]);
      } else if (range.length === 1 && DAYS[range[0]]) days.add(DAYS[range[0]]);
      else dayError ??= piece;
    }
    if (dayError !== undefined || days.size === 0) {
      const which = dayError ?? '';
      bad(
        which ? `„${which}“ ist kein Wochentag. Erlaubt: Mo, Di, Mi, Do, Fr, Sa, So (auch Mo-Fr).` : 'Wochentag fehlt, z. B. „Di 09:00-12:00“.',
        which ? `"${which}" is not a weekday. Allowed: Mo, Di, Mi, Do, Fr, Sa, So (also Mo-Fr).` : 'weekday missing, e.g. "Di 09:00-12:00".',
      );
      continue;
    }
    // After the last time: kind and languages.
    const last = times[times.length - 1];
    let rest = ` ${text.slice(last.index! + last[0].length).toLowerCase()} `;
    let kind = defaultKind;
    if (/\b(mit termin|nach vereinbarung|termin|terminvergabe|appointment)\b/.test(rest) && !/ohne termin/.test(rest)) kind = 'appointment';
    if (/\b(offen|offene sprechstunde|ohne termin|walk-in|sprechstunde)\b/.test(rest)) kind = 'walk-in';
    rest = rest.replace(/\b(offene sprechstunde|ohne termin|mit termin|nach vereinbarung|offen|termin|walk-in|appointment|sprechstunde|in|auf|sprachen?)\b/g, ' ');
    const languages: string[] = [];
    const unknown: string[] = [];
    for (const word of rest.split(/[\s,/+&]+|\bund\b/).filter(Boolean)) {
      const code = languageCode(word);
      if (code) languages.push(code);
      else unknown.push(word);
    }
    if (unknown.length) {
      bad(
        `${unknown.map((w) => `„${w}“`).join(', ')} ist weder „offen“, „Termin“ noch ein Sprachcode (z. B. ro, bg, rom).`,
        `${unknown.map((w) => `"${w}"`).join(', ')} is neither "offen", "Termin" nor a language code (e.g. ro, bg, rom).`,
      );
      continue;
    }
    const hhmm = (h: string, m?: string) => `${h.padStart(2, '0')}:${m ?? '00'}`;
    for (const t of times) {
      slots.push({
        days: WEEK.filter((d) => days.has(d)),
        opens: hhmm(t[1], t[2]),
        closes: hhmm(t[3], t[4]),
        kind,
        ...(languages.length ? { languages: [...new Set(languages)] } : {}),
        ...(note ? { note } : {}),
      });
    }
  }
  return { slots, problems };
}

