/**
 * How a checker reports: shared by the feed checker (`parse.ts`) and the quick-check's flow
 * checker (`quick-check/flow-schema.ts`), so both say the same thing about the same mistake.
 */
import type * as z from 'zod/mini';
import type { FeedProblem } from './parse.js';

/**
 * A problem as the check finds it, before it has its sentences (messages.ts `describeAll`):
 * where (the path written out), how bad, the message code and the values the sentence names.
 * `or`: the code (and extra word) to use when `code` (a schema's message) has no sentence.
 */
export interface Finding {
  path: string;
  severity: FeedProblem['severity'];
  code: string;
  value?: unknown;
  extra?: string;
  or?: [code: string, extra?: string];
}

/** A value already written as `show` writes it (an object, as it was when found). */
export class Shown {
  constructor(readonly text: string) {}
}

/** How to print a value from a feed inside a message: short and never as markup. */
export function show(value: unknown): string {
  if (value instanceof Shown) return value.text;
  let text: string;
  try {
    text = value === undefined ? '–' : (JSON.stringify(typeof value === 'string' ? value.slice(0, 80) : value) ?? String(value));
  } catch {
    // Nested too deeply for the engine (a caught RangeError), or a getter that throws.
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A value to keep for a sentence made later: an object is shown now (the check may change it). */
export const shown = (value: unknown): unknown => (value !== null && typeof value === 'object' ? new Shown(show(value)) : value);

/** `['services', 12, 'hours', 1]` → `services[12].hours[1]`. */
export const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** The value at a key path, or undefined where the path leaves the data. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One problem: where (a path or its keys), how bad, its code and its German and English sentence. */
export function problem(
  path: string | readonly PropertyKey[],
  severity: FeedProblem['severity'],
  code: string,
  [message, messageEn]: readonly [string, string],
): FeedProblem {
  return { path: typeof path === 'string' ? path : formatPath(path), severity, code, message, messageEn };
}

/**
 * What to tell an editor about one zod issue in `item`: a message code, the value it is about
 * and an extra word (the expected type). `known`: the codes that have their own sentence.
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  item: unknown,
  known: (code: string) => boolean,
): [code: string, value?: unknown, extra?: string] {
  const value = valueAt(item, issue.path);
  // No value where one is required (a refinement always has one: it checks a value that is there).
  if (value === undefined && issue.code !== 'custom') return ['missing'];
  if (known(issue.message)) return [issue.message, value];
  if (issue.code === 'invalid_type') return ['type', value, issue.expected];
  if (issue.code === 'invalid_union') return ['text', value];
  return ['type', value, 'string'];
}
