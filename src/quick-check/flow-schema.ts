/**
 * Checking the quick-check flow (see flow.ts): the zod/mini schema of questions, answers,
 * steps and conditions, and the merge of a feed's `quickCheck` over the default.
 *
 * A city may override or extend the default flow with `quickCheck` in its feed. The override
 * is checked here (zod/mini for the form, then the references between questions, answers and
 * steps); a broken override is rejected as a whole with sentences a web editor can act on,
 * and the default flow stays in use.
 */
import * as z from 'zod/mini';
import { GERMAN_STATES, Text } from '../core/feed/schema.js';
import { MESSAGES, show } from '../core/feed/messages.js';
import { formatPath, type FeedProblem } from '../core/feed/parse.js';
import { RESULT, UNKNOWN, leaves, type Condition, type Flow } from './flow.js';

export * from './flow.js';


const SLUG = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const slug = () => z.string().check(z.regex(SLUG, { error: 'slug' }));
const httpUrl = () => z.string().check(z.regex(/^https?:\/\/[^\s<>"]+$/i, { error: 'url' }));

export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ q: slug(), is: z.union([slug(), z.array(slug()).check(z.minLength(1))]) }),
      z.strictObject({ all: z.array(ConditionSchema).check(z.minLength(1)) }),
      z.strictObject({ any: z.array(ConditionSchema).check(z.minLength(1)) }),
      z.strictObject({ not: ConditionSchema }),
    ],
    { error: 'condition' },
  ),
);

export const AnswerSchema = z.object({
  id: slug(),
  label: Text,
  /** An icon name from `src/core/icons.ts`. */
  icon: z.optional(z.string()),
  /** The question to go to after this answer, or `"result"`; default: the question's `next`. */
  next: z.optional(slug()),
});

export const QuestionSchema = z.object({
  id: slug(),
  /** The question, in plain words. */
  text: Text,
  /** A short help line under the question. */
  hint: z.optional(Text),
  /** One or two words for "because you said …" (e.g. "Anmeldung"). */
  short: z.optional(Text),
  answers: z.array(AnswerSchema).check(z.minLength(2, { error: 'answers' })),
  /** Offer "I don't know" (answer id `unknown`). Default true. */
  dontKnow: z._default(z.boolean({ error: 'boolean' }), true),
  /** Where to go after any answer without its own `next`; default: the following question. */
  next: z.optional(slug()),
});

export const StepSchema = z.object({
  id: slug(),
  title: Text,
  text: Text,
  /** When the step applies. Its answers become the "because you said …" line. */
  when: ConditionSchema,
  bring: z._default(z.array(Text), []),
  /** Short legal reference, e.g. "§ 17 BMG". */
  legal: z.optional(Text),
  /** A legal reference per German state (e.g. `{ "NW": "§ 34 SchulG NRW" }`), over `legal`. */
  legalByState: z.optional(z.partialRecord(z.enum(GERMAN_STATES, { error: 'state' }), Text)),
  source: z.object({ label: Text, url: z.optional(httpUrl()) }),
  /** Month or day of the last content review: "2026-11" or "2026-11-15". */
  lastReviewed: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, { error: 'reviewed' })),
  /** Feed categories to find services with when none lists this step id in `topics`. */
  categories: z._default(z.array(slug()), []),
});

export const FlowSchema = z.object({
  questions: z.array(QuestionSchema).check(z.minLength(1, { error: 'noQuestions' })),
  steps: z.array(StepSchema).check(z.minLength(1, { error: 'noSteps' })),
});

/** What a feed may put into `quickCheck`. */
export const OverrideSchema = z.object({
  /** `true`: use only this flow. Otherwise entries replace default ones with the same id, new ones are added. */
  replace: z._default(z.boolean({ error: 'boolean' }), false),
  questions: z._default(z.array(QuestionSchema), []),
  steps: z._default(z.array(StepSchema), []),
  /** Ids of default questions or steps to leave out. */
  remove: z._default(z.array(slug()), []),
});

// ---- Messages -----------------------------------------------------------------------------

type Sentences = (value: unknown, extra?: string) => [string, string];
const FLOW_MESSAGES: Record<string, Sentences> = {
  condition: (v) => [
    `${show(v)} ist keine Bedingung. Erlaubt: {"q": "frage", "is": "antwort"}, {"all": [ … ]}, {"any": [ … ]} oder {"not": { … }}.`,
    `${show(v)} is not a condition. Allowed: {"q": "question", "is": "answer"}, {"all": [ … ]}, {"any": [ … ]} or {"not": { … }}.`,
  ],
  answers: () => ['Eine Frage braucht mindestens 2 Antworten.', 'A question needs at least 2 answers.'],
  reviewed: (v) => [
    `${show(v)} ist kein Prüfdatum. Format: JJJJ-MM, z. B. "2026-11".`,
    `${show(v)} is not a review date. Format: YYYY-MM, e.g. "2026-11".`,
  ],
  noQuestions: () => ['Der Ablauf hat keine Frage.', 'The flow has no question.'],
  noSteps: () => ['Der Ablauf hat keinen Schritt.', 'The flow has no step.'],
  unknownQuestion: (v) => [
    `Die Frage ${show(v)} gibt es nicht. Bitte die ID prüfen.`,
    `There is no question ${show(v)}. Please check the id.`,
  ],
  unknownAnswer: (v, q) => [
    `Die Frage "${q}" hat keine Antwort ${show(v)}. Bitte die ID prüfen.`,
    `Question "${q}" has no answer ${show(v)}. Please check the id.`,
  ],
  backwards: (v) => [
    `"next": ${show(v)} springt zurück oder auf sich selbst. Bitte nur auf spätere Fragen oder "result" verweisen.`,
    `"next": ${show(v)} jumps back or to itself. Only later questions or "result" are allowed.`,
  ],
  reserved: () => [
    `Die Antwort-ID "${UNKNOWN}" ist für „Ich weiß es nicht“ reserviert.`,
    `The answer id "${UNKNOWN}" is reserved for "I don't know".`,
  ],
  duplicate: (v) => [`Die ID ${show(v)} kommt doppelt vor.`, `The id ${show(v)} is used twice.`],
  rejected: () => [
    'Der eigene Schnell-Check (quickCheck) wird nicht verwendet. Es gilt der Standard-Ablauf.',
    'The custom quick-check (quickCheck) is not used. The default flow applies.',
  ],
};

function describeFlow(code: string, value?: unknown, extra?: string): [string, string] {
  return (FLOW_MESSAGES[code] ?? MESSAGES[code] ?? MESSAGES.skipped)(value, extra);
}

type Path = (string | number)[];

function problem(path: Path, code: string, value?: unknown, extra?: string): FeedProblem {
  const [message, messageEn] = describeFlow(code, value, extra);
  return { path: formatPath(['quickCheck', ...path]), severity: 'error', code, message, messageEn };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

// ---- Checking and merging -----------------------------------------------------------------

/** References between questions, answers and steps; empty if the flow is consistent. */
export function checkReferences(flow: Flow): FeedProblem[] {
  const problems: FeedProblem[] = [];
  const index = new Map(flow.questions.map((q, i) => [q.id, i]));
  const seen = new Set<string>();
  const checkNext = (next: string | undefined, from: number, path: Path) => {
    if (next === undefined || next === RESULT) return;
    const to = index.get(next);
    if (to === undefined) problems.push(problem(path, 'unknownQuestion', next));
    else if (to <= from) problems.push(problem(path, 'backwards', next));
  };
  flow.questions.forEach((q, i) => {
    if (seen.has(q.id)) problems.push(problem(['questions', i, 'id'], 'duplicate', q.id));
    seen.add(q.id);
    const answerIds = new Set<string>();
    q.answers.forEach((a, j) => {
      if (a.id === UNKNOWN) problems.push(problem(['questions', i, 'answers', j, 'id'], 'reserved'));
      if (answerIds.has(a.id)) problems.push(problem(['questions', i, 'answers', j, 'id'], 'duplicate', a.id));
      answerIds.add(a.id);
      checkNext(a.next, i, ['questions', i, 'answers', j, 'next']);
    });
    checkNext(q.next, i, ['questions', i, 'next']);
  });
  const stepIds = new Set<string>();
  flow.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) problems.push(problem(['steps', i, 'id'], 'duplicate', step.id));
    stepIds.add(step.id);
    for (const leaf of leaves(step.when)) {
      const q = flow.questions.find((question) => question.id === leaf.q);
      if (!q) {
        problems.push(problem(['steps', i, 'when'], 'unknownQuestion', leaf.q));
        continue;
      }
      for (const answer of [leaf.is].flat()) {
        if (answer === UNKNOWN ? !q.dontKnow : !q.answers.some((a) => a.id === answer)) {
          problems.push(problem(['steps', i, 'when'], 'unknownAnswer', answer, q.id));
        }
      }
    }
  });
  return problems;
}

/** Entries of `extra` replace entries of `base` with the same id in place; new ones are appended. */
function mergeById<T extends { id: string }>(base: T[], extra: T[], remove: string[]): T[] {
  const out = base.filter((item) => !remove.includes(item.id));
  for (const item of extra) {
    const at = out.findIndex((b) => b.id === item.id);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return out;
}

export interface ResolvedFlow {
  flow: Flow;
  /** Problems of the feed's override (it was rejected if there are any). */
  problems: FeedProblem[];
}

/**
 * The flow to use: the default, or the default changed by a feed's `quickCheck`.
 * Never throws; a broken override is reported and ignored.
 */
export function resolveFlow(base: Flow, override: unknown): ResolvedFlow {
  if (override === undefined || override === null) return { flow: base, problems: [] };
  const parsed = z.safeParse(OverrideSchema, override);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const value = valueAt(override, issue.path);
      const path = issue.path as Path;
      if (value === undefined && issue.code === 'invalid_type') return problem(path, 'missing');
      if (issue.message in FLOW_MESSAGES || issue.message in MESSAGES) return problem(path, issue.message, value);
      if (issue.code === 'invalid_type') return problem(path, 'type', value, issue.expected);
      return problem(path, 'type', value, 'string');
    });
    return { flow: base, problems: [...problems, problem([], 'rejected')] };
  }
  const { replace, questions, steps, remove } = parsed.data;
  const flow: Flow = replace
    ? { questions, steps }
    : { questions: mergeById(base.questions, questions, remove), steps: mergeById(base.steps, steps, remove) };
  const problems = [
    ...(flow.questions.length ? [] : [problem(['questions'], 'noQuestions')]),
    ...(flow.steps.length ? [] : [problem(['steps'], 'noSteps')]),
    ...checkReferences(flow),
  ];
  return problems.length ? { flow: base, problems: [...problems, problem([], 'rejected')] } : { flow, problems };
}
