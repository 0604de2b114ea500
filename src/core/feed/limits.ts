/**
 * What a feed may be at most: beyond these it is refused before anything heavy runs (parsing
 * or checking it would freeze a phone). The engine (worker and main thread) uses them; load.ts
 * repeats the numbers as defaults of `loadOptions` (an import would grow the first load). The
 * sentences are `tooLarge` and `tooManyServices` in messages.ts.
 */
/**
 * 128 MB, not 50: a feed of 50,000 services (a whole state, a target of issue 14 and
 * test/robustness.test.ts) is about 105 MB in the bench's realistic form (2 kB a service), and
 * 100,000 lean services (1 kB each) must still reach the count limit.
 */
export const MAX_BYTES = 128 * 1024 * 1024;
export const MAX_SERVICES = 100_000;

/** A parsed feed with more services than `max` (counted before the check, which would take long). */
export function tooMany(json: unknown, max = MAX_SERVICES): [number, number] | undefined {
  const services = json && typeof json === 'object' ? (json as { services?: unknown }).services : undefined;
  return Array.isArray(services) && services.length > max ? [services.length, max] : undefined;
}
