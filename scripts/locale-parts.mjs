// Splits the UI translations by where they are used, so that a page loads only the strings of
// the widgets on it. Run by `npm run localize` after `lit-localize build`.
// A message belongs to the folder of each source file that calls msg() with it: src/core/ →
// part "core" (every widget loads it), src/<widget>/ → that widget's part. A message of core
// code is only in core; one used by two widget folders is in both. For each part,
// lit-localize itself writes src/generated/locales/<part>/<locale>.ts (its runtime output,
// restricted to the part's messages), and src/generated/locales/<part>.ts its loaders, which
// src/core/i18n.ts (core) and each widget import. lit-localize's own
// src/generated/locales/<locale>.ts (all messages, loaders in all.ts) is what the editor page
// inlines instead: one copy of each string in its one script.
// A module that its widget loads lazily can have a lazy part of its own (`LAZY`): the messages
// only it uses, in src/generated/locales/lazy/<part>/<locale>.ts (so that the build names their
// chunks apart) with the loaders src/generated/locales/<part>.ts (like every part's, which the
// editor page swaps for all.ts); the widget loads them with the module (i18n.ts,
// `addLazyPart`), not before its first view. A message that the module shares with another
// file of its widget stays in the widget's part (one of another widget is in both).
// The labels of the built-in categories and audiences (msg() ids `category-<id>`,
// `audience-<id>` in src/core/labels.ts) are in the core part like every UI text; the CLI and
// the editor page need them in every language at once, and the search index their words in
// every language (a visitor may type a category in any of them), so they are also written to
// src/generated/vocabulary-labels.ts: `VOCABULARY_LABELS` (German and every target, from the
// same extraction and XLIFF files) and `VOCABULARY_WORDS` (their distinct words, folded as the
// search folds them: src/service-finder/fold.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';
import { importSources } from './import-sources.mjs';

/** Lazily loaded modules with a part of their own: source file → part. */
const LAZY = { 'src/service-finder/service-detail.ts': 'finder-detail', 'src/service-finder/finder-more.ts': 'finder-more' };

const config = readConfigFileAndWriteSchema('lit-localize.json');
const outputDir = config.output.outputDir;
const localizer = new RuntimeLitLocalizer(config);

/** Message id → the parts that use it. lit-localize's extraction, one file at a time (over the
 * whole program it merges the files of a message). */
const program = localizer.program;
const partsOf = new Map();
for (const file of program.getSourceFiles()) {
  const path = relative(config.baseDir, file.fileName).split(sep);
  if (path[0] !== 'src' || path[1] === 'generated' || file.isDeclarationFile) continue;
  const { messages, errors } = extractMessagesFromProgram({ getSourceFiles: () => [file], getTypeChecker: () => program.getTypeChecker() });
  if (errors.length) throw new Error(`${file.fileName}: lit-localize cannot read its msg() calls (run lit-localize build).`);
  if (messages.length && path.length < 3) throw new Error(`${file.fileName}: msg() outside src/core/ and the widget folders.`);
  const part = LAZY[path.join('/')] ?? path[1];
  for (const { name } of messages) partsOf.set(name, new Set([...(partsOf.get(name) ?? []), part]));
}
const lazyParts = new Set(Object.values(LAZY));
/** Lazy part → the widget folder whose part its widget loads first. */
const ownerOf = new Map(Object.entries(LAZY).map(([file, part]) => [part, file.split('/')[1]]));
for (const parts of partsOf.values()) {
  if (parts.has('core')) for (const part of parts) if (part !== 'core') parts.delete(part);
  // A lazy module's message that another file of its widget uses too is loaded with the widget's part.
  for (const part of lazyParts) if (parts.has(ownerOf.get(part))) parts.delete(part);
}

/** lit-localize's runtime build, for the messages of one part. */
class PartLocalizer extends RuntimeLitLocalizer {
  constructor(part) {
    super({ ...config, output: { ...config.output, outputDir: `${outputDir}/${dirOf(part)}`, localeCodesModule: undefined } });
    const mine = (message) => partsOf.get(message.name)?.has(part);
    this.part = {
      messages: localizer.extractSourceMessages().messages.filter(mine),
      translations: new Map([...localizer.readTranslationsSync().translations].map(([locale, list]) => [locale, list.filter(mine)])),
    };
  }
  extractSourceMessages() {
    return { messages: this.part.messages, errors: [] };
  }
  readTranslationsSync() {
    return { translations: this.part.translations };
  }
}

/** Where a part's files go, below the output directory. */
function dirOf(part) {
  return lazyParts.has(part) ? `lazy/${part}` : part;
}

const parts = ['core', ...[...new Set([...partsOf.values()].flatMap((set) => [...set]))].filter((p) => p !== 'core').sort()];
const counts = [];
rmSync(`${outputDir}/lazy`, { recursive: true, force: true });
for (const part of parts) {
  rmSync(`${outputDir}/${dirOf(part)}`, { recursive: true, force: true });
  const localizer = new PartLocalizer(part);
  await localizer.build();
  counts.push(`${part} ${localizer.part.messages.length}`);
}

/**
 * lit-localize's runtime output writes "&", "<" and ">" of every translation as "&amp;", "&lt;"
 * and "&gt;" (lit/lit#5012), but only html`` templates are read as HTML: a plain or str``
 * message showed "School &amp; education". Written back as they were, in lit-localize's own
 * output and in each part's; once per file (a mark at its top).
 */
const UNESCAPED = '// Plain and str`` messages unescaped by scripts/locale-parts.mjs.';
const ENTITIES = { amp: '&', lt: '<', gt: '>' };
function unescapePlain(file) {
  const text = readFileSync(file, 'utf8');
  if (text.startsWith(UNESCAPED)) return;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'export const templates = {');
  const end = lines.findIndex((line, i) => i > start && line.trim() === '};');
  if (start < 0 || end < 0) throw new Error(`${file}: no templates object (has lit-localize's output changed?)`);
  for (let i = start + 1; i < end; i++) {
    const tag = /^\s*'[^']+': (html|str)?`.*`,$/.exec(lines[i]);
    if (!tag) throw new Error(`${file}:${i + 1}: not one message on one line (has lit-localize's output changed?)`);
    if (tag[1] !== 'html') lines[i] = lines[i].replace(/&(amp|lt|gt);/g, (_, name) => ENTITIES[name]);
  }
  writeFileSync(file, `${UNESCAPED}\n${lines.join('\n')}`);
}
for (const locale of config.targetLocales) {
  unescapePlain(`${outputDir}/${locale}.ts`);
  for (const part of parts) unescapePlain(`${outputDir}/${dirOf(part)}/${locale}.ts`);
}

/** src/generated/locales/<name>.ts: the loaders of the modules `dir`/<locale>.ts. */
function writeLoaders(name, dir, what) {
  const loaders = config.targetLocales.map((locale) => `  ${locale}: () => import('./${dir}${locale}.js'),`);
  writeFileSync(
    `${outputDir}/${name}.ts`,
    `// Generated by scripts/locale-parts.mjs: do not edit.
import type { Translations } from '../../core/i18n.js';

/** ${what}: one lazy chunk per target language. */
export default {
${loaders.join('\n')}
} satisfies Translations;
`,
  );
}
mkdirSync(outputDir, { recursive: true });
for (const part of parts) {
  const file = Object.keys(LAZY).find((f) => LAZY[f] === part);
  if (file) writeLoaders(part, `${dirOf(part)}/`, `The translations only ${file} uses (loaded with it)`);
  else writeLoaders(part, `${part}/`, `The translations of src/${part}/`);
}
writeLoaders(
  'all',
  '',
  "All translations (lit-localize's own output), which the editor page takes for every part (scripts/build-editor.mjs)",
);
console.log(`translations split by use: ${counts.join(', ')} messages (${outputDir}/<part>/<locale>.ts)`);

// The built-in vocabularies' labels in every language (see the top of this file).
{
  const VOCABULARIES = { category: 'categories', audience: 'audiences' };
  const labels = { categories: {}, audiences: {} };
  const plain = (message) => {
    if (message.contents.some((part) => typeof part !== 'string'))
      throw new Error(`${message.name}: a built-in label has no placeholders.`);
    return message.contents.join('');
  };
  const add = (locale, message) => {
    const [, kind, id] = /^(category|audience)-(.+)$/.exec(message.name) ?? [];
    if (kind) (labels[VOCABULARIES[kind]][id] ??= {})[locale] = plain(message);
  };
  for (const message of localizer.extractSourceMessages().messages) add(config.sourceLocale, message);
  for (const [locale, messages] of localizer.readTranslationsSync().translations) for (const message of messages) add(locale, message);
  const { foldedWords } = await importSources('search-fold', ["export { foldedWords } from './src/service-finder/fold.ts';"]);
  const words = Object.fromEntries(
    Object.entries(labels).map(([vocabulary, byId]) => [
      vocabulary,
      Object.fromEntries(Object.entries(byId).map(([id, label]) => [id, foldedWords(Object.values(label).join(' ')).join(' ')])),
    ]),
  );
  writeFileSync(
    'src/generated/vocabulary-labels.ts',
    `// Generated by scripts/locale-parts.mjs from src/core/labels.ts and locales/*.xlf: do not edit.

type ById = Record<'categories' | 'audiences', Record<string, string>>;

/** The built-in categories' and audiences' labels by id, in every UI language. */
export const VOCABULARY_LABELS: Record<'categories' | 'audiences', Record<string, Record<string, string>>> = ${JSON.stringify(labels, null, 2)};

/** The words of those labels in every language, each once, folded as the search folds them. */
export const VOCABULARY_WORDS: ById = ${JSON.stringify(words, null, 2)};
`,
  );
}
