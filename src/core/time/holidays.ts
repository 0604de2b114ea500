/**
 * Statutory public holidays (gesetzliche Feiertage) of the 16 German states.
 *
 * Deliberately left out:
 * - 24 and 31 December are NOT public holidays; a service that closes then needs a feed closure.
 * - Holidays of only part of a state: Fronleichnam in Catholic municipalities of SN and TH,
 *   Mariä Himmelfahrt in Catholic municipalities of BY (a holiday state-wide only in SL),
 *   and the Augsburger Friedensfest (8 August, city of Augsburg).
 * - Sundays that are holidays by law (Ostersonntag, Pfingstsonntag) are listed only for BB,
 *   the one state that names them explicitly.
 * Years before a holiday was introduced are handled where it matters for recent data
 * (Frauentag, Weltkindertag, Reformationstag in the north); older history is not modelled.
 */
import type { GermanState } from '../feed/schema.js';
import { DAY, isoDate } from './zoned.js';

export type HolidayId =
  | 'new-year'
  | 'epiphany'
  | 'womens-day'
  | 'good-friday'
  | 'easter-sunday'
  | 'easter-monday'
  | 'labour-day'
  | 'liberation-day'
  | 'ascension-day'
  | 'whit-sunday'
  | 'whit-monday'
  | 'corpus-christi'
  | 'assumption-day'
  | 'childrens-day'
  | 'german-unity-day'
  | 'reformation-day'
  | 'all-saints-day'
  | 'repentance-day'
  | 'christmas-day'
  | 'boxing-day';

/** Easter Sunday (Gregorian) as a UTC timestamp, by Gauss' algorithm in Meeus' form. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return Date.UTC(year, Math.floor(n / 31) - 1, (n % 31) + 1);
}

const cache = new Map<string, Map<string, HolidayId>>();

/** All public holidays of `state` in `year`, keyed by `YYYY-MM-DD`. */
export function publicHolidays(year: number, state: GermanState): Map<string, HolidayId> {
  const key = year + state;
  let map = cache.get(key);
  if (map) return map;
  map = new Map();
  const m = map;
  const easter = easterSunday(year);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fixed = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const add = (id: HolidayId, date: string, states?: string) => {
    // `states` is a space-separated list of codes; none means nationwide.
    if (!states || states.includes(state)) m.set(date, id);
  };
  const fromEaster = (id: HolidayId, days: number, states?: string) => add(id, isoDate(easter + days * DAY), states);

  add('new-year', fixed(1, 1));
  add('epiphany', fixed(1, 6), 'BW BY ST');
  if (year >= 2019) add('womens-day', fixed(3, 8), year >= 2023 ? 'BE MV' : 'BE');
  fromEaster('good-friday', -2);
  fromEaster('easter-sunday', 0, 'BB');
  fromEaster('easter-monday', 1);
  add('labour-day', fixed(5, 1));
  // One-off in Berlin: 75th and 80th anniversary of the end of the Second World War.
  if (year === 2020 || year === 2025) add('liberation-day', fixed(5, 8), 'BE');
  fromEaster('ascension-day', 39);
  fromEaster('whit-sunday', 49, 'BB');
  fromEaster('whit-monday', 50);
  fromEaster('corpus-christi', 60, 'BW BY HE NW RP SL');
  add('assumption-day', fixed(8, 15), 'SL');
  if (year >= 2019) add('childrens-day', fixed(9, 20), 'TH');
  add('german-unity-day', fixed(10, 3));
  // Nationwide once for the 500th anniversary in 2017; in the north-west only since 2018.
  if (year === 2017) add('reformation-day', fixed(10, 31));
  else add('reformation-day', fixed(10, 31), year >= 2018 ? 'BB MV SN ST TH HB HH NI SH' : 'BB MV SN ST TH');
  add('all-saints-day', fixed(11, 1), 'BW BY NW RP SL');
  // Buß- und Bettag: the Wednesday before 23 November (so 16–22 November).
  const nov22 = Date.UTC(year, 10, 22);
  add('repentance-day', isoDate(nov22 - ((new Date(nov22).getUTCDay() + 4) % 7) * DAY), 'SN');
  add('christmas-day', fixed(12, 25));
  add('boxing-day', fixed(12, 26));

  cache.set(key, map);
  return map;
}

export function holidayOn(date: string, state: GermanState): HolidayId | undefined {
  return publicHolidays(+date.slice(0, 4), state).get(date.slice(0, 10));
}

export function isPublicHoliday(date: string, state: GermanState): boolean {
  return holidayOn(date, state) !== undefined;
}
