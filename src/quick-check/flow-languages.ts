/**
 * The default flow in the browser, one language at a time: a lazy chunk with its structure and
 * German texts (German is the fallback) and one lazy chunk per further language, added when a
 * quick-check shows that language. A visitor loads German plus one language, not all eight.
 *
 * Both are generated from `default-flow.ts` (all languages side by side, as editors, `lotse
 * validate` and the tests use it) by `scripts/default-flow-languages.mjs` in `npm run localize`:
 * a language chunk is the list of that language's texts in the order of `flowTexts()`.
 */
import { LOCALES, type Locale } from '../core/locales.js';
import type { Flow } from './flow.js';

type TextRecord = Record<string, string>;
type Texts = { default: (string | null)[] };

const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);

/** A text in several languages: `{ de, en, … }`, keys UI languages only, values strings. */
function isTextRecord(value: unknown): value is TextRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return 'de' in value && entries.every(([key, text]) => LOCALE_SET.has(key) && typeof text === 'string');
}

/** Every text record of a flow, in a fixed order (the order of the generated language lists). */
export function flowTexts(flow: Flow): TextRecord[] {
  const out: TextRecord[] = [];
  const visit = (value: unknown) => {
    if (isTextRecord(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(flow);
  return out;
}

const languages: Record<Exclude<Locale, 'de'>, () => Promise<Texts>> = {
  en: () => import('../generated/default-flow-en.js'),
  ro: () => import('../generated/default-flow-ro.js'),
  bg: () => import('../generated/default-flow-bg.js'),
  tr: () => import('../generated/default-flow-tr.js'),
  ar: () => import('../generated/default-flow-ar.js'),
  uk: () => import('../generated/default-flow-uk.js'),
  pl: () => import('../generated/default-flow-pl.js'),
};

let german: Promise<Flow> | undefined;
const added = new Set<Locale>(['de']);
/** Per language: its texts being added, or added (a failed load is forgotten, to try again). */
const loads = new Map<Locale, Promise<void>>([['de', Promise.resolve()]]);

/**
 * The default flow with its German texts, loaded once. Every quick-check on the page shares
 * this object; `loadFlowLanguage()` adds languages to its texts in place.
 */
export function loadDefaultFlow(): Promise<Flow> {
  german ??= import('../generated/default-flow-de.js').then(
    (module) => module.DEFAULT_FLOW,
    (error: unknown) => {
      german = undefined; // a later feed may try again
      throw error;
    },
  );
  return german;
}

/** Add `locale`'s texts to the default flow (once per page). */
export function loadFlowLanguage(locale: Locale): Promise<void> {
  const load =
    loads.get(locale) ??
    Promise.all([loadDefaultFlow(), languages[locale as Exclude<Locale, 'de'>]()]).then(
      ([flow, { default: texts }]) => {
        const records = flowTexts(flow);
        // Both come from one `npm run localize`; a mismatch would put texts on the wrong lines.
        if (records.length !== texts.length) throw new Error(`${texts.length} ${locale} texts for ${records.length} places`);
        records.forEach((record, i) => {
          const text = texts[i];
          if (text) record[locale] = text;
        });
        added.add(locale);
      },
      (error: unknown) => {
        loads.delete(locale);
        throw error;
      },
    );
  loads.set(locale, load);
  return load;
}

/** Are `locale`'s texts in the default flow already (can a render show them now)? */
export const hasFlowLanguage = (locale: Locale) => added.has(locale);
