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
export type Condition =
  | { q: string; is: string | string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

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
  lastReviewed: string;
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
  if ('not' in condition) return leaves(condition.not).map((l) => l.q).filter((q) => answers.has(q));
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

/** The steps that apply, in flow order. */
export function applicableSteps(flow: Flow, answers: Answers): Step[] {
  return flow.steps.filter((step) => holds(step.when, answers));
}
