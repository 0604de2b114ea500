/**
 * Opening hours as German offices write them ("Mo–Fr 9–12 Uhr, Do 14–18 Uhr (Rumänisch)")
 * → the feed's slots. Shared by the CSV/spreadsheet importer and, later, the editor page; pure
 * (no Node APIs), so it runs in the browser too.
 *
 * The rule: every slot comes from text the editor wrote. A part ("group") that cannot be read
 * exactly gives no slot and exactly one problem that quotes it, says what was read and how to
 * write it; the other groups still give their slots. Nothing is guessed, nothing dropped silently.
 *
 * Why our own code: npm has no parser for German free-text hours; `opening_hours` reads only the
 * OpenStreetMap syntax ("Mo-Fr 09:00-12:00"), is LGPL and ~115 kB, and cannot say *why* a German
 * phrase was refused. This file is a small tokenizer plus a grammar over its tokens.
 *
 * How it reads a cell
 * 1. Segments: split at ";" and line breaks (not inside parentheses).
 * 2. Tokens: words (with their dot: "Mo."), numbers ("9", "9.30", "14:00"), dashes (- – —),
 *    separators (, / + & . und u. sowie), ":", "(…)", dates ("3.12.").
 * 3. Groups: a segment holds one or more groups "days times attributes". After a group has
 *    times, a separator starts a new group only if the chunk up to the next separator names a
 *    day ("Mo 9-12, Mi 14-16"), or begins with "sonst"/"außerdem", "nach Vereinbarung" or
 *    "Mittagspause"; otherwise the chunk belongs to the group ("Mo 9-12, 14-16",
 *    "Mo 9-12, offene Sprechstunde", "Mo 9-12, außer in den Ferien" → refused as a whole).
 *    A day after times starts a new group even without a separator ("Mo 9-12 Mi 14-16").
 * 4. Days: Mo … So, Montag(s) …, with or without dot; ranges with - or "bis" (may wrap: "Fr-Mo");
 *    lists with , / + & und; "täglich", "jeden Tag" = Mo-So, "Wochenende" = Sa, So;
 *    "außer Mi" removes days. "werktags"/"wochentags" are ambiguous (Mo–Fr or Mo–Sa?) → problem.
 * 5. Times: "9", "9.30", "9:30", "9 Uhr", "von 9 bis 12", "zwischen 9 und 12", "rund um die Uhr"
 *    (00:00-24:00); several ranges per group. A single time ("ab 9 Uhr") is a problem.
 *    Validity: hours 0–24, minutes 00–59, "24:00" only as an end. End before start means past
 *    midnight ONLY when the start is 17:00 or later and the end 10:00 or earlier ("22-2",
 *    "20-8" for night shelters); any other end-before-start ("12-9", "9-4") is a problem, as is
 *    a start between 01:00 and 04:59 ("2-4" is almost always meant as 14-16), and equal times.
 *    "vormittags"/"nachmittags"/"abends"… without numbers are a problem; with numbers they
 *    must agree ("nachmittags 2-4" is a problem, "nachmittags 14-16" is read).
 * 6. Attributes of a group: kind ("offen", "offene Sprechstunde", "ohne Termin" → walk-in;
 *    "Termin", "mit Termin", "nach Terminvereinbarung" → appointment), languages ("ro bg",
 *    "Rumänisch", "auf Bulgarisch", "rumänischsprachig", "Sprachen: ro, bg"), parentheses:
 *    one naming only languages gives those; one naming a kind ("(nur mit Anmeldung)") sets the
 *    kind and stays the note; any other becomes the slot's note, verbatim. Short codes that are
 *    German words or weekdays ("am", "so", "fr") are not read as languages: write "Somali".
 *    A kind or language label before a colon at the start of a segment ("Offene Sprechstunde:")
 *    applies to that segment, or, standing alone, to the following segments.
 * 7. "geschlossen" for a day gives no slot and no problem. "an Feiertagen geschlossen" or
 *    "außer an Feiertagen" is what the feed does anyway (publicHolidays "closed") and is accepted.
 *    "nach Vereinbarung" alone → byAppointment, no slot; beside times in its own group
 *    ("Mo 9-12, sonst nach Vereinbarung") → the slots and byAppointment; inside a group
 *    ("Mo 9-12 nach Vereinbarung") → that group's slots are appointments.
 *    "Mittagspause 12-13" after a group with times splits the range that contains it.
 * 8. Refused with a category message: weeks of the month ("jeden 1. Mittwoch"), rhythms
 *    ("14-tägig", "gerade Wochen"), seasons/holidays/months ("in den Ferien", "nur im Winter"),
 *    dates ("am 3.12."), phone/online hours, exceptions ("nicht", "außer in …"), any unknown word.
 *
 * Slots come in the order written, days in week order; identical slots are given once.
 */
import { languageCode } from './import-common.js';
import { languageName, type Pair } from './messages.js';

export type HoursDay = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
export type HoursKind = 'walk-in' | 'appointment';

export interface HoursSlot {
  days: HoursDay[];
  opens: string;
  closes: string;
  kind: HoursKind;
  languages?: string[];
  note?: string;
}

export interface HoursResult {
  slots: HoursSlot[];
  /** Problems, one per part that could not be read, as [German, English]. */
  problems: Pair[];
  /** The cell says "nach Vereinbarung" (by appointment), alone or beside fixed times. */
  byAppointment?: boolean;
}

const WEEK: HoursDay[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const DAY_LABEL: Record<HoursDay, string> = { mo: 'Mo', tu: 'Di', we: 'Mi', th: 'Do', fr: 'Fr', sa: 'Sa', su: 'So' };
const DAY_WORDS: Record<string, HoursDay> = {};
for (const [day, words] of Object.entries({
  mo: 'mo mon montag montags monday',
  tu: 'di dienstag dienstags tue tues tuesday',
  we: 'mi mittwoch mittwochs wed wednesday',
  th: 'do don donn donnerstag donnerstags thu thur thurs thursday',
  fr: 'fr fre freitag freitags fri friday',
  sa: 'sa sam samstag samstags sonnabend sonnabends sat saturday',
  su: 'so son sonntag sonntags sun sunday',
}))
  for (const w of words.split(' ')) DAY_WORDS[w] = day as HoursDay;

// ---------------------------------------------------------------------------------------------
// Word roles. Phrases are matched longest first over consecutive words.

type Category = 'month' | 'ordinal' | 'biweekly' | 'season' | 'holiday' | 'date' | 'phone' | 'except';
type Role =
  | { r: 'kind'; kind: HoursKind }
  | { r: 'agree'; own?: boolean }
  | { r: 'closed' }
  | { r: 'allday' }
  | { r: 'days'; days: HoursDay[] }
  | { r: 'ambiguous' }
  | { r: 'filler' }
  | { r: 'intro' }
  | { r: 'starter' }
  | { r: 'pause' }
  | { r: 'daypart'; part: Daypart }
  | { r: 'cat'; cat: Category };
type Daypart = 'morning' | 'forenoon' | 'noon' | 'afternoon' | 'evening' | 'night' | 'allday';

const ALL_DAYS = [...WEEK];
const PHRASES = new Map<string, Role>();
const add = (role: Role, ...phrases: string[]) => phrases.forEach((p) => PHRASES.set(p, role));
add(
  { r: 'kind', kind: 'walk-in' },
  'offen',
  'offene sprechstunde',
  'offene sprechstunden',
  'offene sprechzeit',
  'offene sprechzeiten',
  'offene beratung',
  'offener treff',
  'offene anlaufstelle',
  'ohne termin',
  'ohne termine',
  'ohne anmeldung',
  'ohne voranmeldung',
  'ohne terminvereinbarung',
  'walk-in',
  'spontan',
);
add(
  { r: 'kind', kind: 'appointment' },
  'termin',
  'termine',
  'mit termin',
  'nur mit termin',
  'terminsprechstunde',
  'mit anmeldung',
  'nur mit anmeldung',
  'nach anmeldung',
  'mit voranmeldung',
  'nach voranmeldung',
  'mit terminvereinbarung',
  'nach terminvereinbarung',
  'nur nach terminvereinbarung',
  'nach vorheriger terminvereinbarung',
  'nach vorheriger anmeldung',
  'terminvergabe',
  'appointment',
);
add(
  { r: 'agree' },
  'nach vereinbarung',
  'termine nach vereinbarung',
  'termin nach vereinbarung',
  'beratung nach vereinbarung',
  'nach telefonischer vereinbarung',
  'nach vorheriger vereinbarung',
  'nach absprache',
  'nach telefonischer absprache',
  'termine nach absprache',
  'nach terminabsprache',
  'nach individueller vereinbarung',
  'weitere termine nach vereinbarung',
  'termine auch außerhalb der sprechzeiten nach vereinbarung',
  'außerhalb der sprechzeiten nach vereinbarung',
);
add(
  { r: 'agree', own: true },
  'oder nach vereinbarung',
  'oder nach absprache',
  'oder termin nach vereinbarung',
  'oder termine nach vereinbarung',
  'sonst nach vereinbarung',
  'ansonsten nach vereinbarung',
  'sonst termine nach vereinbarung',
);
add({ r: 'closed' }, 'geschlossen', 'keine sprechzeit', 'keine sprechzeiten', 'keine sprechstunde', 'kein publikumsverkehr');
add({ r: 'allday' }, 'rund um die uhr', 'durchgehend rund um die uhr');
add({ r: 'days', days: ALL_DAYS }, 'täglich', 'tägl', 'taeglich', 'jeden tag', 'alle tage', 'an allen tagen');
add({ r: 'days', days: ['sa', 'su'] }, 'wochenende', 'am wochenende', 'wochenends', 'an wochenenden');
add(
  { r: 'ambiguous' },
  'werktags',
  'werktäglich',
  'an werktagen',
  'werktage',
  'wochentags',
  'an wochentagen',
  'wochentage',
  'unter der woche',
);
add(
  { r: 'filler' },
  'uhr',
  'h',
  'jeweils',
  'durchgehend',
  'wöchentlich',
  'immer',
  'regelmäßig',
  'am',
  'an',
  'den',
  'dem',
  'der',
  'das',
  'im',
  'nur',
  'auch',
  'sprechzeiten',
  'sprechzeit',
  'sprechstunde',
  'sprechstunden',
  'öffnungszeiten',
  'öffnungszeit',
  'oeffnungszeiten',
  'geöffnet',
  'beratung',
  'beratungszeiten',
  'beratungszeit',
  'vor ort',
  'persönlich',
  'mit',
  'um',
  'von',
);
add({ r: 'intro' }, 'auf', 'in', 'sprache', 'sprachen', 'in der sprache', 'in den sprachen');
add({ r: 'starter' }, 'sonst', 'ansonsten', 'außerdem', 'ausserdem', 'zusätzlich', 'weitere');
add({ r: 'pause' }, 'mittagspause', 'pause', 'mittagspause von');
for (const [part, words] of Object.entries({
  morning: 'morgens früh frühmorgens',
  forenoon: 'vormittags vormittag am vormittag',
  noon: 'mittags mittag',
  afternoon: 'nachmittags nachmittag am nachmittag',
  evening: 'abends abend am abend',
  night: 'nachts nacht',
  allday: 'ganztags ganztägig',
}))
  add(
    { r: 'daypart', part: part as Daypart },
    ...words.split(' ').flatMap((w, i, ws) => (w === 'am' ? [] : [ws[i - 1] === 'am' ? `am ${w}` : w])),
  );
add({ r: 'cat', cat: 'month' }, 'monat', 'monats', 'monatlich', 'im monat', 'des monats');
add(
  { r: 'cat', cat: 'ordinal' },
  'jede',
  'jeden',
  'jeder',
  'jedes',
  'erste',
  'ersten',
  'zweite',
  'zweiten',
  'dritte',
  'dritten',
  'vierte',
  'vierten',
  'fünfte',
  'fünften',
  'letzte',
  'letzten',
  'erster',
  'zweiter',
  'dritter',
  'vierter',
  'letzter',
);
add(
  { r: 'cat', cat: 'biweekly' },
  'vierzehntägig',
  'vierzehntäglich',
  'zweiwöchentlich',
  'zweiwöchig',
  'alle',
  'gerade',
  'ungerade',
  'kw',
  'kalenderwoche',
  'kalenderwochen',
  'wechsel',
  'im wechsel',
  'woche',
  'wochen',
  'wöchig',
);
add(
  { r: 'cat', cat: 'season' },
  'winter',
  'sommer',
  'frühling',
  'herbst',
  'saison',
  'halbjahr',
  'winterhalbjahr',
  'sommerhalbjahr',
  'winterzeit',
  'sommerzeit',
  'vorübergehend',
  'zurzeit',
  'derzeit',
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
);
add({ r: 'cat', cat: 'except' }, 'außer', 'ausser', 'nicht', 'ausgenommen', 'oder', 'ca', 'circa', 'etwa', 'ungefähr');
const MAX_PHRASE = 7;

const SEP_WORDS = new Set(['und', 'u', 'sowie']);
// Short words that languageCode() knows as codes but that are German words or weekdays here.
const NOT_A_CODE = new Set([
  'an',
  'am',
  'in',
  'ab',
  'bis',
  'den',
  'zu',
  'da',
  'ja',
  'no',
  'to',
  'be',
  'is',
  'or',
  'la',
  'et',
  'so',
  'mo',
  'mi',
  'fr',
  'sa',
  'di',
  'do',
  'li',
  'ga',
  'ha',
  'um',
  'im',
]);

const SHORT_CODES = new Set(['rom', 'prs', 'ckb', 'kmr', 'ber', 'gsg', 'fil', 'yue']);

/** A language word: "ro", "Rumänisch", "rumänischer", "rumänischsprachige", "Romanes". */
function languageOf(word: string): string | undefined {
  if (NOT_A_CODE.has(word)) return undefined;
  const direct = languageCode(word);
  // A bare code: two letters, or one of the few three-letter codes in use here ("dii" is no typo for a language).
  if (direct && (direct !== word || word.length === 2 || SHORT_CODES.has(word))) return direct;
  if (direct) return undefined;
  const base = word.replace(/-?sprachig(e[nmrs]?)?$/, '');
  for (const candidate of [base, base.replace(/(e[nmrs]?)$/, ''), base.replace(/e?[nmrs]$/, '')]) {
    if (candidate.length > 3 && candidate !== word) {
      const code = languageCode(candidate);
      if (code) return code;
    }
  }
  return undefined;
}

/** Role of one word by pattern, when no phrase matched. */
function wordRole(w: string): Role | undefined {
  if (w.includes('ferien')) return { r: 'cat', cat: 'season' };
  if (w.startsWith('feiertag')) return { r: 'cat', cat: 'holiday' };
  if (/^(telefon|hotline|online|video|erreichbar|chat|rückruf)/.test(w)) return { r: 'cat', cat: 'phone' };
  if (/^\d+-?(tägig|täglich|wöchig|wöchentlich)/.test(w)) return { r: 'cat', cat: 'biweekly' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  type: 'word' | 'num' | 'dash' | 'sep' | 'colon' | 'paren' | 'date' | 'other';
  start: number;
  end: number;
  /** word: lower case, NFC, without the trailing dot. paren: the inner text. */
  w: string;
  /** num: hours and minutes as written; `dot` when a "." follows ("1." as ordinal). */
  h?: number;
  m?: number;
  badNum?: boolean;
  dot?: boolean;
}

const LETTERS = '\\p{L}\\p{M}';
const WORD = new RegExp(`^[${LETTERS}]+(?:-[${LETTERS}]+)*\\.?`, 'u');

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const push = (type: Tok['type'], start: number, end: number, w = text.slice(start, end), extra: Partial<Tok> = {}) =>
    toks.push({ type, start, end, w, ...extra });
  while (i < text.length) {
    const rest = text.slice(i);
    const c = text[i];
    let m: RegExpMatchArray | null;
    if (/\s/.test(c) || /["„“”‚‘’'»«]/.test(c)) {
      i++;
    } else if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === c) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      push('paren', i, Math.min(j + 1, text.length), text.slice(i + 1, j).trim());
      i = j + 1;
    } else if ((m = rest.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2,4})?(?!\d)/)) && +m[1] >= 1 && +m[1] <= 31 && +m[2] >= 1 && +m[2] <= 12) {
      push('date', i, i + m[0].length);
      i += m[0].length;
    } else if ((m = rest.match(/^\d+-?(tägig|täglich|wöchig|wöchentlich)[\p{L}]*/iu))) {
      push('word', i, i + m[0].length, m[0].toLowerCase());
      i += m[0].length;
    } else if ((m = rest.match(/^(\d+)(?:[:.](\d+))?/))) {
      const [all, hh, mm] = m;
      const badNum = hh.length > 2 || (mm !== undefined && mm.length !== 2);
      const dot = text[i + all.length] === '.' && !/\d/.test(text[i + all.length + 1] ?? '');
      push('num', i, i + all.length, all, { h: +hh, m: mm === undefined ? 0 : +mm, badNum, dot });
      i += all.length + (dot ? 1 : 0);
    } else if ((m = rest.match(WORD))) {
      const raw = m[0];
      const w = raw.normalize('NFC').toLowerCase().replace(/\.$/, '');
      const parts = w.split('-');
      if (parts.length > 1 && parts.every((p) => DAY_WORDS[p] || PHRASES.get(p)?.r === 'days')) {
        // "Mo-Fr", "Montag-Freitag": days joined by a dash become day, dash, day.
        let at = i;
        parts.forEach((p, k) => {
          if (k) {
            push('dash', at, at + 1, '-');
            at++;
          }
          push('word', at, at + p.length, p);
          at += p.length;
        });
      } else push('word', i, i + raw.length, w);
      i += raw.length;
    } else if ('-\u2010\u2011\u2012\u2013\u2014\u2015\u2212'.includes(c)) {
      push('dash', i, i + 1, '-');
      i++;
    } else if (',/+&.'.includes(c)) {
      push('sep', i, i + 1);
      i++;
    } else if (c === ':') {
      push('colon', i, i + 1);
      i++;
    } else {
      push('other', i, i + 1);
      i++;
    }
  }
  return toks;
}

/** Split a cell at ";" and line breaks outside parentheses, keeping each part's text. */
function segments(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= cell.length; i++) {
    const c = cell[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (i === cell.length || ((c === ';' || c === '\n' || c === '\r') && depth === 0)) {
      const part = cell.slice(start, i).trim();
      if (part) out.push(part);
      start = i + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Groups

interface Range {
  o: number;
  c: number;
  /** minutes since midnight; `bad` when a number is no clock time. */
  bad?: string;
  raw: string;
}

type IssueCode =
  | 'notDay'
  | 'unknown'
  | 'single'
  | 'ambiguous'
  | 'kindConflict'
  | 'closedWithTimes'
  | 'agreeDays'
  | 'agreeExtra'
  | 'noTime'
  | 'noDays'
  | 'nothing'
  | 'daypartOnly'
  | 'daypartMismatch'
  | 'badTime'
  | 'reversed'
  | 'night'
  | 'empty'
  | 'pauseOutside'
  | 'lonelyHeader';

interface Issue {
  code: IssueCode | Category;
  word?: string;
  range?: Range;
}

interface Group {
  text: string;
  /** The day phrases as written ("Mo-Fr"), to tell what was not read. */
  dayRaw: string[];
  days?: Set<HoursDay>;
  ranges: Range[];
  kinds: HoursKind[];
  languages: string[];
  notes: string[];
  dayparts: Daypart[];
  cats: Category[];
  issues: Issue[];
  closed: boolean;
  agree: boolean;
  pause: boolean;
  /** Any time was written (range or single), or closed/agree: the group has its "times". */
  timed: boolean;
}

const newGroup = (): Group => ({
  text: '',
  dayRaw: [],
  ranges: [],
  kinds: [],
  languages: [],
  notes: [],
  dayparts: [],
  cats: [],
  issues: [],
  closed: false,
  agree: false,
  pause: false,
  timed: false,
});

class SegmentParser {
  private i = 0;
  readonly groups: Group[] = [];
  private g = newGroup();
  private gStart = -1;
  private gEnd = -1;

  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  /** Longest phrase at token k: its role and length in tokens. */
  phrase(k: number): { role: Role; len: number } | undefined {
    const words: string[] = [];
    for (let j = k; j < this.toks.length && words.length < MAX_PHRASE && this.toks[j].type === 'word'; j++) words.push(this.toks[j].w);
    for (let len = words.length; len > 0; len--) {
      const role = PHRASES.get(words.slice(0, len).join(' '));
      if (role) return { role, len };
    }
    if (words.length) {
      const role = wordRole(words[0]);
      if (role) return { role, len: 1 };
    }
    return undefined;
  }

  dayAt(k: number): HoursDay[] | undefined {
    const t = this.toks[k];
    if (t?.type !== 'word') return undefined;
    if (DAY_WORDS[t.w]) return [DAY_WORDS[t.w]];
    const p = this.phrase(k);
    return p?.role.r === 'days' ? p.role.days : undefined;
  }

  /** Length of a day term at k ("Mo", "Mo-Fr", "Montag bis Freitag", "täglich"), with fillers like "am", "jeden". */
  dayTerm(k: number): { days: HoursDay[]; len: number } | undefined {
    let j = k;
    while (
      ['von', 'am', 'jeden', 'jede', 'immer', 'an', 'ab'].includes(this.toks[j]?.w) &&
      this.toks[j].type === 'word' &&
      this.dayAt(j + 1)
    )
      j++;
    const t = this.toks[j];
    if (t?.type !== 'word') return undefined;
    if (DAY_WORDS[t.w]) {
      const from = DAY_WORDS[t.w];
      const link = this.toks[j + 1];
      const to = this.toks[j + 2];
      if (link && (link.type === 'dash' || link.w === 'bis') && to?.type === 'word' && DAY_WORDS[to.w]) {
        const days: HoursDay[] = [];
        for (let d = WEEK.indexOf(from); ; d = (d + 1) % 7) {
          days.push(WEEK[d]);
          if (WEEK[d] === DAY_WORDS[to.w]) break;
        }
        return { days, len: j + 3 - k };
      }
      return { days: [from], len: j + 1 - k };
    }
    const p = this.phrase(j);
    if (p?.role.r === 'days') return { days: p.role.days, len: j + p.len - k };
    return undefined;
  }

  isSep(k: number): boolean {
    const t = this.toks[k];
    return !!t && (t.type === 'sep' || (t.type === 'word' && SEP_WORDS.has(t.w)));
  }

  /** "Mo, Mi und Fr", "Mo-Fr außer Mi", "Mo Mi": the days and the tokens used. */
  dayPhrase(k: number): { days: Set<HoursDay>; len: number } | undefined {
    const first = this.dayTerm(k);
    if (!first) return undefined;
    const days = new Set(first.days);
    let j = k + first.len;
    let except = false;
    for (;;) {
      let n = j;
      if (this.isSep(n)) n++;
      else if (['außer', 'ausser', 'ausgenommen'].includes(this.toks[n]?.w)) {
        if (!this.dayTerm(n + 1)) break;
        n++;
        except = true;
      }
      const term = this.dayTerm(n);
      if (!term) break;
      for (const d of term.days) except ? days.delete(d) : days.add(d);
      j = n + term.len;
    }
    return { days, len: j - k };
  }

  /** A time range at k: "9-12", "9 Uhr bis 12:30 Uhr", "von 9 bis 12", "zwischen 9 und 12". */
  timeRange(k: number): { range?: Range; single?: string; len: number } {
    let j = k;
    const prefix = this.toks[j].type === 'word' ? this.toks[j].w : undefined;
    if (prefix) j++;
    const skipUhr = () => {
      while (this.toks[j]?.type === 'word' && ['uhr', 'h'].includes(this.toks[j].w)) j++;
    };
    const t1 = this.toks[j];
    if (prefix === 'bis' || t1?.type !== 'num')
      return { single: this.slice(k, j + (t1?.type === 'num' ? 1 : 0)), len: j - k + (t1?.type === 'num' ? 1 : 0) };
    j++;
    skipUhr();
    const link = this.toks[j];
    const linked = link && (link.type === 'dash' || link.w === 'bis' || (prefix === 'zwischen' && link.w === 'und'));
    if (linked) {
      j++;
      if (this.toks[j]?.w === 'um') j++;
      const t2 = this.toks[j];
      if (t2?.type === 'num') {
        j++;
        const endTok = j;
        skipUhr();
        return { range: clockRange(t1, t2, this.slice(k, endTok)), len: j - k };
      }
    }
    return { single: this.slice(k, j), len: j - k };
  }

  slice(from: number, to: number): string {
    return this.text.slice(this.toks[from].start, this.toks[Math.max(from, to - 1)].end);
  }

  /** Which role a token would play for the "new group?" decision. */
  startsGroup(k: number): boolean {
    const t = this.toks[k];
    if (!t) return false;
    if (t.type === 'word') {
      if (this.dayTerm(k)) return true;
      const p = this.phrase(k);
      if (p && ['starter', 'agree', 'pause', 'ambiguous', 'days'].includes(p.role.r)) return true;
    }
    return false;
  }

  /** After a separator that follows times: does the chunk up to the next separator start a new group? */
  chunkStartsGroup(k: number): boolean {
    if (this.startsGroup(k)) return true;
    for (let j = k; j < this.toks.length && !this.isSep(j); j++) {
      if (
        this.toks[j].type === 'word' &&
        (DAY_WORDS[this.toks[j].w] || this.phrase(j)?.role.r === 'ambiguous' || this.phrase(j)?.role.r === 'days')
      )
        return true;
    }
    return false;
  }

  use(from: number, len: number) {
    if (this.gStart < 0) this.gStart = from;
    this.gEnd = Math.max(this.gEnd, from + len - 1);
    this.i = from + len;
  }

  close() {
    if (this.gStart >= 0) {
      this.g.text = this.text.slice(this.toks[this.gStart].start, this.toks[this.gEnd].end);
      this.groups.push(this.g);
    }
    this.g = newGroup();
    this.gStart = -1;
    this.gEnd = -1;
  }

  run(from: number): Group[] {
    const toks = this.toks;
    this.i = from;
    while (this.i < toks.length) {
      const k = this.i;
      const t = toks[k];
      const g = this.g;
      if (this.isSep(k)) {
        if (g.timed && this.chunkStartsGroup(k + 1)) {
          this.close();
          this.i = k + 1;
        } else this.i = k + 1; // a separator inside the group is not part of its quoted text unless more follows
        continue;
      }
      if (t.type === 'colon' || t.type === 'dash') {
        if (t.type === 'dash' && g.timed) g.issues.push({ code: 'unknown', word: '-' });
        this.i = k + 1;
        continue;
      }
      if (t.type === 'paren') {
        this.use(k, 1);
        readParen(t.w, g);
        continue;
      }
      if (t.type === 'date') {
        this.use(k, 1);
        g.cats.push('date');
        continue;
      }
      if (t.type === 'other') {
        this.use(k, 1);
        g.issues.push({ code: 'unknown', word: t.w });
        continue;
      }
      if (t.type === 'num' || ['von', 'ab', 'zwischen', 'bis'].includes(t.w)) {
        const next = toks[k + 1];
        const ordinal =
          t.type === 'num' &&
          t.dot &&
          next &&
          ((next.type === 'word' && !['uhr', 'h', 'bis', 'und', 'u'].includes(next.w)) ||
            (this.isSep(k + 1) && toks[k + 2]?.type === 'num' && toks[k + 2].dot));
        if (ordinal) {
          // "1." before a word: an ordinal ("jeden 1. Mittwoch").
          this.use(k, 1);
          g.cats.push('ordinal');
          continue;
        }
        if (t.type === 'num' || toks[k + 1]?.type === 'num') {
          const r = this.timeRange(k);
          this.use(k, r.len);
          g.timed = true;
          if (r.range) g.ranges.push(r.range);
          else g.issues.push({ code: 'single', word: r.single });
          continue;
        }
      }
      // Words
      const dp = this.dayPhrase(k);
      if (dp) {
        if (g.timed || g.days) this.close();
        this.use(k, dp.len);
        this.g.days = dp.days;
        this.g.dayRaw.push(this.slice(k, k + dp.len));
        continue;
      }
      const p = this.phrase(k);
      const role = p?.role;
      if (role && p) {
        if (g.timed && (['starter', 'pause', 'ambiguous'].includes(role.r) || (role.r === 'agree' && role.own))) this.close();
        const cur = this.g;
        this.use(k, p.len);
        switch (role.r) {
          case 'kind':
            cur.kinds.push(role.kind);
            break;
          case 'agree':
            if (cur.ranges.length && !role.own) cur.kinds.push('appointment');
            else {
              cur.agree = true;
              cur.timed = true;
            }
            break;
          case 'closed':
            cur.closed = true;
            cur.timed = true;
            break;
          case 'allday':
            cur.ranges.push({ o: 0, c: 1440, raw: this.slice(k, k + p.len) });
            cur.timed = true;
            break;
          case 'ambiguous':
            cur.issues.push({ code: 'ambiguous', word: this.slice(k, k + p.len) });
            break;
          case 'daypart':
            cur.dayparts.push(role.part);
            break;
          case 'pause':
            cur.pause = true;
            break;
          case 'cat':
            cur.cats.push(role.cat);
            break;
          default:
            break; // filler, intro, starter
        }
        continue;
      }
      const lang = languageOf(t.w);
      if (lang) {
        this.use(k, 1);
        g.languages.push(lang);
        continue;
      }
      this.use(k, 1);
      const beforeTimes = !g.days && !g.timed && (toks[k + 1]?.type === 'num' || toks[k + 1]?.type === 'dash' || toks[k + 1]?.w === 'bis');
      g.issues.push({ code: beforeTimes ? 'notDay' : 'unknown', word: beforeTimes ? t.w : this.text.slice(t.start, t.end) });
    }
    this.close();
    return this.groups;
  }
}

function clockRange(a: Tok, b: Tok, raw: string): Range {
  const bad = [a, b].find((t) => t.badNum || t.h! > 24 || t.m! > 59 || (t.h === 24 && t.m !== 0));
  if (bad) return { o: 0, c: 0, bad: bad.w, raw };
  if (a.h === 24) return { o: 0, c: 0, bad: a.w, raw };
  return { o: a.h! * 60 + a.m!, c: b.h! * 60 + b.m!, raw };
}

/**
 * A parenthesis: only languages → those; only a kind (and languages), e.g. "(nur mit Anmeldung)"
 * → that kind, and the text stays as note; anything else → the note, verbatim.
 */
function readParen(inner: string, g: Group) {
  if (!inner) return;
  const toks = tokenize(inner);
  const parser = new SegmentParser(inner, toks);
  const languages: string[] = [];
  const kinds: HoursKind[] = [];
  let k = 0;
  let only = toks.length > 0;
  while (only && k < toks.length) {
    const t = toks[k];
    if (t.type === 'sep' || t.type === 'colon' || (t.type === 'word' && (SEP_WORDS.has(t.w) || t.w === 'auch'))) {
      k++;
      continue;
    }
    if (t.type !== 'word') {
      only = false;
      break;
    }
    const p = parser.phrase(k);
    if (p?.role.r === 'kind' || p?.role.r === 'intro') {
      if (p.role.r === 'kind') kinds.push(p.role.kind);
      k += p.len;
      continue;
    }
    const lang = languageOf(t.w);
    if (lang) {
      languages.push(lang);
      k++;
      continue;
    }
    only = false;
  }
  if (only && (languages.length || kinds.length)) {
    g.languages.push(...languages);
    g.kinds.push(...kinds);
    if (kinds.length) g.notes.push(inner.replace(/\s+/g, ' '));
  } else g.notes.push(inner.replace(/\s+/g, ' '));
}

// ---------------------------------------------------------------------------------------------
// Output

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const rangeText = (r: Range) => `${hhmm(r.o)}-${hhmm(r.c)}`;

function daysText(days: Iterable<HoursDay>): string {
  const set = new Set(days);
  const idx = WEEK.map((d, i) => (set.has(d) ? i : -1)).filter((i) => i >= 0);
  const parts: string[] = [];
  for (let a = 0; a < idx.length; ) {
    let b = a;
    while (b + 1 < idx.length && idx[b + 1] === idx[b] + 1) b++;
    if (b - a >= 2) parts.push(`${DAY_LABEL[WEEK[idx[a]]]}-${DAY_LABEL[WEEK[idx[b]]]}`);
    else for (let x = a; x <= b; x++) parts.push(DAY_LABEL[WEEK[idx[x]]]);
    a = b + 1;
  }
  return parts.join(', ');
}

/** Slots in the template's compact syntax: "Mo-Fr 09:00-12:00 offen ro bg (nur Frauen); Do 14:00-18:00 Termin". */
export function describeSlots(slots: HoursSlot[]): string {
  return slots
    .map((s) => {
      const langs = (s.languages ?? []).map((c) => (NOT_A_CODE.has(c) ? (languageName(c, 'de') ?? c) : c));
      return [
        daysText(s.days),
        `${s.opens}-${s.closes}`,
        s.kind === 'walk-in' ? 'offen' : 'Termin',
        ...langs,
        ...(s.note ? [`(${s.note})`] : []),
      ].join(' ');
    })
    .join('; ');
}

const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59).trimEnd()}…` : flat;
};

/** What could be read of a group, e.g. "Mi 14:00-16:00", for the messages. */
function readText(g: Group): string {
  const ranges = g.ranges.filter((r) => !r.bad).map(rangeText);
  return [g.days?.size ? daysText(g.days) : '', ranges.join(', ')].filter(Boolean).join(' ');
}

const CAT_PRIORITY: (IssueCode | Category)[] = [
  'month',
  'biweekly',
  'date',
  'season',
  'holiday',
  'ordinal',
  'phone',
  'ambiguous',
  'except',
];
const MONTH_NAME = /\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b/i;

/**
 * The editor's words that were not read, for the example note: the group without its times
 * (and without its days, unless they are part of the rhythm: "jeden 1. Mittwoch").
 */
function unread(g: Group, keepDays: boolean, fallback: string): string {
  let rest = ` ${g.text} `;
  for (const raw of [...g.ranges.map((r) => r.raw), ...(keepDays ? [] : g.dayRaw)]) rest = rest.replace(raw, ' ');
  rest = rest
    .replace(/\b(uhr|h)\b\.?/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-+&/]+|[\s,;:+&/-]+$/g, '');
  return rest && rest.length <= 50 && !/[()]/.test(rest) ? rest : fallback;
}

/** The problem for a group: [reason, fix] in German and English, without the quote. */
function explain(issue: Issue, g: Group): { de: [string, string]; en: [string, string] } {
  const read = readText(g);
  const ex = g.days?.size && g.ranges.some((r) => !r.bad) ? readText(g).split(',')[0] : 'Mi 14:00-16:00';
  const w = quote(issue.word ?? '');
  const r = issue.range;
  switch (issue.code) {
    case 'month':
    case 'ordinal':
      return {
        de: [
          'Termine in bestimmten Wochen des Monats kann der Feed nicht abbilden',
          `Bitte als feste Wochentage eintragen (z. B. „${ex}“) und den Rhythmus in Klammern als Bemerkung: „${ex} (${unread(g, true, 'jeden 1. Mittwoch im Monat')})“.`,
        ],
        en: [
          'the feed cannot express hours in certain weeks of the month',
          `Please enter fixed weekdays (e.g. "${ex}") and the rhythm as a note in brackets: "${ex} (${unread(g, true, 'jeden 1. Mittwoch im Monat')})".`,
        ],
      };
    case 'biweekly':
      return {
        de: [
          'einen Rhythmus über mehrere Wochen (14-tägig, gerade Wochen …) kann der Feed nicht abbilden',
          `Bitte den Wochentag eintragen und den Rhythmus in Klammern als Bemerkung: „${ex} (${unread(g, false, 'alle 14 Tage')})“.`,
        ],
        en: [
          'the feed cannot express a rhythm over several weeks (fortnightly, even weeks …)',
          `Please enter the weekday and the rhythm as a note in brackets: "${ex} (${unread(g, false, 'alle 14 Tage')})".`,
        ],
      };
    case 'season':
    case 'holiday':
      return {
        de: [
          'Zeiten, die nur in Teilen des Jahres gelten (Ferien, Feiertage, Jahreszeit, Monate), kann der Feed nicht abbilden',
          `Bitte die regulären Zeiten eintragen und die Ausnahme in Klammern, z. B. „${ex} (${unread(g, false, 'nicht in den Schulferien')})“; Schließzeiten gehören in „closures“ des Feeds.`,
        ],
        en: [
          'the feed cannot express hours that apply only to part of the year (holidays, seasons, months)',
          `Please enter the regular hours and the exception in brackets, e.g. "${ex} (${unread(g, false, 'nicht in den Schulferien')})"; closing periods go into the feed's "closures".`,
        ],
      };
    case 'date':
      return {
        de: [
          'ein Datum kann der Feed als Sprechzeit nicht abbilden, nur Wochentage',
          `Bitte regelmäßige Zeiten eintragen (z. B. „${ex}“); einmalige Termine gehören in die Beschreibung, Schließtage in „closures“ des Feeds.`,
        ],
        en: [
          'the feed cannot express a date as opening hours, only weekdays',
          `Please enter regular hours (e.g. "${ex}"); one-off dates go into the description, closing days into the feed's "closures".`,
        ],
      };
    case 'phone':
      return {
        de: [
          'Telefon- oder Online-Zeiten sind keine Sprechzeiten vor Ort',
          'Bitte nur Zeiten eintragen, zu denen man vorbeikommen kann; Telefonzeiten gehören in die Beschreibung.',
        ],
        en: [
          'phone or online hours are not opening hours on site',
          'Please enter only hours when people can come by; phone hours belong in the description.',
        ],
      };
    case 'ambiguous':
      return {
        de: [
          `„${w}“ ist nicht eindeutig (Mo-Fr oder Mo-Sa?)`,
          `Bitte die Tage ausschreiben, z. B. „Mo-Fr ${g.ranges[0] && !g.ranges[0].bad ? rangeText(g.ranges[0]) : '08:00-16:00'}“.`,
        ],
        en: [
          `"${w}" is ambiguous (Mon-Fri or Mon-Sat?)`,
          `Please name the days, e.g. "Mo-Fr ${g.ranges[0] && !g.ranges[0].bad ? rangeText(g.ranges[0]) : '08:00-16:00'}".`,
        ],
      };
    case 'except':
      return {
        de: [
          `Ausnahmen und ungefähre Angaben („${w || 'außer'}“) kann der Feed nicht abbilden`,
          `Bitte nur die Zeiten eintragen, die regelmäßig gelten, und die Ausnahme in Klammern, z. B. „${ex} (${unread(g, false, 'nicht in den Ferien')})“.`,
        ],
        en: [
          `the feed cannot express exceptions or approximate times ("${w || 'außer'}")`,
          `Please enter only the regular hours and the exception in brackets, e.g. "${ex} (${unread(g, false, 'nicht in den Ferien')})".`,
        ],
      };
    case 'unknown':
      return {
        de: [
          `„${w}“ ist weder Wochentag noch Uhrzeit, „offen“, „Termin“ oder eine Sprache`,
          `Bemerkungen bitte in Klammern, z. B. „${ex} (${unread(g, false, 'nur Frauen')})“.`,
        ],
        en: [
          `"${w}" is neither weekday nor time, "offen", "Termin" or a language`,
          `Please put remarks in brackets, e.g. "${ex} (${unread(g, false, 'nur Frauen')})".`,
        ],
      };
    case 'single':
      return {
        de: [
          `„${w}“ nennt nur eine Uhrzeit, Beginn oder Ende fehlt`,
          `Bitte von–bis angeben, z. B. „${g.days?.size ? daysText(g.days) : 'Mo'} 09:00-12:00“.`,
        ],
        en: [
          `"${w}" gives only one time, the start or end is missing`,
          `Please give from–to, e.g. "${g.days?.size ? daysText(g.days) : 'Mo'} 09:00-12:00".`,
        ],
      };
    case 'kindConflict':
      return {
        de: ['„offen“ und „Termin“ zugleich', `Bitte getrennt angeben, z. B. „${ex} offen; Do 14:00-16:00 Termin“.`],
        en: [
          'both "offen" (walk-in) and "Termin" (appointment)',
          `Please give them separately, e.g. "${ex} offen; Do 14:00-16:00 Termin".`,
        ],
      };
    case 'closedWithTimes':
      return {
        de: [
          '„geschlossen“ und Uhrzeiten zugleich',
          'Bitte nur die Öffnungszeiten eintragen; geschlossene Tage einfach weglassen oder „Di geschlossen“ schreiben.',
        ],
        en: [
          'both "geschlossen" (closed) and times',
          'Please enter only the opening hours; leave closed days out or write "Di geschlossen".',
        ],
      };
    case 'agreeDays':
      return {
        de: [
          '„nach Vereinbarung“ an bestimmten Tagen ohne Uhrzeit kann der Feed nicht abbilden',
          `Bitte Uhrzeiten angeben (z. B. „${g.days?.size ? daysText(g.days) : 'Mo-Fr'} 09:00-12:00 Termin“) oder nur „nach Vereinbarung“ schreiben.`,
        ],
        en: [
          'the feed cannot express "by appointment" on certain days without times',
          `Please give times (e.g. "${g.days?.size ? daysText(g.days) : 'Mo-Fr'} 09:00-12:00 Termin") or write only "nach Vereinbarung".`,
        ],
      };
    case 'agreeExtra':
      return {
        de: [
          'Sprachen oder Bemerkungen bei „nach Vereinbarung“ ohne feste Zeiten kann der Feed keiner Sprechzeit zuordnen (übernommen: nach Vereinbarung)',
          'Bitte Sprachen in die Spalte „Sprachen“ und Bemerkungen in die Beschreibung schreiben.',
        ],
        en: [
          'the feed cannot attach languages or remarks to "by appointment" without fixed hours (imported: by appointment)',
          'Please put languages into the column "Sprachen" and remarks into the description.',
        ],
      };
    case 'noTime':
      return {
        de: [
          'Wochentag ohne Uhrzeit',
          `Bitte von–bis angeben, z. B. „${daysText(g.days ?? [])} 09:00-12:00“, oder „${daysText(g.days ?? [])} geschlossen“.`,
        ],
        en: [
          'weekday without time',
          `Please give from–to, e.g. "${daysText(g.days ?? [])} 09:00-12:00", or "${daysText(g.days ?? [])} geschlossen".`,
        ],
      };
    case 'noDays':
      return {
        de: ['Uhrzeit ohne Wochentag', `Bitte die Tage davor schreiben, z. B. „Mo-Fr ${read}“ oder „täglich ${read}“.`],
        en: ['time without weekday', `Please write the days first, e.g. "Mo-Fr ${read}" or "täglich ${read}".`],
      };
    case 'nothing':
      return {
        de: ['keine Wochentage und Uhrzeiten', 'Bitte so schreiben: „Di 09:00-12:00 offen ro“ oder „nach Vereinbarung“.'],
        en: ['no weekdays and times', 'Please write e.g. "Di 09:00-12:00 offen ro" or "nach Vereinbarung".'],
      };
    case 'daypartOnly':
    case 'daypartMismatch': {
      const label = DAYPART_LABEL[g.dayparts[0]];
      const day = g.days?.size ? daysText(g.days) : 'Mo';
      return issue.code === 'daypartOnly'
        ? {
            de: [`„${label}“ nennt keine Uhrzeit`, `Bitte Uhrzeiten angeben, z. B. „${day} ${DAYPART_EXAMPLE[g.dayparts[0]]}“.`],
            en: [`"${label}" gives no time`, `Please give times, e.g. "${day} ${DAYPART_EXAMPLE[g.dayparts[0]]}".`],
          }
        : {
            de: [
              `${r ? rangeText(r) : ''} passt nicht zu „${label}“`,
              `Bitte in 24-Stunden-Zeit schreiben, z. B. „${day} ${r && r.c + 720 <= 1440 ? `${hhmm(r.o + 720)}-${hhmm(r.c + 720)}` : DAYPART_EXAMPLE[g.dayparts[0]]}“.`,
            ],
            en: [
              `${r ? rangeText(r) : ''} does not match "${label}"`,
              `Please use 24-hour time, e.g. "${day} ${r && r.c + 720 <= 1440 ? `${hhmm(r.o + 720)}-${hhmm(r.c + 720)}` : DAYPART_EXAMPLE[g.dayparts[0]]}".`,
            ],
          };
    }
    case 'badTime':
      return {
        de: [
          `„${w}“ ist keine Uhrzeit (00:00 bis 24:00, 24:00 nur als Ende)`,
          `Bitte als HH:MM schreiben, z. B. „${g.days?.size ? daysText(g.days) : 'Mo'} 09:00-12:00“.`,
        ],
        en: [
          `"${w}" is not a time (00:00 to 24:00, 24:00 only as the end)`,
          `Please write HH:MM, e.g. "${g.days?.size ? daysText(g.days) : 'Mo'} 09:00-12:00".`,
        ],
      };
    case 'reversed': {
      // "9-4" → 09:00-16:00 (afternoon end written in 12-hour style); "12-9" → 09:00-12:00 (swapped).
      const fix =
        r && r.o < 720 && r.c + 720 > r.o && r.c + 720 <= 1440 ? `${hhmm(r.o)}-${hhmm(r.c + 720)}` : r ? `${hhmm(r.c)}-${hhmm(r.o)}` : '';
      return {
        de: [
          `das Ende (${r ? hhmm(r.c) : ''}) liegt vor dem Beginn (${r ? hhmm(r.o) : ''})`,
          `Gemeint „${fix}“? Über Mitternacht nur mit Beginn ab 17 Uhr und Ende bis 10 Uhr, z. B. „Fr 22:00-02:00“.`,
        ],
        en: [
          `the end (${r ? hhmm(r.c) : ''}) is before the start (${r ? hhmm(r.o) : ''})`,
          `Did you mean "${fix}"? Past midnight only with a start from 17:00 and an end by 10:00, e.g. "Fr 22:00-02:00".`,
        ],
      };
    }
    case 'night':
      return {
        de: [
          `Beginn mitten in der Nacht (${r ? hhmm(r.o) : ''}) – gemeint nachmittags?`,
          `Bitte in 24-Stunden-Zeit schreiben, z. B. „${g.days?.size ? `${daysText(g.days)} ` : ''}${r && r.c + 720 <= 1440 ? `${hhmm(r.o + 720)}-${hhmm(r.c + 720)}` : '14:00-16:00'}“; Nachtzeiten ab dem Abend, z. B. „Fr 22:00-04:00“.`,
        ],
        en: [
          `start in the middle of the night (${r ? hhmm(r.o) : ''}) – afternoon meant?`,
          `Please use 24-hour time, e.g. "${g.days?.size ? `${daysText(g.days)} ` : ''}${r && r.c + 720 <= 1440 ? `${hhmm(r.o + 720)}-${hhmm(r.c + 720)}` : '14:00-16:00'}"; night hours from the evening, e.g. "Fr 22:00-04:00".`,
        ],
      };
    case 'empty':
      return {
        de: ['Beginn und Ende sind gleich', 'Bitte von–bis angeben, z. B. „Mo 09:00-12:00“; ganztags: „Mo 00:00-24:00“.'],
        en: ['start and end are the same', 'Please give from–to, e.g. "Mo 09:00-12:00"; all day: "Mo 00:00-24:00".'],
      };
    case 'pauseOutside':
      return {
        de: [
          'die Pause liegt in keiner davor genannten Zeit, daher wurden auch diese Zeiten nicht geändert',
          'Bitte die Zeiten ohne Pause schreiben, z. B. „Mo-Fr 08:00-12:00, 13:00-16:00“.',
        ],
        en: [
          'the break lies in none of the times before it, so those times were not changed either',
          'Please write the hours without the break, e.g. "Mo-Fr 08:00-12:00, 13:00-16:00".',
        ],
      };
    case 'lonelyHeader':
      return {
        de: ['diese Angabe steht allein, es folgen keine Zeiten', 'Bitte hinter die Zeiten schreiben, z. B. „Mo 09:00-12:00 offen ro bg“.'],
        en: ['this stands alone, no times follow', 'Please write it after the times, e.g. "Mo 09:00-12:00 offen ro bg".'],
      };
    default:
      return { de: ['nicht verstanden', ''], en: ['not understood', ''] };
  }
}

const DAYPART_LABEL: Record<Daypart, string> = {
  morning: 'morgens',
  forenoon: 'vormittags',
  noon: 'mittags',
  afternoon: 'nachmittags',
  evening: 'abends',
  night: 'nachts',
  allday: 'ganztags',
};
const DAYPART_EXAMPLE: Record<Daypart, string> = {
  morning: '08:00-10:00',
  forenoon: '09:00-12:00',
  noon: '12:00-14:00',
  afternoon: '14:00-16:00',
  evening: '18:00-20:00',
  night: '22:00-06:00',
  allday: '08:00-16:00',
};
/** Whether a range fits a part of the day ("nachmittags 14-16" yes, "nachmittags 2-4" no). */
function fitsDaypart(part: Daypart, r: Range): boolean {
  const over = r.c <= r.o;
  switch (part) {
    case 'morning':
      return r.o >= 300 && r.o < 660;
    case 'forenoon':
      return r.o >= 300 && r.o < 720 && !over && r.c <= 780;
    case 'noon':
      return r.o >= 660 && r.o <= 840;
    case 'afternoon':
      return r.o >= 720 && r.o < 1140;
    case 'evening':
      return r.o >= 960;
    case 'night':
      return r.o >= 1140 || r.o < 300;
    case 'allday':
      return true;
  }
}

/** Checks one group; returns its first issue or undefined when it gives slots (or nothing to give). */
function check(g: Group): Issue | undefined {
  const cats = new Set(g.cats);
  // "an Feiertagen geschlossen", "außer an Feiertagen": what the feed does anyway.
  if (cats.has('holiday') && (g.closed || cats.has('except'))) {
    cats.delete('holiday');
    cats.delete('except');
    if (!cats.size && !g.issues.length && g.closed && !g.days && !g.ranges.length) return undefined;
    g.closed = false;
  }
  // "am 1. Mai": an ordinal with a month name is a date.
  if (cats.has('ordinal') && MONTH_NAME.test(g.text)) cats.add('date');
  for (const code of CAT_PRIORITY) {
    if (cats.has(code as Category)) return { code, word: code === 'except' ? exceptWord(g.text) : undefined };
    if (code === 'ambiguous') {
      const amb = g.issues.find((i) => i.code === 'ambiguous');
      if (amb) return amb;
    }
  }
  if (g.issues.length) return g.issues[0];
  const bad = g.ranges.find((r) => r.bad);
  if (bad) return { code: 'badTime', word: bad.bad, range: bad };
  if (new Set(g.kinds).size > 1) return { code: 'kindConflict' };
  if (g.closed) return g.ranges.length ? { code: 'closedWithTimes' } : g.days ? undefined : { code: 'nothing' };
  if (g.agree && !g.ranges.length) {
    if (g.days) return { code: 'agreeDays' };
    if (g.languages.length || g.notes.length) return { code: 'agreeExtra' };
    return undefined;
  }
  if (!g.ranges.length) {
    if (g.dayparts.length) return { code: 'daypartOnly' };
    return g.days ? { code: 'noTime' } : g.pause ? { code: 'nothing' } : { code: 'nothing' };
  }
  if (!g.days && !g.pause) return { code: 'noDays' };
  for (const r of g.ranges) {
    if (r.o === r.c) return { code: 'empty', range: r };
    if (r.c < r.o && !(r.o >= 17 * 60 && r.c <= 10 * 60)) return { code: 'reversed', range: r };
    for (const part of g.dayparts) if (!fitsDaypart(part, r)) return { code: 'daypartMismatch', range: r };
    if (r.o >= 60 && r.o < 300 && !g.dayparts.includes('night')) return { code: 'night', range: r };
  }
  return undefined;
}

const exceptWord = (text: string) => /\b(außer|ausser|nicht|ausgenommen|oder|ca\.?|circa|etwa|ungefähr)/i.exec(text)?.[0];

/** A header at the start of a segment: "Offene Sprechstunde:", "Termine:", "Rumänisch:". */
function header(toks: Tok[], parser: SegmentParser): { kinds: HoursKind[]; languages: string[]; len: number } | undefined {
  const kinds: HoursKind[] = [];
  const languages: string[] = [];
  let k = 0;
  while (k < toks.length) {
    const t = toks[k];
    if (t.type === 'sep' && k > 0) {
      k++;
      continue;
    }
    if (t.type !== 'word') break;
    if (parser.dayTerm(k)) return undefined;
    const p = parser.phrase(k);
    if (p && (p.role.r === 'kind' || p.role.r === 'filler' || p.role.r === 'intro')) {
      if (p.role.r === 'kind') kinds.push(p.role.kind);
      k += p.len;
      continue;
    }
    if (SEP_WORDS.has(t.w) && k > 0) {
      k++;
      continue;
    }
    const lang = languageOf(t.w);
    if (lang) {
      languages.push(lang);
      k++;
      continue;
    }
    return undefined;
  }
  if (k === 0) return undefined;
  if (toks[k]?.type === 'colon') return { kinds, languages, len: k + 1 };
  if (k === toks.length && (kinds.length || languages.length)) return { kinds, languages, len: k };
  return undefined;
}

/**
 * Opening hours of one cell → slots, problems and whether it says "nach Vereinbarung".
 * `defaultKind` is the kind of slots that say neither "offen" nor "Termin" (from the service's access).
 */
export function parseHours(cell: string, defaultKind: HoursKind): HoursResult {
  const slots: HoursSlot[] = [];
  const problems: Pair[] = [];
  let byAppointment = false;
  const text = (cell ?? '').replace(/[\u00a0\u202f\t]/g, ' ');
  if (/^[\s\-\u2013\u2014]*$/.test(text)) return { slots, problems };
  let carried: { kinds: HoursKind[]; languages: string[]; text: string; used: boolean } | undefined;
  const ready: { g: Group; kinds: HoursKind[]; languages: string[] }[] = [];
  const report = (g: Group, issue: Issue) => {
    const q = quote(g.text);
    if (issue.code === 'notDay') {
      // Kept word for word: the import report and its tests quote it.
      problems.push([
        `„${q}“ nicht verstanden: „${issue.word}“ ist kein Wochentag. Erlaubt: Mo, Di, Mi, Do, Fr, Sa, So (auch Mo-Fr).`,
        `"${q}" not understood: "${issue.word}" is not a weekday. Allowed: Mo, Di, Mi, Do, Fr, Sa, So (also Mo-Fr).`,
      ]);
      return;
    }
    const { de, en } = explain(issue, g);
    const read = issue.code === 'lonelyHeader' || issue.code === 'agreeExtra' ? '' : readText(g);
    problems.push([
      `„${q}“: ${de[0]} – ${read ? `gelesen: „${read}“, ` : ''}nicht übernommen. ${de[1]}`,
      `"${q}": ${en[0]} – ${read ? `read: "${read}", ` : ''}not imported. ${en[1]}`,
    ]);
  };
  // A header ("nur mit Termin:") that no times followed.
  const reportLonelyHeader = () => {
    if (!carried || carried.used || !(carried.kinds.length || carried.languages.length)) return;
    const g = newGroup();
    g.text = carried.text;
    report(g, { code: 'lonelyHeader' });
  };

  for (const segment of segments(text)) {
    const toks = tokenize(segment);
    if (!toks.length) continue;
    const parser = new SegmentParser(segment, toks);
    const head = header(toks, parser);
    if (head && head.len === toks.length) {
      reportLonelyHeader();
      carried = { kinds: head.kinds, languages: head.languages, text: segment, used: false };
      continue;
    }
    const segKinds = head?.kinds.length ? head.kinds : (carried?.kinds ?? []);
    const segLanguages = head?.languages.length ? head.languages : (carried?.languages ?? []);
    if (carried && !head) carried.used = true;
    for (const g of parser.run(head ? head.len : 0)) {
      if (g.pause) {
        const issue = check(g);
        const target = [...ready].reverse().find((x) => x.g.ranges.length && !x.g.closed)?.g;
        if (issue) {
          report(g, issue);
          continue;
        }
        let fitted = !!target && (!g.days || [...g.days].every((d) => target.days?.has(d)));
        for (const p of g.ranges) {
          const at = target?.ranges.findIndex((r) => r.o < p.o && p.c < r.c && r.o < r.c) ?? -1;
          if (at < 0) {
            fitted = false;
            break;
          }
          const r = target!.ranges[at];
          target!.ranges.splice(at, 1, { o: r.o, c: p.o, raw: r.raw }, { o: p.c, c: r.c, raw: r.raw });
        }
        if (!fitted) report(g, { code: 'pauseOutside' });
        continue;
      }
      const issue = check(g);
      if (issue) {
        report(g, issue);
        continue;
      }
      if (g.agree && !g.ranges.length) byAppointment = true;
      if (g.agree && g.ranges.length) byAppointment = true;
      ready.push({ g, kinds: segKinds, languages: segLanguages });
    }
  }
  reportLonelyHeader();

  const seen = new Set<string>();
  for (const { g, kinds, languages } of ready) {
    if (!g.days || !g.ranges.length || g.closed) continue;
    const kind = g.kinds[0] ?? kinds[0] ?? defaultKind;
    const langs = [...new Set([...languages, ...g.languages])];
    const note = g.notes.join('; ') || undefined;
    for (const r of g.ranges) {
      const slot: HoursSlot = {
        days: WEEK.filter((d) => g.days!.has(d)),
        opens: hhmm(r.o),
        closes: hhmm(r.c),
        kind,
        ...(langs.length ? { languages: langs } : {}),
        ...(note ? { note } : {}),
      };
      const key = JSON.stringify(slot);
      if (seen.has(key)) continue;
      seen.add(key);
      slots.push(slot);
    }
  }
  return byAppointment ? { slots, problems, byAppointment } : { slots, problems };
}
