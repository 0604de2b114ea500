/**
 * Deterministic large feeds for the benchmarks: realistic names and texts in several
 * languages, 1–2 locations with 2–3 slots each.
 */
/**
 * A vocabulary like real feeds: service names as cities write them (German compounds with
 * Fugen-s, hyphens, abbreviations), and the words residents type in Romanian, Bulgarian,
 * Turkish, Arabic, Ukrainian, Polish and English.
 */
const NAMES = [
  'Schuldnerberatung', 'Schuldner- und Insolvenzberatung', 'Mietführerschein', 'Wohnungsnotfallhilfe', 'Wohnraumvermittlung',
  'Clearingstelle Gesundheit', 'Migrationsberatung für Erwachsene', 'Jugendmigrationsdienst', 'Familienzentrum', 'Frauenberatungsstelle',
  'Schwangerschaftskonfliktberatung', 'Erziehungsberatungsstelle', 'Integrationskurs', 'Deutschkurs für Frauen', 'Sprachcafé',
  'Jobcenter-Sprechstunde', 'Bürgergeldberatung', 'Arbeitslosenzentrum', 'Berufsorientierung', 'Anerkennungsberatung',
  'Krankenversicherungsberatung', 'Zahnärztliche Sprechstunde', 'Impfsprechstunde', 'Kinderarztpraxis', 'Hebammensprechstunde',
  'Obdachlosenhilfe', 'Tagesaufenthalt', 'Kleiderkammer', 'Lebensmittelausgabe', 'Tafel', 'Suchtberatung', 'Drogenberatungsstelle',
  'Gewaltschutzambulanz', 'Frauenhaus', 'Opferberatung', 'Antidiskriminierungsstelle', 'Elterngeldstelle', 'Kindergeldberatung',
  'Wohngeldstelle', 'Ausländerbehörde', 'Einbürgerungsberatung', 'Sozialpsychiatrischer Dienst', 'Seniorenbüro', 'Pflegestützpunkt',
  'Nachbarschaftstreff', 'Hausaufgabenhilfe', 'Lernförderung', 'Bildungsberatung', 'Fahrradwerkstatt', 'Rechtsberatung',
];
const WORDS = {
  de: ['Beratung', 'kostenlos', 'Termin', 'ohne', 'Anmeldung', 'Antrag', 'Unterstützung', 'Familie', 'Kinder', 'Wohnung', 'Miete',
    'Schulden', 'Gesundheit', 'Krankenversicherung', 'Arbeit', 'Sprache', 'Dolmetscher', 'Begleitung', 'Behörde', 'Formulare',
    'Nebenkosten', 'Kündigung', 'Räumungsklage', 'Stromsperre', 'Kindergeld', 'Bürgergeld', 'Aufenthalt', 'Anerkennung', 'Zeugnisse',
    'Impfung', 'Schwangerschaft', 'Hebamme', 'Zahnarzt', 'Notfall', 'Gewalt', 'Schutz', 'anonym', 'vertraulich', 'mehrsprachig',
    'Jugendliche', 'Senioren', 'Frauen', 'Männer', 'Geflüchtete', 'Nachbarschaft', 'Freizeit', 'Sport', 'Bildung', 'Schule', 'Ausbildung'],
  ro: ['consiliere', 'sănătate', 'locuință', 'familie', 'copii', 'muncă', 'ajutor', 'școală', 'gratuit', 'programare', 'asigurare',
    'medicală', 'datorii', 'chirie', 'contract', 'alocație', 'sarcină', 'medic', 'spital', 'limba', 'germană', 'curs', 'drepturi', 'cerere'],
  bg: ['консултация', 'здраве', 'жилище', 'семейство', 'деца', 'работа', 'помощ', 'болница', 'безплатно', 'осигуровка', 'лекар',
    'дългове', 'наем', 'договор', 'детски', 'надбавки', 'училище', 'курс', 'немски', 'права', 'заявление', 'бременност'],
  tr: ['danışma', 'sağlık', 'konut', 'aile', 'çocuklar', 'iş', 'yardım', 'okul', 'ücretsiz', 'randevu', 'sigorta', 'borç', 'kira',
    'doktor', 'hastane', 'almanca', 'kurs', 'haklar', 'başvuru', 'hamilelik', 'kadınlar', 'gençler'],
  ar: ['استشارة', 'صحة', 'سكن', 'عائلة', 'أطفال', 'عمل', 'مساعدة', 'مدرسة', 'مجاني', 'موعد', 'تأمين', 'ديون', 'إيجار', 'طبيب',
    'مستشفى', 'اللغة', 'الألمانية', 'دورة', 'حقوق', 'طلب', 'نساء', 'لاجئين'],
  uk: ['консультація', 'здоровʼя', 'житло', 'сімʼя', 'діти', 'робота', 'допомога', 'школа', 'безкоштовно', 'запис', 'страхування',
    'борги', 'оренда', 'лікар', 'лікарня', 'німецька', 'мова', 'курс', 'права', 'заява', 'біженці'],
  pl: ['poradnictwo', 'zdrowie', 'mieszkanie', 'rodzina', 'dzieci', 'praca', 'pomoc', 'szkoła', 'bezpłatnie', 'ubezpieczenie', 'długi'],
  en: ['counselling', 'health', 'housing', 'family', 'children', 'work', 'help', 'free', 'appointment', 'insurance', 'debt', 'rent'],
};
/** Queries as residents type them: prefixes, compound parts, other scripts, no diacritics, typos. */
export const QUERIES = [
  's', 'sc', 'sch', 'schu', 'schul', 'schuld', 'schuldn', 'schuldner', 'beratung', 'führerschein', 'fuehrerschein', 'schein',
  'wohnung', 'miete', 'deutschkurs', 'kurs', 'familie', 'kindergeld', 'krankenversicherung', 'sanatate', 'sănătate', 'locuinta',
  'болница', 'bolnitsa', 'zdrave', 'жилище', 'saglik', 'sağlık', 'صحة', 'лікар', 'likar', 'zdrowie', 'schuldnerberatng',
  'krankenversichrung', 'hebame', 'ausländerbehörde', 'auslanderbehorde', 'arzt', 'kinder arzt', 'schulden miete', 'xyzzy',
];
const CATEGORIES = ['health', 'housing', 'work', 'education', 'family', 'german-courses', 'documents', 'money', 'counselling', 'emergency', 'rights'];
const AUDIENCES = ['women', 'men', 'children', 'youth', 'families', 'seniors', 'pregnant', 'uninsured', 'eu-citizens', 'refugees'];
const LANGS = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl', 'rom'];
const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

export function generateFeed(count: number) {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = (lang: keyof typeof WORDS, n: number) => Array.from({ length: n }, () => pick(WORDS[lang])).join(' ');
  const cased = (word: string) => word[0].toUpperCase() + word.slice(1);
  const districts = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, label: { de: `Stadtteil ${i}`, en: `District ${i}` } }));
  return {
    version: 1,
    publisher: { name: 'Benchmark' },
    region: { state: 'NW', timezone: 'Europe/Berlin', center: { lat: 51.5, lon: 7.45 } },
    updated: '2026-11-01',
    districts,
    services: Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      name: { de: `${pick(NAMES)} ${cased(pick(['Nord', 'Süd', 'Mitte', 'Altstadt', 'Hafen', 'am Markt', 'West', 'Ost']))}`, ro: cased(sentence('ro', 2)), bg: sentence('bg', 2), uk: sentence('uk', 2) },
      summary: { de: sentence('de', 6), ro: sentence('ro', 5), bg: sentence('bg', 5), tr: sentence('tr', 5), ar: sentence('ar', 5), uk: sentence('uk', 5), pl: sentence('pl', 4), en: sentence('en', 5) },
      description: { de: `${pick(NAMES)}: ${sentence('de', 25)}`, ro: sentence('ro', 20), ar: sentence('ar', 15) },
      categories: [pick(CATEGORIES), pick(CATEGORIES)].filter((c, j, all) => all.indexOf(c) === j),
      audiences: [pick(AUDIENCES)],
      provider: { name: `${pick(['Caritas', 'Diakonie', 'AWO', 'DRK', 'Verein', 'Stadt'])} ${pick(['Nord', 'Süd', 'Mitte'])} ${i % 97}` },
      languages: ['de', pick(LANGS), pick(LANGS)].filter((c, j, all) => all.indexOf(c) === j),
      free: random() > 0.2,
      access: pick(['walk-in', 'appointment', 'both']),
      requirements: { noInsuranceNeeded: random() > 0.8, anonymous: random() > 0.8 },
      contact: { phone: `0201 555 ${String(i).padStart(4, '0')}`, website: `https://example.org/s${i}` },
      lastChecked: '2026-10-01',
      locations: Array.from({ length: 1 + (i % 2) }, (_, l) => ({
        id: `l${l}`,
        address: { street: `Straße ${i}`, postalCode: `44${String(100 + (i % 50))}`, city: 'Bench' },
        district: pick(districts).id,
        geo: { lat: 51.45 + random() * 0.1, lon: 7.4 + random() * 0.1 },
        hours: Array.from({ length: 2 + (i % 2) }, (_, s) => ({
          days: [DAYS[(i + s) % 7], DAYS[(i + s + 2) % 7]],
          opens: `${String(8 + s * 3).padStart(2, '0')}:00`,
          closes: `${String(11 + s * 3).padStart(2, '0')}:30`,
          kind: s % 2 ? 'appointment' : 'walk-in',
          languages: [pick(LANGS)],
        })),
      })),
    })),
  };
}
