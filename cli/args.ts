/**
 * The command line of `lotse`: commands, their options, and usage errors that say what to
 * type instead. A mistyped option is an error (exit code 2), never ignored: `--ouput x.json`
 * silently ignored would write the feed somewhere the editor does not look.
 */
import type { Lang, Pair } from './messages.js';

export type Command = 'validate' | 'import';

/** Options each command takes; `true` = takes a value. */
const OPTIONS: Record<Command, Record<string, boolean>> = {
  validate: { lang: true, 'max-age-days': true, today: true, format: true },
  import: {
    lang: true, 'max-age-days': true, today: true, format: true,
    o: true, output: true, state: true, publisher: true, from: true, 'text-lang': true,
  },
};
const FLAGS = new Set(['help', 'h']);

export interface Args {
  command?: string;
  files: string[];
  options: Record<string, string>;
}

/** A mistake on the command line (exit code 2), with the sentence to show. */
export class UsageError extends Error {
  constructor(readonly text: Pair) {
    super(text[1]);
  }
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

const dash = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/** Read argv; throws UsageError for unknown commands or options and missing values. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], options: {} };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const option = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!option) {
      if (args.command === undefined) args.command = arg;
      else args.files.push(arg);
      continue;
    }
    const [, name, inline] = option;
    if (FLAGS.has(name)) {
      args.options.help = 'true';
      continue;
    }
    rest.push(name);
    const known = args.command && args.command in OPTIONS ? OPTIONS[args.command as Command] : OPTIONS.import;
    if (!(name in known)) {
      const all = new Set([...Object.keys(OPTIONS.validate), ...Object.keys(OPTIONS.import)]);
      const elsewhere = all.has(name) && args.command ? args.command : undefined;
      const guess = closest(name, Object.keys(known).filter((o) => o.length > 1));
      throw new UsageError(
        elsewhere
          ? [`Die Option ${dash(name)} gibt es bei „lotse ${elsewhere}“ nicht.`, `"lotse ${elsewhere}" has no option ${dash(name)}.`]
          : [
              `Unbekannte Option „${arg.slice(0, 40)}“.${guess ? ` Meinten Sie ${dash(guess)}?` : ''}`,
              `Unknown option "${arg.slice(0, 40)}".${guess ? ` Did you mean ${dash(guess)}?` : ''}`,
            ],
      );
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && /^--?[A-Za-z]/.test(value))) {
      throw new UsageError([`Nach ${dash(name)} fehlt der Wert.`, `${dash(name)} needs a value.`]);
    }
    if (inline === undefined) i++;
    if (name in args.options) {
      throw new UsageError([`Die Option ${dash(name)} steht zweimal da.`, `The option ${dash(name)} is given twice.`]);
    }
    args.options[name] = value;
  }
  return args;
}

/** The report language from `--lang` (read before anything else can fail). */
export function reportLanguage(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'de';
}
