/**
 * The Lotse feed contract, version 1.
 *
 * Written with `zod/mini` because the full zod build costs ~25 kB more in every widget.
 * Error messages are keys (e.g. `time`); `messages.ts` turns them into German and English
 * sentences a web editor can act on.
 *
 * The schemas here describe ONE item each. `parse.ts` walks the feed item by item so that
 * one broken service, location or slot is skipped and reported while the rest still works.
 */
import * as z from 'zod/mini';
import type { FeedEntry } from './vocabulary.js';

/** BCP 47 language tag, including 3-letter codes such as `rom` (Romani). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const TIME = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]+)?$/;

import { GERMAN_STATES, WEEKDAYS } from './constants.js';
import { hasSomeText, isClosureInOrder, isRealDate, isSlotOpenAtAll, isTimeZone, toStateCode } from './rules.js';

export { GERMAN_STATES, WEEKDAYS, type GermanState, type Weekday } from './constants.js';

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, { error: 'empty' }));
/** An id: lower-case letters, digits, `-` and `_` (shared with the quick-check's flow checker). */
export const slug = () => z.string().check(z.regex(SLUG, { error: 'slug' }));
const languageTag = () => z.string().check(z.regex(LANGUAGE_TAG, { error: 'language' }));
const date = () => z.string().check(z.regex(DATE, { error: 'date', abort: true }), z.refine(isRealDate, { error: 'date' }));
const time = () => z.string().check(z.regex(TIME, { error: 'time' }));
/** An absolute http(s) address (shared with the quick-check's flow checker). */
export const httpUrl = () => z.string().check(z.regex(/^https?:\/\/[^\s<>"]+$/i, { error: 'url' }));
const email = () => z.string().check(z.regex(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, { error: 'email' }));

/** A human-readable text: German string, or a map language → string. */
export const Text = z.union([nonEmpty(), z.record(languageTag(), z.string()).check(z.refine(hasSomeText, { error: 'empty' }))], {
  error: 'text',
});
export type Text = z.infer<typeof Text>;

export const Coordinates = z.object({
  lat: z.number().check(z.gte(-90, { error: 'lat' }), z.lte(90, { error: 'lat' })),
  lon: z.number().check(z.gte(-180, { error: 'lon' }), z.lte(180, { error: 'lon' })),
});
export type Coordinates = z.infer<typeof Coordinates>;

/** One entry of a vocabulary: a category, an audience or a district. */
export const VocabularyEntry = z.object({
  id: slug(),
  label: Text,
  icon: z.optional(z.string()),
});
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;

export const Slot = z
  .object({
    days: z.array(z.enum(WEEKDAYS, { error: 'weekday' })).check(z.minLength(1, { error: 'days' })),
    opens: time(),
    closes: time(),
    kind: z.enum(['walk-in', 'appointment'], { error: 'slotKind' }),
    languages: z.optional(z.array(languageTag())),
    note: z.optional(Text),
  })
  .check(z.refine(isSlotOpenAtAll, { error: 'emptySlot', path: ['closes'] }));
export type Slot = z.infer<typeof Slot>;

export const Closure = z
  .object({ from: date(), to: date(), note: z.optional(Text) })
  .check(z.refine(isClosureInOrder, { error: 'range', path: ['to'] }));
export type Closure = z.infer<typeof Closure>;

/** A location as checked by itself; its slots and closures are checked one by one. */
export const LocationShape = z.object({
  id: slug(),
  name: z.optional(Text),
  address: z.object({ street: nonEmpty(), postalCode: nonEmpty(), city: nonEmpty() }),
  district: z.optional(slug()),
  geo: z.optional(Coordinates),
  accessibility: z.optional(z.object({ wheelchair: z.optional(z.boolean()), note: z.optional(Text) })),
  hours: z._default(z.array(z.unknown()), []),
  closures: z._default(z.array(z.unknown()), []),
  publicHolidays: z._default(z.enum(['closed', 'open'], { error: 'publicHolidays' }), 'closed'),
});
export type Location = Omit<z.infer<typeof LocationShape>, 'hours' | 'closures'> & {
  hours: Slot[];
  closures: Closure[];
};

export const ServiceShape = z.object({
  id: slug(),
  name: Text,
  summary: Text,
  description: z._default(Text, ''),
  categories: z.array(slug()).check(z.minLength(1, { error: 'categories' })),
  audiences: z._default(z.array(slug()), []),
  provider: z.optional(z.object({ name: Text, url: z.optional(httpUrl()) })),
  languages: z.array(languageTag()).check(z.minLength(1, { error: 'languages' })),
  free: z.boolean({ error: 'boolean' }),
  access: z.enum(['walk-in', 'appointment', 'both'], { error: 'access' }),
  requirements: z._default(
    z.object({
      noRegistrationNeeded: z.optional(z.boolean()),
      noInsuranceNeeded: z.optional(z.boolean()),
      anonymous: z.optional(z.boolean()),
    }),
    {},
  ),
  contact: z._default(
    z.object({
      phone: z.optional(z.string().check(z.regex(/^[+()\d\s/.-]{3,30}$/, { error: 'phone' }))),
      email: z.optional(email()),
      website: z.optional(httpUrl()),
      whatsapp: z.optional(z.string().check(z.regex(/^(\+?[\d\s]{6,20}|https:\/\/wa\.me\/\d{6,20})$/, { error: 'whatsapp' }))),
    }),
    {},
  ),
  locations: z._default(z.array(z.unknown()), []),
  status: z._default(z.enum(['active', 'temporarily-closed', 'ended'], { error: 'status' }), 'active'),
  statusNote: z.optional(Text),
  validFrom: z.optional(date()),
  validUntil: z.optional(date()),
  lastChecked: z.optional(date()),
  topics: z._default(z.array(slug()), []),
});
export type Service = Omit<z.infer<typeof ServiceShape>, 'locations'> & { locations: Location[] };

/**
 * Optional fields that are dropped (with a warning) instead of skipping the whole item when
 * they are broken: a bad website link should not hide a service's phone number and hours.
 */
export const DROPPABLE = {
  service: [
    'description',
    'audiences',
    'provider.url',
    'provider',
    'requirements',
    'contact.phone',
    'contact.email',
    'contact.website',
    'contact.whatsapp',
    'statusNote',
    'validFrom',
    'validUntil',
    'lastChecked',
    'topics',
  ],
  location: ['name', 'district', 'geo', 'accessibility', 'publicHolidays'],
  slot: ['languages', 'note'],
  closure: ['note'],
  vocabulary: ['icon'],
} as const;

const Region = {
  country: z._default(z.literal('DE', { error: 'country' }), 'DE'),
  state: z._default(z.pipe(z.pipe(z.string(), z.transform(toStateCode)), z.enum(GERMAN_STATES, { error: 'state' })), 'NW'),
  timezone: z._default(z.string().check(z.refine(isTimeZone, { error: 'timezone' })), 'Europe/Berlin'),
  center: Coordinates,
  zoom: z.optional(z.number().check(z.gte(1, { error: 'zoom' }), z.lte(19, { error: 'zoom' }))),
};
export const RegionShape = z.object(Region);
export type Region = z.infer<typeof RegionShape>;

export const PublisherShape = z.object({ name: Text, url: z.optional(httpUrl()), email: z.optional(email()) });

/**
 * The top level for a feed that fails `FeedShape`, checked so that every optional value can be
 * dropped (parse.ts; the publisher and the language codes are checked on their own).
 */
export const TopShape = z.object({
  publisher: z.optional(z.unknown()),
  // A dropped region is read as {}: every field takes its default (the centre is filled in).
  region: z.prefault(z.object({ ...Region, center: z.optional(Coordinates) }), {}),
  updated: z.optional(date()),
  languages: z.optional(z.array(z.unknown())),
  categories: z._default(z.array(z.unknown()), []),
  audiences: z._default(z.array(z.unknown()), []),
  districts: z._default(z.array(z.unknown()), []),
  services: z.array(z.unknown(), { error: 'services' }),
  quickCheck: z.optional(z.unknown()),
});

/** The top level of a feed; lists are checked entry by entry afterwards. */
export const FeedShape = z.extend(TopShape, {
  version: z.literal(1, { error: 'version' }),
  publisher: PublisherShape,
  region: RegionShape,
  updated: date(),
  languages: z.optional(z.array(languageTag())),
});

/** A feed after checking: only valid entries remain, references are resolved. */
export interface Feed {
  version: 1;
  publisher: z.infer<typeof PublisherShape>;
  region: Region;
  /** Date of the data; absent when the feed's `updated` is missing or unreadable (warned). */
  updated?: string;
  /** Languages the city offers texts in (from `languages`, else the ones found in texts). */
  languages: string[];
  /** Built-in entries (`builtIn`, labelled in the UI's language: `vocabularyLabel`) and the feed's own. */
  categories: FeedEntry[];
  audiences: FeedEntry[];
  districts: VocabularyEntry[];
  services: Service[];
  quickCheck?: unknown;
}
