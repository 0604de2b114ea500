/**
 * The opening-hours reader (`cli/hours.ts`) against a table of real-world cells as German
 * offices, Caritas, Diakonie, Jobcenter, VHS and Gesundheitsamt pages write them. The table is
 * `test/fixtures/cli/hours-strings.json`: each row is `{ text, slots?, byAppointment?, problem?, quote? }`
 * read with default kind walk-in; `problem` is a key phrase of the one expected problem and
 * `quote` the part it must quote, `slots` what the other parts must still give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeSlots, parseHours, type HoursSlot } from '../../cli/hours.js';
import { Slot } from '../../src/core/feed/schema.js';
import { repo } from './helpers.js';

interface Row {
  text: string;
  slots?: HoursSlot[];
  byAppointment?: boolean;
  problem?: string;
  quote?: string;
}

const rows: Row[] = JSON.parse(readFileSync(repo('test/fixtures/cli/hours-strings.json'), 'utf8'));
const WEEK = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const TIME = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const PLACEHOLDER = /undefined|NaN|null|\$\{|\[object|„“|""/;

function checkSlots(text: string, slots: HoursSlot[]) {
  const keys = slots.map((s) => JSON.stringify(s));
  assert.equal(new Set(keys).size, keys.length, `duplicate slot in ${JSON.stringify(text)}`);
  for (const slot of slots) {
    const order = slot.days.map((d) => WEEK.indexOf(d));
    assert.ok(
      order.every((n, i) => n >= 0 && (i === 0 || n > order[i - 1])),
      `days not in week order: ${slot.days}`,
    );
    assert.match(slot.opens, TIME);
    assert.match(slot.closes, TIME);
    assert.notEqual(slot.opens, slot.closes);
    assert.ok(Slot.safeParse(slot).success, `not a contract slot: ${JSON.stringify(slot)}`);
  }
}

test(`the table holds at least 100 real-world cells (${rows.length}: ${rows.filter((r) => !r.problem).length} read exactly, ${rows.filter((r) => r.problem).length} with a problem)`, () => {
  assert.ok(rows.length >= 100, `only ${rows.length} rows`);
  assert.equal(new Set(rows.map((r) => r.text)).size, rows.length, 'a text is in the table twice');
});

for (const row of rows) {
  test(`hours: ${JSON.stringify(row.text)}`, () => {
    const result = parseHours(row.text, 'walk-in');
    checkSlots(row.text, result.slots);
    if (row.slots) assert.deepEqual(result.slots, row.slots);
    else assert.deepEqual(result.slots, []);
    assert.equal(result.byAppointment, row.byAppointment);
    if (!row.problem) {
      assert.deepEqual(result.problems, []);
      return;
    }
    assert.equal(result.problems.length, 1, result.problems.map((p) => p[0]).join('\n'));
    const [de, en] = result.problems[0];
    assert.ok(de.includes(row.problem), `expected „${row.problem}“ in: ${de}`);
    if (row.quote) assert.ok(de.startsWith(`„${row.quote}“`), `expected to quote „${row.quote}“: ${de}`);
    assert.ok(en.length > 20 && !/[äöüß]{3}/.test(en.replace(/„[^“]*“|"[^"]*"/g, '')), `English text missing: ${en}`);
    for (const text of [de, en]) {
      assert.doesNotMatch(text, PLACEHOLDER);
      const quoted = /^[„"](.*?)[“"]/.exec(text)?.[1] ?? '';
      assert.ok(quoted.length <= 60, `quote too long: ${quoted}`);
    }
  });
}

test('what was read, written back in the compact syntax, reads as the same slots', () => {
  for (const row of rows) {
    if (!row.slots?.length) continue;
    const compact = describeSlots(row.slots);
    assert.deepEqual(parseHours(compact, 'appointment').slots, row.slots, `${row.text} → ${compact}`);
  }
  assert.equal(
    describeSlots(parseHours('Mo-Fr 9-12 Uhr offen (Rumänisch), Mo, Mi, Sa 14-16 Termin bg (nur Frauen)', 'walk-in').slots),
    'Mo-Fr 09:00-12:00 offen ro; Mo, Mi, Sa 14:00-16:00 Termin bg (nur Frauen)',
  );
});

test('the default kind applies where a group names none', () => {
  assert.deepEqual(
    parseHours('Mo 9-12; Di 9-12 offen; Mi 9-12 Termin', 'appointment').slots.map((s) => s.kind),
    ['appointment', 'walk-in', 'appointment'],
  );
  assert.deepEqual(
    parseHours('Mo 9-12; Di 9-12 offen; Mi 9-12 Termin', 'walk-in').slots.map((s) => s.kind),
    ['walk-in', 'walk-in', 'appointment'],
  );
});

test('"nach Vereinbarung" alone is by appointment without slots and without a problem', () => {
  for (const text of ['nach Vereinbarung', 'Termine nach Vereinbarung', 'Beratung nach Absprache']) {
    assert.deepEqual(parseHours(text, 'walk-in'), { slots: [], problems: [], byAppointment: true }, text);
  }
  assert.deepEqual(parseHours('', 'walk-in'), { slots: [], problems: [] });
  assert.deepEqual(parseHours('  ', 'walk-in'), { slots: [], problems: [] });
});

test('a refused part quotes at most about 60 characters and never drops the other parts', () => {
  const long = 'Mo 9-12; jeden ersten Mittwoch im Monat von 14 bis 16 Uhr in der Beratungsstelle am Markt';
  const result = parseHours(long, 'walk-in');
  assert.deepEqual(describeSlots(result.slots), 'Mo 09:00-12:00 offen');
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0][0], /^„jeden ersten Mittwoch im Monat von 14 bis 16 Uhr in der Ber…“: /);
  assert.match(result.problems[0][0], /gelesen: „Mi 14:00-16:00“/);
});

test('the messages keep the wording the import report already uses for a wrong weekday', () => {
  assert.deepEqual(parseHours('Dii 9-12', 'walk-in').problems, [
    [
      '„Dii 9-12“ nicht verstanden: „dii“ ist kein Wochentag. Erlaubt: Mo, Di, Mi, Do, Fr, Sa, So (auch Mo-Fr).',
      '"Dii 9-12" not understood: "dii" is not a weekday. Allowed: Mo, Di, Mi, Do, Fr, Sa, So (also Mo-Fr).',
    ],
  ]);
});

test('past midnight only from the evening into the morning', () => {
  const read = (text: string) => {
    const r = parseHours(text, 'walk-in');
    return r.problems.length ? 'problem' : describeSlots(r.slots);
  };
  assert.equal(read('Fr 22-2 Uhr'), 'Fr 22:00-02:00 offen');
  assert.equal(read('Sa 17-10'), 'Sa 17:00-10:00 offen');
  assert.equal(read('Sa 20-0 Uhr'), 'Sa 20:00-00:00 offen');
  assert.equal(read('Sa 16-2'), 'problem');
  assert.equal(read('Sa 22-11'), 'problem');
  assert.equal(read('Mo 12-9'), 'problem');
  assert.equal(read('Mo 9-24'), 'Mo 09:00-24:00 offen');
  assert.equal(read('Mo 24-2'), 'problem');
});
