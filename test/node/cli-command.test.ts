/** The `lotse` command as an editor runs it: files, exit codes, usage errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lotse, repo } from './helpers.js';

test('validate the sample feed: exit 0 and the publishable summary', () => {
  const run = lotse(['validate', repo('demo/public/services.json')]);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /Ergebnis: keine Fehler/);
});
