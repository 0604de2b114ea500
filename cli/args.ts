/**
 * The command line of `lotse`: commands, their options, and usage errors that say what to
 * type instead. A mistyped option is an error (exit code 2), never ignored: `--ouput x.json`
 * silently ignored would write the feed somewhere the editor does not look.
 */
import { type ParseArgsConfig, parseArgs as parseArgv } from 'node:util';
import { closest } from './edit-distance.js';
import type { Lang, Pair } from './messages.js';

export type Command = 'validate' | 'import';

/** Options each command takes, all with a value; `-o` is short for `--output`. */
const SHARED = ['lang', 'max-age-days', 'today', 'format'];
const OPTIONS: Record<Command, string[]> = {
  validate: SHARED,
  import: [...SHARED, 'output', 'state', 'publisher', 'from', 'text-lang'],
};
const ALL = new Set(Object.values(OPTIONS).flat());
const CONFIG: ParseArgsConfig['options'] = {
  ...Object.fromEntries([...ALL].map((name) => [name, { type: 'string' as const }])),
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
};

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

/**
 * Read argv with `util.parseArgs`; throws UsageError for unknown commands or options, missing
 * values and options given twice. Not strict: parseArgs' own errors are English and name no fix.
 */
export function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], options: {} };
  const { tokens } = parseArgv({ args: argv, options: CONFIG, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (args.command === undefined) args.command = token.value;
      else args.files.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // the `--` terminator
    if (token.name === 'help') {
      args.options.help = 'true';
      continue;
    }
    const typed = argv[token.index];
    // parseArgs reads a word after one dash as short options (`-output` as `-o utput`); it is a mistake.
    const joined = /^-[^-]./.test(typed);
    const word = joined ? typed.slice(1).replace(/=.*/, '') : token.name;
    const known = args.command && args.command in OPTIONS ? OPTIONS[args.command as Command] : OPTIONS.import;
    if (joined || !known.includes(token.name)) {
      const elsewhere = !joined && ALL.has(word) && args.command ? args.command : undefined;
      const guess = closest(word, known);
      throw new UsageError(
        elsewhere
          ? [`Die Option ${token.rawName} gibt es bei „lotse ${elsewhere}“ nicht.`, `"lotse ${elsewhere}" has no option ${token.rawName}.`]
          : [
              `Unbekannte Option „${typed.slice(0, 40)}“.${guess ? ` Meinten Sie --${guess}?` : ''}`,
              `Unknown option "${typed.slice(0, 40)}".${guess ? ` Did you mean --${guess}?` : ''}`,
            ],
      );
    }
    // parseArgs takes the next word as the value even when it is an option (`--today --lang en`).
    const { value } = token;
    if (value === undefined || (!token.inlineValue && /^--?[A-Za-z]/.test(value))) {
      throw new UsageError([`Nach ${token.rawName} fehlt der Wert.`, `${token.rawName} needs a value.`]);
    }
    if (token.name in args.options) {
      throw new UsageError([`Die Option ${token.rawName} steht zweimal da.`, `The option ${token.rawName} is given twice.`]);
    }
    args.options[token.name] = value;
  }
  return args;
}

/** The report language from `--lang` (read before anything else can fail). */
export function reportLanguage(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'de';
}
