/**
 * Texts of the editor tools (`npx lotse …`), German for web editors and English on request.
 * The feed checker's own sentences live in `src/core/feed/messages.ts`; these are only the
 * ones the tools add: extra warnings, fix hints, import notes and the command-line help.
 */
import { show } from '../src/core/feed/messages.js';

export type Lang = 'de' | 'en';
export type Pair = [de: string, en: string];

/** Language name in German and English for "ro (Rumänisch)", if the runtime knows it. */
export function languageName(code: string, lang: Lang): string | undefined {
  if (code === 'rom') return lang === 'de' ? 'Romanes' : 'Romani';
  // Cached: a large feed asks for the same few codes hundreds of thousands of times.
  const key = `${lang} ${code}`;
  if (!names.has(key)) {
    let name: string | undefined;
    try {
      name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code) ?? undefined;
    } catch {
      name = undefined;
    }
    names.set(key, name);
  }
  return names.get(key);
}
const names = new Map<string, string | undefined>();

const langList = (codes: string[], lang: Lang) => codes.map((c) => `${c} (${languageName(c, lang) ?? '?'})`).join(', ');

const CONTACT_WAYS: Record<string, Pair> = {
  phone: ['Telefon', 'phone'],
  website: ['Webseite', 'website'],
  email: ['E-Mail', 'e-mail'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
};

/** Extra warnings of `lotse validate`, beyond the feed checker's own problems. */
export const CHECKS = {
  stale: (date: string, days: number, max: number): Pair => [
    `Zuletzt geprüft am ${date}, vor ${days} Tagen (erlaubt: ${max}). Bitte Angaben beim Träger nachfragen und "lastChecked" auf das heutige Datum setzen.`,
    `Last checked on ${date}, ${days} days ago (allowed: ${max}). Please confirm the details with the provider and set "lastChecked" to today.`,
  ],
  noLastChecked: (): Pair => [
    'Kein Prüfdatum. Bitte "lastChecked": "JJJJ-MM-TT" eintragen, damit veraltete Angaben auffallen.',
    'No check date. Please add "lastChecked": "YYYY-MM-DD" so that stale details are noticed.',
  ],
  expiring: (date: string, days: number): Pair => [
    `Läuft in ${days} Tagen ab (${date}). Danach zeigen die Widgets den Dienst nicht mehr. Wird er verlängert? Dann "validUntil" ändern.`,
    `Ends in ${days} days (${date}). After that the widgets no longer show the service. Extended? Then change "validUntil".`,
  ],
  expired: (date: string): Pair => [
    `Ist seit ${date} abgelaufen und wird nicht mehr angezeigt. Bitte verlängern oder den Eintrag entfernen.`,
    `Ended on ${date} and is no longer shown. Please extend it or remove the entry.`,
  ],
  unknownLanguage: (code: string): Pair => [
    `${show(code)} ist kein bekannter Sprachcode. Tippfehler? Beispiele: "de", "ro", "bg", "tr", "ar", "uk", "pl", "rom" (Romanes).`,
    `${show(code)} is not a known language code. A typo? Examples: "de", "ro", "bg", "tr", "ar", "uk", "pl", "rom" (Romani).`,
  ],
  /** `missing`: field → languages without text; fields with the same gaps are grouped. */
  missingTexts: (missing: [field: string, langs: string[]][]): Pair => {
    const groups = new Map<string, string[]>();
    for (const [field, langs] of missing) groups.set(langs.join(), [...(groups.get(langs.join()) ?? []), field]);
    const list = (lang: Lang) =>
      [...groups].map(([langs, fields]) => `${fields.join(', ')}: ${langList(langs.split(','), lang)}`).join('; ');
    return [
      `Übersetzung fehlt bei ${list('de')}. Die Widgets zeigen dort die englische oder deutsche Fassung.`,
      `Translation missing for ${list('en')}. The widgets show the English or German version instead.`,
    ];
  },
  /** Missing translations of one language over many services (the grouped report line). */
  missingLanguage: (code: string, name: string, count: number, total: number, list: string): Pair => [
    `Übersetzung fehlt: ${name} (${code}) fehlt in ${count} von ${total} Diensten (Name, Kurzbeschreibung oder Beschreibung): ${list}. Die Widgets zeigen dort die englische oder deutsche Fassung.`,
    `Translation missing: ${name} (${code}) is missing in ${count} of ${total} services (name, summary or description): ${list}. The widgets show the English or German version instead.`,
  ],
  /** The default quick-check steps nobody with legal knowledge has reviewed (one line for all). */
  defaultFlowUnreviewed: (count: number, flagged: string): Pair => [
    `Schnell-Check: ${count} Schritte des Standard-Ablaufs von Lotse sind noch nicht fachlich geprüft${flagged ? `, zur Prüfung markiert sind ${flagged}` : ''}. Der Schnell-Check zeigt dafür kein Prüfdatum. Wenn Sie ihn einbinden, lassen Sie die Schritte von einer Fachkraft mit Rechtskenntnis prüfen; was zu prüfen ist, nennt "lotse validate --format json".`,
    `Quick-check: ${count} steps of Lotse's default flow have not been reviewed by an expert yet${flagged ? `; marked for review: ${flagged}` : ''}. The quick-check shows no review date for them. If you embed it, have someone who knows the law review the steps; "lotse validate --format json" lists what to check.`,
  ],
  noPlace: (): Pair => [
    'Der Dienst hat keinen Ort und weder Telefon noch Webseite, E-Mail oder WhatsApp. Niemand findet Adresse oder Sprechzeiten; bitte einen Ort unter "locations" oder einen Kontakt unter "contact" eintragen.',
    'The service has no place and no phone, website, e-mail or WhatsApp. Nobody finds an address or opening hours; please add a place under "locations" or a way to reach it under "contact".',
  ],
  onlyRemote: (ways: string[]): Pair => [
    `Der Dienst hat keinen Ort. Die Widgets zeigen ihn ohne Adresse und Sprechzeiten, nur mit ${ways.map((w) => CONTACT_WAYS[w]?.[0] ?? w).join(', ')}.`,
    `The service has no place. The widgets show it without address or opening hours, only with ${ways.map((w) => CONTACT_WAYS[w]?.[1] ?? w).join(', ')}.`,
  ],
  isNull: (): Pair => ['ist null und gilt als nicht angegeben.', 'is null and counts as not given.'],
  noGeo: (): Pair => [
    'Der Ort hat keine Koordinaten ("geo": { "lat": …, "lon": … }). Er fehlt auf der Karte und bei „In meiner Nähe“.',
    'The place has no coordinates ("geo": { "lat": …, "lon": … }). It is missing from the map and from "near me".',
  ],
  duplicateEntry: (id: string): Pair => [
    `Die ID ${show(id)} kommt in dieser Liste mehrfach vor; der letzte Eintrag gilt. Bitte eindeutige IDs vergeben.`,
    `The id ${show(id)} appears more than once in this list; the last entry wins. Please give unique ids.`,
  ],
} as const;

/** What a field expects, shown as a hint under "missing" and "wrong type" problems. */
export const FIELD_HINTS: Record<string, Pair> = {
  version: ['"version": 1 an den Anfang des Feeds setzen.', 'Put "version": 1 at the start of the feed.'],
  publisher: ['Wer den Feed herausgibt: { "name": "Stadt Musterstadt" }.', 'Who publishes the feed: { "name": "City of Example" }.'],
  region: [
    'Die Region: { "state": "NW", "center": { "lat": 51.51, "lon": 7.46 } }.',
    'The region: { "state": "NW", "center": { "lat": 51.51, "lon": 7.46 } }.',
  ],
  center: ['Mittelpunkt der Karte: { "lat": 51.51, "lon": 7.46 }.', 'Map centre: { "lat": 51.51, "lon": 7.46 }.'],
  updated: ['Datum der letzten Änderung, z. B. "2026-11-15".', 'Date of the last change, e.g. "2026-11-15".'],
  services: ['Die Liste der Angebote: "services": [ { … } ].', 'The list of services: "services": [ { … } ].'],
  id: [
    'Eindeutige Kennung aus Kleinbuchstaben, Ziffern und -, z. B. "clearingstelle-nord".',
    'Unique id of lower-case letters, digits and -, e.g. "clearing-north".',
  ],
  name: ['Name des Angebots, z. B. "Clearingstelle Gesundheit".', 'Name of the service, e.g. "Health clearing office".'],
  summary: [
    'Ein kurzer Satz, wobei das Angebot hilft (höchstens 300 Zeichen).',
    'One short sentence on what the service helps with (at most 300 characters).',
  ],
  categories: [
    'Mindestens ein Thema, z. B. ["health"] oder ["housing", "counselling"].',
    'At least one topic, e.g. ["health"] or ["housing", "counselling"].',
  ],
  languages: ['Gesprochene Sprachen als Codes, z. B. ["de", "ro", "bg"].', 'Spoken languages as codes, e.g. ["de", "ro", "bg"].'],
  free: ['true, wenn das Angebot kostenlos ist, sonst false.', 'true if the service is free of charge, else false.'],
  access: ['"walk-in" (offene Sprechstunde), "appointment" (mit Termin) oder "both".', '"walk-in", "appointment" or "both".'],
  address: [
    'Anschrift: { "street": "Hafenstraße 1", "postalCode": "44135", "city": "Dortmund" }.',
    'Address: { "street": "Hafenstraße 1", "postalCode": "44135", "city": "Dortmund" }.',
  ],
  street: ['Straße und Hausnummer, z. B. "Hafenstraße 1".', 'Street and number, e.g. "Hafenstraße 1".'],
  postalCode: ['Postleitzahl als Text, z. B. "44135".', 'Postal code as text, e.g. "44135".'],
  city: ['Ort, z. B. "Dortmund".', 'Town, e.g. "Dortmund".'],
  days: ['Wochentage als Liste, z. B. ["mo", "th"].', 'Weekdays as a list, e.g. ["mo", "th"].'],
  opens: ['Beginn als HH:MM, z. B. "09:00".', 'Start as HH:MM, e.g. "09:00".'],
  closes: ['Ende als HH:MM, z. B. "12:00".', 'End as HH:MM, e.g. "12:00".'],
  kind: ['"walk-in" (offen, ohne Termin) oder "appointment" (mit Termin).', '"walk-in" or "appointment".'],
  from: ['Erster Tag als JJJJ-MM-TT.', 'First day as YYYY-MM-DD.'],
  to: ['Letzter Tag als JJJJ-MM-TT.', 'Last day as YYYY-MM-DD.'],
  lat: ['Breitengrad als Zahl, z. B. 51.5136 (in Deutschland 47 bis 55).', 'Latitude as a number, e.g. 51.5136 (47 to 55 in Germany).'],
  lon: ['Längengrad als Zahl, z. B. 7.4653 (in Deutschland 5 bis 15).', 'Longitude as a number, e.g. 7.4653 (5 to 15 in Germany).'],
  label: [
    'Bezeichnung, z. B. "Nordstadt" oder { "de": "Nordstadt", "en": "North" }.',
    'Label, e.g. "Nordstadt" or { "de": "Nordstadt", "en": "North" }.',
  ],
};

/** Words of the report. */
export const WORDS = {
  error: ['FEHLER', 'ERROR'],
  warning: ['WARNUNG', 'WARNING'],
  hint: ['Tipp', 'Hint'],
  service: ['Dienst', 'service'],
  note: ['HINWEIS', 'NOTE'],
  at: ['an', 'at'],
  times: (n: number): Pair => [`${n}×`, `${n}×`],
  more: (n: number): Pair => [`und ${n} weitere`, `and ${n} more`],
  summaryOk: (warnings: number): Pair => [
    warnings
      ? `Ergebnis: keine Fehler, ${warnings} Warnung${warnings === 1 ? '' : 'en'}. Der Feed kann so veröffentlicht werden; die Warnungen sind Hinweise zur Verbesserung.`
      : 'Ergebnis: keine Fehler, keine Warnungen. Der Feed kann so veröffentlicht werden.',
    warnings
      ? `Result: no errors, ${warnings} warning${warnings === 1 ? '' : 's'}. The feed can be published; the warnings are suggestions.`
      : 'Result: no errors, no warnings. The feed can be published.',
  ],
  summaryFail: (errors: number, warnings: number, services: number | undefined): Pair => [
    `Ergebnis: ${errors} Fehler, ${warnings} Warnung${warnings === 1 ? '' : 'en'}. ` +
      (services === undefined
        ? 'Die Widgets können diesen Feed nicht anzeigen. Bitte die Fehler beheben und erneut prüfen.'
        : 'Fehlerhafte Einträge fehlen in den Widgets. Bitte die Fehler beheben und erneut prüfen.'),
    `Result: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. ` +
      (services === undefined
        ? 'The widgets cannot show this feed. Please fix the errors and check again.'
        : 'Broken entries are left out of the widgets. Please fix the errors and check again.'),
  ],
} as const;

/** The closing lines: what the widgets show today, and why the others are not shown. */
export const VISIBILITY = {
  shown: (today: string, visible: number, total: number): Pair => [
    `Heute (${today}) zeigen die Widgets ${visible} von ${total} Dienst${total === 1 ? '' : 'en'}.`,
    `Today (${today}) the widgets show ${visible} of ${total} service${total === 1 ? '' : 's'}.`,
  ],
  ended: (): Pair => ['nicht gezeigt, beendet ("status": "ended")', 'not shown, ended ("status": "ended")'],
  notYet: (date: string): Pair => [`nicht gezeigt, beginnt erst am ${date} ("validFrom")`, `not shown, starts on ${date} ("validFrom")`],
  expired: (date: string): Pair => [`nicht gezeigt, abgelaufen (gültig bis ${date})`, `not shown, expired (valid until ${date})`],
  skipped: (): Pair => ['nicht gezeigt, wegen Fehlern übersprungen (siehe oben)', 'not shown, skipped because of errors (see above)'],
  closed: (): Pair => ['vorübergehend geschlossen (sichtbar, als geschlossen markiert)', 'temporarily closed (shown, marked as closed)'],
} as const;

/** JSON syntax errors, with line and column. */
export const JSON_ERRORS: Record<string, (found: string) => Pair> = {
  end: () => [
    'Die Datei endet mitten im JSON. Fehlt am Ende eine } oder ]?',
    'The file ends in the middle of the JSON. Is a } or ] missing at the end?',
  ],
  comma: (f) => [
    `Erwartet wird ein Komma oder eine schließende Klammer, gefunden wurde ${f}. Fehlt ein Komma am Ende der Zeile davor?`,
    `Expected a comma or a closing bracket, found ${f}. Is a comma missing at the end of the line before?`,
  ],
  trailingComma: () => [
    'Nach dem letzten Eintrag einer Liste oder eines Objekts darf kein Komma stehen.',
    'There must be no comma after the last entry of a list or object.',
  ],
  colon: (f) => [`Nach dem Feldnamen fehlt der Doppelpunkt (gefunden: ${f}).`, `The colon after the field name is missing (found ${f}).`],
  key: (f) => [
    `Erwartet wird ein Feldname in doppelten Anführungszeichen, gefunden wurde ${f}.`,
    `Expected a field name in double quotes, found ${f}.`,
  ],
  value: (f) => [
    `Erwartet wird ein Wert (Text in "…", Zahl, true, false, null, [ … ] oder { … }), gefunden wurde ${f}.`,
    `Expected a value (text in "…", number, true, false, null, [ … ] or { … }), found ${f}.`,
  ],
  singleQuote: () => [
    'Texte müssen in doppelten Anführungszeichen "…" stehen, nicht in einfachen \'…\'.',
    'Texts must be in double quotes "…", not single quotes \'…\'.',
  ],
  string: () => [
    'Ein Text ist nicht abgeschlossen: das schließende " fehlt (oder ein Zeilenumbruch steht mitten im Text).',
    'A text is not closed: the closing " is missing (or a line break is inside the text).',
  ],
  escape: (f) => [
    `Ungültiges Zeichen nach \\ im Text: ${f}. Ein \\ im Text wird als \\\\ geschrieben.`,
    `Invalid escape ${f}. Write a backslash as \\\\.`,
  ],
  comment: () => [
    'JSON erlaubt keine Kommentare (// oder /* */). Bitte entfernen.',
    'JSON allows no comments (// or /* */). Please remove them.',
  ],
  extra: (f) => [
    `Nach dem Ende des JSON folgt noch ${f}. Steht eine Klammer zu viel?`,
    `More text follows the end of the JSON: ${f}. Is there one bracket too many?`,
  ],
  empty: () => ['Die Datei ist leer.', 'The file is empty.'],
};

/** JSON that the engine cannot read because it is nested too deeply (valid or not). */
export const DEEP_JSON: Pair = [
  'Die Datei ist zu tief verschachtelt (Listen in Listen …), um sie zu lesen. Ein Lotse-Feed braucht nur wenige Ebenen; bitte die Datei prüfen.',
  'The file is nested too deeply (lists in lists …) to be read. A Lotse feed needs only a few levels; please check the file.',
];

/** Sentences that refuse a whole file, shared by `lotse` and the editor page. */
export const REFUSALS = {
  tooLarge: (file: string, megabytes: number): Pair => [
    `Die Datei „${file}“ ist ${megabytes} MB groß; ein Feed hat einige MB. Ist es die richtige Datei?`,
    `The file "${file}" is ${megabytes} MB; a feed has a few MB. Is it the right file?`,
  ],
  notUtf8: (file: string): Pair => [
    `„${file}“ ist nicht in UTF-8 gespeichert. JSON-Dateien müssen UTF-8 sein: im Editor „Speichern unter“ → Kodierung „UTF-8“.`,
    `"${file}" is not saved as UTF-8. JSON files must be UTF-8: in the editor use "Save as" → encoding "UTF-8".`,
  ],
} as const;

export const jsonErrorLine = (line: number, column: number, text: Pair): Pair => [
  `Kein gültiges JSON in Zeile ${line}, Spalte ${column}: ${text[0]}`,
  `Not valid JSON at line ${line}, column ${column}: ${text[1]}`,
];
