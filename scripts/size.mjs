// Reports min+gzip bytes of every built entry (with the chunks it imports statically, i.e.
// what a page downloads before first paint), of the translations a widget loads and of lazy chunks,
// against the budgets in scripts/size-budgets.json, then the editor page and the release
// archive (`npm run release`). Exits 1 when a budget is exceeded. Run after `npm run build`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, basename } from 'node:path';

const dist = 'dist';
const budgets = JSON.parse(readFileSync('scripts/size-budgets.json', 'utf8'));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const staticImports = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.[^"']+)["']/g)].map((m) =>
    join(dirname(file), m[1]),
  );

/** The entry plus everything it imports statically, each file once. */
function closure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const dep of staticImports(entry)) closure(dep, seen);
  return seen;
}

if (!existsSync(dist)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const rows = [];
const check = (name, bytes, budget) => rows.push({ name, bytes, budget, ok: budget === undefined || bytes <= budget });

for (const [entry, budget] of Object.entries(budgets.entries)) {
  const files = closure(join(dist, `${entry}.js`));
  check(
    `${entry}.js (+ ${files.size - 1} shared chunks)`,
    [...files].reduce((sum, f) => sum + gz(f), 0),
    budget,
  );
}
const chunks = existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')) : [];
// Translations: one chunk per language and part, <locale>-<part>-[hash].js (vite.config.ts), the
// part being core (src/core/) or a widget folder. A widget loads core's and its own.
const translations = new Map(); // "<locale> <part>" → file
for (const chunk of chunks) {
  const part = /^(en|ro|bg|tr|ar|uk|pl)-([a-z-]+)-[\w-]{8}\.js$/.exec(chunk);
  const flowLocale = /^default-flow-(en|ro|bg|tr|ar|uk|pl)-/.exec(chunk)?.[1];
  // The longest prefix names the row (check-detail-… is not check-…).
  const lazy = Object.entries(budgets.lazy ?? {})
    .filter(([prefix]) => chunk.startsWith(prefix))
    .sort(([a], [b]) => b.length - a.length)[0];
  if (part) translations.set(`${part[1]} ${part[2]}`, join(dist, 'chunks', chunk));
  else if (flowLocale) check(`quick-check flow texts ${flowLocale} (${chunk})`, gz(join(dist, 'chunks', chunk)), budgets.flowLanguage);
  else if (lazy) check(`lazy ${lazy[0]} (${chunk})`, gz(join(dist, 'chunks', chunk)), lazy[1]);
}
const keys = [...translations.keys()].map((key) => key.split(' '));
const languages = [...new Set(keys.map(([locale]) => locale))];
const widgets = [...new Set(keys.map(([, part]) => part))].filter((part) => part !== 'core');
if (!widgets.length) throw new Error('dist/chunks/<locale>-<part>-*.js are missing: the translations cannot be counted.');
const sum = (files) => files.reduce((total, f) => total + gz(f), 0);
/** The translation files a page loads for `locale` with `parts` of its widgets: those and core. */
const translationFiles = (locale, parts) =>
  ['core', ...parts].map((part) => {
    const file = translations.get(`${locale} ${part}`);
    if (!file) throw new Error(`dist/chunks/${locale}-${part}-*.js is missing: the translations cannot be counted.`);
    return file;
  });
/** The language in which `parts` load the most bytes. */
const largestLanguage = (parts) => languages.reduce((a, b) => (sum(translationFiles(b, parts)) > sum(translationFiles(a, parts)) ? b : a));
{
  // The largest language load of one widget, and of all widgets on one page (lotse.js).
  const [widget, locale] = widgets
    .map((w) => [w, largestLanguage([w])])
    .reduce((a, b) => (sum(translationFiles(b[1], [b[0]])) > sum(translationFiles(a[1], [a[0]])) ? b : a));
  check(`language ${locale} for ${widget} (core + ${widget} parts)`, sum(translationFiles(locale, [widget])), budgets.locale);
  const all = largestLanguage(widgets);
  check(
    `language ${all} for all ${widgets.length} widgets (core + ${widgets.length} parts)`,
    sum(translationFiles(all, widgets)),
    budgets.localeAllWidgets,
  );
}

// What a visitor downloads before the finder shows results in a language other than German,
// when the feed comes from a URL: service-finder.js with its static chunks, the finder's
// translations (core's and its own part, in the language where they are largest) and the feed
// worker (with its static imports), every file once. Not counted: the search index, which the
// finder asks for only in the render that shows the first results (finder-search.ts
// `prepareText`), the views after an action and their strings (finder-more, asked for in that
// render too; test/finder-lazy.test.ts), zod's detail of the check (only for a feed the fast check cannot read) and
// the problem sentences (only for a feed with problems).
{
  const chunk = (prefix, pick = (list) => list[0]) => {
    const list = chunks.filter((f) => f.startsWith(prefix)).map((f) => join(dist, 'chunks', f));
    if (!list.length) throw new Error(`dist/chunks/${prefix}*.js is missing: the first-results total cannot be counted.`);
    return pick(list);
  };
  const locale = largestLanguage(['service-finder']);
  const parts = [join(dist, 'service-finder.js'), ...translationFiles(locale, ['service-finder']), chunk('feed-worker-')];
  const files = new Set();
  for (const part of parts) closure(part, files);
  const name = `first results, finder in ${locale} (entry + translations + feed-worker, ${files.size} files)`;
  check(
    name,
    [...files].reduce((sum, f) => sum + gz(f), 0),
    budgets.firstResults,
  );
}

// The quick-check's default flow as a visitor loads it: German (structure and fallback) plus
// the widget's language (the largest).
{
  const flow = (re) => chunks.filter((f) => re.test(f)).map((f) => join(dist, 'chunks', f));
  const [german] = flow(/^default-flow-de-/);
  const languages = flow(/^default-flow-(en|ro|bg|tr|ar|uk|pl)-/);
  if (!german || !languages.length) throw new Error('dist/chunks/default-flow-*.js is missing: the quick-check flow cannot be counted.');
  const largest = languages.reduce((a, b) => (gz(b) > gz(a) ? b : a));
  const name = `quick-check default flow in ${/default-flow-(\w+)-/.exec(largest)[1]} (German + that language)`;
  check(name, gz(german) + gz(largest), budgets.flow);
}

// The editor page (one self-contained script with every language and lazy part) and the
// release archive (bytes as downloaded: a zip is compressed already).
const editor = ['redaktion.html', 'redaktion.js', 'redaktion.css'].map((f) => join(dist, f));
if (editor.every((f) => existsSync(f))) {
  check(
    'editor page redaktion.html + .js + .css',
    editor.reduce((sum, f) => sum + gz(f), 0),
    budgets.editor,
  );
} else {
  console.warn('dist/redaktion.html is missing: the editor page is not counted (npm run build).');
}
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const archive = join(dist, `lotse-${version}.zip`);
if (existsSync(archive)) check(`release archive lotse-${version}.zip (bytes, zip)`, readFileSync(archive).length, budgets.release);
else console.warn(`dist/lotse-${version}.zip is missing: the release archive is not counted (npm run release).`);

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  min+gzip    budget`);
for (const r of rows) {
  const kb = (n) => (n === undefined ? '—' : `${(n / 1024).toFixed(1)} kB`);
  console.log(`${r.name.padEnd(width)}  ${kb(r.bytes).padStart(8)}  ${kb(r.budget).padStart(8)}  ${r.ok ? 'ok' : 'OVER BUDGET'}`);
}
const over = rows.filter((r) => !r.ok);
if (over.length) {
  console.error(`\n${over.length} budget(s) exceeded.`);
  process.exit(1);
}
console.log(`\nAll ${rows.length} sizes within budget (${basename(process.cwd())}).`);
