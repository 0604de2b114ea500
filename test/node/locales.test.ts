/**
 * One list of UI languages (`LOCALES`, src/core/locales.ts), imported by the widgets, the
 * editor page, embed.html and the stories. Where a file cannot import it, this test compares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repo, readJson } from './helpers.js';
import { LOCALES } from '../../src/core/locales.js';

test('lit-localize.json translates exactly LOCALES (German the source)', () => {
  const config = readJson(repo('lit-localize.json'));
  assert.deepEqual([config.sourceLocale, ...config.targetLocales], [...LOCALES]);
});

/** The first "de, en, …, pl" (or "… uk or pl", "… uk und pl") list in a text. */
const listIn = (text: string) => {
  const match = /\bde, en(?:, [a-z]{2})*(?:,| or| und) [a-z]{2}\b/.exec(text);
  return match ? match[0].split(/, | or | und /) : undefined;
};

for (const file of ['README.md', 'src/types/elements.d.ts', 'src/core/base-element.ts', 'demo/embed.ts']) {
  test(`${file} names the languages of LOCALES`, () => {
    assert.deepEqual(listIn(readFileSync(repo(file), 'utf8')), [...LOCALES]);
  });
}
