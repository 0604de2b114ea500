/**
 * Tables kept by hand beside the code, checked against `custom-elements.json` (the analyzer's
 * view of the widgets' JSDoc and `static properties`). Each table has its own test; a new
 * attribute makes all of them fail until the typings, embed.html, the code generator and the
 * README list it. Why checked rather than generated: each table carries what the manifest
 * cannot give (typings with literal types such as `'list' | 'compact'`, German labels and hints
 * in the code generator, German explanations and examples in the README, embed.html's own
 * rules), so only the list of names is derived, and a test is the smallest way to keep it
 * derived.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, repo } from './helpers.js';
import { DEFAULTS, attributesFor, type Settings, type WidgetName } from '../../editor/builder.js';

interface Attribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
}
interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
}

/** A fresh manifest of the current sources (not a stale one from the last build). */
function analyze(): Map<WidgetName, Declaration> {
  const outdir = '.cache/manifest-check';
  rmSync(join(ROOT, outdir), { recursive: true, force: true });
  const cem = repo('node_modules/@custom-elements-manifest/analyzer/cem.js');
  // The analyzer writes its output path into package.json ("customElements"); there is no
  // command-line switch to stop it, so the file is put back as it was.
  const packageJson = readFileSync(join(ROOT, 'package.json'), 'utf8');
  let result: ReturnType<typeof spawnSync>;
  try {
    result = spawnSync(
      process.execPath,
      [cem, 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/generated/**', '--outdir', outdir],
      { cwd: ROOT, encoding: 'utf8' },
    );
  } finally {
    writeFileSync(join(ROOT, 'package.json'), packageJson);
  }
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  const manifest = JSON.parse(readFileSync(join(ROOT, outdir, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
  const widgets = new Map<WidgetName, Declaration>();
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) if (d.tagName) widgets.set(d.tagName.replace(/^lotse-/, '') as WidgetName, d);
  }
  return widgets;
}

const widgets = analyze();
const WIDGETS = ['service-finder', 'hours-map', 'quick-check', 'contact-form'] as const;
/** `now` pins the clock for tests and demos (documented so); no table for editors offers it. */
const TEST_ONLY = new Set(['now']);
const COMMON = new Set(['feed', 'lang']);

const attributes = (widget: WidgetName) => widgets.get(widget)!.attributes ?? [];
const names = (list: Iterable<string>) => [...new Set(list)].sort();
/** The attributes an editor may set, with or without `feed` and `lang`. */
const editorAttributes = (widget: WidgetName, common = true) =>
  names(
    attributes(widget)
      .map((a) => a.name)
      .filter((n) => !TEST_ONLY.has(n) && (common || !COMMON.has(n))),
  );

test('the manifest lists the four widgets and their documented attributes', () => {
  assert.deepEqual(names(widgets.keys()), names(WIDGETS));
  assert.deepEqual(editorAttributes('quick-check'), ['feed', 'lang', 'url-state']);
});

test('the manifest lists only documented public members (no accidental API)', () => {
  for (const widget of WIDGETS) {
    const d = widgets.get(widget)!;
    const fields = new Set(attributes(widget).flatMap((a) => [a.name, a.fieldName ?? a.name]));
    const extra = (d.members ?? [])
      .filter((m) => (!m.privacy || m.privacy === 'public') && !m.static && !m.name.startsWith('#'))
      .filter((m) => !(m.kind === 'field' && (fields.has(m.name) || m.name === 'now')))
      .map((m) => m.name);
    assert.deepEqual(extra, [], `lotse-${widget}: public members that are not documented inputs`);
  }
});

test("src/types/elements.d.ts: each widget's props are its properties and attributes", () => {
  const source = readFileSync(repo('src/types/elements.d.ts'), 'utf8');
  const keysOf = (body: string) => names([...body.matchAll(/^\s*'?([\w-]+)'?\?:/gm)].map((m) => m[1]));
  const common = keysOf(/interface LotseCommonProps \{([^}]*)\}/.exec(source)![1]);
  assert.deepEqual(common, names(COMMON));
  for (const widget of WIDGETS) {
    const type = `Lotse${widget.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Props`;
    const body = new RegExp(`interface ${type} extends LotseCommonProps \\{([^}]*)\\}`).exec(source);
    assert.ok(body, `${type} is missing`);
    const d = widgets.get(widget)!;
    const expected = names(
      [
        ...attributes(widget).flatMap((a) => [a.name, a.fieldName ?? a.name]),
        ...(d.members ?? [])
          .filter((m) => m.kind === 'field' && m.name === 'now' && (!m.privacy || m.privacy === 'public'))
          .map((m) => m.name),
      ].filter((n) => !COMMON.has(n)),
    );
    assert.deepEqual(keysOf(body[1]), expected, type);
  }
});

test("demo/embed.ts: the iframe page takes each widget's attributes, and knows which are boolean", () => {
  const source = readFileSync(repo('demo/embed.ts'), 'utf8');
  const table = /const ATTRIBUTES[^=]*= \{([^}]*)\}/.exec(source)![1];
  for (const widget of WIDGETS) {
    const row = new RegExp(`'${widget}': \\[([^\\]]*)\\]`).exec(table);
    assert.ok(row, `ATTRIBUTES['${widget}'] is missing`);
    assert.deepEqual(names([...row[1].matchAll(/'([\w-]+)'/g)].map((m) => m[1])), editorAttributes(widget, false), widget);
  }
  const booleans = /const BOOLEAN_ATTRIBUTES = new Set\(\[([^\]]*)\]\)/.exec(source)![1];
  assert.deepEqual(
    names([...booleans.matchAll(/'([\w-]+)'/g)].map((m) => m[1])),
    names(
      WIDGETS.flatMap((w) =>
        attributes(w)
          .filter((a) => a.type?.text === 'boolean' && !TEST_ONLY.has(a.name))
          .map((a) => a.name),
      ),
    ),
  );
});

test("editor/builder.ts: the code generator offers each widget's attributes", () => {
  const everything: Settings = {
    ...DEFAULTS,
    lang: 'de',
    categories: ['health'],
    district: 'nord',
    view: 'compact',
    pageSize: '10',
    urlState: true,
    tiles: '/t/{z}/{x}/{y}.png',
    attribution: 'x',
    consentGranted: true,
    showMap: true,
    endpoint: '/api',
    privacyUrl: '/datenschutz',
    service: 's',
    recipient: 'r',
    retentionDays: '30',
  };
  for (const widget of WIDGETS) {
    assert.deepEqual(names(attributesFor({ ...everything, widget }).map(([name]) => name)), editorAttributes(widget), widget);
  }
});

test('README "Einstellungen (Attribute)": one row per attribute, for the right widgets', () => {
  const readme = readFileSync(repo('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Einstellungen (Attribute)**'));
  const lines = section.split('\n').slice(2);
  const rows = lines
    .slice(
      0,
      lines.findIndex((line, i) => i > 0 && !line.startsWith('|')),
    )
    .slice(2);
  const COLUMN: Record<string, readonly WidgetName[]> = {
    alle: WIDGETS,
    Suche: ['service-finder'],
    Karte: ['hours-map'],
    'Schnell-Check': ['quick-check'],
    Kontakt: ['contact-form'],
  };
  const listed = new Map<WidgetName, string[]>(WIDGETS.map((w) => [w, []]));
  for (const row of rows) {
    const [who, what] = row
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    const attrs = [...what.matchAll(/`([\w-]+)(=[^`]*)?`/g)].map((m) => m[1]);
    for (const label of who.split(',').map((s) => s.trim())) {
      assert.ok(COLUMN[label], `unknown widget "${label}" in the README table`);
      for (const widget of COLUMN[label]) listed.get(widget)!.push(...attrs);
    }
  }
  for (const widget of WIDGETS) assert.deepEqual(names(listed.get(widget)!), editorAttributes(widget), widget);
});
