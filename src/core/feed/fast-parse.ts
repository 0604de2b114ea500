/**
 * The parts of the widgets' fast check: each part reads one value and returns what zod's
 * parse of the same schema returns (defaults filled in, texts trimmed, unknown keys left out),
 * or `INVALID`. It says nothing about why: a value it refuses is checked again by zod
 * (check-detail.ts), which finds the problems and their paths.
 *
 * Why our own code: the feed worker must not load zod (about 10 kB) before a city's first
 * results, and nearly every value in a real feed is valid. zod stays the one contract:
 * scripts/feed-parsers.mjs writes src/generated/feed-parsers.ts from the zod schemas in
 * schema.ts, out of these parts, and test/node/feed-parsers.test.ts compares the two on every
 * test feed and thousands of changed values. The rule for every part: when in doubt, INVALID
 * (zod then decides); never accept a value zod refuses, never return another value.
 */

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
/** Reads one value: zod's result for it, or INVALID. */
export type Parse = (value: unknown) => unknown;
/** A check of a value of the right type: the value to go on with (`trimmed` changes it), or INVALID. */
export type Check<T> = (value: T) => T | Invalid;

function checked<T>(value: T, checks: Check<T>[]): T | Invalid {
  for (const check of checks) {
    const next = check(value);
    if (next === INVALID) return INVALID;
    value = next;
  }
  return value;
}

/** zod counts a string's length in code points (a surrogate pair is one). */
const lengthOf = (value: string | unknown[]) => (typeof value === 'string' ? [...value].length : value.length);

export const matches =
  (pattern: RegExp): Check<string> =>
  (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value) ? value : INVALID;
  };
export const trimmed: Check<string> = (value) => value.trim();
export const minLength =
  <T extends string | unknown[]>(min: number): Check<T> =>
  (value) =>
    value.length >= min * 2 || (value.length >= min && lengthOf(value) >= min) ? value : INVALID;
export const atLeast =
  (min: number): Check<number> =>
  (value) =>
    value >= min ? value : INVALID;
export const atMost =
  (max: number): Check<number> =>
  (value) =>
    value <= max ? value : INVALID;
/** A rule of rules.ts, on the value the schema has read so far (its type is the rule's). */
export const holds =
  <T>(rule: (value: T) => unknown) =>
  <V>(value: V): V | Invalid =>
    rule(value as unknown as T) ? value : INVALID;

export const string =
  (...checks: Check<string>[]): Parse =>
  (value) =>
    typeof value === 'string' ? checked(value, checks) : INVALID;
/** zod refuses NaN and the infinities. */
export const number =
  (...checks: Check<number>[]): Parse =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) ? checked(value, checks) : INVALID;
export const boolean: Parse = (value) => (typeof value === 'boolean' ? value : INVALID);
export const unknown: Parse = (value) => value;
/** An enum or a literal. */
export const oneOf = (...values: unknown[]): Parse => {
  const allowed = new Set(values);
  return (value) => (allowed.has(value) ? value : INVALID);
};
export const optional =
  (inner: Parse): Parse =>
  (value) =>
    value === undefined ? undefined : inner(value);
/** zod gives the default itself for a missing value (a fresh one: `make` writes a literal). */
export const withDefault =
  (inner: Parse, make: () => unknown): Parse =>
  (value) =>
    value === undefined ? make() : inner(value);
/** The first option that reads the value, as zod's union. */
export const union =
  (...options: Parse[]): Parse =>
  (value) => {
    for (const option of options) {
      const result = option(value);
      if (result !== INVALID) return result;
    }
    return INVALID;
  };
export const pipe =
  (first: Parse, then: Parse): Parse =>
  (value) => {
    const result = first(value);
    return result === INVALID ? INVALID : then(result);
  };
export const transform =
  <T>(convert: (value: T) => unknown): Parse =>
  (value) =>
    convert(value as T);

export const array =
  (element: Parse, ...checks: Check<unknown[]>[]): Parse =>
  (value) => {
    if (!Array.isArray(value)) return INVALID;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const result = element(value[i]);
      if (result === INVALID) return INVALID;
      out[i] = result;
    }
    return checked(out, checks);
  };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Known keys only, in the schema's order; a missing optional value stays missing. */
export const object = (shape: Record<string, Parse>, ...checks: Check<Record<string, unknown>>[]): Parse => {
  const keys = Object.keys(shape);
  return (value) => {
    if (!isObject(value)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const result = shape[key](value[key]);
      if (result === INVALID) return INVALID;
      if (result !== undefined || key in value) out[key] = result;
    }
    return checked(out, checks);
  };
};

/**
 * A map such as `{ "de": "…", "uk": "…" }`. Only a plain object with enumerable string keys
 * is read here (a JSON feed has nothing else); anything unusual is left to zod.
 */
export const record = (key: Parse, entry: Parse, ...checks: Check<Record<string, unknown>>[]): Parse => {
  return (value) => {
    if (!isObject(value)) return INVALID;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return INVALID;
    const keys = Object.keys(value);
    if (keys.length !== Object.getOwnPropertyNames(value).length || Object.getOwnPropertySymbols(value).length) return INVALID;
    const out: Record<string, unknown> = {};
    for (const name of keys) {
      if (name === '__proto__') return INVALID;
      const readKey = key(name);
      const result = entry(value[name]);
      if (readKey !== name || result === INVALID) return INVALID;
      out[name] = result;
    }
    return checked(out, checks);
  };
};
