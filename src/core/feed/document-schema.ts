/**
 * The whole feed as one nested schema, for tools (JSON Schema for editors, the validator
 * CLI). Widgets do not import this: they check item by item (see parse.ts).
 */
import * as z from 'zod/mini';
import { Closure, FeedShape, LocationShape, ServiceShape, Slot, VocabularyEntry } from './schema.js';

export const LocationDocument = z.extend(LocationShape, {
  hours: z.optional(z.array(Slot)),
  closures: z.optional(z.array(Closure)),
});
export const ServiceDocument = z.extend(ServiceShape, { locations: z.optional(z.array(LocationDocument)) });
export const FeedDocument = z.extend(FeedShape, {
  $schema: z.optional(z.string()),
  categories: z.optional(z.array(VocabularyEntry)),
  audiences: z.optional(z.array(VocabularyEntry)),
  districts: z.optional(z.array(VocabularyEntry)),
  services: z.array(ServiceDocument),
});
