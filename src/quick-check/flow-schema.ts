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
import { GERMAN_STATES, Text, httpUrl, slug } from '../core/feed/schema.js';
import { MESSAGES, show } from '../core/feed/messages.js';
import { issueMessage, problem as feedProblem, type FeedProblem } from '../core/feed/parse.js';
import { RESULT, UNKNOWN, leaves, witness, type Answers, type Condition, type Flow, type Step } from './flow.js';

export * from './flow.js';

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
  /**
   * Month or day ("2026-11", "2026-11-15") on which someone who knows the law checked the step
   * against its sources. Only then the widget shows it ("Stand: 11/2026"). Leave it out if
   * nobody has: `lotse validate` then reports "noch nicht fachlich geprüft".
   */
  lastReviewed: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, { error: 'reviewed' }))),
  /** The role of who checked it, never a name: "Migrationsberatung (Sozialarbeit)". */
  reviewedBy: z.optional(z.string().check(z.minLength(1, { error: 'reviewedBy' }))),
  /** `true`: a claim still has to be checked; the widget shows no date, `validate` warns. */
  needsReview: z.optional(z.boolean({ error: 'boolean' })),
  /** For editors: what to check (shown by `lotse validate`). */
  reviewNote: z.optional(z.string()),
  /** Ids of steps that say the opposite of this one: they must never apply together. */
  excludes: z.optional(z.array(slug())),
  /** Where to ask when the feed lists no service for this step (a kind of office, no name). */
  ask: z.optional(Text),
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
  reviewedBy: () => [
    'reviewedBy ist leer. Bitte die Rolle nennen, z. B. "Migrationsberatung (Sozialarbeit)" – keinen Namen.',
    'reviewedBy is empty. Please give the role, e.g. "Migrationsberatung (Sozialarbeit)" – never a name.',
  ],
  unknownStep: (v) => [
    `Den Schritt ${show(v)} gibt es nicht. Bitte die ID in "excludes" prüfen.`,
    `There is no step ${show(v)}. Please check the id in "excludes".`,
  ],
  unreachable: (v) => [
    `Der Schritt ${show(v)} kann nie erscheinen: Keine mögliche Folge von Antworten erfüllt seine Bedingung "when" (Sprünge mit "next" eingerechnet). Bitte die Bedingung oder die Sprünge prüfen.`,
    `Step ${show(v)} can never appear: no possible sequence of answers meets its "when" condition (taking the "next" jumps into account). Please check the condition or the jumps.`,
  ],
  contradictory: (v, extra) => [
    `Die Schritte ${show(v)} schließen sich aus ("excludes"), erscheinen aber beide bei diesen Antworten: ${extra}. Bitte die Bedingungen "when" trennen.`,
    `Steps ${show(v)} exclude each other ("excludes") but both appear with these answers: ${extra}. Please make their "when" conditions disjoint.`,
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

const problem = (path: readonly PropertyKey[], code: string, value?: unknown, extra?: string): FeedProblem =>
  feedProblem(['quickCheck', ...path], 'error', code, describeFlow(code, value, extra));

// ---- Checking and merging -----------------------------------------------------------------

const MAX_FLOW_DEPTH = 64;

/** The path (a few keys long) to a value nested deeper than `limit`, else undefined. Iterative. */
function tooDeep(value: unknown, limit: number): Path | undefined {
  const stack: [unknown, number, Path][] = [[value, 0, []]];
  while (stack.length) {
    const [item, depth, path] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth >= limit) return path.slice(0, 3);
    const keys = Array.isArray(item) ? item.keys() : Object.keys(item);
    for (const key of keys) {
      stack.push([(item as Record<PropertyKey, unknown>)[key], depth + 1, depth < 3 ? [...path, key] : path]);
    }
  }
  return undefined;
}

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

/** Where a step came from: its index in the feed's `quickCheck.steps` (else: the default flow). */
const fromOverride = new WeakMap<Step, number>();

/** The path of a step for messages: `quickCheck.steps[3]` or `defaultFlow.steps[<id>]`. */
export function stepPath(step: Step, suffix = ''): string {
  const index = fromOverride.get(step);
  return index === undefined ? `defaultFlow.steps[${step.id}]${suffix}` : `quickCheck.steps[${index}]${suffix}`;
}

const stepProblem = (step: Step, suffix: string, code: string, value?: unknown, extra?: string): FeedProblem =>
  feedProblem(stepPath(step, suffix), 'error', code, describeFlow(code, value, extra));

const describeAnswers = (answers: Answers) => [...answers].map(([q, a]) => `${q}=${a}`).join(', ');

/**
 * What the flow's logic allows: a step whose `when` no path through the questions can meet
 * (unreachable), and two steps that exclude each other (`excludes`) but can both apply
 * (contradictory). Gives up silently on flows too large to search.
 */
export function checkLogic(flow: Flow): FeedProblem[] {
  const problems: FeedProblem[] = [];
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  for (const step of flow.steps) {
    if (witness(flow, step.when) === null) problems.push(stepProblem(step, '.when', 'unreachable', step.id));
    for (const other of step.excludes ?? []) {
      const peer = byId.get(other);
      if (!peer) {
        problems.push(stepProblem(step, '.excludes', 'unknownStep', other));
        continue;
      }
      // Each pair once: from the step that comes first, or from the only one naming the other.
      if ((peer.excludes ?? []).includes(step.id) && flow.steps.indexOf(peer) < flow.steps.indexOf(step)) continue;
      const both = witness(flow, { all: [step.when, peer.when] });
      if (both) problems.push(stepProblem(step, '.excludes', 'contradictory', `${step.id}" / "${peer.id}`, describeAnswers(both)));
    }
  }
  return problems;
}

/** Months between two "YYYY-MM(-DD)" dates, and whether `later` is past the day of `earlier`. */
function monthsBetween(earlier: string, later: string): number {
  const [y1, m1, d1] = earlier.split('-').map(Number);
  const [y2, m2, d2] = later.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1);
  return d1 && d2 && d2 < d1 ? months - 1 : months;
}

type ReviewSentences = (step: Step, extra: string) => [string, string];
const REVIEW_MESSAGES: Record<string, ReviewSentences> = {
  needsReview: (step, note) => [
    `Schritt "${step.id}" ist zur fachlichen Prüfung markiert (needsReview)${note ? `: ${note}.` : '.'} Bitte von einer Fachkraft mit Rechtskenntnis gegen die Quelle prüfen lassen. Bis dahin zeigt der Schnell-Check kein Prüfdatum.`,
    `Step "${step.id}" is marked for expert review (needsReview)${note ? `: ${note}.` : '.'} Please have someone who knows the law check it against its source. Until then the quick-check shows no review date.`,
  ],
  notReviewed: (step) => [
    `Schritt "${step.id}" ist noch nicht fachlich geprüft (kein lastReviewed). Der Schnell-Check zeigt dafür kein Prüfdatum.`,
    `Step "${step.id}" has not been reviewed by an expert yet (no lastReviewed). The quick-check shows no review date for it.`,
  ],
  reviewStale: (step) => [
    `Schritt "${step.id}" wurde zuletzt ${step.lastReviewed} geprüft, vor mehr als 12 Monaten. Bitte erneut gegen die Quelle prüfen und das Datum anpassen.`,
    `Step "${step.id}" was last reviewed ${step.lastReviewed}, more than 12 months ago. Please check it against its source again and update the date.`,
  ],
  reviewRole: (step) => [
    `Schritt "${step.id}": Es fehlt, in welcher Rolle geprüft wurde (reviewedBy), z. B. "Migrationsberatung (Sozialarbeit)". Bitte keinen Namen.`,
    `Step "${step.id}": the role of who reviewed it is missing (reviewedBy), e.g. "Migrationsberatung (Sozialarbeit)". Never a name.`,
  ],
};

/**
 * For `lotse validate`: steps that need an expert's review (warnings). `today` as "YYYY-MM-DD".
 * A step is reviewed when it has `lastReviewed` and no `needsReview`; a review older than 12
 * months is reported again; a review without the reviewer's role (`reviewedBy`) too.
 */
export function reviewFindings(flow: Flow, today: string): FeedProblem[] {
  const out: FeedProblem[] = [];
  const add = (step: Step, code: string, suffix: string, extra = '') =>
    out.push(feedProblem(stepPath(step, suffix), 'warning', code, REVIEW_MESSAGES[code](step, extra)));
  for (const step of flow.steps) {
    if (step.needsReview) add(step, 'needsReview', '.needsReview', step.reviewNote?.trim().replace(/[.\s]+$/, '') ?? '');
    else if (!step.lastReviewed) add(step, 'notReviewed', '');
    else if (monthsBetween(step.lastReviewed, today) > 12) add(step, 'reviewStale', '.lastReviewed');
    if (step.lastReviewed && !step.reviewedBy) add(step, 'reviewRole', '.reviewedBy');
  }
  return out;
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
  // Conditions nest (`not`, `all`, `any`), and zod checks them recursively: a hostile depth
  // would exhaust the stack. No real flow comes near this limit.
  const deep = tooDeep(override, MAX_FLOW_DEPTH);
  if (deep) return { flow: base, problems: [problem(deep, 'tooDeep', MAX_FLOW_DEPTH), problem([], 'rejected')] };
  const parsed = z.safeParse(OverrideSchema, override);
  if (!parsed.success) {
    const known = (code: string) => code in FLOW_MESSAGES || code in MESSAGES;
    const problems = parsed.error.issues.map((issue) => problem(issue.path, ...issueMessage(issue, override, known)));
    return { flow: base, problems: [...problems, problem([], 'rejected')] };
  }
  const { replace, questions, steps, remove } = parsed.data;
  steps.forEach((step, i) => fromOverride.set(step as Step, i));
  const flow: Flow = replace
    ? { questions, steps }
    : { questions: mergeById(base.questions, questions, remove), steps: mergeById(base.steps, steps, remove) };
  const problems = [
    ...(flow.questions.length ? [] : [problem(['questions'], 'noQuestions')]),
    ...(flow.steps.length ? [] : [problem(['steps'], 'noSteps')]),
    ...checkReferences(flow),
  ];
  // The logic can only be searched once every reference is sound.
  if (!problems.length) problems.push(...checkLogic(flow));
  return problems.length ? { flow: base, problems: [...problems, problem([], 'rejected')] } : { flow, problems };
}
