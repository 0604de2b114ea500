/**
 * Deterministic large feeds for the benchmarks: realistic names and texts in several
 * languages, 1–2 locations with 2–3 slots each.
 */
const WORDS = {
  de: ['Beratung', 'Schuldnerberatung', 'Wohnungshilfe', 'Gesundheit', 'Sprechstunde', 'Familienzentrum', 'Deutschkurs', 'Jugendtreff', 'Migrationsdienst', 'Clearingstelle', 'Frauenberatung', 'Mietführerschein'],
  ro: ['consiliere', 'sănătate', 'locuință', 'familie', 'copii', 'muncă', 'ajutor', 'școală'],
  bg: ['консултация', 'здраве', 'жилище', 'семейство', 'деца', 'работа', 'помощ', 'болница'],
  tr: ['danışma', 'sağlık', 'konut', 'aile', 'çocuklar', 'iş', 'yardım', 'okul'],
};
const CATEGORIES = ['health', 'housing', 'work', 'education', 'family', 'german-courses', 'documents', 'money', 'counselling', 'emergency', 'rights'];
const AUDIENCES = ['women', 'men', 'children', 'youth', 'families', 'seniors', 'pregnant', 'uninsured', 'eu-citizens', 'refugees'];
const LANGS = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl', 'rom'];
const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

export function generateFeed(count: number) {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = (lang: keyof typeof WORDS, n: number) => Array.from({ length: n }, () => pick(WORDS[lang])).join(' ');
  const districts = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, label: { de: `Stadtteil ${i}`, en: `District ${i}` } }));
  return {
    version: 1,
    publisher: { name: 'Benchmark' },
    region: { state: 'NW', timezone: 'Europe/Berlin', center: { lat: 51.5, lon: 7.45 } },
    updated: '2026-11-01',
    districts,
    services: Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      name: { de: `${pick(WORDS.de)} ${i}`, ro: `${sentence('ro', 2)} ${i}`, bg: `${sentence('bg', 2)} ${i}` },
      summary: { de: sentence('de', 5), ro: sentence('ro', 5), bg: sentence('bg', 5), tr: sentence('tr', 5) },
      description: { de: sentence('de', 25), ro: sentence('ro', 25) },
      categories: [pick(CATEGORIES), pick(CATEGORIES)].filter((c, j, all) => all.indexOf(c) === j),
      audiences: [pick(AUDIENCES)],
      provider: { name: `Träger ${i % 97}` },
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
