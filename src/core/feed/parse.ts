/**
 * The feed check with its sentences (the CLI, the editor page, the quick-check's flow checker
 * and the tests): check.ts finds the problems, messages.ts says each in words a web editor can
 * act on. The widgets' loader (engine.ts) runs the same two steps, but loads the sentences only
 * for a feed that has problems.
 */
import { checkFeed, checkFeedSliced, type Checked } from './check.js';
import { detail } from './check-detail.js';
import { describe, describeAll } from './messages.js';
import { formatPath, issueMessage, problem } from './problems.js';
import type { Feed } from './schema.js';

export { describe, describeAll };
export { MAX_DEPTH, withoutNulls } from './check.js';
// The checker's reporting, also for the quick-check's flow checker (which loads this chunk).
export { formatPath, issueMessage, problem };

export interface FeedProblem {
  /** Where, e.g. `services[12].locations[0].hours[1].closes`. */
  path: string;
  /** `error`: the item was skipped or the feed is unusable; `warning`: shown, with a fix. */
  severity: 'error' | 'warning';
  code: string;
  /** German sentence for web editors. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

export interface ParseResult {
  /** Undefined when the feed cannot be used at all (see `problems`). */
  feed?: Feed;
  problems: FeedProblem[];
}

/**
 * Check a feed (already parsed from JSON) and return the usable part plus every problem.
 * Never throws, whatever the input (any depth, any size, getters that throw).
 */
export function parseFeed(input: unknown): ParseResult {
  return described(checkFeed(input, detail));
}

/**
 * The same check on the main thread in slices that give the page a turn every ~30 ms
 * (where no worker can run it). Never rejects.
 */
export async function parseFeedSliced(input: unknown): Promise<ParseResult> {
  return described(await checkFeedSliced(input, detail));
}

function described({ feed, findings }: Checked): ParseResult {
  const problems = describeAll(findings);
  return feed ? { feed, problems } : { problems };
}

export { isCurrent } from './current.js';
