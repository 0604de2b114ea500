/**
 * dist/feed.schema.json (scripts/feed-schema.mjs) says what the checker accepts: editors who set
 * "$schema" see the same verdict in their editor as from `npx lotse validate`. In particular
 * `null` means "not given" (docs-feed-contract.md). Needs `npm run build` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { repo } from './helpers.js';
import { validateFeed } from '../../cli/validate.js';

assert.ok(existsSync(repo('dist/feed.schema.json')), 'dist/ is not built: run `npm run build` first');
const schema = JSON.parse(readFileSync(repo('dist/feed.schema.json'), 'utf8'));
const valid = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const sample = () => JSON.parse(readFileSync(repo('demo/public/services.json'), 'utf8'));
const errorsOf = (feed: unknown) => (valid(feed) ? [] : (valid.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

test('the sample feed is valid for the schema and for the checker', () => {
  assert.deepEqual(errorsOf(sample()), []);
  assert.equal(validateFeed(sample()).errors, 0);
});

test('null where a value may be left out: the schema accepts it, as the checker does', () => {
  const feed = sample();
  const service = feed.services[0];
  service.description = null; // an optional property
  service.provider = null;
  service.name = { ...(typeof service.name === 'string' ? { de: service.name } : service.name), ro: null }; // a language of a text
  service.languages = [...service.languages, null]; // an entry of a list of values
  service.locations[0].district = null;
  feed.services.push(null); // an entry of a list of objects (skipped)
  assert.deepEqual(errorsOf(feed), []);
  assert.equal(validateFeed(feed).errors, 0);
});

test('null where a value is required: the schema refuses it, and the checker reports it', () => {
  const feed = sample();
  feed.services[0].id = null;
  assert.ok(
    errorsOf(feed).some((e) => e.startsWith('/services/0')),
    errorsOf(feed).join('; '),
  );
  const reported = validateFeed(feed).problems.filter((p) => p.path.startsWith('services[0]') && p.severity !== 'info');
  assert.ok(reported.length > 0, 'the checker names services[0]');
  // A missing version is only a warning for the checker (read as 1): the schema asks for it.
  const unversioned = sample();
  unversioned.version = null;
  assert.notDeepEqual(errorsOf(unversioned), []);
  assert.ok(validateFeed(unversioned).problems.some((p) => p.path === 'version' && p.severity === 'warning'));
});
