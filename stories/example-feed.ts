/**
 * A small but complete Lotse feed: every field of the contract (version 1) is used once.
 * It is the example on the "Feed contract" docs page and in docs-feed-contract.md, and the
 * inline feed of the "Inline feed" stories. test/stories.test.ts checks that it parses
 * without a single problem and that the Markdown copy is identical.
 *
 * Everything is fictional (Hafenstadt does not exist; links go to example.org).
 */
export const exampleFeed = {
  version: 1,
  publisher: {
    name: 'Stadt Hafenstadt (Beispiel)',
    url: 'https://example.org/hafenstadt',
    email: 'lotse-redaktion@example.org',
  },
  region: {
    country: 'DE',
    state: 'NW',
    timezone: 'Europe/Berlin',
    center: { lat: 51.47, lon: 7.15 },
    zoom: 14,
  },
  updated: '2026-11-15',
  languages: ['de', 'en', 'ro', 'bg'],
  categories: [
    { id: 'health', label: { de: 'Gesundheit', en: 'Health', ro: 'Sănătate', bg: 'Здраве' } },
    { id: 'food', label: { de: 'Essen', en: 'Food' }, icon: 'family' },
  ],
  audiences: [{ id: 'students', label: { de: 'Studierende', en: 'Students' }, icon: 'education' }],
  districts: [{ id: 'nordviertel', label: 'Nordviertel', icon: 'pin' }],
  services: [
    {
      id: 'clearingstelle-nord',
      name: { de: 'Clearingstelle Gesundheit', ro: 'Biroul pentru asigurare medicală' },
      summary: {
        de: 'Hilfe, wenn Sie keine Krankenversicherung haben',
        en: 'Help if you have no health insurance',
        ro: 'Ajutor dacă nu aveți asigurare medicală',
        bg: 'Помощ, ако нямате здравна осигуровка',
      },
      description: {
        de: 'Wir klären mit Ihnen, wie Sie eine Krankenversicherung bekommen. Bis dahin vermitteln wir Sie zu einer Ärztin.',
        en: 'We find out with you how to get health insurance. Until then we refer you to a doctor.',
      },
      categories: ['health', 'counselling'],
      audiences: ['uninsured', 'eu-citizens'],
      provider: { name: 'Beispiel-Verein Gesundheit e. V.', url: 'https://example.org/verein' },
      languages: ['de', 'ro', 'bg', 'rom'],
      free: true,
      access: 'both',
      requirements: { noRegistrationNeeded: true, noInsuranceNeeded: true, anonymous: true },
      contact: {
        phone: '030 23125 001',
        email: 'clearing@example.org',
        website: 'https://example.org/clearing',
        whatsapp: '+4917139200001',
      },
      locations: [
        {
          id: 'hafenstrasse',
          name: 'Gesundheitsladen Hafenstraße',
          address: { street: 'Hafenstraße 1', postalCode: '44100', city: 'Hafenstadt' },
          district: 'nordviertel',
          geo: { lat: 51.471, lon: 7.152 },
          accessibility: { wheelchair: true, note: { de: 'Eingang hinten', en: 'Entrance at the back' } },
          hours: [
            { days: ['tu'], opens: '09:00', closes: '12:00', kind: 'walk-in', languages: ['ro', 'rom'] },
            {
              days: ['th'],
              opens: '14:00',
              closes: '17:00',
              kind: 'appointment',
              languages: ['bg'],
              note: { de: 'Termin per Telefon', en: 'Appointment by phone' },
            },
          ],
          closures: [{ from: '2026-12-23', to: '2027-01-02', note: 'Weihnachtspause' }],
          publicHolidays: 'closed',
        },
      ],
      status: 'active',
      statusNote: { de: 'Neue Telefonnummer seit Oktober', en: 'New phone number since October' },
      validFrom: '2025-01-01',
      validUntil: '2027-12-31',
      lastChecked: '2026-10-01',
      topics: ['health-insurance'],
    },
  ],
};
