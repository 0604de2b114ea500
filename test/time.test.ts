import { expect } from '@open-wc/testing';
import type { Closure, GermanState, Location, Slot, Weekday } from '../src/core/feed/schema.js';
import { isPublicHoliday, publicHolidays, type HolidayId } from '../src/core/time/holidays.js';
import { createClock, isOpenOnDate, locationStatus, occurrencesOn, serviceStatus } from '../src/core/time/opening.js';
import { addDays, weekdayOf, zonedParts, zonedToInstant } from '../src/core/time/zoned.js';

// Mocha globals, declared here because the project has no @types/mocha.
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;

const BERLIN = 'Europe/Berlin';
const ALL_STATES: GermanState[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];
const WEEKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];

const slot = (days: Weekday[], opens: string, closes: string, languages?: string[]): Slot => ({
  days,
  opens,
  closes,
  kind: 'walk-in',
  ...(languages ? { languages } : {}),
});

const place = (hours: Slot[], extra: { closures?: Closure[]; publicHolidays?: 'open' | 'closed'; id?: string } = {}): Location => ({
  id: extra.id ?? 'place',
  address: { street: 'Münsterstraße 1', postalCode: '44145', city: 'Dortmund' },
  hours,
  closures: extra.closures ?? [],
  publicHolidays: extra.publicHolidays ?? 'closed',
});

const clock = (iso: string, state: GermanState = 'NW', timezone = BERLIN) => createClock(new Date(iso), { state, timezone });

const iso = (d: Date | undefined) => d?.toISOString();

/** Mon–Fri 09:00–12:00, Thursday afternoon 14:00–16:00 as well. */
const weekly = place([slot(['th'], '14:00', '16:00'), slot(WEEKDAYS, '09:00', '12:00')]);

describe('zoned time', () => {
  const parts: [string, string, string, Weekday, number][] = [
    ['2026-01-15T11:05:00Z', BERLIN, '2026-01-15', 'th', 12 * 60 + 5],
    ['2026-03-29T00:30:00Z', BERLIN, '2026-03-29', 'su', 90], // 01:30 CET
    ['2026-03-29T01:30:00Z', BERLIN, '2026-03-29', 'su', 210], // 03:30 CEST
    ['2026-10-25T00:30:00Z', BERLIN, '2026-10-25', 'su', 150], // 02:30 CEST
    ['2026-10-25T01:30:00Z', BERLIN, '2026-10-25', 'su', 150], // 02:30 CET, again
    ['2026-06-03T22:30:00Z', BERLIN, '2026-06-04', 'th', 30],
    ['2026-03-29T03:00:00Z', 'America/New_York', '2026-03-28', 'sa', 23 * 60],
    ['2025-12-31T18:30:00Z', 'Asia/Kolkata', '2026-01-01', 'th', 0],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01-01', 'th', 0],
  ];
  for (const [instant, zone, date, weekday, minutes] of parts) {
    it(`zonedParts ${instant} in ${zone}`, () => {
      expect(zonedParts(new Date(instant), zone)).to.deep.equal({ date, weekday, minutes });
    });
  }

  const instants: [string, number, string, string, string][] = [
    ['2026-01-15', 0, BERLIN, '2026-01-14T23:00:00.000Z', 'winter midnight'],
    ['2026-07-01', 9 * 60, BERLIN, '2026-07-01T07:00:00.000Z', 'summer morning'],
    ['2026-07-01', 1440, BERLIN, '2026-07-01T22:00:00.000Z', '24:00 is next midnight'],
    ['2026-07-01', 1440 + 120, BERLIN, '2026-07-02T00:00:00.000Z', 'past midnight'],
    ['2026-03-29', 60, BERLIN, '2026-03-29T00:00:00.000Z', 'spring day before the gap'],
    ['2026-03-29', 120, BERLIN, '2026-03-29T01:00:00.000Z', 'spring 02:00 → 03:00'],
    ['2026-03-29', 150, BERLIN, '2026-03-29T01:30:00.000Z', 'spring 02:30 → 03:30'],
    ['2026-03-29', 180, BERLIN, '2026-03-29T01:00:00.000Z', 'spring 03:00'],
    ['2026-03-29', 240, BERLIN, '2026-03-29T02:00:00.000Z', 'spring 04:00'],
    ['2026-10-25', 60, BERLIN, '2026-10-24T23:00:00.000Z', 'autumn 01:00'],
    ['2026-10-25', 150, BERLIN, '2026-10-25T00:30:00.000Z', 'autumn 02:30 first occurrence'],
    ['2026-10-25', 180, BERLIN, '2026-10-25T02:00:00.000Z', 'autumn 03:00'],
    ['2026-03-08', 150, 'America/New_York', '2026-03-08T07:30:00.000Z', 'US spring gap'],
    ['2026-11-01', 90, 'America/New_York', '2026-11-01T05:30:00.000Z', 'US autumn overlap'],
    ['2026-01-01', 0, 'Asia/Kolkata', '2025-12-31T18:30:00.000Z', 'half-hour offset'],
  ];
  for (const [date, minutes, zone, expected, label] of instants) {
    it(`zonedToInstant: ${label} (${date} +${minutes} min, ${zone})`, () => {
      expect(zonedToInstant(date, minutes, zone).toISOString()).to.equal(expected);
    });
  }

  it('round-trips every quarter hour of both 2026 switch days', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2026-03-28', '2026-10-26']) {
      for (let m = 0; m < 1440; m += 15) {
        const back = zonedParts(zonedToInstant(date, m, BERLIN), BERLIN);
        const inGap = date === '2026-03-29' && m >= 120 && m < 180;
        expect([back.date, back.minutes], `${date} ${m}`).to.deep.equal([date, inGap ? m + 60 : m]);
      }
    }
  });

  it('addDays crosses months, leap days, years and DST switches', () => {
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-10-24', 1)).to.equal('2026-10-25');
    expect(addDays('2026-06-03', 0)).to.equal('2026-06-03');
  });

  it('weekdayOf', () => {
    expect(weekdayOf('2026-03-29')).to.equal('su');
    expect(weekdayOf('2024-02-29')).to.equal('th');
    expect(weekdayOf('2026-06-01')).to.equal('mo');
    expect(weekdayOf('2027-01-01')).to.equal('fr');
  });
});

describe('public holidays', () => {
  const easter: [number, string][] = [
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ];
  for (const [year, sunday] of easter) {
    it(`Easter ${year} is ${sunday}`, () => {
      const bb = publicHolidays(year, 'BB');
      expect(bb.get(sunday)).to.equal('easter-sunday');
      expect(bb.get(addDays(sunday, -2))).to.equal('good-friday');
      expect(bb.get(addDays(sunday, 1))).to.equal('easter-monday');
      expect(bb.get(addDays(sunday, 39))).to.equal('ascension-day');
      expect(bb.get(addDays(sunday, 49))).to.equal('whit-sunday');
      expect(bb.get(addDays(sunday, 50))).to.equal('whit-monday');
      expect(publicHolidays(year, 'NW').get(addDays(sunday, 60))).to.equal('corpus-christi');
    });
  }

  // 2026, per state: Fronleichnam 4 June, Reformationstag 31 Oct, Buß- und Bettag 18 Nov.
  const count: Record<GermanState, number> = {
    BW: 12,
    BY: 12,
    BE: 10,
    BB: 12,
    HB: 10,
    HH: 10,
    HE: 10,
    MV: 11,
    NI: 10,
    NW: 11,
    RP: 11,
    SL: 12,
    SN: 11,
    ST: 11,
    SH: 10,
    TH: 11,
  };
  for (const state of ALL_STATES) {
    it(`${state} has ${count[state]} public holidays in 2026, the nine nationwide ones among them`, () => {
      const map = publicHolidays(2026, state);
      expect(map.size).to.equal(count[state]);
      const nationwide: [string, HolidayId][] = [
        ['2026-01-01', 'new-year'],
        ['2026-04-03', 'good-friday'],
        ['2026-04-06', 'easter-monday'],
        ['2026-05-01', 'labour-day'],
        ['2026-05-14', 'ascension-day'],
        ['2026-05-25', 'whit-monday'],
        ['2026-10-03', 'german-unity-day'],
        ['2026-12-25', 'christmas-day'],
        ['2026-12-26', 'boxing-day'],
      ];
      for (const [date, id] of nationwide) expect(map.get(date), date).to.equal(id);
    });
  }

  const distinctive: [string, HolidayId, GermanState[]][] = [
    ['2026-01-06', 'epiphany', ['BW', 'BY', 'ST']],
    ['2026-03-08', 'womens-day', ['BE', 'MV']],
    ['2022-03-08', 'womens-day', ['BE']],
    ['2018-03-08', 'womens-day', []],
    ['2026-06-04', 'corpus-christi', ['BW', 'BY', 'HE', 'NW', 'RP', 'SL']],
    ['2026-08-15', 'assumption-day', ['SL']],
    ['2026-09-20', 'childrens-day', ['TH']],
    ['2018-09-20', 'childrens-day', []],
    ['2026-10-31', 'reformation-day', ['BB', 'HB', 'HH', 'MV', 'NI', 'SN', 'ST', 'SH', 'TH']],
    ['2016-10-31', 'reformation-day', ['BB', 'MV', 'SN', 'ST', 'TH']],
    ['2017-10-31', 'reformation-day', ALL_STATES],
    ['2026-11-01', 'all-saints-day', ['BW', 'BY', 'NW', 'RP', 'SL']],
    ['2023-11-22', 'repentance-day', ['SN']],
    ['2024-11-20', 'repentance-day', ['SN']],
    ['2025-11-19', 'repentance-day', ['SN']],
    ['2026-11-18', 'repentance-day', ['SN']],
    ['2020-05-08', 'liberation-day', ['BE']],
    ['2025-05-08', 'liberation-day', ['BE']],
    ['2026-05-08', 'liberation-day', []],
  ];
  for (const [date, id, states] of distinctive) {
    it(`${date} ${id} only in ${states.join(' ') || 'no state'}`, () => {
      for (const state of ALL_STATES) {
        const want = states.includes(state);
        expect(isPublicHoliday(date, state), state).to.equal(want);
        if (want) expect(publicHolidays(+date.slice(0, 4), state).get(date)).to.equal(id);
      }
    });
  }

  it('24 and 31 December are not public holidays anywhere', () => {
    for (const state of ALL_STATES) {
      for (const date of ['2026-12-24', '2026-12-31', '2027-12-24', '2027-12-31']) {
        expect(isPublicHoliday(date, state), `${state} ${date}`).to.equal(false);
      }
    }
  });

  it('caches per year and state', () => {
    expect(publicHolidays(2026, 'NW')).to.equal(publicHolidays(2026, 'NW'));
    expect(publicHolidays(2026, 'NW')).not.to.equal(publicHolidays(2026, 'NI'));
  });
});

describe('opening hours', () => {
  describe('open now and next opening', () => {
    const cases: {
      label: string;
      at: string;
      state?: GermanState;
      location?: Location;
      open: boolean;
      soon?: boolean;
      current?: string;
      next?: string;
      holiday?: HolidayId;
    }[] = [
      {
        label: 'weekday morning',
        at: '2026-06-03T10:00:00+02:00',
        state: 'NI',
        open: true,
        current: '2026-06-03T07:00:00.000Z',
        next: '2026-06-04T07:00:00.000Z',
      },
      { label: 'start is inclusive', at: '2026-06-03T09:00:00+02:00', open: true, current: '2026-06-03T07:00:00.000Z' },
      { label: 'end is exclusive', at: '2026-06-03T12:00:00+02:00', state: 'NI', open: false, next: '2026-06-04T07:00:00.000Z' },
      {
        label: 'NW: Fronleichnam is skipped for the next opening',
        at: '2026-06-03T13:00:00+02:00',
        open: false,
        next: '2026-06-05T07:00:00.000Z',
      },
      {
        label: 'NW: closed on Fronleichnam',
        at: '2026-06-04T10:00:00+02:00',
        open: false,
        next: '2026-06-05T07:00:00.000Z',
        holiday: 'corpus-christi',
      },
      {
        label: 'NI: open on the same Thursday',
        at: '2026-06-04T10:00:00+02:00',
        state: 'NI',
        open: true,
        current: '2026-06-04T07:00:00.000Z',
        next: '2026-06-04T12:00:00.000Z',
      },
      {
        label: 'NW: open on a holiday when the location says so',
        at: '2026-06-04T10:00:00+02:00',
        location: place(weekly.hours, { publicHolidays: 'open' }),
        open: true,
        current: '2026-06-04T07:00:00.000Z',
        holiday: 'corpus-christi',
      },
      // 2028: Reformationstag is a Tuesday, Allerheiligen a Wednesday.
      {
        label: 'NI: closed on Reformationstag',
        at: '2028-10-31T10:00:00+01:00',
        state: 'NI',
        open: false,
        holiday: 'reformation-day',
        next: '2028-11-01T08:00:00.000Z',
      },
      { label: 'NW: open on Reformationstag', at: '2028-10-31T10:00:00+01:00', open: true, current: '2028-10-31T08:00:00.000Z' },
      {
        label: 'NW: closed on Allerheiligen',
        at: '2028-11-01T10:00:00+01:00',
        open: false,
        holiday: 'all-saints-day',
        next: '2028-11-02T08:00:00.000Z',
      },
      { label: 'NI: open on Allerheiligen', at: '2028-11-01T10:00:00+01:00', state: 'NI', open: true },
      { label: 'Saturday: next is Monday', at: '2026-06-06T10:00:00+02:00', open: false, next: '2026-06-08T07:00:00.000Z' },
      { label: 'closing soon', at: '2026-06-03T11:40:00+02:00', open: true, soon: true },
      { label: 'closing soon at exactly 30 minutes', at: '2026-06-03T11:30:00+02:00', open: true, soon: true },
      { label: 'not closing soon at 31 minutes', at: '2026-06-03T11:29:00+02:00', open: true, soon: false },
      // 24 and 31 December 2026 are Thursdays: normal days.
      {
        label: '24 December is a normal day',
        at: '2026-12-24T10:00:00+01:00',
        state: 'BY',
        open: true,
        current: '2026-12-24T08:00:00.000Z',
        holiday: undefined,
      },
      {
        label: '31 December is a normal day',
        at: '2026-12-31T15:00:00+01:00',
        state: 'SN',
        open: true,
        current: '2026-12-31T13:00:00.000Z',
      },
      { label: 'after 31 December: New Year skipped', at: '2026-12-31T16:30:00+01:00', open: false, next: '2027-01-04T08:00:00.000Z' },
      {
        label: 'Christmas: next after the holidays and the weekend',
        at: '2026-12-25T10:00:00+01:00',
        open: false,
        holiday: 'christmas-day',
        next: '2026-12-28T08:00:00.000Z',
      },
      { label: 'no hours', at: '2026-06-03T10:00:00+02:00', location: place([]), open: false, next: undefined },
      {
        label: 'no hours, on a holiday',
        at: '2026-06-04T10:00:00+02:00',
        location: place([]),
        open: false,
        next: undefined,
        holiday: 'corpus-christi',
      },
    ];
    for (const c of cases) {
      it(c.label, () => {
        const s = locationStatus(c.location ?? weekly, clock(c.at, c.state));
        expect(s.open, 'open').to.equal(c.open);
        expect(s.closingSoon, 'closingSoon').to.equal(c.soon ?? false);
        if (!c.open) expect(s.current, 'current').to.equal(undefined);
        if ('current' in c) expect(iso(s.current?.start), 'current').to.equal(c.current);
        if ('next' in c) expect(iso(s.next?.start), 'next').to.equal(c.next);
        expect(s.holidayToday, 'holiday').to.equal(c.holiday);
      });
    }

    it('reports the occurrence in local terms', () => {
      const s = locationStatus(weekly, clock('2026-06-11T15:00:00+02:00'));
      expect(s.current).to.deep.equal({
        slot: weekly.hours[0],
        date: '2026-06-11',
        start: new Date('2026-06-11T14:00:00+02:00'),
        end: new Date('2026-06-11T16:00:00+02:00'),
        startMinutes: 14 * 60,
        endMinutes: 16 * 60,
      });
      expect(s.next?.date).to.equal('2026-06-12');
      expect(s.next?.slot).to.equal(weekly.hours[1]);
    });

    it('respects soonMinutes', () => {
      const c = clock('2026-06-03T11:40:00+02:00');
      expect(locationStatus(weekly, c, { soonMinutes: 15 }).closingSoon).to.equal(false);
      expect(locationStatus(weekly, c, { soonMinutes: 20 }).closingSoon).to.equal(true);
    });

    it('a following slot is not "closing soon"; the open one is the one ending last', () => {
      const ro = slot(['mo'], '09:00', '12:00', ['ro']);
      const bg = slot(['mo'], '12:00', '16:00', ['bg']);
      const chained = place([bg, ro]);
      let s = locationStatus(chained, clock('2026-06-08T11:45:00+02:00'));
      expect([s.open, s.closingSoon, s.current?.slot, s.next?.slot]).to.deep.equal([true, false, ro, bg]);
      s = locationStatus(chained, clock('2026-06-08T15:45:00+02:00'));
      expect([s.open, s.closingSoon, s.current?.slot]).to.deep.equal([true, true, bg]);
      const overlapping = place([slot(['mo'], '09:00', '13:00'), bg]);
      s = locationStatus(overlapping, clock('2026-06-08T12:30:00+02:00'));
      expect(s.current?.slot).to.equal(bg);
    });

    it('looks ahead 14 days at most', () => {
      const closures = [{ from: '2026-06-01', to: '2026-06-30' }];
      expect(locationStatus(place(weekly.hours, { closures }), clock('2026-06-03T10:00:00+02:00')).next).to.equal(undefined);
      const short = [{ from: '2026-06-01', to: '2026-06-14' }];
      const s = locationStatus(place(weekly.hours, { closures: short }), clock('2026-06-03T10:00:00+02:00'));
      expect(iso(s.next?.start)).to.equal('2026-06-15T07:00:00.000Z');
    });
  });

  describe('closures', () => {
    const closure: Closure = { from: '2026-06-08', to: '2026-06-10', note: 'Team day' };
    const closed = place(weekly.hours, { closures: [closure] });

    it('removes slots on every date of the inclusive range and is reported', () => {
      for (const at of ['2026-06-08T10:00:00+02:00', '2026-06-10T10:00:00+02:00']) {
        const s = locationStatus(closed, clock(at, 'NI'));
        expect([s.open, s.closure]).to.deep.equal([false, closure]);
        expect(iso(s.next?.start)).to.equal('2026-06-11T07:00:00.000Z');
      }
      const after = locationStatus(closed, clock('2026-06-11T10:00:00+02:00'));
      expect([after.open, after.closure]).to.deep.equal([true, undefined]);
      const before = locationStatus(closed, clock('2026-06-05T13:00:00+02:00'));
      expect(iso(before.next?.start)).to.equal('2026-06-11T07:00:00.000Z');
    });

    it('accepts date-times in closure bounds (date part counts)', () => {
      const s = locationStatus(
        place(weekly.hours, { closures: [{ from: '2026-06-08T00:00:00+02:00', to: '2026-06-08T23:59' }] }),
        clock('2026-06-08T10:00:00+02:00'),
      );
      expect(s.open).to.equal(false);
    });

    it('24–31 December closure from the feed, then New Year', () => {
      const xmas = place(weekly.hours, { closures: [{ from: '2026-12-24', to: '2026-12-31' }] });
      const s = locationStatus(xmas, clock('2026-12-23T13:00:00+01:00'));
      expect(iso(s.next?.start)).to.equal('2027-01-04T08:00:00.000Z');
      expect(isOpenOnDate(xmas, '2026-12-28', clock('2026-12-23T13:00:00+01:00'))).to.equal(false);
    });
  });

  describe('slots past midnight', () => {
    const night = place([slot(['fr'], '22:00', '02:00')]);

    it('a Friday 22:00–02:00 slot is open on Saturday at 01:00', () => {
      const s = locationStatus(night, clock('2026-06-06T01:00:00+02:00'));
      expect(s.open).to.equal(true);
      expect(s.closingSoon).to.equal(false);
      expect(s.current).to.deep.include({
        date: '2026-06-05',
        startMinutes: 22 * 60,
        endMinutes: 26 * 60,
        start: new Date('2026-06-05T22:00:00+02:00'),
        end: new Date('2026-06-06T02:00:00+02:00'),
      });
      expect(iso(s.next?.start)).to.equal('2026-06-12T20:00:00.000Z');
    });

    it('closing soon before 02:00 and closed at 02:00', () => {
      expect(locationStatus(night, clock('2026-06-06T01:45:00+02:00')).closingSoon).to.equal(true);
      expect(locationStatus(night, clock('2026-06-06T02:00:00+02:00')).open).to.equal(false);
    });

    it('a Saturday night slot seen on Sunday 00:30', () => {
      const s = locationStatus(place([slot(['sa'], '21:00', '03:00')]), clock('2026-06-07T00:30:00+02:00'));
      expect([s.open, s.current?.date]).to.deep.equal([true, '2026-06-06']);
    });

    it('belongs to its start day for holidays: 24 Dec night runs into Christmas', () => {
      const thu = place([slot(['th'], '22:00', '02:00')]);
      const s = locationStatus(thu, clock('2026-12-25T01:00:00+01:00'));
      expect([s.open, s.holidayToday, s.current?.date]).to.deep.equal([true, 'christmas-day', '2026-12-24']);
      const fri = place([slot(['fr'], '22:00', '02:00')]);
      expect(isOpenOnDate(fri, '2026-12-25', clock('2026-12-25T01:00:00+01:00'))).to.equal(false);
      expect(locationStatus(fri, clock('2026-12-26T01:00:00+01:00')).open).to.equal(false);
    });

    it('belongs to its start day for closures', () => {
      const c = clock('2026-06-06T01:00:00+02:00');
      const onFriday = place(night.hours, { closures: [{ from: '2026-06-05', to: '2026-06-05' }] });
      expect(locationStatus(onFriday, c).open).to.equal(false);
      const saturday: Closure = { from: '2026-06-06', to: '2026-06-06' };
      const s = locationStatus(place(night.hours, { closures: [saturday] }), c);
      expect([s.open, s.closure]).to.deep.equal([true, saturday]);
    });

    it('closes 24:00, and a slot continuing after midnight is not "closing soon"', () => {
      const late = slot(['mo'], '20:00', '24:00');
      let s = locationStatus(place([late]), clock('2026-06-08T23:50:00+02:00'));
      expect([s.open, s.closingSoon, s.current?.endMinutes, iso(s.current?.end)]).to.deep.equal([
        true,
        true,
        1440,
        '2026-06-08T22:00:00.000Z',
      ]);
      s = locationStatus(place([late, slot(['tu'], '00:00', '02:00')]), clock('2026-06-08T23:50:00+02:00'));
      expect([s.open, s.closingSoon]).to.deep.equal([true, false]);
      expect(locationStatus(place([late]), clock('2026-06-09T00:00:00+02:00')).open).to.equal(false);
    });
  });

  describe('DST switch days 2026 in Europe/Berlin', () => {
    const early = place([slot(['su'], '01:00', '04:00')]);
    const gap = place([slot(['su'], '02:30', '05:00')]);

    it('spring: 01:00–04:00 lasts two real hours', () => {
      const [o] = occurrencesOn(early, '2026-03-29', clock('2026-03-28T12:00:00+01:00'));
      expect([iso(o.start), iso(o.end)]).to.deep.equal(['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']);
      expect(locationStatus(early, clock('2026-03-29T01:30:00Z')).open).to.equal(true); // 03:30 CEST
      expect(locationStatus(early, clock('2026-03-29T01:45:00Z')).closingSoon).to.equal(true);
      expect(locationStatus(early, clock('2026-03-29T02:00:00Z')).open).to.equal(false); // 04:00 CEST
    });

    it('spring: a slot at 02:30 starts at 03:30', () => {
      let s = locationStatus(gap, clock('2026-03-28T22:00:00+01:00'));
      expect([iso(s.next?.start), s.next?.startMinutes]).to.deep.equal(['2026-03-29T01:30:00.000Z', 150]);
      s = locationStatus(gap, clock('2026-03-29T01:15:00Z')); // 03:15 CEST
      expect([s.open, iso(s.next?.start)]).to.deep.equal([false, '2026-03-29T01:30:00.000Z']);
      expect(locationStatus(gap, clock('2026-03-29T01:30:00Z')).open).to.equal(true);
    });

    it('spring: a Saturday night slot ends at 02:00 → 03:00 CEST', () => {
      const s = locationStatus(place([slot(['sa'], '22:00', '02:00')]), clock('2026-03-29T00:30:00Z'));
      expect([s.open, iso(s.current?.end)]).to.deep.equal([true, '2026-03-29T01:00:00.000Z']);
    });

    it('autumn: 01:00–04:00 lasts four real hours, open in the repeated hour', () => {
      const [o] = occurrencesOn(early, '2026-10-25', clock('2026-10-24T12:00:00+02:00'));
      expect([iso(o.start), iso(o.end)]).to.deep.equal(['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']);
      expect(locationStatus(early, clock('2026-10-25T00:30:00Z')).open).to.equal(true); // 02:30 CEST
      expect(locationStatus(early, clock('2026-10-25T01:30:00Z')).open).to.equal(true); // 02:30 CET
      expect(locationStatus(early, clock('2026-10-25T02:59:00Z')).open).to.equal(true);
      expect(locationStatus(early, clock('2026-10-25T03:00:00Z')).open).to.equal(false);
    });

    it('autumn: a slot at 02:30 starts at its first occurrence', () => {
      const s = locationStatus(gap, clock('2026-10-24T22:00:00+02:00'));
      expect([iso(s.next?.start), iso(s.next?.end)]).to.deep.equal(['2026-10-25T00:30:00.000Z', '2026-10-25T04:00:00.000Z']);
      expect(locationStatus(gap, clock('2026-10-25T01:45:00Z')).open).to.equal(true);
    });

    it('weekly slots keep their wall time across the switch', () => {
      let s = locationStatus(weekly, clock('2026-03-28T12:00:00+01:00'));
      expect(iso(s.next?.start)).to.equal('2026-03-30T07:00:00.000Z'); // 09:00 CEST
      s = locationStatus(weekly, clock('2026-10-23T13:00:00+02:00'));
      expect(iso(s.next?.start)).to.equal('2026-10-26T08:00:00.000Z'); // 09:00 CET
      const daily = place([slot(['sa', 'su'], '10:00', '11:00')]);
      expect(occurrencesOn(daily, '2026-03-29', clock('2026-03-28T00:00:00+01:00'))[0].start).to.deep.equal(
        new Date('2026-03-29T10:00:00+02:00'),
      );
      expect(occurrencesOn(daily, '2026-10-25', clock('2026-10-25T00:00:00+02:00'))[0].start).to.deep.equal(
        new Date('2026-10-25T10:00:00+01:00'),
      );
    });
  });

  describe('region time zone, not the device time zone', () => {
    const office = place([slot(WEEKDAYS, '09:00', '17:00')]);

    it('follows region.timezone', () => {
      const at = '2026-06-03T20:00:00Z'; // 16:00 in New York, 22:00 in Berlin
      const ny = locationStatus(office, clock(at, 'NW', 'America/New_York'));
      expect([ny.open, iso(ny.current?.end)]).to.deep.equal([true, '2026-06-03T21:00:00.000Z']);
      const berlin = locationStatus(office, clock(at));
      // Thursday 4 June is Fronleichnam in NW.
      expect([berlin.open, iso(berlin.next?.start)]).to.deep.equal([false, '2026-06-05T07:00:00.000Z']);
    });

    it('takes today and holidays from the region date', () => {
      const at = '2026-06-04T03:00:00Z'; // Thursday 05:00 in Berlin (Fronleichnam), Wednesday 23:00 in New York
      const ny = clock(at, 'NW', 'America/New_York');
      expect([ny.today, ny.weekday, ny.minutes, ny.holidayToday]).to.deep.equal(['2026-06-03', 'we', 1380, undefined]);
      const berlin = clock(at);
      expect([berlin.today, berlin.weekday, berlin.holidayToday]).to.deep.equal(['2026-06-04', 'th', 'corpus-christi']);
      expect([ny.holiday('2026-06-04'), ny.holiday('2026-06-03')]).to.deep.equal(['corpus-christi', undefined]);
      // Holidays apply to region-local dates: 4 June 09:00 in New York is skipped too.
      expect(iso(locationStatus(office, ny).next?.start)).to.equal('2026-06-05T13:00:00.000Z');
      const nyNI = clock(at, 'NI', 'America/New_York');
      expect(iso(locationStatus(office, nyNI).next?.start)).to.equal('2026-06-04T13:00:00.000Z');
      expect(iso(locationStatus(office, berlin).next?.start)).to.equal('2026-06-05T07:00:00.000Z');
    });
  });

  describe('dates', () => {
    const c = clock('2026-06-01T08:00:00+02:00');

    it('isOpenOnDate respects weekdays, holidays and closures', () => {
      expect(isOpenOnDate(weekly, '2026-06-03', c)).to.equal(true);
      expect(isOpenOnDate(weekly, '2026-06-04', c)).to.equal(false); // Fronleichnam in NW
      expect(isOpenOnDate(weekly, '2026-06-04', clock('2026-06-01T08:00:00+02:00', 'NI'))).to.equal(true);
      expect(isOpenOnDate(weekly, '2026-06-06', c)).to.equal(false); // Saturday
      expect(isOpenOnDate(place(weekly.hours, { closures: [{ from: '2026-06-03', to: '2026-06-03' }] }), '2026-06-03', c)).to.equal(false);
      expect(isOpenOnDate(place([]), '2026-06-03', c)).to.equal(false);
      // A Friday night slot counts for Friday, not for the Saturday it runs into.
      const night = place([slot(['fr'], '22:00', '02:00')]);
      expect([isOpenOnDate(night, '2026-06-05', c), isOpenOnDate(night, '2026-06-06', c)]).to.deep.equal([true, false]);
    });

    it('shifts a slot inside the spring-forward gap, skips one that vanishes in it', () => {
      const gap = place([slot(['su'], '02:30', '03:00'), slot(['su'], '02:15', '02:45'), slot(['su'], '10:00', '11:00')]);
      const spring = occurrencesOn(gap, '2026-03-29', c);
      expect(spring.map((o) => [o.startMinutes, iso(o.start), iso(o.end)])).to.deep.equal([
        [135, '2026-03-29T01:15:00.000Z', '2026-03-29T01:45:00.000Z'], // 03:15–03:45 CEST
        [600, '2026-03-29T08:00:00.000Z', '2026-03-29T09:00:00.000Z'],
      ]);
      expect(occurrencesOn(gap, '2026-03-22', c).map((o) => o.startMinutes)).to.deep.equal([135, 150, 600]);
    });

    it('occurrencesOn is sorted by start', () => {
      const list = occurrencesOn(weekly, '2026-06-11', c);
      expect(list.map((o) => [o.startMinutes, o.endMinutes, iso(o.start)])).to.deep.equal([
        [540, 720, '2026-06-11T07:00:00.000Z'],
        [840, 960, '2026-06-11T12:00:00.000Z'],
      ]);
      expect(occurrencesOn(weekly, '2026-06-04', c)).to.deep.equal([]);
      expect(occurrencesOn(place([]), '2026-06-11', c)).to.deep.equal([]);
    });
  });

  describe('serviceStatus', () => {
    const morning = place([slot(WEEKDAYS, '09:00', '12:00')], { id: 'morning' });
    const afternoon = place([slot(WEEKDAYS, '13:00', '16:00')], { id: 'afternoon' });
    const allDay = place([slot(WEEKDAYS, '08:00', '18:00')], { id: 'all-day' });

    it('is open if any location is open', () => {
      const s = serviceStatus([afternoon, morning], clock('2026-06-03T10:00:00+02:00'));
      expect([s.open, s.closingSoon, s.current?.location.id, s.next?.location.id, iso(s.next?.start)]).to.deep.equal([
        true,
        false,
        'morning',
        'afternoon',
        '2026-06-03T11:00:00.000Z',
      ]);
    });

    it('is closing soon only if every open location is', () => {
      const at = clock('2026-06-03T11:45:00+02:00');
      expect(serviceStatus([morning], at).closingSoon).to.equal(true);
      const s = serviceStatus([morning, allDay], at);
      expect([s.closingSoon, s.current?.location.id]).to.deep.equal([false, 'all-day']);
    });

    it('takes the earliest next opening when closed', () => {
      const s = serviceStatus([afternoon, morning], clock('2026-06-03T17:00:00+02:00', 'NI'));
      expect([s.open, s.next?.location.id, iso(s.next?.start)]).to.deep.equal([false, 'morning', '2026-06-04T07:00:00.000Z']);
      expect(serviceStatus([], clock('2026-06-03T17:00:00+02:00'))).to.deep.equal({ open: false, closingSoon: false });
    });
  });

  it('handles 10,000 locations with one clock', () => {
    const langs = ['ro', 'bg', 'tr', 'ar', 'uk', 'pl'];
    const locations = Array.from({ length: 10_000 }, (_, i) =>
      place(
        [
          slot(
            WEEKDAYS.filter((_, d) => (i + d) % 3),
            `${String(8 + (i % 4)).padStart(2, '0')}:00`,
            '12:30',
            [langs[i % 6]],
          ),
          slot([WEEKDAYS[i % 5]], '14:00', i % 7 ? '17:00' : '01:00'),
        ],
        {
          id: `l${i}`,
          publicHolidays: i % 2 ? 'open' : 'closed',
          closures: i % 10 ? [] : [{ from: '2026-06-01', to: '2026-06-05' }],
        },
      ),
    );
    const c = clock('2026-06-04T10:15:00+02:00');
    const statuses = locations.map((l) => locationStatus(l, c));
    expect(statuses).to.have.length(10_000);
    const open = statuses.filter((s) => s.open).length;
    expect(open).to.be.greaterThan(1000).and.lessThan(10_000);
    expect(statuses.every((s) => s.open || s.next)).to.equal(true);
  });
});
