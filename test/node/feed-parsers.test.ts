/**
 * The widgets' fast check (src/generated/feed-parsers.ts, written from the zod schemas by
 * scripts/feed-parsers.mjs) must say what zod says: for a value zod accepts, the same result
 * (same values, same keys in the same order) or INVALID (zod then decides); for a value zod
 * refuses, INVALID. Compared on every test feed and on thousands of changed values, drawn
 * from a seeded generator (the same values in every run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { repo } from './helpers.js';
import * as fast from '../../src/generated/feed-parsers.js';
import { INVALID } from '../../src/core/feed/fast-parse.js';
import { ServiceDocument } from '../../src/core/feed/document-schema.js';
import { FeedShape, VocabularyEntry, Coordinates } from '../../src/core/feed/schema.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { checkFeed, checkFeedLoading } from '../../src/core/feed/check.js';
import { detail } from '../../src/core/feed/check-detail.js';

const feeds = [
  'demo/public/services.json',
  'test/fixtures/finder-feed.json',
  'test/fixtures/small-feed.json',
  'test/fixtures/hours-map/feed.json',
].map((path) => JSON.parse(readFileSync(repo(path), 'utf8')));

interface Tally {
  same: number;
  leftToZod: number;
  refused: number;
}

/** Compare one value; returns how the fast check answered. */
function compare(name: string, read: (value: unknown) => unknown, schema: z.ZodMiniType, value: unknown, tally: Tally) {
  const zod = z.safeParse(schema, structuredClone(value));
  const mine = read(structuredClone(value));
  if (!zod.success) {
    assert.equal(mine, INVALID, `${name}: zod refuses ${JSON.stringify(value)?.slice(0, 300)}, the fast check accepts it`);
    tally.refused++;
  } else if (mine === INVALID) tally.leftToZod++;
  else {
    assert.deepStrictEqual(mine, zod.data, `${name}: another result for ${JSON.stringify(value)?.slice(0, 300)}`);
    assert.equal(JSON.stringify(mine), JSON.stringify(zod.data), `${name}: keys in another order`);
    tally.same++;
  }
}

/** A seeded pseudo-random generator (mulberry32): the same values in every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values at the edges of the contract's rules, and of JavaScript's types. */
const ODD: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  '  text  ',
  '\u00a0',
  0,
  -0,
  1,
  -91,
  90,
  180.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  'false',
  [],
  [null],
  {},
  { de: '' },
  { de: '  ' },
  { de: 'Text', uk: 'Текст' },
  { 'de-AT': 'x', xx_1: 'y' },
  { de: 1 },
  ['mo', 'xx'],
  ['mo'],
  'mo',
  'walk-in',
  'both',
  'open',
  'ended',
  '2025-02-29',
  '2024-02-29',
  '2025-13-01',
  '2025-06-01T10:00:00+02:00',
  '2025-06-01 x',
  '00:00',
  '24:00',
  '24:01',
  '9:00',
  'de-nw',
  'DE-BY',
  'by',
  'XX',
  'Europe/Berlin',
  'Mars/Base',
  'https://example.org/a',
  'http://x',
  'ftp://x',
  'javascript:alert(1)',
  'mail@example.org',
  'a@b',
  '+49 231 123456',
  'https://wa.me/4912345678',
  'a'.repeat(80),
  'a'.repeat(81),
  'ab-1_c',
  'Ab',
  '-a',
  '\ud83d\ude00',
  '\ud800',
  '__proto__',
  'constructor',
  1,
  'DE',
];

function leaves(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      out.push(at);
      leaves(child, at, out);
    }
  }
  return out;
}

function mutate(value: unknown, next: () => number): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const paths = leaves(copy);
  const changes = 1 + Math.floor(next() * 3);
  for (let c = 0; c < changes && paths.length; c++) {
    const path = paths[Math.floor(next() * paths.length)];
    let parent: any = copy;
    for (const key of path.slice(0, -1)) parent = parent?.[key];
    if (!parent || typeof parent !== 'object') continue;
    const key = path[path.length - 1];
    const roll = next();
    if (roll < 0.25) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (roll < 0.35) parent[`extra${c}`] = 'unknown key';
    else parent[key] = structuredClone(ODD[Math.floor(next() * ODD.length)]);
  }
  return copy;
}

test('the fast check reads every test feed as zod does', () => {
  const tally: Tally = { same: 0, leftToZod: 0, refused: 0 };
  for (const feed of feeds) {
    compare('feed', fast.feed, FeedShape, feed, tally);
    for (const service of feed.services) compare('service', fast.service, ServiceDocument, service, tally);
    for (const key of ['categories', 'audiences', 'districts'])
      for (const entry of feed[key] ?? []) compare('vocabularyEntry', fast.vocabularyEntry, VocabularyEntry, entry, tally);
  }
  // Every value of the test feeds is valid: none is left to zod.
  assert.equal(tally.leftToZod, 0);
  assert.ok(tally.same > 50, `only ${tally.same} values compared`);
});

test('the fast check agrees with zod on 6,000 changed values', () => {
  const next = random(14);
  const services = feeds.flatMap((feed) => feed.services);
  const vocabulary = feeds.flatMap((feed) => [...(feed.categories ?? []), ...(feed.districts ?? [])]);
  const tally: Tally = { same: 0, leftToZod: 0, refused: 0 };
  for (let i = 0; i < 3000; i++) compare('service', fast.service, ServiceDocument, mutate(services[i % services.length], next), tally);
  for (let i = 0; i < 1500; i++) {
    const feed = feeds[i % feeds.length];
    compare('feed', fast.feed, FeedShape, mutate({ ...feed, services: [] }, next), tally);
  }
  for (let i = 0; i < 1000; i++)
    compare('vocabularyEntry', fast.vocabularyEntry, VocabularyEntry, mutate(vocabulary[i % vocabulary.length], next), tally);
  for (let i = 0; i < 500; i++) compare('coordinates', fast.coordinates, Coordinates, mutate({ lat: 51.5, lon: 7.4 }, next), tally);
  // Both outcomes are covered, and the fast check leaves almost nothing valid to zod.
  assert.ok(tally.same > 1000 && tally.refused > 1000, JSON.stringify(tally));
  assert.ok(tally.leftToZod < tally.same / 100, JSON.stringify(tally));
});

test('a value the fast check leaves to zod is still read: the feed is checked with zod in one piece', () => {
  const feed = structuredClone(feeds[2]);
  // A text map that inherits from another object: a JSON feed has none, a feed set as a
  // property may. zod reads it; the fast check leaves such a map to zod.
  feed.publisher.name = Object.assign(Object.create({ inherited: 'x' }), { de: 'Stadt Hafenstadt' });
  assert.equal(fast.feed(feed), INVALID);
  assert.equal(checkFeed(feed), undefined, 'without zod the check says it needs it');
  const result = parseFeed(feed);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.feed?.publisher.name, { de: 'Stadt Hafenstadt' });
});

test('null for an absent value (database exports) is read without zod, with the same result', () => {
  const feed = structuredClone(feeds[2]);
  for (const service of feed.services) Object.assign(service, { description: null, provider: null, statusNote: null, validUntil: null });
  feed.services[0].languages.push(null);
  const quick = checkFeed(structuredClone(feed));
  assert.ok(quick, 'the fast check read it');
  assert.deepStrictEqual(quick, checkFeed(structuredClone(feed), detail));
  assert.ok(quick.feed!.services.length === feed.services.length);
});

test('the widgets’ check (zod loaded at the first broken service) gives what the full check gives', async () => {
  for (const broken of [0, 'last'] as const) {
    const feed = structuredClone(feeds[0]);
    const at = broken === 'last' ? feed.services.length - 1 : 0;
    feed.services[at].contact = { phone: 'call us', website: 'ftp://example.org' };
    feed.services[at].locations[0].hours.push({ days: ['xx'], opens: '25:00', closes: '09:00', kind: 'walk-in' });
    const loaded = await checkFeedLoading(structuredClone(feed), false);
    assert.deepStrictEqual(loaded, checkFeed(structuredClone(feed), detail));
    assert.ok(loaded.findings.some((finding) => finding.path.startsWith(`services[${at}].contact`)));
  }
  // A broken vocabulary entry (before the services): checked again from the start, with zod.
  const feed = structuredClone(feeds[0]);
  feed.categories = [{ id: 'Not A Slug', label: 'x' }];
  assert.deepStrictEqual(await checkFeedLoading(structuredClone(feed), false), checkFeed(structuredClone(feed), detail));
});
