/**
 * `lotse validate` as a pipeline sees it: the report text (grouping, what the widgets show
 * today), the JSON output, the feed's quick-check, services without a place, null values and
 * hostile nesting. Every test passes `today`, none reads the clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatJson, formatReport, validateFeed, validateText, type ValidateResult } from '../../cli/validate.js';
import { feedFindings, repo } from './helpers.js';

const TODAY = '2026-11-20';
const small = () => JSON.parse(readFileSync(repo('test/fixtures/small-feed.json'), 'utf8'));

/** A feed without any finding: every service checked recently, with a place, in German only. */
function goodFeed() {
  const feed = small();
  feed.languages = ['de'];
  for (const service of feed.services) {
    service.lastChecked = '2026-11-01';
    service.locations = structuredClone(feed.services[0].locations);
  }
  feed.services[2].validUntil = '2027-12-31';
  return feed;
}

/** `n` copies of the first service, ids s-0 … */
function manyServices(n: number) {
  const feed = goodFeed();
  feed.services = Array.from({ length: n }, (_, i) => ({ ...structuredClone(feed.services[0]), id: `s-${i}` }));
  return feed;
}

const codes = (result: ValidateResult) => feedFindings(result.problems).map((p) => p.code);
const json = (result: ValidateResult) => JSON.parse(formatJson(result));

test('a good feed: no findings, and the last line says all services are shown today', () => {
  const result = validateFeed(goodFeed(), { today: TODAY });
  assert.deepEqual(feedFindings(result.problems), []);
  const lines = formatReport(result);
  // One note on Lotse's own unreviewed quick-check steps, then the verdict.
  assert.match(lines[0], /^HINWEIS Schnell-Check: \d+ Schritte des Standard-Ablaufs von Lotse sind noch nicht fachlich geprüft/);
  assert.deepEqual(lines.slice(1), [
    '',
    'Ergebnis: keine Fehler, keine Warnungen. Der Feed kann so veröffentlicht werden.',
    'Heute (2026-11-20) zeigen die Widgets 3 von 3 Diensten.',
  ]);
  assert.equal(formatReport(result, 'en').at(-1), 'Today (2026-11-20) the widgets show 3 of 3 services.');
});

test('missing translations of many services: one line per language, ids shortened; JSON keeps every service', () => {
  const feed = manyServices(43);
  feed.languages = ['de', 'uk'];
  feed.services[0].name = { de: 'Clearingstelle', uk: 'Клірингова служба' };
  feed.services[0].summary = { de: 'Hilfe', uk: 'Допомога' };
  feed.services[0].description = { de: 'Text', uk: 'Текст' };
  feed.services[1].name = { de: 'Clearingstelle', uk: 'Клірингова служба' };
  feed.services[1].summary = { de: 'Hilfe', uk: 'Допомога' };
  feed.services[1].description = { de: 'Text', uk: 'Текст' };
  const result = validateFeed(feed, { today: TODAY });
  const lines = formatReport(result);
  const uk = lines.filter((line) => line.includes('Ukrainisch'));
  assert.equal(uk.length, 1, lines.join('\n'));
  assert.match(uk[0], /^WARNUNG Übersetzung fehlt: Ukrainisch \(uk\) fehlt in 41 von 43 Diensten/);
  assert.match(uk[0], /"s-2", "s-3", .*"s-11" und 31 weitere\./);
  assert.equal(result.problems.filter((p) => p.code === 'missingTexts').length, 41);
  assert.deepEqual(
    json(result)
      .problems.filter((p: { code: string }) => p.code === 'missingTexts')
      .map((p: { path: string }) => p.path)
      .slice(0, 2),
    ['services[2]', 'services[3]'],
  );
  assert.match(
    formatReport(result, 'en').find((l) => l.includes('(uk)'))!,
    /Ukrainian \(uk\) is missing in 41 of 43 services.*and 31 more/,
  );
});

test('the same warning at many places is one line listing the places (all paths in JSON)', () => {
  const feed = manyServices(12);
  for (const service of feed.services) delete service.lastChecked;
  const result = validateFeed(feed, { today: TODAY });
  const lines = formatReport(result);
  const i = lines.findIndex((l) => l.startsWith('WARNUNG 12×: Kein Prüfdatum.'));
  assert.ok(i >= 0, lines.join('\n'));
  assert.match(lines[i + 1], /^ {2}an: services\[0\]\.lastChecked \(Dienst "s-0"\), services\[1\]\.lastChecked/);
  assert.match(lines[i + 1], /und 2 weitere$/);
  assert.equal(lines.filter((l) => l.includes('Kein Prüfdatum')).length, 1);
  assert.equal(json(result).problems.filter((p: { code: string }) => p.code === 'noLastChecked').length, 12);
  // Two of a kind stay two lines.
  const two = goodFeed();
  delete two.services[0].lastChecked;
  delete two.services[1].lastChecked;
  assert.equal(formatReport(validateFeed(two, { today: TODAY })).filter((l) => l.includes('Kein Prüfdatum')).length, 2);
});

test("what the widgets show today: ended, not yet, expired, skipped and temporarily closed, by the widgets' rule", () => {
  const feed = manyServices(8);
  feed.services[1].status = 'ended';
  feed.services[2].validFrom = '2026-12-01';
  feed.services[3].validUntil = '2026-06-30';
  feed.services[4].status = 'temporarily-closed';
  feed.services[5].free = 'ja'; // skipped (error)
  feed.services[6].validUntil = TODAY; // the last day still counts
  feed.services[7].validFrom = TODAY;
  const result = validateFeed(feed, { today: TODAY });
  const lines = formatReport(result);
  const at = lines.indexOf('Heute (2026-11-20) zeigen die Widgets 4 von 8 Diensten.');
  assert.ok(at > 0, lines.join('\n'));
  assert.deepEqual(lines.slice(at + 1), [
    '  nicht gezeigt, beendet ("status": "ended"): "s-1"',
    '  nicht gezeigt, beginnt erst am 2026-12-01 ("validFrom"): "s-2"',
    '  nicht gezeigt, abgelaufen (gültig bis 2026-06-30): "s-3"',
    '  nicht gezeigt, wegen Fehlern übersprungen (siehe oben): "s-5"',
    '  vorübergehend geschlossen (sichtbar, als geschlossen markiert): "s-4"',
  ]);
  assert.deepEqual(json(result).services, {
    today: TODAY,
    total: 8,
    usable: 7,
    visible: 4,
    hidden: [
      { path: 'services[1]', id: 's-1', reason: 'ended', date: null },
      { path: 'services[2]', id: 's-2', reason: 'notYet', date: '2026-12-01' },
      { path: 'services[3]', id: 's-3', reason: 'expired', date: '2026-06-30' },
      { path: 'services[5]', id: 's-5', reason: 'skipped', date: null },
    ],
    temporarilyClosed: [{ path: 'services[4]', id: 's-4' }],
  });
  // The day matters: a day later s-6 has expired.
  assert.equal(validateFeed(feed, { today: '2026-11-21' }).visibility!.visible, 3);
});

test('formatJson: a stable shape with every key present', () => {
  const feed = goodFeed();
  delete feed.services[1].free;
  const out = formatJson(validateFeed(feed, { today: TODAY }));
  assert.ok(out.startsWith('{\n  "format": "lotse-validate",') && out.endsWith('}'));
  const data = JSON.parse(out);
  assert.deepEqual(Object.keys(data), ['format', 'formatVersion', 'ok', 'errors', 'warnings', 'notes', 'services', 'problems']);
  assert.equal(data.format, 'lotse-validate');
  assert.equal(data.formatVersion, 1);
  assert.equal(data.ok, false);
  assert.deepEqual(Object.keys(data.services), ['today', 'total', 'usable', 'visible', 'hidden', 'temporarilyClosed']);
  assert.deepEqual(data.problems[0], {
    path: 'services[1].free',
    severity: 'error',
    code: 'missing',
    message: 'fehlt, ist aber Pflicht.',
    messageEn: 'is missing but required.',
    service: 'schuldnerberatung',
    where: { de: 'Dienst "schuldnerberatung"', en: 'service "schuldnerberatung"' },
    hint: { de: 'true, wenn das Angebot kostenlos ist, sonst false.', en: 'true if the service is free of charge, else false.' },
  });
  for (const p of data.problems) {
    assert.deepEqual(Object.keys(p), ['path', 'severity', 'code', 'message', 'messageEn', 'service', 'where', 'hint']);
  }
  // Unusable: services is null, the problem is still there.
  const broken = JSON.parse(formatJson(validateText('[1, 2]', { today: TODAY })));
  assert.equal(broken.services, null);
  assert.equal(broken.problems[0].code, 'notObject');
  assert.equal(broken.problems[0].where, null);
});

test('quickCheck: a broken override is reported with paths; a good one is quiet', () => {
  const feed = goodFeed();
  feed.quickCheck = { questions: [{ id: 'wohnung', text: 'Haben Sie eine Wohnung?', answers: [{ id: 'ja', label: 'Ja' }] }] };
  const result = validateFeed(feed, { today: TODAY });
  assert.equal(result.ok, false);
  const paths = result.problems.filter((p) => p.path.startsWith('quickCheck')).map((p) => `${p.path} ${p.code}`);
  assert.deepEqual(paths, ['quickCheck.questions[0].answers answers', 'quickCheck rejected']);
  assert.ok(formatReport(result).includes('FEHLER quickCheck.questions[0].answers: Eine Frage braucht mindestens 2 Antworten.'));
  // Removing a default step is fine.
  feed.quickCheck = { remove: [] };
  assert.deepEqual(feedFindings(validateFeed(feed, { today: TODAY }).problems), []);
  // A hostile depth of conditions is refused, not recursed into.
  let when: unknown = { q: 'x', is: 'y' };
  for (let i = 0; i < 100_000; i++) when = { not: when };
  feed.quickCheck = { steps: [{ id: 'deep', when }] };
  const deep = validateFeed(feed, { today: TODAY });
  assert.deepEqual(
    feedFindings(deep.problems).map((p) => `${p.path} ${p.code}`),
    ['quickCheck.steps[0].when tooDeep', 'quickCheck rejected'],
  );
});

test('a service without a place: a warning, unless phone or web reach it (then a note that it is shown without a place)', () => {
  const feed = goodFeed();
  feed.services[1].contact = {};
  feed.services[1].locations = [];
  delete feed.services[2].locations;
  feed.services[2].contact = { phone: '0201 555 0100' }; // phone only
  const result = validateFeed(feed, { today: TODAY });
  assert.deepEqual(
    feedFindings(result.problems).map((p) => `${p.severity} ${p.path} ${p.code}`),
    ['warning services[1].locations noPlace', 'info services[2].locations onlyRemote'],
  );
  const lines = formatReport(result);
  assert.ok(
    lines.some((l) =>
      l.startsWith('WARNUNG services[1].locations (Dienst "schuldnerberatung"): Der Dienst hat keinen Ort und weder Telefon'),
    ),
  );
  assert.ok(
    lines.includes(
      'HINWEIS services[2].locations (Dienst "old-project"): Der Dienst hat keinen Ort. Die Widgets zeigen ihn ohne Adresse und Sprechzeiten, nur mit Telefon.',
    ),
  );
  assert.equal(result.warnings, 1);
  assert.equal(feedFindings(result.problems).filter((p) => p.severity === 'info').length, 1);
  assert.equal(result.ok, true);
  // An ended service is not shown anyway: nothing to say.
  feed.services[1].status = 'ended';
  assert.ok(!codes(validateFeed(feed, { today: TODAY })).includes('noPlace'));
});

test('null means absent: a database export with nulls gives one note line, no warnings, every null in JSON', () => {
  const feed = goodFeed();
  feed.publisher.url = null;
  feed.region.zoom = null;
  feed.categories = null;
  for (const service of feed.services) {
    Object.assign(service, { description: null, provider: null, statusNote: null, validFrom: null, topics: null });
    service.contact = { ...service.contact, email: null };
  }
  feed.services[0].locations[0].hours[0].note = null;
  feed.services[0].locations[0].hours.push(null);
  feed.services.push(null);
  const result = validateFeed(feed, { today: TODAY });
  assert.equal(result.errors, 0, formatReport(result).join('\n'));
  assert.equal(result.warnings, 0, formatReport(result).join('\n'));
  assert.equal(feedFindings(result.problems).length, 24);
  assert.ok(feedFindings(result.problems).every((p) => p.code === 'null' && p.severity === 'info'));
  const lines = formatReport(result).filter((line) => !line.startsWith('HINWEIS Schnell-Check'));
  assert.equal(lines[0], 'HINWEIS 24×: ist null und gilt als nicht angegeben.');
  assert.match(lines[1], /^ {2}an: publisher\.url, region\.zoom, services\[0\]\.description \(Dienst "clearing"\), .* und 14 weitere$/);
  assert.equal(lines.at(-1), 'Heute (2026-11-20) zeigen die Widgets 3 von 3 Diensten.');
  const paths = feedFindings(json(result).problems as { path: string }[]).map((p) => p.path);
  assert.ok(paths.includes('services[0].locations[0].hours[2]'));
  assert.ok(paths.includes('services[3]'));
  // A required field that is null is missing (an error), with the note beside it.
  feed.services[0].name = null;
  const missing = validateFeed(feed, { today: TODAY });
  assert.ok(missing.problems.some((p) => p.path === 'services[0].name' && p.code === 'missing' && p.severity === 'error'));
});

test('a broken optional top-level value is dropped with a warning; every other finding is still reported', () => {
  const feed = goodFeed();
  feed.publisher.url = 'ftp://example.org';
  feed.updated = 'gestern';
  feed.region.zoom = 40;
  feed.languages = ['de', 'Deutsch'];
  feed.services[0].locations[0].hours[1].closes = '25:00';
  delete feed.services[1].lastChecked;
  const result = validateFeed(feed, { today: TODAY });
  assert.deepEqual(
    feedFindings(result.problems).map((p) => `${p.severity} ${p.path} ${p.code}`),
    [
      'warning publisher.url url',
      'warning publisher.url dropped',
      'warning region.zoom zoom',
      'warning region.zoom dropped',
      'warning updated date',
      'warning updated dropped',
      'warning languages[1] language',
      'warning languages[1] dropped',
      'error services[0].locations[0].hours[1].closes time',
      'error services[0].locations[0].hours[1] skipped',
      'warning services[1].lastChecked noLastChecked',
    ],
  );
  assert.equal(result.visibility!.visible, 3);
  assert.equal(formatReport(result).at(-1), 'Heute (2026-11-20) zeigen die Widgets 3 von 3 Diensten.');
});

test('no input throws: deep nesting anywhere, deep broken JSON, huge lists', () => {
  const nest = (n: number, inner = '"x"') => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
  const base = JSON.stringify(goodFeed());
  const cases: [string, string][] = [
    ['a deep list in a text', base.replace('"Wir klären Ihre Krankenversicherung."', nest(100_000))],
    ['deep lists as services', base.replace(/"services":\[.*\]\}$/, `"services":[${nest(100_000, '{}')}]}`)],
    ['a deep unknown field', base.replace('"id":"clearing",', `"id":"clearing","extra":${nest(100_000)},`)],
    ['deep objects at the top', base.replace('"version":1,', `"version":1,"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)},`)],
    ['deep and cut off', `{"services":${'['.repeat(100_000)}`],
    ['deep lists only', nest(100_000)],
  ];
  for (const [name, text] of cases) {
    let result: ValidateResult | undefined;
    assert.doesNotThrow(() => {
      result = validateText(text, { today: TODAY });
      formatReport(result);
      formatJson(result);
    }, name);
    // An unknown top-level field is never read, however deep; everything else is reported.
    if (name === 'deep objects at the top') assert.deepEqual(feedFindings(result!.problems), [], name);
    else assert.ok(feedFindings(result!.problems).length > 0, name);
  }
  const text = validateText(cases[0][1], { today: TODAY });
  assert.ok(text.problems.some((p) => p.path === 'services[0].description' && p.code === 'text'));
  assert.equal(text.visibility!.visible, 3);
  const unknown = validateText(cases[2][1], { today: TODAY });
  assert.deepEqual(
    feedFindings(unknown.problems).map((p) => `${p.path} ${p.code}`),
    ['services[0].extra tooDeep'],
  );
  assert.match(formatReport(unknown)[0], /zu tief verschachtelt \(über 100 Ebenen\)/);
  const cut = formatReport(validateText(cases[4][1]));
  assert.match(cut[0], /^FEHLER Kein gültiges JSON in Zeile 1, Spalte 100013: Die Datei endet mitten im JSON/);
  // 20,000 findings of one kind: one grouped line.
  const many = manyServices(20_000);
  for (const service of many.services) delete service.lastChecked;
  const result = validateFeed(many, { today: TODAY });
  assert.equal(result.warnings, 20_000);
  assert.ok(formatReport(result).some((l) => l.startsWith('WARNUNG 20000×: Kein Prüfdatum.')));
});
