/**
 * What the CSV and HSDS importers share: the import report, ids, language names, the
 * feed's top level, and the report as text.
 */
import { LANGUAGE_TAG } from '../src/core/feed/schema.js';
import { languageName, type Lang, type Pair } from './messages.js';
import { isKnownLanguage } from './validate.js';

export interface ImportNote {
  severity: 'error' | 'warning' | 'info';
  /** Where in the source, e.g. ["Zeile 4, Spalte „Sprechzeiten“", "row 4, column …"]. */
  where?: Pair;
  message: Pair;
}

export interface ImportOptions {
  /** Name of the city or office that publishes the feed. */
  publisher?: string;
  /** German state for public holidays (default NW). */
  state?: string;
  /** Today as YYYY-MM-DD, for `updated`. */
  today?: string;
}

export interface ImportResult {
  /**
   * The Lotse feed (not yet checked: run `validateFeed` on it). Undefined when the input cannot
   * become a feed (not service data, no readable rows); an error note then says why.
   */
  feed?: Record<string, unknown>;
  /** What was read, for the first line of the report, e.g. ["HSDS 3.0, Seite 1 von 3: 25 von 75 Diensten", …]. */
  summary?: Pair;
  notes: ImportNote[];
  /** Feed path → where it came from in the source, for the validator's report. */
  sources: Record<string, Pair>;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A text as contract id: lower case, digits, - (e.g. "Clearingstelle Süd" → "clearingstelle-sued"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Give `id` a suffix (-2, -3 …) if it is taken. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id.slice(0, 76)}-${n}`;
  taken.add(candidate);
  return candidate;
}

// Languages commonly spoken by newcomers and counsellors; their German and English names are
// taken from the runtime (Intl.DisplayNames), so "Rumänisch" and "Romanian" both mean "ro".
const COMMON_LANGUAGES = [
  'de',
  'en',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'ro',
  'bg',
  'tr',
  'ar',
  'uk',
  'ru',
  'sr',
  'hr',
  'bs',
  'sq',
  'el',
  'hu',
  'cs',
  'sk',
  'sl',
  'mk',
  'fa',
  'prs',
  'ps',
  'ku',
  'ckb',
  'kmr',
  'ti',
  'so',
  'am',
  'vi',
  'zh',
  'hi',
  'ur',
  'bn',
  'ta',
  'ka',
  'hy',
  'az',
  'lt',
  'lv',
  'he',
  'sw',
  'ha',
  'yo',
  'ig',
  'ff',
  'wo',
  'ln',
  'tl',
  'th',
  'ja',
  'ko',
  'uz',
  'tk',
  'ber',
];
const LANGUAGE_ALIASES: Record<string, string> = {
  romanes: 'rom',
  romani: 'rom',
  'romani chib': 'rom',
  romany: 'rom',
  farsi: 'fa',
  persisch: 'fa',
  dari: 'prs',
  kurdisch: 'ku',
  kurmandschi: 'kmr',
  kurmanci: 'kmr',
  sorani: 'ckb',
  serbokroatisch: 'sh',
  gebärdensprache: 'gsg',
  'deutsche gebärdensprache': 'gsg',
  dgs: 'gsg',
  leichte: 'de',
  'leichte sprache': 'de',
};
let byName: Map<string, string> | undefined;

/** "ro", "RO", "Rumänisch", "romanian", "Romanes" → the language code, or undefined. */
export function languageCode(text: string): string | undefined {
  const value = text.trim().replace(/\.$/, '');
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (LANGUAGE_TAG.test(lower) && isKnownLanguage(lower)) return lower;
  if (!byName) {
    byName = new Map(Object.entries(LANGUAGE_ALIASES));
    for (const code of COMMON_LANGUAGES) {
      for (const lang of ['de', 'en'] as Lang[]) {
        const name = languageName(code, lang)?.toLowerCase();
        if (name && !byName.has(name)) byName.set(name, code);
      }
    }
  }
  return byName.get(lower);
}

/** Split a cell with several values: "ro, bg; rom" or one per line. */
export const splitList = (cell: string) =>
  cell
    .split(/[,;|\n/]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** In or near Germany: where a Lotse place can be (the box around the country plus a margin). */
export const plausibleInGermany = (c: { lat: number; lon: number }) => c.lat >= 47 && c.lat <= 55.1 && c.lon >= 5.8 && c.lon <= 15.1;

/** The middle value (the mean of the two middle ones for an even count). */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A feed's top level around the imported services.
 *
 * The map centre is the median latitude and median longitude of the plausible coordinates (in
 * or near Germany, see `plausibleInGermany`), not their mean: one swapped or mistyped pair
 * must not move the map of a whole city to another country. Implausible pairs do not count;
 * the importers report them per row. If no pair is plausible, the centre stays on Germany and
 * a note says why.
 */
export function feedFrame(
  options: ImportOptions,
  coordinates: { lat: number; lon: number }[],
  notes: ImportNote[],
): Record<string, unknown> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!options.publisher) {
    notes.push({
      severity: 'warning',
      message: [
        'Kein Herausgeber angegeben. Im Feed steht vorläufig "Bitte eintragen" – bitte mit --publisher "Stadt Musterstadt" erneut importieren oder unter publisher.name ändern.',
        'No publisher given. The feed says "Bitte eintragen" for now – import again with --publisher "City of Example" or change publisher.name.',
      ],
    });
  }
  let center = { lat: 51.16, lon: 10.45 };
  let zoom = 6;
  const plausible = coordinates.filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon) && plausibleInGermany(c));
  if (plausible.length) {
    const round = (n: number) => Math.round(n * 1e4) / 1e4;
    center = { lat: round(median(plausible.map((c) => c.lat))), lon: round(median(plausible.map((c) => c.lon))) };
    zoom = 13;
  } else if (coordinates.length) {
    notes.push({
      severity: 'warning',
      message: [
        `Keine der ${coordinates.length} Koordinaten liegt in Deutschland, daher zeigt die Karte vorläufig ganz Deutschland. Bitte die Koordinaten prüfen oder region.center auf den Mittelpunkt der Stadt setzen.`,
        `None of the ${coordinates.length} coordinates lies in Germany, so the map shows all of Germany for now. Please check the coordinates or set region.center to the city centre.`,
      ],
    });
  } else {
    notes.push({
      severity: 'warning',
      message: [
        'Kein Ort hat Koordinaten, daher zeigt die Karte vorläufig ganz Deutschland. Bitte region.center auf den Mittelpunkt der Stadt setzen.',
        'No place has coordinates, so the map shows all of Germany for now. Please set region.center to the city centre.',
      ],
    });
  }
  return {
    version: 1,
    publisher: { name: options.publisher || 'Bitte eintragen' },
    region: { country: 'DE', state: (options.state || 'NW').toUpperCase(), timezone: 'Europe/Berlin', center, zoom },
    updated: today,
  };
}

/** The import report as lines of text. */
export function formatNotes(notes: ImportNote[], lang: Lang = 'de'): string[] {
  const l = lang === 'de' ? 0 : 1;
  const label = { error: ['FEHLER', 'ERROR'], warning: ['WARNUNG', 'WARNING'], info: ['HINWEIS', 'NOTE'] };
  const order = { error: 0, warning: 1, info: 2 };
  return [...notes]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((n) => `${label[n.severity][l]} ${n.where ? `${n.where[l]}: ` : ''}${n.message[l]}`);
}
