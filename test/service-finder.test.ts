import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { LotseServiceFinder } from '../src/index.js';
import { mount, until, searchFor } from './helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const feed = () => structuredClone(finderFeed);

// Tuesday 24 November 2026, 10:00 in Berlin (UTC+1).
const TUESDAY_10 = '2026-11-24T09:00:00Z';

async function finder(attrs: { now?: string; lang?: string; feed?: object } = {}) {
  const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder
    lang=${attrs.lang ?? 'de'}
    .now=${attrs.now ?? TUESDAY_10}
    .feed=${attrs.feed ?? feed()}
  ></lotse-service-finder>`);
  await until(() => el.shadowRoot!.querySelector('.results'), 3000, 'results');
  await until(() => (el as any).search?.index, 3000, 'search index');
  await el.updateComplete;
  return el;
}
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: Element) => $$(el, '.card-title').map((b) => b.dataset.service);
const countText = (el: Element) => $(el, '#lotse-count').textContent!.replace(/\s+/g, ' ').trim();

function chip(el: Element, text: string) {
  const found = $$(el, 'button.chip').find((b) => b.textContent!.replace(/\s+/g, ' ').includes(text));
  if (!found) throw new Error(`no chip "${text}"`);
  return found as HTMLButtonElement;
}
async function tap(el: LotseServiceFinder, text: string) {
  chip(el, text).click();
  await el.updateComplete;
}

describe('service finder: results', () => {
  it('lists the current services (ended ones hidden) and announces the count', async () => {
    const el = await finder();
    expect(names(el)).to.deep.equal(['clearing', 'wohnen-bg', 'schulden', 'deutschkurs']);
    expect($(el, '#lotse-count').getAttribute('role')).to.equal('status');
    expect(countText(el)).to.equal('4 Angebote gefunden');
  });

  it('a card shows what it helps with, languages in the visitor language, next opening and badges', async () => {
    const el = await finder({ lang: 'en' });
    const card = $$(el, '.card')[0];
    const text = card.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Arzt ohne Krankenversicherung'); // no English summary: German is next
    expect(text).to.contain('German, Romanian, Bulgarian');
    expect(text).to.contain('12:00'); // open now until 12:00 …
    expect(text).to.contain('Romanian'); // … in Romanian (the slot's language)
  });

  it('shows the next opening with the slot language when closed', async () => {
    // Tuesday 13:00: the Romanian hour is over; next is Thursday 14:00 in Bulgarian.
    const el = await finder({ now: '2026-11-24T12:00:00Z', lang: 'de' });
    const card = $$(el, '.card')[0].textContent!.replace(/\s+/g, ' ');
    expect(card).to.contain('Nächste Öffnung: Donnerstag 14:00');
    expect(card).to.contain('Bulgarisch');
  });

  it('marks temporarily closed services', async () => {
    const el = await finder();
    expect($$(el, '.card')[3].textContent).to.contain('Vorübergehend geschlossen');
  });

  it('renders hostile text as text', async () => {
    const input = feed();
    input.services[0].name = '<img src=x onerror="window.__pwned=1">Clearing';
    const el = await finder({ feed: input });
    expect($(el, '.card-title').textContent).to.contain('<img src=x');
    expect(el.shadowRoot!.querySelector('.card img')).to.equal(null);
    expect((window as any).__pwned).to.equal(undefined);
  });

  it('pages long result lists', async () => {
    const input = feed();
    const base = input.services[2];
    input.services = Array.from({ length: 45 }, (_, i) => ({ ...base, id: `s${i}`, name: `Dienst ${i}` }));
    const el = await finder({ feed: input });
    expect($$(el, '.card')).to.have.length(20);
    $(el, 'button.more').click();
    await el.updateComplete;
    expect($$(el, '.card')).to.have.length(40);
    expect(countText(el)).to.equal('45 Angebote gefunden');
  });
});

describe('service finder: search', () => {
  const cases: [string, string[]][] = [
    ['Schuldner', ['schulden']], // part of a German compound
    ['schuldnerberatng', ['schulden']], // typo
    ['SCHULDNERBERATUNG', ['schulden']], // case
    ['beratung', ['schulden', 'wohnen-bg']], // the other part of compounds
    ['sanatate', ['clearing']], // Romanian without diacritics
    ['sănătate', ['clearing']],
    ['Krankenversicherung', ['clearing']],
    ['bolnitsa', ['clearing']], // Latin → Cyrillic "болница"
    ['bolnica', ['clearing']],
    ['жилище', ['wohnen-bg']], // Cyrillic → Latin "zhilishte"
    ['Wohnung', ['wohnen-bg']],
    ['Nordstadt', ['clearing', 'wohnen-bg']], // district label
    ['Gesundheit', ['clearing']], // category label
    ['Курс', ['deutschkurs']], // Ukrainian
  ];
  for (const [query, expected] of cases) {
    it(`"${query}" finds ${expected.join(', ')}`, async () => {
      const el = await finder();
      await searchFor(el, query);
      expect(names(el)).to.have.members(expected);
    });
  }

  it('an empty search shows everything again', async () => {
    const el = await finder();
    await searchFor(el, 'Schulden');
    await searchFor(el, '');
    expect(names(el)).to.have.length(4);
  });
});

describe('service finder: filters', () => {
  it('each filter alone, with counts on the buttons', async () => {
    const el = await finder();
    expect(chip(el, 'Wohnen').textContent).to.contain('1');
    expect(chip(el, 'Kostenlos').textContent).to.contain('3');
    await tap(el, 'Wohnen');
    expect(names(el)).to.deep.equal(['wohnen-bg']);
    expect(chip(el, 'Wohnen').getAttribute('aria-pressed')).to.equal('true');
    await tap(el, 'Wohnen');
    await tap(el, 'Kostenlos');
    expect(names(el)).to.deep.equal(['clearing', 'wohnen-bg', 'deutschkurs']);
    await tap(el, 'Kostenlos');
    await tap(el, 'Ohne Termin');
    expect(names(el)).to.deep.equal(['clearing', 'schulden']);
    await tap(el, 'Ohne Termin');
    await tap(el, 'Ohne Krankenversicherung');
    expect(names(el)).to.deep.equal(['clearing']);
  });

  it('language filter uses the languages of services and of hour slots', async () => {
    const el = await finder();
    $(el, '.toggle').click();
    await el.updateComplete;
    expect(chip(el, 'Bulgarisch').textContent).to.contain('2');
    await tap(el, 'Bulgarisch');
    expect(names(el)).to.deep.equal(['clearing', 'wohnen-bg']);
  });

  it('combined: Bulgarian housing counselling in the Nordstadt', async () => {
    const el = await finder();
    $(el, '.toggle').click();
    await el.updateComplete;
    await tap(el, 'Bulgarisch');
    await tap(el, 'Wohnen');
    await tap(el, 'Nordstadt');
    expect(names(el)).to.deep.equal(['wohnen-bg']);
  });

  it('"what you do not need" filters require all that are chosen', async () => {
    const el = await finder();
    $(el, '.toggle').click();
    await el.updateComplete;
    await tap(el, 'Anmeldung (Meldeadresse)');
    expect(names(el)).to.deep.equal(['schulden']);
    // No service offers both: the option says 0 and cannot be chosen.
    expect(chip(el, 'Ihren Namen').disabled).to.equal(true);
    expect(chip(el, 'Ihren Namen').textContent).to.contain('0');
  });

  it('open now, in the region time zone', async () => {
    const el = await finder();
    await tap(el, 'Jetzt offen');
    expect(names(el)).to.deep.equal(['clearing', 'schulden']);
  });

  it('open today looks at the whole day', async () => {
    // Thursday 07:00: nothing open yet, three open later today.
    const el = await finder({ now: '2026-11-26T06:00:00Z' });
    await tap(el, 'Heute offen');
    expect(names(el)).to.deep.equal(['clearing', 'wohnen-bg', 'schulden']);
  });

  it('open now is closed on a public holiday of the feed state (Fronleichnam in NW) but not in NI', async () => {
    const thursday1500 = '2026-06-04T13:00:00Z';
    const nw = await finder({ now: thursday1500 });
    expect(chip(nw, 'Jetzt offen').disabled).to.equal(true);
    const input = feed();
    input.region.state = 'NI';
    const ni = await finder({ now: thursday1500, feed: input });
    await tap(ni, 'Jetzt offen');
    expect(names(ni)).to.deep.equal(['clearing', 'wohnen-bg', 'schulden']);
  });

  it('open now right after the DST switch (Monday 30 March 2026, 08:30 CEST)', async () => {
    const el = await finder({ now: '2026-03-30T06:30:00Z' });
    await tap(el, 'Jetzt offen');
    expect(names(el)).to.deep.equal(['schulden']);
  });

  it('empty results say which filter to loosen and offer a reset', async () => {
    const el = await finder();
    // Chips with 0 results cannot be chosen, but a preset filter or a search can empty the list.
    await tap(el, 'Jetzt offen');
    await tap(el, 'Kostenlos');
    await searchFor(el, 'Wohnung');
    expect(names(el)).to.deep.equal([]);
    expect(countText(el)).to.equal('0 Angebote gefunden');
    const loosen = $$(el, '.empty .chip').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(loosen).to.deep.equal(['Ohne „Öffnungszeit“ 1']);
    $$(el, '.empty .chip')[0].click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['wohnen-bg']);
    await searchFor(el, 'xyzzy');
    ($(el, '.empty button.primary') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(names(el)).to.have.length(4);
  });

  it('the categories attribute presets a filter', async () => {
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" categories="housing,money" .now=${TUESDAY_10} .feed=${feed()}></lotse-service-finder>`,
    );
    await until(() => el.shadowRoot!.querySelector('.results'), 3000, 'results');
    expect(names(el)).to.deep.equal(['wohnen-bg', 'schulden']);
  });

  it('emits lotse-search with query and filters (debounced), nothing personal', async () => {
    const el = await finder();
    const events: CustomEvent[] = [];
    el.addEventListener('lotse-search', (e) => events.push(e));
    await searchFor(el, 'Arzt');
    await tap(el, 'Kostenlos');
    await until(() => events.length, 2000, 'lotse-search');
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({ query: 'Arzt', filters: { free: ['yes'] } });
  });
});

describe('service finder: near me', () => {
  const original = navigator.geolocation.getCurrentPosition;
  afterEach(() => {
    navigator.geolocation.getCurrentPosition = original;
  });

  it('sorts by distance with walking time when the position is given', async () => {
    navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 51.49, longitude: 7.45 } } as GeolocationPosition);
    const el = await finder();
    await tap(el, 'In meiner Nähe');
    expect(names(el)[0]).to.equal('schulden');
    expect($$(el, '.card')[0].textContent).to.match(/m · 1 Minute zu Fuß/);
  });

  it('when the visitor refuses, a district choice works instead and nothing breaks', async () => {
    navigator.geolocation.getCurrentPosition = (_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError);
    const el = await finder();
    await tap(el, 'In meiner Nähe');
    expect($(el, '.place').textContent).to.contain('Stadtteil');
    expect(names(el)).to.have.length(4);
    const select = $(el, '.place select') as HTMLSelectElement;
    select.value = 'sued';
    ($(el, '.place button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('schulden');
    expect(countText(el)).to.contain('Südstadt');
  });
});

describe('service finder: detail', () => {
  it('opens with focus on the heading, offers safe actions, and goes back to the card', async () => {
    const el = await finder();
    const selects: CustomEvent[] = [];
    el.addEventListener('lotse-service-select', (e) => selects.push(e));
    $(el, '[data-service="clearing"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lotse-detail-title');
    expect(selects[0].detail).to.deep.equal({ serviceId: 'clearing' });
    const hrefs = $$(el, '.detail a').map((a) => a.getAttribute('href'));
    expect(hrefs).to.include.members([
      'tel:02015550101',
      'https://wa.me/4915112345678',
      'mailto:clearing@example.org',
      'https://example.org/clearing',
    ]);
    expect(hrefs.some((h) => h!.startsWith('https://www.openstreetmap.org/directions?') && h!.includes('51.521%2C7.462'))).to.equal(true);
    const rows = $$(el, '.hours tbody tr').map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal([
      'Dienstag 09:00–12:00 offene Sprechstunde · Rumänisch',
      'Donnerstag 14:00–17:00 offene Sprechstunde · Bulgarisch',
    ]);
    expect($(el, '.detail').textContent).to.contain('Zuletzt geprüft: 1. Oktober 2026');
    expect($(el, '.needs').textContent).to.contain('Das brauchen Sie nicht:').and.contain('Krankenversicherung');
    $(el, '.back').click();
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement?.getAttribute('data-service') === 'clearing', 1000, 'focus back');
  });

  it('asks a contact form on the page to take over', async () => {
    const box = await mount(html`<div>
      <lotse-service-finder lang="de" .now=${TUESDAY_10} .feed=${feed()}></lotse-service-finder>
      <lotse-contact-form lang="de" .feed=${feed()}></lotse-contact-form>
    </div>`);
    const el = box.querySelector('lotse-service-finder')!;
    await until(() => el.shadowRoot!.querySelector('.card-title'), 3000, 'cards');
    const requests: CustomEvent[] = [];
    document.addEventListener('lotse-contact-request', (e) => requests.push(e), { once: true });
    $(el, '[data-service="wohnen-bg"]').click();
    await el.updateComplete;
    const ask = $$(el, '.detail-actions button').find((b) => b.textContent!.includes('Rückruf'))!;
    ask.click();
    expect(requests[0].detail).to.deep.equal({ serviceId: 'wohnen-bg' });
  });

  it('read aloud says so clearly where the device has no voice', async () => {
    const el = await finder();
    $(el, '[data-service="clearing"]').click();
    await el.updateComplete;
    const speak = $$(el, '.detail-actions button').find((b) => b.textContent!.includes('Vorlesen'))!;
    const voices = speechSynthesis.getVoices;
    speechSynthesis.getVoices = () => [];
    try {
      speak.click();
      await el.updateComplete;
      expect($(el, '.action-note').textContent).to.contain('keine Stimme für Deutsch');
    } finally {
      speechSynthesis.getVoices = voices;
    }
  });

  it('"Drucken" prints only the widget, then tidies up', async () => {
    const el = await finder();
    $(el, '[data-service="clearing"]').click();
    await el.updateComplete;
    const print = window.print;
    let marked = false;
    window.print = () => {
      marked = el.hasAttribute('data-lotse-printing') && document.adoptedStyleSheets.length > 0;
      window.dispatchEvent(new Event('afterprint'));
    };
    try {
      $$(el, '.detail-actions button')
        .find((b) => b.textContent!.includes('Drucken'))!
        .click();
    } finally {
      window.print = print;
    }
    expect(marked).to.equal(true);
    expect(el.hasAttribute('data-lotse-printing')).to.equal(false);
  });

  it('share falls back to copying the link', async () => {
    const el = await finder();
    $(el, '[data-service="schulden"]').click();
    await el.updateComplete;
    const share = (navigator as any).share;
    (navigator as any).share = undefined;
    const copied: string[] = [];
    const write = navigator.clipboard?.writeText;
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
    try {
      $$(el, '.detail-actions button')
        .find((b) => b.textContent!.includes('Teilen'))!
        .click();
      await until(() => copied.length, 1000, 'copy');
      expect(copied[0]).to.contain('lotse-service=schulden');
      await until(() => $(el, '.action-note').textContent!.includes('Link kopiert'), 1000, 'note');
    } finally {
      (navigator as any).share = share;
      if (write) Object.defineProperty(navigator, 'clipboard', { value: { writeText: write }, configurable: true });
    }
  });
});

describe('service finder: URL state', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('round trip: search and filters in the URL, a new finder restores them, Back closes the detail', async () => {
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" url-state .now=${TUESDAY_10} .feed=${feed()}></lotse-service-finder>`,
    );
    await until(() => (el as any).search?.index, 3000, 'index');
    await searchFor(el, 'Hilfe');
    await tap(el, 'Kostenlos');
    const url = new URL(location.href);
    expect(url.searchParams.get('lotse-q')).to.equal('Hilfe');
    expect(url.searchParams.get('lotse-free')).to.equal('yes');
    const again = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" url-state .now=${TUESDAY_10} .feed=${feed()}></lotse-service-finder>`,
    );
    await until(() => (again as any).search?.index, 3000, 'index');
    await again.updateComplete;
    expect(($(again, '#lotse-search') as HTMLInputElement).value).to.equal('Hilfe');
    expect(chip(again, 'Kostenlos').getAttribute('aria-pressed')).to.equal('true');
    $(again, '.card-title').click();
    await again.updateComplete;
    expect(new URL(location.href).searchParams.get('lotse-service')).to.equal('wohnen-bg');
    history.back();
    await until(() => !again.shadowRoot!.querySelector('.detail'), 2000, 'detail closed by Back');
  });

  it('is off by default', async () => {
    const el = await finder();
    await searchFor(el, 'Hilfe');
    expect(location.href).to.equal(start);
  });
});

describe('service finder: keyboard and accessibility', () => {
  it('search, filter and open a service with the keyboard only', async () => {
    const el = await finder();
    ($(el, '#lotse-search') as HTMLInputElement).focus();
    await sendKeys({ type: 'Wohnung' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['wohnen-bg']);
    await sendKeys({ press: 'Tab' }); // language picker? no: picker is before the search
    let guard = 0;
    while (el.shadowRoot!.activeElement?.getAttribute('data-service') !== 'wohnen-bg' && guard++ < 30) {
      await sendKeys({ press: 'Tab' });
    }
    expect(el.shadowRoot!.activeElement?.getAttribute('data-service')).to.equal('wohnen-bg');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('lotse-detail-title');
  });

  it('filter buttons toggle with Space and say their state', async () => {
    const el = await finder();
    chip(el, 'Kostenlos').focus();
    await sendKeys({ press: ' ' }); // "Space" is unknown to Firefox's WebDriver BiDi
    await el.updateComplete;
    expect(chip(el, 'Kostenlos').getAttribute('aria-pressed')).to.equal('true');
    expect(names(el)).to.have.length(3);
  });

  for (const lang of ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl']) {
    it(`axe: list and detail in ${lang}`, async () => {
      const el = await finder({ lang });
      await expect(el).to.be.accessible();
      $(el, '.card-title').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('Arabic lays out right to left', async () => {
    const el = await finder({ lang: 'ar' });
    const base = $(el, '[part=base]');
    expect(base.getAttribute('dir')).to.equal('rtl');
    const input = $(el, '#lotse-search');
    const icon = $(el, '.search-row svg');
    expect(icon.getBoundingClientRect().left).to.be.greaterThan(
      input.getBoundingClientRect().left + input.getBoundingClientRect().width / 2,
    );
  });

  it('every button is at least 44 px tall', async () => {
    const el = await finder();
    const small = $$(el, 'button, select, input').filter((b) => b.offsetParent && b.getBoundingClientRect().height < 44);
    expect(small.map((b) => b.outerHTML.slice(0, 60))).to.deep.equal([]);
  });
});

describe('service finder: small phones', () => {
  it('long German compound names do not widen a 360 px screen', async () => {
    const input = feed();
    input.services[0].name = 'Antidiskriminierungsberatungsstellenverbund';
    const box = document.createElement('div');
    box.style.width = '360px';
    document.body.append(box);
    try {
      const el = document.createElement('lotse-service-finder');
      el.lang = 'de';
      el.now = TUESDAY_10;
      el.feed = input;
      box.append(el);
      await until(() => el.shadowRoot!.querySelector('.card-title'), 3000, 'cards');
      expect(el.scrollWidth).to.be.at.most(360);
      $(el, '.card-title').click();
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(360);
    } finally {
      box.remove();
    }
  });
});

describe('service finder: a big feed', () => {
  // More services than SYNC_LIMIT (core/feed/slices.ts): the facets are prepared in slices.
  const big = async () => {
    const { generateFeed } = await import('../bench/generate-feed.js');
    return generateFeed(2500);
  };

  it('shows the search field and "loading" while it prepares, then the results, and keeps what was typed', async function () {
    this.timeout(60_000);
    const el = document.createElement('lotse-service-finder');
    el.lang = 'de';
    el.now = TUESDAY_10;
    el.feed = await big();
    // What the visitor sees in the render that first has the checked feed (before any result):
    // recorded as the DOM changes, and typed into at that moment.
    let preparing: { count: string; role: string | null } | undefined;
    const watch = new MutationObserver(() => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#lotse-search');
      if (preparing || !input || el.shadowRoot!.querySelector('.results')) return;
      preparing = { count: countText(el), role: $(el, '#lotse-count').getAttribute('role') };
      input.value = 'schuldner';
      input.dispatchEvent(new Event('input'));
    });
    document.body.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    try {
      await until(() => el.shadowRoot!.querySelector('.results'), 30_000, 'results');
      await until(() => (el as any).search?.index, 30_000, 'search index');
      await el.updateComplete;
      watch.disconnect();
      expect(preparing).to.deep.equal({ count: 'Angebote werden geladen …', role: 'status' });
      expect(($(el, '#lotse-search') as HTMLInputElement).value).to.equal('schuldner');
      expect(names(el).length).to.be.greaterThan(0);
      for (const title of $$(el, '.card-title')) expect(title.textContent!.toLowerCase()).to.include('schuldner');
    } finally {
      el.remove();
    }
  });

  it('a new minute keeps the results on screen while "open now" is worked out again', async function () {
    this.timeout(60_000);
    const el = document.createElement('lotse-service-finder');
    el.lang = 'de';
    el.now = TUESDAY_10;
    el.feed = await big();
    document.body.append(el);
    try {
      await until(() => el.shadowRoot!.querySelector('.results'), 30_000, 'results');
      await el.updateComplete;
      expect(countText(el)).to.equal('2.500 Angebote gefunden');
      const before = names(el);
      const model = (el as any).search?.model;
      el.now = '2026-11-24T09:01:00Z';
      await el.updateComplete;
      // The same cards, not the loading state, until the new minute's facets are there.
      expect(names(el)).to.deep.equal(before);
      await until(() => (el as any).search?.model !== model, 30_000, 'next minute');
      await el.updateComplete;
      expect(countText(el)).to.equal('2.500 Angebote gefunden');
    } finally {
      el.remove();
    }
  });
});

describe('service finder: a feed replaced by another', () => {
  it("searches the new feed's services at once, never with the previous feed's index", async () => {
    const el = await finder();
    await searchFor(el, 'Schuldner');
    expect(names(el)).to.deep.equal(['schulden']);
    const next = feed();
    for (const service of next.services) service.id = `b-${service.id}`;
    // What the list says in every render once the new feed is checked.
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      const state = (el as any).feedState;
      if (state.status !== 'ready' || !state.feed.services[0].id.startsWith('b-')) return;
      if ($(el, '#lotse-count')) seen.push(`${countText(el)} ${names(el).join(',')}`);
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    el.feed = next;
    await until(() => names(el)[0] === 'b-schulden', 5000, "the new feed's result");
    await until(() => (el as any).search?.index && (el as any).search.services === (el as any).currentServices, 5000, 'the new index');
    await el.updateComplete;
    watch.disconnect();
    expect(seen.filter((line) => line !== 'Angebote werden geladen … ' && line !== '1 Angebot gefunden b-schulden')).to.deep.equal([]);
  });
});
