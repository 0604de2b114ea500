/**
 * Robustness: hostile and broken feeds, and network faults, fed to all four widgets at once.
 * For every case: the specified problem codes and paths reach the page (`lotse-feed-warning`
 * / `lotse-feed-error`), the widgets show the matching state, nothing from the feed executes,
 * every link is a safe one, and the host page around the widgets keeps working.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { createStore, get } from 'idb-keyval';
import { loadOptions, resetFeedSources } from '../src/core/feed/load.js';
import { deliveryOptions } from '../src/contact-form/contact-form.js';
import type { FeedProblem } from '../src/core/feed/parse.js';
import { generateFeed } from '../bench/generate-feed.js';
import { feedCopy, shadowText, until, untilValue } from './helpers.js';

declare global {
  interface Window {
    __lotsePwned?: unknown;
  }
}

const TAGS = ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form'] as const;
type Tag = (typeof TAGS)[number];
type Widget = HTMLElement & { feed?: unknown; updateComplete: Promise<unknown>; feedState: { status: string } };
interface Heard {
  type: 'lotse-feed-warning' | 'lotse-feed-error';
  problems: FeedProblem[];
}

// ---- The host page ------------------------------------------------------------------------

/** Uncaught errors and rejections anywhere on the page while a test runs. */
const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => uncaught.push(`rejection: ${String(e.reason)}`));

/** A button of the host page: it must still work next to the widgets. */
let hostClicks = 0;
const hostButton = document.createElement('button');
hostButton.textContent = 'Host-Seite';
hostButton.addEventListener('click', () => hostClicks++);
document.body.append(hostButton);

function hostStillWorks() {
  const before = hostClicks;
  hostButton.click();
  expect(hostClicks, 'host button clicks').to.equal(before + 1);
  expect(document.title, 'host title untouched').to.not.contain('pwned');
}

// ---- Mounting all four widgets ------------------------------------------------------------

let box: HTMLElement | undefined;
let formCounter = 0;

interface Mounted {
  els: Record<Tag, Widget>;
  heard: Map<Tag, Heard[]>;
}

/**
 * All four widgets on one feed: a URL (attribute), an object (property) or, with `script`,
 * raw text in a `<script type="application/json">` child.
 */
async function mountAll(feed: string | object | { script: string }, lang = 'de', settleMs = 8000): Promise<Mounted> {
  box?.remove();
  box = document.createElement('div');
  document.body.append(box);
  const heard = new Map<Tag, Heard[]>();
  const els = {} as Record<Tag, Widget>;
  for (const tag of TAGS) {
    const el = document.createElement(tag) as unknown as Widget;
    el.setAttribute('lang', lang);
    heard.set(tag, []);
    for (const type of ['lotse-feed-warning', 'lotse-feed-error'] as const) {
      el.addEventListener(type, (e) => heard.get(tag)!.push({ type, problems: (e as CustomEvent).detail.problems }));
    }
    if (tag === 'lotse-contact-form') {
      el.id = `robust-${++formCounter}-${Date.now()}`;
      el.setAttribute('endpoint', '/api/contact');
      el.setAttribute('service', 'clearing');
    }
    if (typeof feed === 'string') el.setAttribute('feed', feed);
    else if ('script' in feed && typeof feed.script === 'string') {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = feed.script;
      el.append(script);
    } else el.feed = feed;
    els[tag] = el;
    box.append(el);
  }
  await settle(els, settleMs);
  return { els, heard };
}

/** Wait until every widget shows a loaded feed or an error, and has rendered it. */
async function settle(els: Record<Tag, Widget>, ms = 8000) {
  await until(() => TAGS.every((t) => ['ready', 'error'].includes(els[t].feedState.status)), ms, 'feeds settled');
  await Promise.all(TAGS.map((t) => els[t].updateComplete));
  // The quick-check resolves its questions after the feed (async).
  if (els['lotse-quick-check'].feedState.status === 'ready') {
    await until(() => els['lotse-quick-check'].shadowRoot!.querySelector('#qc-heading, .state.error'), ms, 'quick-check');
  }
}

afterEach(() => {
  box?.remove();
  box = undefined;
  for (const key of Object.keys(localStorage)) if (key.startsWith('lotse-contact:robust-')) localStorage.removeItem(key);
});

// ---- Safety checks ------------------------------------------------------------------------

/** Every shadow root under `node`, nested ones included. */
function shadowRoots(node: ParentNode): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of node.querySelectorAll('*')) {
    if (el.shadowRoot) roots.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return roots;
}

const SAFE_HREF = /^(https?:|tel:|mailto:|https:\/\/wa\.me\/)/i;

/** Nothing executed, no active markup in any shadow root, only safe links. */
function assertSafe(where = '') {
  expect(window.__lotsePwned, `payload executed ${where}`).to.equal(undefined);
  for (const root of shadowRoots(box!)) {
    expect(
      root.querySelectorAll('script, iframe, object, embed, frame, base, meta, link[rel=import]').length,
      `active element ${where}`,
    ).to.equal(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `${el.localName}[${attr}] ${where}`).to.equal(false);
      }
      for (const attr of ['src', 'action', 'formaction', 'xlink:href']) {
        const value = el.getAttribute(attr);
        if (value !== null) expect(value, `${el.localName}[${attr}] ${where}`).to.not.match(/^\s*(javascript|data|vbscript):/i);
      }
    }
    for (const a of root.querySelectorAll('a[href], area[href]')) {
      const href = a.getAttribute('href')!;
      // In-page links (the contact form's error summary) point at the widget's own fields.
      if (href.startsWith('#')) continue;
      expect(href, `link ${where}`).to.match(SAFE_HREF);
    }
  }
  expect(uncaught, `uncaught errors ${where}`).to.deep.equal([]);
}

beforeEach(() => {
  uncaught.length = 0;
  delete window.__lotsePwned;
});
afterEach(() => {
  // Whatever happened in the test: nothing ran, and the host page is alive.
  expect(window.__lotsePwned).to.equal(undefined);
  hostStillWorks();
});

// ---- What the widgets show ----------------------------------------------------------------

const errorBox = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.state.error[role="alert"]');

/** All widgets show the error state, listing the problem paths for the editor. */
function expectErrorState(m: Mounted, codes: string[], paths: string[] = []) {
  for (const tag of TAGS) {
    const events = m.heard.get(tag)!;
    expect(
      events.map((e) => e.type),
      tag,
    ).to.deep.equal(['lotse-feed-error']);
    const problems = events[0].problems;
    for (const code of codes)
      expect(
        problems.map((p) => p.code),
        `${tag} codes`,
      ).to.include(code);
    for (const path of paths)
      expect(
        problems.map((p) => p.path),
        `${tag} paths`,
      ).to.include(path);
    for (const p of problems) {
      expect(p.message, 'German message').to.be.a('string').and.not.equal('');
      expect(p.messageEn, 'English message').to.be.a('string').and.not.equal('');
    }
    const state = errorBox(m.els[tag]);
    expect(state, `${tag} error state`).to.exist;
    expect(state!.textContent!.replace(/\s+/g, ' ')).to.contain('Die Angebote können gerade nicht geladen werden.');
    // The editor's details name the place of the first problem.
    const details = state!.querySelector('details')!.textContent!;
    expect(details).to.contain(problems[0].message.slice(0, 30));
  }
}

/** All widgets work, and each reported the same warnings with these codes at these paths. */
function expectWarnings(m: Mounted, expected: Array<[code: string, path: string]>) {
  for (const tag of TAGS) {
    const events = m.heard.get(tag)!;
    expect(
      events.map((e) => e.type),
      tag,
    ).to.deep.equal(['lotse-feed-warning']);
    const found = events[0].problems.map((p) => [p.code, p.path]);
    for (const pair of expected) expect(found, tag).to.deep.include(pair);
    expect(errorBox(m.els[tag]), `${tag} has no error state`).to.equal(null);
  }
  expectContent(m);
}

/** Each widget shows its working content. */
function expectContent(m: Mounted) {
  const $ = (tag: Tag, sel: string) => m.els[tag].shadowRoot!.querySelector(sel);
  expect($('lotse-service-finder', '#lotse-search'), 'finder search').to.exist;
  expect($('lotse-hours-map', '[part="filters"]'), 'hours map filters').to.exist;
  expect($('lotse-quick-check', '#qc-heading'), 'quick-check').to.exist;
  expect($('lotse-contact-form', 'form[part="form"]'), 'contact form').to.exist;
}

const cardCount = (m: Mounted) => m.els['lotse-service-finder'].shadowRoot!.querySelectorAll('.card').length;

// ---- Feeds broken in one place ------------------------------------------------------------

describe('robustness: broken feeds (all four widgets)', () => {
  it('wrong types: the broken service is skipped with the field named; the rest works', async () => {
    const feed = feedCopy();
    feed.services[0].free = 'ja';
    feed.services[1].languages = 'de';
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['boolean', 'services[0].free'],
      ['skipped', 'services[0]'],
      ['type', 'services[1].languages'],
      ['skipped', 'services[1]'],
    ]);
    assertSafe();
  });

  it('wrong type of a droppable field: only the field is dropped', async () => {
    const feed = feedCopy();
    feed.services[0].contact.website = 42;
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['type', 'services[0].contact.website'],
      ['dropped', 'services[0].contact.website'],
    ]);
    expect(cardCount(m)).to.equal(2);
  });

  it('duplicate ids: the second service with the id is skipped', async () => {
    const feed = feedCopy();
    feed.services[1].id = 'clearing';
    const m = await mountAll(feed);
    expectWarnings(m, [['duplicate', 'services[1].id']]);
    expect(cardCount(m)).to.equal(1);
  });

  it('unknown references: unknown category, audience and district are ignored', async () => {
    const feed = feedCopy();
    feed.services[0].categories = ['gibt-es-nicht', 'health'];
    feed.services[0].audiences = ['marsianer'];
    feed.services[0].locations[0].district = 'atlantis';
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['unknownCategory', 'services[0].categories[0]'],
      ['unknownAudience', 'services[0].audiences[0]'],
      ['unknownDistrict', 'services[0].locations[0].district'],
    ]);
    expect(cardCount(m)).to.equal(2);
  });

  it('a service whose only category is unknown is skipped', async () => {
    const feed = feedCopy();
    feed.services[1].categories = ['gibt-es-nicht'];
    const m = await mountAll(feed);
    expectWarnings(m, [['noKnownCategory', 'services[1].categories']]);
    expect(cardCount(m)).to.equal(1);
  });

  it('impossible times: 25:00, 12:60, empty and reversed closures', async () => {
    const feed = feedCopy();
    const hours = feed.services[0].locations[0].hours;
    hours[0].opens = '25:00';
    hours[1].closes = '12:60';
    hours.push({ days: ['mo'], opens: '10:00', closes: '10:00', kind: 'walk-in' });
    hours.push({ days: ['xx'], opens: '10:00', closes: '11:00', kind: 'walk-in' });
    feed.services[0].locations[0].closures = [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-05-02', to: '2026-05-01' },
    ];
    const m = await mountAll(feed);
    const at = 'services[0].locations[0]';
    expectWarnings(m, [
      ['time', `${at}.hours[0].opens`],
      ['time', `${at}.hours[1].closes`],
      ['emptySlot', `${at}.hours[2].closes`],
      ['weekday', `${at}.hours[3].days[0]`],
      ['date', `${at}.closures[0].from`],
      ['range', `${at}.closures[1].to`],
    ]);
    // The service stays, without the impossible slots.
    expect(cardCount(m)).to.equal(2);
    assertSafe();
  });

  it('impossible coordinates: a latitude of 200 drops the point; swapped coordinates are flagged', async () => {
    const feed = feedCopy();
    feed.services[0].locations[0].geo = { lat: 200, lon: 7.46 };
    feed.services[0].locations.push({
      id: 'swapped',
      address: { street: 'Weg 2', postalCode: '44100', city: 'Teststadt' },
      geo: { lat: 7.46, lon: 51.52 },
    });
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['lat', 'services[0].locations[0].geo.lat'],
      ['dropped', 'services[0].locations[0].geo'],
      ['far', 'services[0].locations[1].geo'],
    ]);
  });

  // Was: the whole feed unusable (error state everywhere). Now the map centres on the places.
  it('an impossible region centre: a warning, the map centres on the middle of the places', async () => {
    const feed = feedCopy();
    feed.region.center = { lat: 91, lon: -181 };
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['lat', 'region.center.lat'],
      ['dropped', 'region.center'],
      ['center', 'region.center'],
    ]);
    expect(m.els['lotse-hours-map'].feedState).to.deep.nested.include({ 'feed.region.center': { lat: 51.521, lon: 7.462 } });
    assertSafe();
  });

  it('broken optional top-level values: every widget shows the services and warns, none blanks', async () => {
    const feed = feedCopy();
    feed.publisher.url = 'ftp://example.org/lotse';
    feed.publisher.email = 'Redaktion im Rathaus';
    feed.updated = 'Herbst 2026';
    feed.region.zoom = 40;
    feed.region.timezone = 'Europe/Dortmund';
    feed.languages = ['de', 'ro', 'Rumänisch'];
    const m = await mountAll(feed);
    expectWarnings(m, [
      ['url', 'publisher.url'],
      ['dropped', 'publisher.url'],
      ['email', 'publisher.email'],
      ['date', 'updated'],
      ['zoom', 'region.zoom'],
      ['timezone', 'region.timezone'],
      ['defaulted', 'region.timezone'],
      ['language', 'languages[2]'],
    ]);
    expect(cardCount(m)).to.equal(2);
    // The contact form still names the publisher in its privacy notice.
    expect(shadowText(m.els['lotse-contact-form'])).to.contain('Ihre Nachricht geht an Teststadt');
    assertSafe();
  });

  it('a database export with null in optional fields: shown as if the fields were absent, no warnings', async () => {
    const feed = feedCopy();
    Object.assign(feed.publisher, { url: null, email: null });
    feed.region.zoom = null;
    feed.languages = null;
    for (const service of feed.services) Object.assign(service, { description: null, provider: null, statusNote: null, lastChecked: null });
    feed.services[0].contact.email = null;
    feed.services[0].locations[0].hours[0].note = null;
    feed.services[0].locations[0].hours.push(null);
    const m = await mountAll(feed);
    for (const tag of TAGS) expect(m.heard.get(tag), tag).to.deep.equal([]);
    expectContent(m);
    expect(cardCount(m)).to.equal(2);
    expect(shadowText(m.els['lotse-service-finder'])).to.not.contain('null');
    assertSafe();
  });

  describe('deeply nested feeds: no uncaught error reaches the page', () => {
    const nest = (n: number, inner = '"x"') => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
    const text = () => JSON.stringify(feedCopy());

    it('100,000 nested lists in a text field (inline script): the field is dropped, the rest is shown', async () => {
      const m = await mountAll({ script: text().replace('"Wir klären Ihre Krankenversicherung."', nest(100_000)) });
      expectWarnings(m, [
        ['text', 'services[0].description'],
        ['dropped', 'services[0].description'],
      ]);
      expect(cardCount(m)).to.equal(2);
      assertSafe();
    });

    it('services made of nested lists (from a URL): the error state, naming the entry', async () => {
      resetFeedSources();
      const url = URL.createObjectURL(
        new Blob([text().replace(/"services":\[.*\]\}$/, `"services":[${nest(100_000, '{}')}]}`)], { type: 'application/json' }),
      );
      const m = await mountAll(url);
      expectErrorState(m, ['type', 'skipped', 'noServices'], ['services[0]', 'services']);
      assertSafe();
      URL.revokeObjectURL(url);
    });

    it('a deep unknown field and a deep quickCheck (object property): shown, "too deeply nested" reported', async () => {
      const feed = feedCopy();
      let deep: unknown = 'x';
      for (let i = 0; i < 100_000; i++) deep = [deep];
      feed.services[1].notes = deep;
      let when: unknown = { q: 'x', is: 'y' };
      for (let i = 0; i < 100_000; i++) when = { not: when };
      feed.quickCheck = { steps: [{ id: 'deep', when }] };
      const m = await mountAll(feed);
      expect(m.heard.get('lotse-service-finder')!.map((e) => e.type)).to.deep.equal(['lotse-feed-warning']);
      expect(m.heard.get('lotse-service-finder')![0].problems.map((p) => [p.code, p.path])).to.deep.equal([
        ['tooDeep', 'services[1].notes'],
      ]);
      // The quick-check refuses the deep flow and keeps the default one.
      await until(() => m.heard.get('lotse-quick-check')!.length === 2, 5000, 'quick-check warning');
      expect(m.heard.get('lotse-quick-check')![1].problems.map((p) => [p.code, p.path])).to.deep.include([
        'tooDeep',
        'quickCheck.steps[0].when',
      ]);
      expectContent(m);
      assertSafe();
    });
  });

  it('huge texts: a 1 MB description and a 1 MB name are cut, the page stays fast', async () => {
    const feed = feedCopy();
    feed.services[0].description = 'Beratung '.repeat(116_509).slice(0, 1_048_576);
    feed.services[1].name = 'N'.repeat(1_048_576);
    const start = performance.now();
    const m = await mountAll(feed);
    expect(performance.now() - start, 'ms to show').to.be.below(5000);
    expectWarnings(m, [
      ['tooLong', 'services[0].description'],
      ['tooLong', 'services[1].name'],
    ]);
    const problem = m.heard.get('lotse-service-finder')![0].problems.find((p) => p.path === 'services[0].description')!;
    expect(problem.message).to.contain('1048576').and.contain('5000');
    // The finder's detail shows the cut text.
    const finder = m.els['lotse-service-finder'];
    finder.shadowRoot!.querySelector<HTMLButtonElement>('.card-title[data-service="clearing"]')!.click();
    await finder.updateComplete;
    const detail = finder.shadowRoot!.querySelector('.detail')!;
    expect(detail.textContent!.length).to.be.below(10_000);
    expect(shadowText(m.els['lotse-hours-map']).length).to.be.below(20_000);
    assertSafe();
  });

  it('missing translations: the chosen language, else English, else German, else any', async () => {
    const feed = feedCopy();
    feed.services[0].name = { ro: 'Numai în română' };
    feed.services[0].summary = { en: 'Only English', de: 'Auch Deutsch' };
    const m = await mountAll(feed, 'ar');
    expect(m.heard.get('lotse-service-finder')!.map((e) => e.type)).to.deep.equal([]);
    const finder = shadowText(m.els['lotse-service-finder']);
    expect(finder).to.contain('Numai în română');
    expect(finder).to.contain('Only English');
    expect(shadowText(m.els['lotse-contact-form'])).to.contain('Numai în română');
  });

  it('a text with no language at all ({} or only empty texts) is reported, never shown as an empty name', async () => {
    const feed = feedCopy();
    feed.services[1].name = {};
    feed.services[0].summary = { de: ' ', ro: '' };
    const m = await mountAll(feed);
    const problems = m.heard.get('lotse-service-finder')![0].problems;
    expect(problems.map((p) => p.path)).to.include.members(['services[0].summary', 'services[1].name']);
    expect(problems.filter((p) => p.code === 'skipped').map((p) => p.path)).to.deep.equal(['services[0]', 'services[1]']);
    expect(cardCount(m)).to.equal(0);
    expect(shadowText(m.els['lotse-service-finder'])).to.contain('0 Angebote gefunden');
  });

  it('empty feed {}: error naming the missing fields', async () => {
    const m = await mountAll({});
    expectErrorState(m, ['missing'], ['version', 'services']);
    assertSafe();
  });

  it('a list [] instead of an object: "not an object"', async () => {
    const m = await mountAll([]);
    expectErrorState(m, ['notObject']);
  });

  it('no valid service at all: "no services"', async () => {
    const feed = feedCopy();
    feed.services = [{ id: 'x' }, 'text', null, 42];
    const m = await mountAll(feed);
    expectErrorState(m, ['noServices'], ['services']);
  });

  it('non-JSON in the inline script: "not JSON"', async () => {
    const m = await mountAll({ script: 'Öffnungszeiten: Mo 9-12 <script>window.__lotsePwned=1</script>' });
    expectErrorState(m, ['notJson']);
    assertSafe();
  });

  it('non-JSON from a URL: "not JSON"', async () => {
    const url = URL.createObjectURL(new Blob(['version: 1\nservices: -'], { type: 'application/json' }));
    const m = await mountAll(url);
    expectErrorState(m, ['notJson']);
    expect(errorBox(m.els['lotse-service-finder'])!.querySelector('[part="retry-button"]')).to.exist;
  });

  it('wrong content type (a CMS error page as text/html): "web page, not JSON", not retried', async () => {
    resetFeedSources();
    const key = `html-${Date.now()}`;
    const m = await mountAll(`/__test/feed?type=html&key=${key}`);
    expectErrorState(m, ['html404']);
    expect(await (await fetch(`/__test/count?key=${key}`)).text()).to.equal('1');
  });

  it('truncated JSON: "not JSON"', async () => {
    const m = await mountAll(`/__test/feed?type=truncated&key=trunc-${Date.now()}`);
    expectErrorState(m, ['notJson']);
  });

  // Timings are for `npm run bench`; this test only says that it works and stays usable.
  it('50,000 services from one URL: all four widgets show them, paged', async function () {
    this.timeout(240_000);
    resetFeedSources();
    const url = URL.createObjectURL(new Blob([JSON.stringify(generateFeed(50_000))], { type: 'application/json' }));
    const m = await mountAll(url, 'de', 200_000);
    for (const tag of TAGS) expect(m.heard.get(tag), tag).to.deep.equal([]);
    expectContent(m);
    const finder = m.els['lotse-service-finder'];
    await until(() => /50\.000 Angebote/.test(finder.shadowRoot!.querySelector('#lotse-count')?.textContent ?? ''), 10_000, 'count');
    // Pages, not 50,000 cards.
    expect(cardCount(m)).to.be.at.most(50);
    expect(m.els['lotse-hours-map'].shadowRoot!.querySelectorAll('[part="entry"]').length).to.be.at.most(100);
    hostStillWorks();
    assertSafe();
    URL.revokeObjectURL(url);
  });
});

// ---- Payloads in every text and URL field -------------------------------------------------

/** The small feed with every optional text and URL field filled, so each can be attacked. */
function richFeed() {
  const feed = feedCopy();
  feed.publisher.name = 'Stadt Teststadt';
  feed.categories = [{ id: 'health', label: { de: 'Gesundheit', en: 'Health' }, icon: 'health' }];
  feed.audiences = [{ id: 'uninsured', label: 'Ohne Versicherung' }];
  const s = feed.services[0];
  s.provider = { name: 'Träger e. V.', url: 'https://example.org/traeger' };
  s.contact = { phone: '0201 555 0101', email: 'info@example.org', website: 'https://example.org/clearing', whatsapp: '+4915112345678' };
  s.statusNote = 'Hinweis zum Betrieb';
  const loc = s.locations[0];
  loc.name = { de: 'Haus am Hafen', ro: 'Casa din port' };
  loc.accessibility = { wheelchair: true, note: 'Rampe am Eingang' };
  loc.hours[0].note = 'Mit Dolmetscherin';
  loc.closures = [{ from: '2027-01-01', to: '2027-01-02', note: 'Neujahr' }];
  return feed;
}

/** Paths of every string in a JSON value. */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setAt(root: any, path: (string | number)[], value: unknown) {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
}

const dotted = (path: (string | number)[]) =>
  path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');

/** Markup payloads in one string (script, event handlers, a broken-out attribute), then URL payloads. */
const PAYLOADS = [
  '"><script>window.__lotsePwned=1</script><img src=x onerror="window.__lotsePwned=1"><svg onload="window.__lotsePwned=1"></svg><a href="javascript:window.__lotsePwned=1">x</a>',
  'javascript:window.__lotsePwned=1',
  'data:text/html,<script>window.__lotsePwned=1</script>',
];
const MARKUP = 1; // payloads before this index are markup
/** The texts the checker flags when they contain markup (see parse.ts `checkText`). */
const FLAGGED_TEXT = /^services\[\d+\]\.(name|summary|description)(\.[a-z]{2})?$/;
const URL_FIELD = /(url|website)$/;

/** Open what shows the most of a feed: the finder's details and the hours map's first entry. */
async function openEverything(m: Mounted) {
  const finder = m.els['lotse-service-finder'];
  const card = finder.shadowRoot!.querySelector<HTMLButtonElement>('.card-title[data-service="clearing"], .card-title');
  if (card && !finder.shadowRoot!.querySelector('.detail')) {
    card.click();
    await finder.updateComplete;
  }
  const map = m.els['lotse-hours-map'];
  const entry = map.shadowRoot!.querySelector<HTMLButtonElement>('[part="entry"] button.name[aria-expanded="false"]');
  entry?.click();
  await map.updateComplete;
}

describe('robustness: script, HTML, javascript: and data: payloads in every string of the feed', () => {
  const base = richFeed();
  const leaves = stringLeaves(base);

  it('the walk finds every text and URL field of the rich feed', () => {
    expect(leaves.length).to.be.above(40);
    const all = leaves.map(dotted);
    for (const field of [
      'services[0].contact.website',
      'services[0].provider.url',
      'publisher.url',
      'services[0].locations[0].closures[0].note',
    ]) {
      expect(all).to.include(field);
    }
  });

  for (const [p, payload] of PAYLOADS.entries()) {
    it(`payload ${p + 1} (${payload.slice(0, 20)}…) in each of the feed's strings, one at a time`, async function () {
      this.timeout(90_000);
      // One set of widgets; each variant is handed to all four as a new feed.
      const m = await mountAll(base);
      for (const leaf of leaves) {
        const where = `${dotted(leaf)} = ${payload}`;
        const variant = structuredClone(base);
        const original = leaf.reduce<any>((node, key) => node[key], variant) as string;
        // URL fields get the payload alone; texts get it inside real text, as an attacker would.
        setAt(variant, leaf, URL_FIELD.test(String(leaf.at(-1))) || p >= MARKUP ? payload : `${original} ${payload}`);
        for (const tag of TAGS) m.heard.set(tag, []);
        for (const tag of TAGS) m.els[tag].feed = variant;
        await Promise.all(TAGS.map((t) => m.els[t].updateComplete));
        await settle(m.els);
        const events = m.heard.get('lotse-service-finder')!;
        expect(events.length, where).to.be.at.most(1);
        const problems = events[0]?.problems ?? [];
        const codesAt = (path: string) => problems.filter((x) => x.path === path).map((x) => x.code);
        if (FLAGGED_TEXT.test(dotted(leaf)) && p < MARKUP) {
          expect(codesAt(dotted(leaf)), `html warning at ${where}`).to.include('html');
        }
        if (URL_FIELD.test(String(leaf.at(-1)))) {
          expect(codesAt(dotted(leaf)), `url problem at ${where}`).to.include('url');
        }
        if (m.els['lotse-service-finder'].feedState.status === 'ready') await openEverything(m);
        assertSafe(where);
      }
    });
  }

  it('every free text hostile at once: the feed works, all four widgets show the payloads as text', async () => {
    const feed = structuredClone(base);
    for (const leaf of leaves) {
      const path = dotted(leaf);
      if (/(name|summary|description|label|note|street|city|statusNote)(\.[a-z]{2})?$/.test(path)) {
        setAt(feed, leaf, `${leaf.reduce<any>((n, k) => n[k], feed)} ${PAYLOADS[0]}`);
      }
    }
    const m = await mountAll(feed);
    expectContent(m);
    await openEverything(m);
    expect(shadowText(m.els['lotse-service-finder'])).to.contain('<img src=x onerror=');
    expect(shadowText(m.els['lotse-hours-map'])).to.contain('<img src=x onerror=');
    expect(shadowText(m.els['lotse-contact-form'])).to.contain('<img src=x onerror=');
    // Through the quick-check to its routing slip, which lists the feed's services.
    const check = m.els['lotse-quick-check'];
    const buttons = () => [...check.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
    buttons()
      .find((b) => b.classList.contains('primary'))!
      .click();
    for (let i = 0; i < 20 && !check.shadowRoot!.querySelector('[part="step"]'); i++) {
      await check.updateComplete;
      const answer = check.shadowRoot!.querySelector<HTMLButtonElement>('[part="answer-button"]');
      if (!answer) break;
      answer.click();
      await check.updateComplete;
    }
    expect(check.shadowRoot!.querySelector('[part="step"]'), 'routing slip').to.exist;
    assertSafe('all texts hostile');
  });
});

// ---- Network faults -----------------------------------------------------------------------

describe('robustness: network faults for the feed', () => {
  const defaults = { ...loadOptions, retryDelaysMs: [...loadOptions.retryDelaysMs] };
  beforeEach(() => {
    resetFeedSources();
    loadOptions.retryDelaysMs = [50, 50];
    loadOptions.timeoutMs = 3000;
  });
  afterEach(() => Object.assign(loadOptions, defaults));
  const key = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const count = async (k: string) => Number(await (await fetch(`/__test/count?key=${k}`)).text());

  it('404: error "server answers 404", one request for all four widgets, not retried', async () => {
    const k = key('404');
    const m = await mountAll(`/__test/feed?key=${k}&fail=9&status=404`);
    expectErrorState(m, ['http']);
    expect(m.heard.get('lotse-hours-map')![0].problems[0].message).to.contain('404');
    expect(await count(k)).to.equal(1);
  });

  it('500: retried, then the error with a retry button; the button loads the feed', async () => {
    const k = key('500');
    const m = await mountAll(`/__test/feed?key=${k}&fail=3&status=500`);
    expectErrorState(m, ['http']);
    expect(await count(k)).to.equal(3);
    const retry = errorBox(m.els['lotse-quick-check'])!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent).to.contain('Noch einmal versuchen');
    retry.click();
    await until(() => TAGS.every((t) => m.els[t].feedState.status === 'ready'), 5000, 'reloaded');
    await settle(m.els);
    expectContent(m);
  });

  it('500 twice, then the feed: the visitor sees only the loading state, then the widgets', async () => {
    const m = await mountAll(`/__test/feed?key=${key('flaky')}&fail=2&status=503`);
    for (const tag of TAGS) expect(m.heard.get(tag), tag).to.deep.equal([]);
    expectContent(m);
  });

  it('timeout: "no connection or timeout"', async () => {
    loadOptions.timeoutMs = 150;
    loadOptions.retryDelaysMs = [10];
    const m = await mountAll(`/__test/feed?key=${key('timeout')}&delay=1000`);
    expectErrorState(m, ['network']);
  });

  it('very slow response: a loading status is announced, then the feed is shown', async () => {
    const url = `/__test/feed?key=${key('slow')}&delay=1500`;
    box?.remove();
    box = document.createElement('div');
    document.body.append(box);
    const finder = document.createElement('lotse-service-finder');
    finder.setAttribute('lang', 'de');
    finder.setAttribute('feed', url);
    box.append(finder);
    // The widget is loading (its request follows, answered 1.5 s after it arrives) and shows it.
    await until(() => (finder as unknown as Widget).feedState.status === 'loading', 5000, 'loading');
    await finder.updateComplete;
    const status = finder.shadowRoot!.querySelector('[part="state"][role="status"]');
    expect(status?.textContent).to.contain('Angebote werden geladen');
    hostStillWorks(); // the page is not blocked meanwhile
    await until(() => finder.shadowRoot!.querySelector('#lotse-search'), 5000, 'slow feed');
    assertSafe();
  });

  it('offline: "no connection"; with a saved copy, the copy is shown with its date', async () => {
    const url = `/__test/feed?key=${key('offline')}`;
    // First visit online: the feed is saved on the phone.
    let m = await mountAll(url);
    expectContent(m);
    // The copy is written in the background: wait until it is in IndexedDB.
    await untilValue(() => get(new URL(url, document.baseURI).href, createStore('lotse', 'feeds')), 5000, 'the saved copy');
    resetFeedSources();
    const original = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    // The stub reaches the page's fetch only: load on the main thread (the worker path with a
    // failing server is tested in feed-load.test.ts).
    loadOptions.worker = false;
    try {
      m = await mountAll(url);
      await until(
        () => TAGS.every((t) => /Keine Verbindung/.test(m.els[t].shadowRoot!.querySelector('[part="offline-notice"]')?.textContent ?? '')),
        5000,
        'offline notice',
      );
      expect(shadowText(m.els['lotse-service-finder'])).to.contain('Keine Verbindung. Sie sehen gespeicherte Daten');
      expectContent(m);
      // Without a saved copy: the error.
      resetFeedSources();
      m = await mountAll(`/__test/feed?key=${key('never')}`);
      expectErrorState(m, ['network']);
    } finally {
      loadOptions.worker = true;
      window.fetch = original;
    }
  });
});

describe('robustness: network faults for the contact form', () => {
  const defaults = { ...deliveryOptions, retryDelaysMs: [...deliveryOptions.retryDelaysMs] };
  beforeEach(() => {
    deliveryOptions.retryDelaysMs = [100, 100];
    deliveryOptions.timeoutMs = 3000;
  });
  afterEach(() => Object.assign(deliveryOptions, defaults));

  async function formWith(endpoint: string) {
    const m = await mountAll(feedCopy());
    const form = m.els['lotse-contact-form'];
    form.setAttribute('endpoint', endpoint);
    form.removeAttribute('service');
    await form.updateComplete;
    const $ = <T extends HTMLElement>(s: string) => form.shadowRoot!.querySelector<T>(s)!;
    $<HTMLInputElement>('#cf-topic-health').click();
    await form.updateComplete;
    $<HTMLInputElement>('#cf-method-phone').click();
    await form.updateComplete;
    const phone = $<HTMLInputElement>('#cf-phone');
    phone.value = '0171 2345678';
    phone.dispatchEvent(new Event('input'));
    await form.updateComplete;
    const events: string[] = [];
    form.addEventListener('lotse-contact-sent', () => events.push('sent'));
    form.addEventListener('lotse-contact-failed', (e) => events.push(`failed ${(e as CustomEvent).detail.status}`));
    $<HTMLButtonElement>('[part="submit-button"]').click();
    return { form, events, text: () => shadowText(form) };
  }

  it('500, then accepted: retried automatically with the same message, then confirmed', async () => {
    const { form, events, text } = await formWith('/api/contact?fail=1&status=500');
    await until(() => form.shadowRoot!.querySelector('[part="confirmation"]'), 5000, 'confirmation');
    expect(events).to.deep.equal(['failed 500', 'sent']);
    expect(text()).to.contain('Ihre Nachricht ist angekommen.');
    assertSafe();
  });

  it("404 (no endpoint there): a server problem, not the visitor's fault; kept, retried, then sent", async () => {
    const { form, events, text } = await formWith('/api/contact?fail=2&status=404');
    await until(() => events.length >= 1, 5000, 'first failure');
    await form.updateComplete;
    expect(events[0]).to.equal('failed 404');
    expect(text()).to.contain('Der Server der Beratung nimmt gerade keine Nachrichten an. Das liegt nicht an Ihnen.');
    expect(text()).not.to.contain('Bitte prüfen Sie Ihre Angaben');
    expect(form.shadowRoot!.querySelector('.rejected')).to.equal(null);
    expect(form.shadowRoot!.querySelector<HTMLInputElement>('#cf-phone')!.value).to.equal('0171 2345678');
    // The message is kept with its key and delivered once the endpoint answers.
    await until(() => form.shadowRoot!.querySelector('[part="confirmation"]'), 5000, 'sent after the endpoint is back');
    expect(events).to.deep.equal(['failed 404', 'failed 404', 'sent']);
    assertSafe();
  });

  it('offline: "not sent yet, kept here, we keep trying"; sent when the network is back', async () => {
    const original = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    let restored = false;
    try {
      const { form, events, text } = await formWith('/api/contact');
      await until(() => events.length >= 1, 5000, 'first failure');
      await form.updateComplete;
      expect(events[0]).to.equal('failed 0');
      expect(text()).to.contain('Noch nicht gesendet.');
      expect(text()).to.contain('Keine Verbindung zum Internet.');
      window.fetch = original;
      restored = true;
      window.dispatchEvent(new Event('online'));
      await until(() => form.shadowRoot!.querySelector('[part="confirmation"]'), 5000, 'sent after online');
    } finally {
      if (!restored) window.fetch = original;
    }
  });

  it('timeout: counted as "no answer" and tried again, never lost', async () => {
    deliveryOptions.timeoutMs = 100;
    const original = window.fetch;
    let calls = 0;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      calls++;
      if (calls === 1) {
        // Only this attempt runs into the short timeout (its timer is already set); the retry
        // gets a long one, so a slow test machine cannot turn it into a second timeout.
        deliveryOptions.timeoutMs = 10_000;
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'AbortError'))));
      }
      return original(input, init);
    }) as typeof fetch;
    try {
      const { form, events } = await formWith('/api/contact');
      await until(() => form.shadowRoot!.querySelector('[part="confirmation"]'), 5000, 'sent after timeout');
      expect(events).to.deep.equal(['failed 0', 'sent']);
    } finally {
      window.fetch = original;
    }
  });
});
