import { expect } from '@open-wc/testing';
import { parseFeed, isCurrent } from '../src/core/feed/parse.js';
import { pickText } from '../src/core/feed/text.js';
import { BUILT_IN_AUDIENCES, BUILT_IN_CATEGORIES } from '../src/core/feed/vocabulary.js';
import { feedCopy } from './helpers.js';

const paths = (result: ReturnType<typeof parseFeed>) => result.problems.map((p) => p.path);

describe('feed contract: parsing', () => {
  it('accepts a valid feed without problems and fills defaults', () => {
    const result = parseFeed(feedCopy());
    expect(result.problems).to.deep.equal([]);
    const feed = result.feed!;
    expect(feed.services.map((s) => s.id)).to.deep.equal(['clearing', 'schuldnerberatung', 'old-project']);
    expect(feed.region.state).to.equal('NW');
    expect(feed.services[1].status).to.equal('active');
    expect(feed.services[1].description).to.equal('');
    expect(feed.services[0].locations[0].publicHolidays).to.equal('closed');
    // Built-in vocabularies are there without the feed defining them.
    expect(feed.categories.map((c) => c.id)).to.include.members(['health', 'housing', 'rights', 'german-courses']);
    expect(feed.audiences.map((a) => a.id)).to.include.members(['women', 'uninsured', 'refugees']);
  });

  it('reports a broken slot with its path and a readable reason, and keeps the rest', () => {
    const input = feedCopy();
    input.services[0].locations[0].hours[1].closes = '25:00';
    const result = parseFeed(input);
    const problem = result.problems.find((p) => p.path === 'services[0].locations[0].hours[1].closes')!;
    expect(problem.severity).to.equal('error');
    expect(problem.messageEn).to.equal('"25:00" is not a time of day. Format: HH:MM from 00:00 to 24:00, e.g. "09:30".');
    expect(problem.message).to.contain('keine Uhrzeit');
    expect(result.feed!.services[0].locations[0].hours).to.have.length(1);
    expect(result.feed!.services).to.have.length(3);
  });

  it('skips a service with wrong types and names each field', () => {
    const input = feedCopy();
    input.services[1].free = 'ja';
    input.services[1].access = 'sometimes';
    const result = parseFeed(input);
    expect(result.feed!.services.map((s) => s.id)).to.deep.equal(['clearing', 'old-project']);
    expect(paths(result)).to.include.members(['services[1].free', 'services[1].access', 'services[1]']);
    expect(result.problems.find((p) => p.path === 'services[1].free')!.messageEn).to.equal('"ja" must be true or false.');
  });

  it('reports missing required fields as missing', () => {
    const input = feedCopy();
    delete input.services[1].summary;
    const result = parseFeed(input);
    expect(result.problems.find((p) => p.path === 'services[1].summary')!.messageEn).to.equal('is missing but required.');
  });

  it('skips duplicate ids after the first', () => {
    const input = feedCopy();
    input.services[2].id = 'clearing';
    const result = parseFeed(input);
    expect(result.feed!.services.filter((s) => s.id === 'clearing')).to.have.length(1);
    expect(result.problems[0]).to.include({ path: 'services[2].id', code: 'duplicate', severity: 'error' });
  });

  it('drops unknown references with a warning but keeps the service', () => {
    const input = feedCopy();
    input.services[0].categories.push('astrology');
    input.services[0].audiences.push('aliens');
    input.services[0].locations[0].district = 'atlantis';
    const result = parseFeed(input);
    const service = result.feed!.services[0];
    expect(service.categories).to.deep.equal(['health']);
    expect(service.audiences).to.deep.equal(['uninsured', 'eu-citizens']);
    expect(service.locations[0].district).to.equal(undefined);
    expect(result.problems.map((p) => p.code)).to.have.members(['unknownCategory', 'unknownAudience', 'unknownDistrict']);
    expect(result.problems.every((p) => p.severity === 'warning')).to.equal(true);
  });

  it('skips a service whose only category is unknown', () => {
    const input = feedCopy();
    input.services[1].categories = ['astrology'];
    const result = parseFeed(input);
    expect(result.feed!.services.map((s) => s.id)).not.to.include('schuldnerberatung');
  });

  it('drops javascript: links and impossible coordinates but keeps phone and hours', () => {
    const input = feedCopy();
    input.services[0].contact.website = 'javascript:alert(1)';
    input.services[0].locations[0].geo = { lat: 123, lon: 7.4 };
    const result = parseFeed(input);
    const service = result.feed!.services[0];
    expect(service.contact.website).to.equal(undefined);
    expect(service.contact.phone).to.equal('0201 555 0101');
    expect(service.locations[0].geo).to.equal(undefined);
    expect(service.locations[0].hours).to.have.length(2);
    expect(paths(result)).to.include.members(['services[0].contact.website', 'services[0].locations[0].geo.lat']);
  });

  it('warns about coordinates far from the region (swapped latitude and longitude)', () => {
    const input = feedCopy();
    input.services[0].locations[0].geo = { lat: 7.46, lon: 51.52 };
    const result = parseFeed(input);
    expect(result.problems[0]).to.include({ code: 'far', path: 'services[0].locations[0].geo' });
  });

  it('flags HTML in texts (it is shown as text) and shortens huge texts', () => {
    const input = feedCopy();
    input.services[1].description = '<img src=x onerror=alert(1)> Hilfe';
    input.services[1].summary = 'x'.repeat(10_000);
    const result = parseFeed(input);
    expect(result.problems.map((p) => p.code)).to.include.members(['html', 'tooLong']);
    expect(result.feed!.services[1].description).to.equal('<img src=x onerror=alert(1)> Hilfe');
    expect((result.feed!.services[1].summary as string).length).to.equal(300);
  });

  it('rejects slots with the same start and end, and closures that end before they start', () => {
    const input = feedCopy();
    input.services[0].locations[0].hours[0].closes = '09:00';
    input.services[0].locations[0].closures = [{ from: '2026-12-31', to: '2026-12-01' }];
    const result = parseFeed(input);
    expect(paths(result)).to.include.members(['services[0].locations[0].hours[0].closes', 'services[0].locations[0].closures[0].to']);
    expect(result.feed!.services[0].locations[0].closures).to.deep.equal([]);
  });

  it('accepts slots past midnight', () => {
    const input = feedCopy();
    input.services[0].locations[0].hours[0] = { days: ['fr'], opens: '20:00', closes: '02:00', kind: 'walk-in' };
    expect(parseFeed(input).problems).to.deep.equal([]);
  });

  it('rejects impossible dates', () => {
    const input = feedCopy();
    input.services[0].lastChecked = '2026-02-30';
    const result = parseFeed(input);
    expect(result.problems[0]).to.include({ path: 'services[0].lastChecked', code: 'date' });
    expect(result.feed!.services[0].lastChecked).to.equal(undefined);
  });

  it('accepts "DE-NW" and normalises it; an unknown state falls back to the default with a warning', () => {
    const input = feedCopy();
    input.region.state = 'DE-BY';
    expect(parseFeed(input).feed!.region.state).to.equal('BY');
    input.region.state = 'XX';
    const result = parseFeed(input);
    // Was: the whole feed unusable. Now the services are shown, holidays of the default state.
    expect(result.feed!.region.state).to.equal('NW');
    expect(result.feed!.services).to.have.length(3);
    expect(result.problems.map((p) => [p.severity, p.path, p.code])).to.deep.equal([
      ['warning', 'region.state', 'state'],
      ['warning', 'region.state', 'defaulted'],
    ]);
    expect(result.problems[1].message).to.equal('Dieses Feld wird ignoriert; es gilt "NW".');
  });

  it('lets a feed add categories and relabel built-in ones', () => {
    const input = feedCopy();
    input.categories = [
      { id: 'health', label: { de: 'Gesundheit & Pflege' } },
      { id: 'sport', label: 'Sport', icon: 'family' },
    ];
    input.services[1].categories = ['sport'];
    const result = parseFeed(input);
    expect(result.problems).to.deep.equal([]);
    const health = result.feed!.categories.find((c) => c.id === 'health')!;
    // The city's entry replaces the built-in one (no built-in label left to mix in); the icon stays.
    expect(health).to.deep.equal({ id: 'health', label: { de: 'Gesundheit & Pflege' }, icon: 'health' });
    expect(result.feed!.categories.map((c) => c.id)).to.include('sport');
  });

  it('marks the built-in entries, without labels (UI texts in the language of each widget)', () => {
    const { feed } = parseFeed(feedCopy());
    expect(feed!.categories[0]).to.deep.equal({ id: 'health', icon: 'health', builtIn: true });
    expect(feed!.categories.map((c) => c.id)).to.deep.equal([...BUILT_IN_CATEGORIES]);
    expect(feed!.audiences.map((a) => a.id)).to.deep.equal([...BUILT_IN_AUDIENCES]);
    expect([...feed!.categories, ...feed!.audiences].filter((entry) => 'label' in entry)).to.deep.equal([]);
  });

  describe('a broken optional top-level value is dropped, the feed stays usable', () => {
    const cases: [string, (feed: Record<string, any>) => void, [string, string][]][] = [
      [
        'publisher.url "ftp://…"',
        (f) => (f.publisher.url = 'ftp://example.org'),
        [
          ['publisher.url', 'url'],
          ['publisher.url', 'dropped'],
        ],
      ],
      [
        'publisher.email not an address',
        (f) => (f.publisher.email = 'Redaktion'),
        [
          ['publisher.email', 'email'],
          ['publisher.email', 'dropped'],
        ],
      ],
      [
        'updated unreadable',
        (f) => (f.updated = 'letzte Woche'),
        [
          ['updated', 'date'],
          ['updated', 'dropped'],
        ],
      ],
      ['updated missing', (f) => delete f.updated, [['updated', 'noUpdated']]],
      [
        'region.zoom 40',
        (f) => (f.region.zoom = 40),
        [
          ['region.zoom', 'zoom'],
          ['region.zoom', 'dropped'],
        ],
      ],
      [
        'region.timezone unknown',
        (f) => (f.region.timezone = 'Mars/Olympus'),
        [
          ['region.timezone', 'timezone'],
          ['region.timezone', 'defaulted'],
        ],
      ],
      [
        'region.country "AT"',
        (f) => (f.region.country = 'AT'),
        [
          ['region.country', 'country'],
          ['region.country', 'defaulted'],
        ],
      ],
      [
        'languages with a bad code',
        (f) => (f.languages = ['de', 'Deutsch', 'ro']),
        [
          ['languages[1]', 'language'],
          ['languages[1]', 'dropped'],
        ],
      ],
      [
        'languages not a list',
        (f) => (f.languages = 'de'),
        [
          ['languages', 'type'],
          ['languages', 'dropped'],
        ],
      ],
      [
        'districts not a list',
        (f) => (f.districts = { nord: 'Nord' }),
        [
          ['districts', 'type'],
          ['districts', 'dropped'],
        ],
      ],
      ['version missing', (f) => delete f.version, [['version', 'noVersion']]],
    ];
    for (const [name, breakIt, expected] of cases) {
      it(name, () => {
        const input = feedCopy();
        breakIt(input);
        const result = parseFeed(input);
        expect(result.feed, 'usable').to.exist;
        expect(result.feed!.services.map((s) => s.id)).to.deep.equal(['clearing', 'schuldnerberatung', 'old-project']);
        const found = result.problems.map((p) => [p.path, p.code]);
        for (const pair of expected) expect(found).to.deep.include(pair);
        expect(result.problems.every((p) => p.severity === 'warning')).to.equal(true);
        for (const p of result.problems) expect(p.message).to.not.match(/nichts|undefined/);
      });
    }
    it('keeps the other findings: a bad value at the top does not hide a broken slot', () => {
      const input = feedCopy();
      input.publisher.url = null;
      input.updated = 20261101;
      input.services[0].locations[0].hours[1].closes = '25:00';
      const result = parseFeed(input);
      expect(paths(result)).to.include.members(['updated', 'services[0].locations[0].hours[1].closes']);
      expect(result.feed!.updated).to.equal(undefined);
      expect(result.feed!.languages).to.deep.equal(['de', 'ro', 'en']);
      expect(result.feed!.services[0].locations[0].hours).to.have.length(1);
    });
    it('the language codes that are fine are kept', () => {
      const input = feedCopy();
      input.languages = ['de', 'Deutsch', 'ro'];
      expect(parseFeed(input).feed!.languages).to.deep.equal(['de', 'ro']);
    });
    it('a missing or broken map centre: the middle of the places, else Germany', () => {
      const input = feedCopy();
      input.region.center = { lat: 91, lon: 7 };
      const result = parseFeed(input);
      expect(result.feed!.region.center).to.deep.equal({ lat: 51.521, lon: 7.462 });
      expect(result.problems.map((p) => [p.path, p.code])).to.deep.equal([
        ['region.center.lat', 'lat'],
        ['region.center', 'dropped'],
        ['region.center', 'center'],
      ]);
      expect(result.problems[2].message).to.contain('die Mitte der Orte (51.521, 7.462)');
      delete input.region;
      delete input.services[0].locations[0].geo;
      const none = parseFeed(input);
      expect(none.feed!.region).to.deep.include({ state: 'NW', timezone: 'Europe/Berlin', zoom: 6 });
      expect(none.feed!.region.center).to.deep.equal({ lat: 51.16, lon: 10.45 });
      expect(none.problems.map((p) => p.code)).to.deep.equal(['center']);
    });
    it('a missing publisher name stays unusable (the contact form must name the recipient), but every finding is reported', () => {
      const input = feedCopy();
      delete input.publisher.name;
      input.services[0].locations[0].hours[1].closes = '25:00';
      const result = parseFeed(input);
      expect(result.feed).to.equal(undefined);
      expect(result.problems[0]).to.include({ path: 'publisher.name', code: 'missing', severity: 'error' });
      expect(paths(result)).to.include('services[0].locations[0].hours[1].closes');
    });
  });

  describe('null means absent', () => {
    it('everywhere: top level, services, locations, slots and vocabularies, silently', () => {
      const input = feedCopy();
      Object.assign(input.publisher, { url: null, email: null });
      Object.assign(input.region, { zoom: null, state: null });
      input.languages = null;
      input.categories = null;
      input.audiences = [null, { id: 'students', label: 'Studierende', icon: null }];
      input.districts[0].icon = null;
      Object.assign(input.services[0], { description: null, provider: null, statusNote: null, validFrom: null, topics: null });
      input.services[0].contact.email = null;
      input.services[0].audiences.push(null);
      Object.assign(input.services[0].locations[0], { name: null, accessibility: null });
      input.services[0].locations[0].hours[0].note = null;
      input.services[0].locations[0].hours.push(null);
      input.services[0].locations.push(null);
      input.services[1].locations = null;
      input.services.push(null);
      input.quickCheck = null;
      const result = parseFeed(input);
      expect(result.problems).to.deep.equal([]);
      const feed = result.feed!;
      expect(feed.services.map((s) => s.id)).to.deep.equal(['clearing', 'schuldnerberatung', 'old-project']);
      const [clearing] = feed.services;
      expect(clearing.description).to.equal('');
      expect(clearing.contact).to.deep.equal({ phone: '0201 555 0101', website: 'https://example.org/clearing' });
      expect(clearing.audiences).to.deep.equal(['uninsured', 'eu-citizens']);
      expect(clearing.locations).to.have.length(1);
      expect(clearing.locations[0].hours).to.have.length(2);
      expect(feed.region.state).to.equal('NW');
      expect(feed.audiences.map((a) => a.id)).to.include('students');
      expect(feed.quickCheck).to.equal(undefined);
    });
    it('a required field that is null is missing', () => {
      const input = feedCopy();
      input.services[1].name = null;
      const result = parseFeed(input);
      expect(result.problems[0]).to.include({ path: 'services[1].name', code: 'missing', severity: 'error' });
    });
  });

  describe('no nesting depth throws', () => {
    const deepList = (n: number, inner: unknown = 'x') => {
      let value = inner;
      for (let i = 0; i < n; i++) value = [value];
      return value;
    };
    it('100,000 nested lists in a text field: the field is dropped with its path', () => {
      const input = feedCopy();
      input.services[0].description = deepList(100_000);
      const result = parseFeed(input);
      expect(result.feed!.services).to.have.length(3);
      expect(result.feed!.services[0].description).to.equal('');
      expect(result.problems.map((p) => [p.path, p.code])).to.deep.include(['services[0].description', 'text']);
      // The start of the value, or "[…]" where the engine gives up on the depth (Firefox).
      expect(result.problems[0].message).to.match(/^(\[\[\[.*…|\[…\]) ist kein Text\./);
    });
    it('services made of nested lists: each is skipped, the feed has no valid service', () => {
      const input = feedCopy();
      input.services = [deepList(100_000, {})];
      const result = parseFeed(input);
      expect(result.feed).to.equal(undefined);
      expect(result.problems.map((p) => p.code)).to.deep.equal(['type', 'skipped', 'noServices']);
    });
    it('a deep unknown field of a valid service: "too deeply nested" at that field', () => {
      const input = feedCopy();
      input.services[1].notes = deepList(100_000);
      const result = parseFeed(input);
      expect(result.feed!.services).to.have.length(3);
      expect(result.problems).to.have.length(1);
      expect(result.problems[0]).to.include({ path: 'services[1].notes', code: 'tooDeep', severity: 'warning' });
      expect(result.problems[0].message).to.equal('ist zu tief verschachtelt (über 100 Ebenen) und wird nicht gelesen.');
    });
    it('deep objects in a location and a deep quickCheck do not throw', () => {
      const input = feedCopy();
      let deep: Record<string, unknown> = {};
      for (let i = 0; i < 100_000; i++) deep = { de: deep };
      input.services[0].locations[0].name = deep;
      input.quickCheck = deepList(100_000);
      const result = parseFeed(input);
      expect(result.feed!.services[0].locations[0].name).to.equal(undefined);
      expect(paths(result)).to.include('services[0].locations[0].name');
    });
    it('a getter that throws is reported, not thrown', () => {
      const input = feedCopy();
      Object.defineProperty(input.services[0], 'name', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      });
      const result = parseFeed(input);
      expect(result.feed).to.equal(undefined);
      expect(result.problems.at(-1)).to.include({ code: 'unreadable', severity: 'error' });
    });
  });

  describe('unusable feeds give one clear error', () => {
    const cases: [string, unknown, string][] = [
      ['an array', [], 'notObject'],
      ['a string', 'hello', 'notObject'],
      ['null', null, 'notObject'],
    ];
    for (const [name, input, code] of cases) {
      it(name, () => {
        const result = parseFeed(input);
        expect(result.feed).to.equal(undefined);
        expect(result.problems[0].code).to.equal(code);
      });
    }
    it('wrong version', () => {
      const input = feedCopy();
      input.version = 2;
      const result = parseFeed(input);
      expect(result.feed).to.equal(undefined);
      expect(result.problems[0]).to.include({ path: 'version', code: 'version' });
    });
    it('no services', () => {
      const input = feedCopy();
      input.services = [];
      expect(parseFeed(input).problems[0].code).to.equal('noServices');
    });
    it('services not a list', () => {
      const input = feedCopy();
      input.services = { a: 1 };
      expect(parseFeed(input).problems[0]).to.include({ path: 'services', code: 'services' });
    });
    it('every service broken', () => {
      const input = feedCopy();
      input.services = [{ id: 'x' }, 42];
      const result = parseFeed(input);
      expect(result.feed).to.equal(undefined);
      expect(result.problems.at(-1)!.code).to.equal('noServices');
    });
  });

  it('hides ended services and those outside their validity dates', () => {
    const [service] = parseFeed(feedCopy()).feed!.services;
    expect(isCurrent(service, '2026-11-21')).to.equal(true);
    expect(isCurrent({ ...service, status: 'ended' }, '2026-11-21')).to.equal(false);
    expect(isCurrent({ ...service, validUntil: '2026-11-20' }, '2026-11-21')).to.equal(false);
    expect(isCurrent({ ...service, validUntil: '2026-11-21' }, '2026-11-21')).to.equal(true);
    expect(isCurrent({ ...service, validFrom: '2026-11-22' }, '2026-11-21')).to.equal(false);
    expect(isCurrent({ ...service, status: 'temporarily-closed' }, '2026-11-21')).to.equal(true);
  });

  it('checks 10,000 services', () => {
    const input = feedCopy();
    input.services = Array.from({ length: 10_000 }, (_, i) => ({ ...feedCopy().services[0], id: `s-${i}` }));
    const result = parseFeed(input);
    expect(result.feed!.services).to.have.length(10_000);
    expect(result.problems).to.deep.equal([]);
  });
});

describe('feed texts: language fallback', () => {
  const text = { de: 'Hallo', en: 'Hello', ro: 'Salut' };
  it('uses the chosen language', () => expect(pickText(text, 'ro')).to.equal('Salut'));
  it('falls back to English', () => expect(pickText(text, 'bg')).to.equal('Hello'));
  it('then to German', () => expect(pickText({ de: 'Hallo', tr: 'Merhaba' }, 'bg')).to.equal('Hallo'));
  it('then to any present', () => expect(pickText({ tr: 'Merhaba' }, 'bg')).to.equal('Merhaba'));
  it('skips empty translations', () => expect(pickText({ ro: '', de: 'Hallo' }, 'ro')).to.equal('Hallo'));
  it('treats a plain string as German for everyone', () => expect(pickText('Hallo', 'ar')).to.equal('Hallo'));
});

describe('today in the region time zone', () => {
  it('is an ISO date in every engine, on the right side of midnight', async () => {
    const { todayIn } = await import('../src/core/base-element.js');
    expect(todayIn('Europe/Berlin', new Date('2026-11-21T23:30:00Z'))).to.equal('2026-11-22');
    expect(todayIn('America/New_York', new Date('2026-11-22T03:30:00Z'))).to.equal('2026-11-21');
  });
});

describe('markup in any text is flagged', () => {
  it('location names, slot notes, closure notes and labels, not only the service texts', () => {
    const input = feedCopy();
    input.districts[0].label = { de: '<b>Nord</b>' };
    const location = input.services[0].locations[0];
    location.name = 'Haus <i>A</i>';
    location.hours[0].note = '<a href="x">hier</a>';
    location.closures = [{ from: '2026-12-24', to: '2026-12-26', note: 'Ferien&nbsp;' }];
    const result = parseFeed(input);
    expect(result.problems.filter((p) => p.code === 'html').map((p) => p.path)).to.have.members([
      'districts[0].label.de',
      'services[0].locations[0].name',
      'services[0].locations[0].hours[0].note',
      'services[0].locations[0].closures[0].note',
    ]);
    expect(result.feed!.services[0].locations[0].name).to.equal('Haus <i>A</i>');
  });
});
