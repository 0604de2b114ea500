/**
 * The quick-check flow at run time: types and the small functions that walk it. No zod here:
 * checking a feed's `quickCheck` (flow-schema.ts) is loaded only when a feed has one.
 */
import type { GermanState, Text } from '../core/feed/schema.js';

/** The answer id of "I don't know"; a flow may not use it for its own answers. */
export const UNKNOWN = 'unknown';
/** `next` value that ends the questions and shows the result. */
export const RESULT = 'result';

/** A condition over answers: `{ q, is }` is true if question `q` got (one of) answer(s) `is`. */
export type Condition = { q: string; is: string | string[] } | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface Answer {
  id: string;
  label: Text;
  icon?: string;
  next?: string;
}

export interface Question {
  id: string;
  text: Text;
  hint?: Text;
  short?: Text;
  answers: Answer[];
  dontKnow: boolean;
  next?: string;
}

export interface Step {
  id: string;
  title: Text;
  text: Text;
  when: Condition;
  bring: Text[];
  legal?: Text;
  legalByState?: Partial<Record<GermanState, Text>>;
  source: { label: Text; url?: string };
  /**
   * Month or day ("2026-11", "2026-11-15") on which someone who knows the law checked the step
   * against its sources. Absent: nobody has; the widget then shows no date ("Stand").
   */
  lastReviewed?: string;
  /** The role of who checked it (never a name), e.g. "Migrationsberatung (Sozialarbeit)". */
  reviewedBy?: string;
  /** The step makes a claim that could not be verified: `lotse validate` asks for a review. */
  needsReview?: boolean;
  /** For editors: what is to be checked (shown by `lotse validate`, never to residents). */
  reviewNote?: string;
  /** Ids of steps that say the opposite: they may never apply together (checked). */
  excludes?: string[];
  /** Where to ask when the feed lists no service for this step (a kind of office, no name). */
  ask?: Text;
  categories: string[];
}

export interface Flow {
  questions: Question[];
  steps: Step[];
}

/** Every `{ q, is }` leaf in a condition. */
export function leaves(condition: Condition): { q: string; is: string | string[] }[] {
  if ('q' in condition) return [condition];
  if ('not' in condition) return leaves(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(leaves);
}

/** The visitor's answers: question id → answer id (or `unknown`). Kept in memory only. */
export type Answers = ReadonlyMap<string, string>;

export function holds(condition: Condition, answers: Answers): boolean {
  if ('q' in condition) {
    const given = answers.get(condition.q);
    return given !== undefined && [condition.is].flat().includes(given);
  }
  if ('not' in condition) return !holds(condition.not, answers);
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  return condition.any.some((c) => holds(c, answers));
}

/**
 * The questions whose answers make a condition true, in flow order: the reason shown as
 * "because you said …". In `any`, only the parts that hold count.
 */
export function reasons(condition: Condition, answers: Answers): string[] {
  if ('q' in condition) return answers.has(condition.q) ? [condition.q] : [];
  if ('not' in condition)
    return leaves(condition.not)
      .map((l) => l.q)
      .filter((q) => answers.has(q));
  const parts = 'all' in condition ? condition.all : condition.any.filter((c) => holds(c, answers));
  return [...new Set(parts.flatMap((c) => reasons(c, answers)))];
}

/** Where an answer leads: a question id or `result`. */
export function nextAfter(flow: Flow, questionId: string, answerId: string): string {
  const at = flow.questions.findIndex((q) => q.id === questionId);
  const question = flow.questions[at];
  const answer = question?.answers.find((a) => a.id === answerId);
  return answer?.next ?? question?.next ?? flow.questions[at + 1]?.id ?? RESULT;
}

/** Questions still ahead of `questionId` if every answer takes the question's default way. */
export function remainingAfter(flow: Flow, questionId: string): number {
  let count = 0;
  const at = flow.questions.findIndex((q) => q.id === questionId);
  let next = flow.questions[at]?.next ?? flow.questions[at + 1]?.id ?? RESULT;
  while (next !== RESULT && count < flow.questions.length) {
    count++;
    const i = flow.questions.findIndex((q) => q.id === next);
    next = flow.questions[i]?.next ?? flow.questions[i + 1]?.id ?? RESULT;
  }
  return count;
}

/** Whether a step shows its review date to residents: only if reviewed and not flagged. */
export function isReviewed(step: Step): boolean {
  return !!step.lastReviewed && !step.needsReview;
}

// ---- Analysis: which answers a condition can get along the real paths ----------------------

/** Three-valued truth: `undefined` while the answers so far do not decide it yet. */
type Maybe = boolean | undefined;

/**
 * A condition over partial answers: a question before `at` (in flow order) that has no answer
 * was skipped and will never get one (`next` only jumps forward); `at` = the question being
 * asked, or `questions.length` at the result.
 */
function decide(condition: Condition, answers: Answers, order: Map<string, number>, at: number): Maybe {
  if ('q' in condition) {
    const given = answers.get(condition.q);
    if (given !== undefined) return [condition.is].flat().includes(given);
    const index = order.get(condition.q);
    return index === undefined || index < at ? false : undefined;
  }
  if ('not' in condition) {
    const inner = decide(condition.not, answers, order, at);
    return inner === undefined ? undefined : !inner;
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((c) => decide(c, answers, order, at));
  if ('all' in condition) return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
  return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
}

/** The answer ids a question offers, "I don't know" included where offered. */
export function answerIds(question: Question): string[] {
  return [...question.answers.map((a) => a.id), ...(question.dontKnow ? [UNKNOWN] : [])];
}

/**
 * Answers of one complete path through the flow on which `condition` holds, or `null` if there
 * is none, or `undefined` if the search gave up after `budget` screens (a very large flow).
 */
export function witness(flow: Flow, condition: Condition, budget = 200_000): Answers | null | undefined {
  const order = new Map(flow.questions.map((q, i) => [q.id, i]));
  let left = budget;
  const answers = new Map<string, string>();
  const visit = (node: string): boolean | undefined => {
    if (--left < 0) return undefined;
    const at = node === RESULT ? flow.questions.length : order.get(node)!;
    const now = decide(condition, answers, order, at);
    if (now === false) return false;
    if (node === RESULT) return true;
    const question = flow.questions[at];
    let gaveUp = false;
    for (const answer of answerIds(question)) {
      answers.set(node, answer);
      const found = visit(nextAfter(flow, node, answer));
      if (found) return true;
      if (found === undefined) gaveUp = true;
      answers.delete(node);
    }
    return gaveUp ? undefined : false;
  };
  if (!flow.questions.length) return null;
  const found = visit(flow.questions[0].id);
  return found ? new Map(answers) : found === false ? null : undefined;
}

/** Every complete path through the flow (for tests and small flows): the answers given. */
export function allPaths(flow: Flow, limit = 100_000): Answers[] {
  const out: Answers[] = [];
  const walk = (node: string, answers: Map<string, string>) => {
    if (out.length >= limit) return;
    if (node === RESULT) {
      out.push(new Map(answers));
      return;
    }
    const question = flow.questions.find((q) => q.id === node)!;
    for (const answer of answerIds(question)) {
      answers.set(node, answer);
      walk(nextAfter(flow, node, answer), answers);
      answers.delete(node);
    }
  };
  if (flow.questions.length) walk(flow.questions[0].id, new Map());
  return out;
}

/** The steps that apply, in flow order. */
export function applicableSteps(flow: Flow, answers: Answers): Step[] {
  return flow.steps.filter((step) => holds(step.when, answers));
}
