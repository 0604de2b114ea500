/**
 * HSDS 3.0 schedules (iCal RRULE parts) → Lotse slots. Lotse knows weekly hours only, so
 * everything else (monthly, every other week, certain weeks or month days, a number of dates,
 * a start in the future) is reported with what it says, field by field, and left out. A
 * schedule with only a text goes through parseHours and the report says it was read from text.
 */
import { parseHours } from '../hours.js';
import type { Pair } from '../messages.js';
import { filled, q, type Row } from './common.js';

const BYDAY: Record<string, string> = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' };
const DAY_NAMES: Record<string, Pair> = {
  MO: ['Montag', 'Monday'],
  TU: ['Dienstag', 'Tuesday'],
  WE: ['Mittwoch', 'Wednesday'],
  TH: ['Donnerstag', 'Thursday'],
  FR: ['Freitag', 'Friday'],
  SA: ['Samstag', 'Saturday'],
  SU: ['Sonntag', 'Sunday'],
};
export const WALK_IN = /walk[- ]?in|drop[- ]?in|ohne termin|ohne anmeldung|offene sprechstunde|no appointment|without (an )?appointment/i;
export const APPOINTMENT = /appointment|termin|vereinbarung|by arrangement|anmeldung/i;

export interface ScheduleNote {
  severity: 'warning' | 'info';
  message: Pair;
}
export interface ScheduleResult {
  slots: Row[];
  notes: ScheduleNote[];
  /** freq was empty and the days were read as weekly. */
  assumedWeekly?: boolean;
}

const time = (t: unknown) => {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(String(t ?? '').trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return undefined;
  return { hhmm: `${m[1].padStart(2, '0')}:${m[2]}`, zone: m[3] };
};
const date = (d: unknown) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined);
const list = (v: unknown) =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "1FR" → ["am 1. Freitag", "on the 1st Friday"], "-1MO" → last Monday. */
function describeDays(byday: unknown): Pair {
  const parts = list(byday).map((token): Pair => {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/i.exec(token);
    const day = m && DAY_NAMES[m[2].toUpperCase()];
    if (!m || !day) return [token, token];
    if (!m[1]) return day;
    const n = Number(m[1]);
    const th = (k: number) =>
      `${k}${k % 10 === 1 && k !== 11 ? 'st' : k % 10 === 2 && k !== 12 ? 'nd' : k % 10 === 3 && k !== 13 ? 'rd' : 'th'}`;
    return n < 0
      ? [`${n === -1 ? 'letzten' : `${-n}.-letzten`} ${day[0]}`, `${n === -1 ? 'last' : `${th(-n)}-last`} ${day[1]}`]
      : [`${n}. ${day[0]}`, `${th(n)} ${day[1]}`];
  });
  return [parts.map((p) => p[0]).join(', '), parts.map((p) => p[1]).join(', ')];
}

export interface ScheduleContext {
  today: string;
  defaultKind: 'walk-in' | 'appointment';
  /** A text for the feed (marked with --text-lang when given). */
  text: (value: unknown) => unknown;
}

export function mapSchedule(s: Row, ctx: ScheduleContext): ScheduleResult {
  const notes: ScheduleNote[] = [];
  const warn = (de: string, en: string) => notes.push({ severity: 'warning', message: [de, en] });
  const info = (de: string, en: string) => notes.push({ severity: 'info', message: [de, en] });
  const opens = time(s.opens_at);
  const closes = time(s.closes_at);
  const hours = opens && closes ? `${opens.hhmm}–${closes.hhmm}` : '';
  const said = (de: string) => `${de}${hours ? `, ${hours}` : ''}`;
  const fix = [
    'Bitte als Hinweis in die Beschreibung des Dienstes schreiben.',
    'Please write it as a note in the service description.',
  ] as const;

  // Validity.
  const end = date(s.valid_to) ?? date(s.until);
  if (end && end < ctx.today) {
    const field = date(s.valid_to) ? 'valid_to' : 'until';
    warn(
      `gilt nur bis ${end} (${field}) und ist abgelaufen; nicht übernommen.`,
      `valid only until ${end} (${field}) and expired; not imported.`,
    );
    return { slots: [], notes };
  }
  const start = date(s.valid_from) ?? date(s.dtstart);
  if (start && start > ctx.today) {
    const field = date(s.valid_from) ? 'valid_from' : 'dtstart';
    warn(
      `gilt erst ab ${start} (${field}); Lotse-Sprechzeiten haben kein Startdatum, daher nicht übernommen. Bitte ab diesem Tag erneut importieren.`,
      `valid only from ${start} (${field}); Lotse hours have no start date, so not imported. Please import again from that day.`,
    );
    return { slots: [], notes };
  }

  // Only a text: read it like the spreadsheet column.
  const description = typeof s.description === 'string' && s.description.trim() ? s.description.trim() : undefined;
  if (!filled(s.byday) && !opens && !closes && !filled(s.freq) && description) {
    const read = parseHours(description, ctx.defaultKind);
    for (const [de, en] of read.problems) warn(`Text der Sprechzeit (description): ${de}`, `schedule text (description): ${en}`);
    if (read.slots.length) {
      info(
        `aus dem Text gelesen: „${q(description)}“ → ${read.slots.length} ${read.slots.length === 1 ? 'Zeitfenster' : 'Zeitfenster'}; bitte prüfen.`,
        `read from text: "${q(description)}" → ${read.slots.length} time slot${read.slots.length === 1 ? '' : 's'}; please check.`,
      );
    } else if (read.byAppointment) {
      info(
        `Text „${q(description)}“: nach Vereinbarung, keine festen Zeiten.`,
        `text "${q(description)}": by appointment, no fixed times.`,
      );
    } else if (!read.problems.length) {
      warn(
        `Text „${q(description)}“ enthält keine lesbaren Zeiten; nicht übernommen.`,
        `text "${q(description)}" has no readable times; not imported.`,
      );
    }
    return { slots: read.slots, notes };
  }

  // Recurrence that weekly slots cannot express.
  const freq = String(s.freq ?? '')
    .trim()
    .toUpperCase();
  const assumedWeekly = !freq;
  if (freq === 'MONTHLY') {
    const days = filled(s.byday) ? describeDays(s.byday) : undefined;
    const monthDays = list(s.bymonthday).join(', ');
    const whenDe = days ? `am ${days[0]} im Monat` : monthDays ? `am ${monthDays}. Tag im Monat` : 'monatlich';
    const whenEn = days ? `on the ${days[1]} of the month` : monthDays ? `on day ${monthDays} of the month` : 'monthly';
    warn(
      `monatlich (freq MONTHLY: ${said(whenDe)}); Lotse kennt nur wöchentliche Sprechzeiten, daher nicht übernommen. ${fix[0]}`,
      `monthly (freq MONTHLY: ${whenEn}${hours ? `, ${hours}` : ''}); Lotse knows weekly hours only, so not imported. ${fix[1]}`,
    );
    return { slots: [], notes };
  }
  if (freq && freq !== 'WEEKLY') {
    warn(
      `Wiederholung „${q(s.freq)}“ (freq) ist nicht lesbar; erlaubt sind WEEKLY und MONTHLY. Nicht übernommen.`,
      `frequency "${q(s.freq)}" (freq) is not readable; allowed are WEEKLY and MONTHLY. Not imported.`,
    );
    return { slots: [], notes };
  }
  const blockers: Pair[] = [];
  const interval = Number(s.interval ?? 1);
  if (filled(s.interval) && !(interval >= 1 && Number.isInteger(interval))) {
    blockers.push([`Abstand „${q(s.interval)}“ (interval) ist keine ganze Zahl`, `interval "${q(s.interval)}" is not a whole number`]);
  } else if (interval > 1) {
    const from = date(s.dtstart) ? ` ab ${date(s.dtstart)}` : '';
    const wkst = filled(s.wkst) ? `, Wochenbeginn ${q(s.wkst)}` : '';
    blockers.push([
      `nur alle ${interval} Wochen (interval ${interval}${from}${wkst})`,
      `only every ${interval} weeks (interval ${interval}${from.replace(' ab ', ' from ')}${wkst.replace('Wochenbeginn', 'week start')})`,
    ]);
  }
  if (filled(s.byweekno))
    blockers.push([
      `nur in den Kalenderwochen ${list(s.byweekno).join(', ')} (byweekno)`,
      `only in calendar weeks ${list(s.byweekno).join(', ')} (byweekno)`,
    ]);
  if (filled(s.bymonthday))
    blockers.push([
      `nur an den Monatstagen ${list(s.bymonthday).join(', ')} (bymonthday)`,
      `only on days ${list(s.bymonthday).join(', ')} of the month (bymonthday)`,
    ]);
  if (filled(s.byyearday))
    blockers.push([
      `nur an den Tagen ${list(s.byyearday).join(', ')} des Jahres (byyearday)`,
      `only on days ${list(s.byyearday).join(', ')} of the year (byyearday)`,
    ]);
  if (filled(s.count)) blockers.push([`endet nach ${q(s.count)} Terminen (count)`, `ends after ${q(s.count)} dates (count)`]);
  if (blockers.length) {
    warn(
      `${blockers.map((b) => b[0]).join('; ')}${hours ? ` – ${hours}` : ''}; Lotse kennt nur Sprechzeiten, die jede Woche gelten, daher nicht übernommen. ${fix[0]}`,
      `${blockers.map((b) => b[1]).join('; ')}${hours ? ` – ${hours}` : ''}; Lotse knows hours that apply every week only, so not imported. ${fix[1]}`,
    );
    return { slots: [], notes };
  }

  const days = list(s.byday).map((d) => d.toUpperCase());
  if (!days.length || days.some((d) => !BYDAY[d])) {
    warn(
      `Wochentage „${q(s.byday ?? '')}“ (byday) nicht lesbar (erwartet z. B. „MO,WE“); nicht übernommen.`,
      `weekdays "${q(s.byday ?? '')}" (byday) not readable (expected e.g. "MO,WE"); not imported.`,
    );
    return { slots: [], notes };
  }
  if (!opens || !closes) {
    const which = !opens && !closes ? 'opens_at und closes_at' : !opens ? 'opens_at' : 'closes_at';
    const found = [
      !opens && filled(s.opens_at) ? `opens_at „${q(s.opens_at)}“` : '',
      !closes && filled(s.closes_at) ? `closes_at „${q(s.closes_at)}“` : '',
    ]
      .filter(Boolean)
      .join(', ');
    warn(
      `Beginn oder Ende fehlt oder ist keine Uhrzeit (${which}${found ? `: ${found}` : ''}); nicht übernommen. Bitte als HH:MM angeben.`,
      `start or end missing or not a time (${which.replace(' und ', ' and ')}${found ? `: ${found.replace(/„|“/g, '"')}` : ''}); not imported. Please give HH:MM.`,
    );
    return { slots: [], notes };
  }
  for (const [field, t] of [
    ['opens_at', opens],
    ['closes_at', closes],
  ] as const) {
    if (t.zone) {
      warn(
        `Uhrzeit „${q(s[field])}“ (${field}) hat eine Zeitzonenangabe; übernommen als ${t.hhmm} Ortszeit (Europe/Berlin) – bitte prüfen.`,
        `time "${q(s[field])}" (${field}) has a time zone; imported as ${t.hhmm} local time (Europe/Berlin) – please check.`,
      );
    }
  }
  if (filled(s.timezone) && ![1, 2].includes(Number(s.timezone))) {
    warn(
      `Zeitzone UTC${Number(s.timezone) >= 0 ? '+' : ''}${q(s.timezone)} (timezone) ist nicht die deutsche; die Zeiten sind wie geschrieben als Ortszeit (Europe/Berlin) übernommen – bitte prüfen.`,
      `time zone UTC${Number(s.timezone) >= 0 ? '+' : ''}${q(s.timezone)} (timezone) is not Germany's; the times are imported as written as local time (Europe/Berlin) – please check.`,
    );
  }

  // Walk-in or appointment: attending_type first, then the texts.
  const attending = typeof s.attending_type === 'string' ? s.attending_type : '';
  let kind: 'walk-in' | 'appointment' = ctx.defaultKind;
  if (WALK_IN.test(attending)) kind = 'walk-in';
  else if (APPOINTMENT.test(attending)) kind = 'appointment';
  else {
    const words = `${s.description ?? ''} ${s.notes ?? ''}`;
    kind = WALK_IN.test(words) ? 'walk-in' : APPOINTMENT.test(words) ? 'appointment' : ctx.defaultKind;
    if (attending.trim()) {
      info(
        `Art der Teilnahme „${q(attending)}“ (attending_type) sagt weder „ohne Termin“ noch „mit Termin“; nicht übernommen.`,
        `attending type "${q(attending)}" (attending_type) says neither walk-in nor appointment; not imported.`,
      );
    }
  }
  const note = ctx.text(s.description) ?? ctx.text(s.notes);
  if (ctx.text(s.description) && ctx.text(s.notes)) {
    info(
      `Notiz „${q(s.notes)}“ (notes) nicht übernommen: Die Sprechzeit hat schon eine Beschreibung (description) als Notiz.`,
      `note "${q(s.notes)}" (notes) not imported: the schedule already has its description as note.`,
    );
  }
  if (end) {
    info(
      `gilt nur bis ${end}; Lotse-Sprechzeiten haben kein Enddatum – bitte nach diesem Tag entfernen.`,
      `valid only until ${end}; Lotse hours have no end date – please remove them after that day.`,
    );
  }
  return {
    slots: [{ days: days.map((d) => BYDAY[d]), opens: opens.hhmm, closes: closes.hhmm, kind, ...(note ? { note } : {}) }],
    notes,
    assumedWeekly,
  };
}
