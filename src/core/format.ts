/**
 * Dates, times, lists, distances and language names through `Intl`, in the widget's language.
 * Formatters are cached: creating them is the slow part.
 */
import type { Weekday } from './feed/schema.js';

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Arabic with Latin digits: times and house numbers then match the signs on the door. */
export const intlLocale = (locale: string) => (locale === 'ar' ? 'ar-u-nu-latn' : locale);

/** "14:00" style wall-clock time from minutes since midnight (24-hour clock). */
export function formatTime(minutes: number, locale: string): string {
  const format = cached(
    `time:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }),
  );
  return format.format(Date.UTC(2024, 0, 1, 0, minutes % 1440));
}

const MONDAY = Date.UTC(2024, 0, 1); // 1 January 2024 was a Monday
const WEEKDAY_INDEX: Record<Weekday, number> = { mo: 0, tu: 1, we: 2, th: 3, fr: 4, sa: 5, su: 6 };

export function weekdayName(day: Weekday, locale: string, style: 'long' | 'short' = 'long'): string {
  const format = cached(
    `weekday:${style}:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { weekday: style, timeZone: 'UTC' }),
  );
  return format.format(MONDAY + WEEKDAY_INDEX[day] * 86_400_000);
}

/** A calendar date (YYYY-MM-DD or ISO) as "21. November 2026" in the widget's language. */
export function formatDate(date: string, locale: string, style: 'long' | 'medium' = 'long'): string {
  const format = cached(
    `date:${style}:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: 'UTC' }),
  );
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return format.format(Date.UTC(y, m - 1, d));
}

/** "Rumänisch, Bulgarisch und Romanes"; `narrow` is the compact form for a card line. */
export function formatList(
  items: string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'conjunction',
  style: 'long' | 'narrow' = 'long',
): string {
  return cached(`list:${type}:${style}:${locale}`, () => new Intl.ListFormat(intlLocale(locale), { style, type })).format(items);
}

/** "09:00–12:00" from minutes since midnight (an end past midnight shows its clock time). */
export const formatTimeRange = (from: number, to: number, locale: string) => `${formatTime(from, locale)}–${formatTime(to, locale)}`;

/** "350 m" or "1,2 km". */
export function formatDistance(meters: number, locale: string): string {
  const km = meters >= 1000;
  const format = cached(
    `dist:${km}:${locale}`,
    () =>
      new Intl.NumberFormat(intlLocale(locale), {
        style: 'unit',
        unit: km ? 'kilometer' : 'meter',
        maximumFractionDigits: km ? 1 : 0,
      }),
  );
  return format.format(km ? meters / 1000 : Math.round(meters / 10) * 10);
}

/**
 * "5 Minuten", "20 de zile", "3 دقائق": a count with its unit in the language's own plural
 * form (CLDR through Intl), never a hand-made "{0} Tage" that is wrong in Arabic or Romanian.
 */
export function formatCount(value: number, unit: 'minute' | 'day', locale: string): string {
  const format = cached(
    `count:${unit}:${locale}`,
    () => new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }),
  );
  return format.format(value);
}

/**
 * A value of unknown direction inside a translated sentence (a link, a host name, a place or
 * service name in Latin letters in the Arabic UI): Unicode isolates (FSI … PDI) keep its own
 * direction, so "tile.openstreetmap.org" or "Hafenstraße 12" do not jump around the words.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

export function formatNumber(value: number, locale: string): string {
  return cached(`num:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

/**
 * Language names that `Intl.DisplayNames` lacks in most browsers: code → UI language → name.
 * Capitalised like the names `languageName()` builds from `Intl.DisplayNames`.
 */
const EXTRA_LANGUAGE_LABELS: Record<string, Record<string, string>> = {
  rom: {
    de: 'Romanes',
    en: 'Romani',
    ro: 'Romani',
    bg: 'Ромски',
    tr: 'Romanca',
    ar: 'لغة الروما',
    uk: 'Ромська',
    pl: 'Romski',
  },
};

/** Language codes named in the widget's language, as one list ("Rumänisch und Bulgarisch"). */
export const languageList = (codes: readonly string[], locale: string, style: 'long' | 'narrow' = 'long') =>
  formatList(
    codes.map((code) => languageName(code, locale)),
    locale,
    'conjunction',
    style,
  );

/** The name of a language in the widget's language: "ro" → "Rumänisch" (de), "Romanian" (en). */
export function languageName(code: string, locale: string): string {
  const extra = EXTRA_LANGUAGE_LABELS[code]?.[locale];
  if (extra) return extra;
  try {
    const names = cached(`lang:${locale}`, () => new Intl.DisplayNames([intlLocale(locale)], { type: 'language', fallback: 'code' }));
    const name = names.of(code) ?? code;
    return name === code ? (EXTRA_LANGUAGE_LABELS[code]?.en ?? code) : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return code;
  }
}
