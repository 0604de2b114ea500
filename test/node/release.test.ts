/**
 * The release archive (`npm run release`, scripts/release.mjs): what a city uploads as is.
 * Needs `npm run build` first (CI builds before testing). The archive is written to a scratch
 * folder, unzipped and checked file by file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT, repo, scratch } from './helpers.js';

const { version } = JSON.parse(readFileSync(repo('package.json'), 'utf8'));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function release(): Record<string, Uint8Array> {
  assert.ok(existsSync(repo('dist/redaktion.html')), 'dist/ is not built: run `npm run build` first');
  const out = scratch();
  const run = spawnSync(process.execPath, ['scripts/release.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`lotse-${version.replace(/\./g, '\\.')}\\.zip written`));
  const zip = join(out, `lotse-${version}.zip`);
  const check = spawnSync(process.execPath, ['scripts/release.mjs', '--check', zip], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  return unzipSync(readFileSync(zip));
}

const files = release();
const names = Object.keys(files);
const file = (name: string) => files[`lotse/${name}`];

test('one folder lotse/ with the widgets, the iframe page, the editor page, the schema, the template, a sample and LIESMICH.txt', () => {
  assert.ok(
    names.every((name) => name.startsWith('lotse/')),
    names.join(', '),
  );
  for (const name of [
    'lotse.js',
    'service-finder.js',
    'hours-map.js',
    'quick-check.js',
    'contact-form.js',
    'embed.html',
    'embed.js',
    'redaktion.html',
    'redaktion.js',
    'redaktion.css',
    'feed.schema.json',
    'angebote-vorlage.csv',
    'beispiel-services.json',
    'LIESMICH.txt',
  ]) {
    assert.ok(file(name)?.length, `${name} is missing`);
  }
  assert.ok(!names.some((name) => /\.(map|ts|mjs)$/.test(name)), 'no source maps, TypeScript or Node files');
  // The sample is not called services.json: uploading the folder never publishes invented data.
  assert.equal(file('services.json'), undefined);
});

test('the built files are the ones in dist/, the template and sample the ones in the repository', () => {
  for (const name of ['lotse.js', 'embed.html', 'redaktion.html', 'redaktion.js', 'feed.schema.json']) {
    assert.deepEqual(file(name), new Uint8Array(readFileSync(repo(`dist/${name}`))), name);
  }
  assert.deepEqual(file('angebote-vorlage.csv'), new Uint8Array(readFileSync(repo('templates/angebote-vorlage.csv'))));
  assert.deepEqual(JSON.parse(text(file('beispiel-services.json'))), JSON.parse(readFileSync(repo('demo/public/services.json'), 'utf8')));
  JSON.parse(text(file('feed.schema.json')));
});

test('every chunk a widget or the iframe page imports is in the archive', () => {
  const scripts = names.filter((name) => name.endsWith('.js'));
  let imports = 0;
  for (const name of scripts) {
    const dir = name.slice(0, name.lastIndexOf('/') + 1);
    for (const [, target] of text(files[name]).matchAll(/(?:from|import\()\s*["'](\.\.?\/[^"']+\.js)["']/g)) {
      const resolved = new URL(target, `file:///${dir}`).pathname.slice(1);
      assert.ok(files[resolved], `${name} imports ${target}, missing from the archive`);
      imports++;
    }
  }
  assert.ok(imports > 10, `only ${imports} imports found`);
  assert.ok(names.some((name) => name.startsWith('lotse/chunks/')));
});

test('the editor page runs from the archive alone under a strict CSP: no inline script or style, no module to fetch', () => {
  const page = text(file('redaktion.html'));
  assert.match(page, /<script defer src="\.\/redaktion\.js"><\/script>/);
  assert.match(page, /<link rel="stylesheet" href="\.\/redaktion\.css" \/>/);
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(page), 'no inline <script>');
  assert.ok(!/\sstyle=/.test(page) && !/<style/.test(page), 'no inline styles');
  assert.ok(!/redaktion\.ts/.test(page.replace(/<!--[\s\S]*?-->/g, '')), 'no source file referenced');
  // The resize script for iframe hosts is inside the page (nothing fetched).
  assert.match(page, /<template id="lotse-host-snippet">[\s\S]*lotse-embed-height[\s\S]*<\/template>/);
  // One classic script: no import() of further files (opens from file:// too).
  assert.ok(!/\bimport\(["'`]\.\.?\//.test(text(file('redaktion.js'))), 'the editor script is self-contained');
});

test('LIESMICH.txt: German, the three steps, Windows line ends', () => {
  const liesmich = text(file('LIESMICH.txt'));
  assert.match(liesmich, new RegExp(`^Lotse ${version.replace(/\./g, '\\.')} `));
  assert.match(liesmich, /1\. Hochladen/);
  assert.match(liesmich, /2\. Feed erstellen/);
  assert.match(liesmich, /3\. Code einfügen/);
  assert.match(liesmich, /redaktion\.html/);
  assert.match(liesmich, /angebote-vorlage\.csv/);
  assert.ok(!/[^\r]\n/.test(liesmich), 'CRLF line ends');
});

test('the same build gives the same archive (fixed file dates)', () => {
  const again = release();
  assert.deepEqual(Object.keys(again), names);
  for (const name of names) assert.deepEqual(again[name], files[name], name);
});
