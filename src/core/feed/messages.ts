/**
 * Sentences for feed problems, in German (for web editors) and English (for developers).
 * Each says what is wrong and how to fix it. The schema uses the keys as zod error messages.
 * A chunk of its own: the feed check (check.ts) notes findings, and the sentences are loaded
 * and filled in (`describeAll`) only for a feed that has problems or fails.
 */
import type { FeedProblem } from './parse.js';
import { problem, show, type Finding } from './problems.js';

export { show };

type Sentences = (value: unknown, extra?: string) => [de: string, en: string];

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['ein Text in Anführungszeichen', 'a string'],
  number: ['eine Zahl', 'a number'],
  boolean: ['true oder false', 'true or false'],
  array: ['eine Liste [ … ]', 'a list [ … ]'],
  object: ['ein Objekt { … }', 'an object { … }'],
};

export const MESSAGES: Record<string, Sentences> = {
  missing: () => ['fehlt, ist aber Pflicht.', 'is missing but required.'],
  type: (v, expected = 'string') => {
    const [de, en] = TYPE_NAMES[expected] ?? [expected, expected];
    return [`${show(v)} hat den falschen Typ: erwartet wird ${de}.`, `${show(v)} has the wrong type: expected ${en}.`];
  },
  empty: () => ['ist leer. Bitte einen Text eintragen.', 'is empty. Please enter a text.'],
  text: (v) => [
    `${show(v)} ist kein Text. Erlaubt: "Text" oder { "de": "…", "en": "…" }.`,
    `${show(v)} is not a text. Allowed: "text" or { "de": "…", "en": "…" }.`,
  ],
  slug: (v) => [
    `${show(v)} ist keine gültige ID. Nur Kleinbuchstaben, Ziffern, - und _ (z. B. "clearingstelle-nord").`,
    `${show(v)} is not a valid id. Use lower-case letters, digits, - and _ (e.g. "clearing-north").`,
  ],
  language: (v) => [
    `${show(v)} ist kein Sprachcode. Bitte BCP-47-Codes wie "de", "ro", "bg", "rom" verwenden.`,
    `${show(v)} is not a language code. Use BCP 47 codes such as "de", "ro", "bg", "rom".`,
  ],
  date: (v) => [
    `${show(v)} ist kein gültiges Datum. Format: JJJJ-MM-TT, z. B. "2026-03-31".`,
    `${show(v)} is not a valid date. Format: YYYY-MM-DD, e.g. "2026-03-31".`,
  ],
  time: (v) => [
    `${show(v)} ist keine Uhrzeit. Format: HH:MM von 00:00 bis 24:00, z. B. "09:30".`,
    `${show(v)} is not a time of day. Format: HH:MM from 00:00 to 24:00, e.g. "09:30".`,
  ],
  emptySlot: (v) => [
    `Beginn und Ende sind gleich (${show(v)}). Ein Zeitraum braucht ein späteres Ende.`,
    `Start and end are the same (${show(v)}). A slot needs a later end.`,
  ],
  range: (v) => [
    `Das Ende ${show(v)} liegt vor dem Beginn. Bitte "from" und "to" prüfen.`,
    `The end ${show(v)} is before the start. Please check "from" and "to".`,
  ],
  weekday: (v) => [
    `${show(v)} ist kein Wochentag. Erlaubt: "mo", "tu", "we", "th", "fr", "sa", "su".`,
    `${show(v)} is not a weekday. Allowed: "mo", "tu", "we", "th", "fr", "sa", "su".`,
  ],
  days: () => ['nennt keinen Wochentag. Mindestens einen eintragen, z. B. ["mo"].', 'lists no weekday. Add at least one, e.g. ["mo"].'],
  slotKind: (v) => [
    `${show(v)} ist keine Art der Sprechstunde. Erlaubt: "walk-in" (offen) oder "appointment" (Termin).`,
    `${show(v)} is not a slot kind. Allowed: "walk-in" or "appointment".`,
  ],
  access: (v) => [
    `${show(v)} ist nicht erlaubt. Erlaubt: "walk-in", "appointment" oder "both".`,
    `${show(v)} is not allowed. Allowed: "walk-in", "appointment" or "both".`,
  ],
  status: (v) => [
    `${show(v)} ist kein Status. Erlaubt: "active", "temporarily-closed", "ended".`,
    `${show(v)} is not a status. Allowed: "active", "temporarily-closed", "ended".`,
  ],
  publicHolidays: (v) => [
    `${show(v)} ist nicht erlaubt. Erlaubt: "closed" (Standard) oder "open".`,
    `${show(v)} is not allowed. Allowed: "closed" (default) or "open".`,
  ],
  boolean: (v) => [`${show(v)} muss true oder false sein.`, `${show(v)} must be true or false.`],
  categories: () => [
    'nennt keine Kategorie. Mindestens eine eintragen, z. B. ["health"].',
    'lists no category. Add at least one, e.g. ["health"].',
  ],
  languages: () => ['nennt keine Sprache. Mindestens eine eintragen, z. B. ["de"].', 'lists no language. Add at least one, e.g. ["de"].'],
  lat: (v) => [
    `${show(v)} ist keine mögliche geografische Breite (−90 bis 90). Breite und Länge vertauscht?`,
    `${show(v)} is not a possible latitude (−90 to 90). Latitude and longitude swapped?`,
  ],
  lon: (v) => [`${show(v)} ist keine mögliche geografische Länge (−180 bis 180).`, `${show(v)} is not a possible longitude (−180 to 180).`],
  far: (v, km) => [
    `Der Ort ${show(v)} liegt ${km} km vom Mittelpunkt der Region entfernt. Breite und Länge vertauscht?`,
    `The place ${show(v)} is ${km} km from the region's centre. Latitude and longitude swapped?`,
  ],
  zoom: (v) => [`${show(v)} ist keine Zoomstufe (1 bis 19).`, `${show(v)} is not a zoom level (1 to 19).`],
  url: (v) => [
    `${show(v)} ist keine Webadresse. Nur Adressen mit https:// oder http:// sind erlaubt.`,
    `${show(v)} is not a web address. Only https:// or http:// addresses are allowed.`,
  ],
  phone: (v) => [
    `${show(v)} ist keine Telefonnummer. Nur Ziffern, Leerzeichen, + / - ( ), z. B. "0231 123456".`,
    `${show(v)} is not a phone number. Only digits, spaces and + / - ( ), e.g. "+49 231 123456".`,
  ],
  email: (v) => [`${show(v)} ist keine E-Mail-Adresse.`, `${show(v)} is not an e-mail address.`],
  whatsapp: (v) => [
    `${show(v)} ist keine WhatsApp-Nummer. Bitte die Nummer mit Ländervorwahl angeben, z. B. "+4915112345678".`,
    `${show(v)} is not a WhatsApp number. Give the number with country code, e.g. "+4915112345678".`,
  ],
  version: (v) => [
    `Version ${show(v)} wird nicht unterstützt. Diese Lotse-Version liest Feeds mit "version": 1.`,
    `Version ${show(v)} is not supported. This Lotse version reads feeds with "version": 1.`,
  ],
  country: (v) => [`${show(v)} wird nicht unterstützt. Erlaubt ist "DE".`, `${show(v)} is not supported. Allowed: "DE".`],
  state: (v) => [
    `${show(v)} ist kein Bundesland-Kürzel. Erlaubt: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH.`,
    `${show(v)} is not a German state code. Allowed: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH.`,
  ],
  timezone: (v) => [`${show(v)} ist keine Zeitzone (z. B. "Europe/Berlin").`, `${show(v)} is not a time zone (e.g. "Europe/Berlin").`],
  services: () => [
    'fehlt oder ist keine Liste. Der Feed braucht "services": [ … ].',
    'is missing or not a list. The feed needs "services": [ … ].',
  ],
  duplicate: (v) => [
    `Die ID ${show(v)} kommt mehrfach vor. Dieser Eintrag wird übersprungen; bitte eindeutige IDs vergeben.`,
    `The id ${show(v)} is used more than once. This entry is skipped; please give unique ids.`,
  ],
  unknownCategory: (v) => [
    `Unbekannte Kategorie ${show(v)}. Sie wird ignoriert. Bitte unter "categories" anlegen oder eine Standard-Kategorie nutzen.`,
    `Unknown category ${show(v)}; ignored. Define it under "categories" or use a built-in one.`,
  ],
  unknownAudience: (v) => [
    `Unbekannte Zielgruppe ${show(v)}. Sie wird ignoriert. Bitte unter "audiences" anlegen.`,
    `Unknown audience ${show(v)}; ignored. Define it under "audiences".`,
  ],
  unknownDistrict: (v) => [
    `Unbekannter Stadtteil ${show(v)}. Er wird ignoriert. Bitte unter "districts" anlegen.`,
    `Unknown district ${show(v)}; ignored. Define it under "districts".`,
  ],
  noKnownCategory: () => [
    'hat keine bekannte Kategorie mehr. Der Dienst wird übersprungen.',
    'has no known category left. The service is skipped.',
  ],
  html: () => [
    'enthält HTML. Lotse zeigt es als reinen Text an; bitte Tags wie <b> oder <a> entfernen.',
    'contains HTML. Lotse shows it as plain text; please remove tags such as <b> or <a>.',
  ],
  tooLong: (v, max) => [
    `ist zu lang (${show(v)} Zeichen). Es werden die ersten ${max} Zeichen gezeigt.`,
    `is too long (${show(v)} characters). The first ${max} characters are shown.`,
  ],
  dropped: () => ['Dieses Feld wird ignoriert.', 'This field is ignored.'],
  skipped: () => ['Der Eintrag wird übersprungen.', 'The entry is skipped.'],
  notObject: (v) => [
    `Der Feed ist kein JSON-Objekt, sondern ${show(v)}. Ein Lotse-Feed beginnt mit { "version": 1, … }.`,
    `The feed is not a JSON object but ${show(v)}. A Lotse feed starts with { "version": 1, … }.`,
  ],
  notJson: (v) => [
    `Die Datei ist kein gültiges JSON (${show(v)}). Bitte mit "npx lotse validate" prüfen – oft fehlt ein Komma oder eine Klammer.`,
    `The file is not valid JSON (${show(v)}). Check it with "npx lotse validate" – often a comma or bracket is missing.`,
  ],
  html404: (v) => [
    `Unter der Feed-Adresse liegt eine Webseite (${show(v)}), keine JSON-Datei. Ist die Adresse richtig?`,
    `The feed address returns a web page (${show(v)}), not a JSON file. Is the address right?`,
  ],
  http: (v) => [
    `Der Server antwortet mit Fehler ${show(v)}. Ist die Feed-Adresse richtig und die Datei veröffentlicht?`,
    `The server answers with error ${show(v)}. Is the feed address right and the file published?`,
  ],
  network: () => [
    'Der Feed konnte nicht geladen werden (keine Verbindung oder Zeitüberschreitung).',
    'The feed could not be loaded (no connection or timeout).',
  ],
  noFeed: () => [
    'Kein Feed angegeben. Bitte feed="/pfad/zu/services.json" setzen oder JSON im <script type="application/json"> einfügen.',
    'No feed given. Set feed="/path/to/services.json" or put JSON in a <script type="application/json"> child.',
  ],
  noServices: () => [
    'Der Feed enthält keinen gültigen Dienst. Es gibt nichts anzuzeigen.',
    'The feed contains no valid service. There is nothing to show.',
  ],
  tooDeep: (v) => [
    `ist zu tief verschachtelt (über ${v} Ebenen) und wird nicht gelesen.`,
    `is nested too deeply (over ${v} levels) and is not read.`,
  ],
  unreadable: () => ['Der Feed konnte nicht geprüft werden.', 'The feed could not be checked.'],
  defaulted: (v) => [`Dieses Feld wird ignoriert; es gilt ${show(v)}.`, `This field is ignored; ${show(v)} applies.`],
  noVersion: () => ['fehlt; gelesen als Version 1. Bitte eintragen.', 'is missing; read as version 1. Please add it.'],
  noUpdated: () => ['fehlt. Bitte das Datum der letzten Änderung eintragen.', 'is missing. Please add the date of the last change.'],
  center: (v) => [
    `Die Kartenmitte fehlt oder ist ungültig; vorläufig gilt die Mitte ${v ? `der Orte (${v})` : 'Deutschlands'}. Bitte eintragen.`,
    `The map centre is missing or invalid; for now it is the middle of ${v ? `the places (${v})` : 'Germany'}. Please add it.`,
  ],
  tooLarge: (v) => {
    const max = Number((v as number[])[0]) / 1048576;
    return [
      `Der Feed ist größer als ${max.toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB und wird nicht geladen: Auf Handys würde die Seite einfrieren. Bitte den Feed teilen (z. B. nach Stadtteil oder Bereich).`,
      `The feed is larger than ${max.toLocaleString('en', { maximumFractionDigits: 1 })} MB and is not loaded: it would freeze the page on phones. Please split the feed (by district or area, for example).`,
    ];
  },
  tooManyServices: (v) => {
    const [count, max] = v as number[];
    return [
      `Der Feed enthält ${count.toLocaleString('de-DE')} Dienste, höchstens ${max.toLocaleString('de-DE')} sind möglich; er wird nicht geladen. Bitte den Feed teilen (z. B. nach Stadtteil oder Bereich).`,
      `The feed has ${count.toLocaleString('en')} services, at most ${max.toLocaleString('en')} are possible; it is not loaded. Please split the feed (by district or area, for example).`,
    ];
  },
  large: (v) => [
    `Der Feed ist sehr groß (${show(v)} MB). Auf langsamen Handys dauert das Laden lange; bitte teilen oder kürzen.`,
    `The feed is very large (${show(v)} MB). It loads slowly on slow phones; please split or shorten it.`,
  ],
};

/** Turn a problem code into its German and English sentence. */
export function describe(code: string, value?: unknown, extra?: string): [string, string] {
  return (MESSAGES[code] ?? MESSAGES.skipped)(value, extra);
}

/** The check's findings with their sentences, in the same order. */
export function describeAll(findings: readonly Finding[]): FeedProblem[] {
  return findings.map(({ path, severity, code, value, extra, or }) =>
    or && !(code in MESSAGES)
      ? problem(path, severity, or[0], describe(or[0], value, or[1]))
      : problem(path, severity, code, describe(code, value, extra)),
  );
}
