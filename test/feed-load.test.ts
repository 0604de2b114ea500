import { expect, fixture, html } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import '../src/index.js';
import { feedSource, loadOptions, resetFeedSources } from '../src/core/feed/load.js';
import type { LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, shadowText, until, untilValue } from './helpers.js';
import { generateFeed } from '../bench/generate-feed.js';
import { MAX_BYTES, MAX_SERVICES } from '../src/core/feed/limits.js';

const api = (query: string) => `/__test/feed?${query}`;
const requests = async (key: string) => Number(await (await fetch(`/__test/count?key=${key}`)).text());
const unique = () => Math.random().toString(36).slice(2);
const closedEarly = async (key: string) => Number(await (await fetch(`/__test/closed?key=${key}`)).text());

describe('feed loading', () => {
  const defaults = { ...loadOptions, retryDelaysMs: [...loadOptions.retryDelaysMs] };
  beforeEach(async () => {
    resetFeedSources();
    loadOptions.retryDelaysMs = [50, 50];
    loadOptions.timeoutMs = 2000;
    await clear(createStore('lotse', 'feeds'));
  });
  afterEach(() => Object.assign(loadOptions, defaults));

  it('four widgets with one URL fetch it once', async () => {
    const key = unique();
    const url = api(`key=${key}`);
    const box = await mount(html`<div>
      <lotse-service-finder feed=${url}></lotse-service-finder>
      <lotse-hours-map feed=${url}></lotse-hours-map>
      <lotse-quick-check feed=${url}></lotse-quick-check>
      <lotse-contact-form feed=${url}></lotse-contact-form>
    </div>`);
    const widgets = [...box.children];
    // The loading state has a spinner in every language (the text changes when the
    // visitor's language arrives, so it is no sign of the feed).
    await until(
      () => widgets.every((w) => w.shadowRoot?.querySelector('[part="base"]') && !w.shadowRoot.querySelector('.spinner')),
      5000,
      'all widgets loaded',
    );
    expect(await requests(key)).to.equal(1);
  });

  it('shows progress while loading, then the content', async () => {
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" feed=${api(`key=${unique()}&delay=300`)}></lotse-service-finder>`,
    );
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Angebote werden geladen');
    await until(() => !el.shadowRoot!.querySelector('.spinner'), 5000, 'loaded');
  });

  it('retries with backoff after server errors and then succeeds', async () => {
    const key = unique();
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder feed=${api(`key=${key}&fail=2&status=503`)}></lotse-service-finder>`,
    );
    await until(() => !el.shadowRoot!.querySelector('.spinner'), 5000, 'loaded');
    expect(el.shadowRoot!.querySelector('.state.error')).to.equal(null);
    expect(await requests(key)).to.equal(3);
  });

  it('shows a localized error with a retry button that works', async () => {
    const key = unique();
    const errors: CustomEvent[] = [];
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder
      lang="en"
      feed=${api(`key=${key}&fail=3&status=500`)}
      @lotse-feed-error=${(e: CustomEvent) => errors.push(e)}
    ></lotse-service-finder>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 5000, 'error state');
    expect(shadowText(el)).to.contain('cannot be loaded right now');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.problems[0].code).to.equal('http');
    expect(errors[0].detail.problems[0].message).to.contain('500');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent).to.contain('Try again');
    retry.click();
    await until(() => !el.shadowRoot!.querySelector('[role="alert"]') && !el.shadowRoot!.querySelector('.spinner'), 5000, 'recovered');
    expect(await requests(key)).to.equal(4);
  });

  it('does not retry a web page served instead of JSON, and says so', async () => {
    const key = unique();
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder feed=${api(`key=${key}&type=html`)}></lotse-service-finder>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 5000, 'error state');
    expect(shadowText(el)).to.contain('Webseite');
    expect(await requests(key)).to.equal(1);
  });

  it('reports truncated JSON as not JSON', async () => {
    const source = feedSource(api(`key=${unique()}&type=truncated`));
    source.load();
    await until(() => source.state.status === 'error', 5000, 'error');
    expect(source.state.status === 'error' && source.state.problems[0].code).to.equal('notJson');
  });

  it('times out a request that hangs and retries', async () => {
    loadOptions.timeoutMs = 200;
    loadOptions.retryDelaysMs = [10];
    const key = unique();
    const source = feedSource(api(`key=${key}&delay=1000`));
    source.load();
    await until(() => source.state.status === 'error', 5000, 'error');
    expect(source.state.status === 'error' && source.state.problems[0].code).to.equal('network');
    expect(await requests(key)).to.equal(2);
  });

  it('a slow transfer that keeps receiving is never cut off (only a stall is)', async () => {
    loadOptions.timeoutMs = 1000;
    const key = unique();
    // 10 pieces 150 ms apart: 1.5 s in all, longer than the timeout, but never 1 s without bytes.
    const source = feedSource(api(`key=${key}&trickle=150`));
    source.load();
    await until(() => source.state.status !== 'loading' && source.state.status !== 'idle', 10_000, 'loaded');
    expect(source.state.status).to.equal('ready');
    expect(await requests(key)).to.equal(1);
  });

  it('a transfer that stalls half-way is cut off after the stall time and tried again', async () => {
    loadOptions.timeoutMs = 400;
    loadOptions.retryDelaysMs = [10];
    const key = unique();
    const source = feedSource(api(`key=${key}&stall=1&trickle=20`));
    source.load();
    await until(() => source.state.status === 'error', 10_000, 'error');
    expect(source.state.status === 'error' && source.state.problems[0].code).to.equal('network');
    expect(await requests(key)).to.equal(2);
  });

  it('while a slow feed arrives: a progress bar, then "the connection is slow", then the content', async () => {
    loadOptions.slowMs = 50;
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" feed=${api(`key=${unique()}&trickle=300`)}></lotse-service-finder>`,
    );
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[part="state"] progress'), 10_000, 'a progress bar');
    await until(() => root.querySelector('[part="state"] .slow'), 10_000, 'the slow-connection note');
    expect(root.querySelector('[part="state"]')!.getAttribute('role')).to.equal('status');
    expect(root.querySelector('[part="state"] .slow')!.textContent).to.contain('Die Verbindung ist langsam');
    await until(() => root.querySelector('#lotse-search'), 10_000, 'the content');
  });

  it('keeps the last good feed and shows it, dated, when the network fails', async () => {
    const key = unique();
    const url = api(`key=${key}&fail=1000&status=500`);
    // A first visit loads the feed (the same URL, healthy) and saves it.
    const good = feedSource(`${api(`key=${key}-ok`)}`);
    good.load();
    await until(() => good.state.status === 'ready', 5000, 'first load');
    // Copy the saved entry to the failing URL, as if it had worked yesterday.
    const { get, set } = await import('idb-keyval');
    const store = createStore('lotse', 'feeds');
    await untilValue(() => get(good.url, store), 5000, 'the saved copy');
    const saved = await get(good.url, store);
    await set(new URL(url, document.baseURI).href, saved, store);

    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang="en" feed=${url}></lotse-service-finder>`);
    await until(() => shadowText(el).includes('No connection'), 5000, 'offline notice');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('reads an inline JSON script child', async () => {
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder>
      <script type="application/json">${JSON.stringify(feedCopy())}</script>
    </lotse-service-finder>`);
    await until(() => !el.shadowRoot!.querySelector('.spinner'), 3000, 'parsed');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('accepts a feed object as a property', async () => {
    const el = document.createElement('lotse-service-finder');
    el.feed = feedCopy();
    const el2 = await fixture<LotseServiceFinder>(el);
    await until(() => !el2.shadowRoot!.querySelector('.spinner'), 3000, 'parsed');
    expect(el2.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('emits lotse-feed-warning with every problem of a partly broken feed', async () => {
    const input = feedCopy();
    input.services[0].locations[0].hours[1].closes = '25:00';
    const warnings: CustomEvent[] = [];
    const el = document.createElement('lotse-service-finder');
    el.addEventListener('lotse-feed-warning', (e) => warnings.push(e));
    el.feed = input;
    await fixture(el);
    await until(() => warnings.length > 0, 3000, 'warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0].detail.problems.map((p: { path: string }) => p.path)).to.include('services[0].locations[0].hours[1].closes');
    expect(warnings[0].bubbles && warnings[0].composed).to.equal(true);
  });

  it('an unusable inline feed shows the error state, not a blank box, and does not throw', async () => {
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder>
      <script type="application/json">{ "version": 1, "services": [</script>
    </lotse-service-finder>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 3000, 'error state');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('kein gültiges JSON');
  });

  it('a broken optional top-level value does not blank the widget: services shown, lotse-feed-warning', async () => {
    const input = feedCopy();
    input.publisher.url = 'ftp://example.org';
    input.region.zoom = null;
    input.updated = 'gestern';
    const url = URL.createObjectURL(new Blob([JSON.stringify(input)], { type: 'application/json' }));
    const warnings: CustomEvent[] = [];
    const errors: CustomEvent[] = [];
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder
      lang="de"
      feed=${url}
      @lotse-feed-warning=${(e: CustomEvent) => warnings.push(e)}
      @lotse-feed-error=${(e: CustomEvent) => errors.push(e)}
    ></lotse-service-finder>`);
    await until(() => warnings.length > 0, 5000, 'warning');
    expect(errors).to.deep.equal([]);
    expect(warnings[0].detail.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`)).to.deep.equal([
      'publisher.url url',
      'publisher.url dropped',
      'updated date',
      'updated dropped',
    ]);
    await until(() => el.shadowRoot!.querySelectorAll('.card').length === 2, 5000, 'cards');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    URL.revokeObjectURL(url);
  });

  it('deeply nested JSON from a URL or inline: the error state or the usable rest, never an uncaught error', async () => {
    const uncaught: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const nest = (n: number, inner: string) => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
      const text = JSON.stringify(feedCopy());
      // Services made of 100,000 nested lists: nothing can be shown.
      const url = URL.createObjectURL(
        new Blob([text.replace(/"services":\[.*\]\}$/, `"services":[${nest(100_000, '{}')}]}`)], { type: 'application/json' }),
      );
      const source = feedSource(url);
      source.load();
      await until(() => source.state.status === 'error', 5000, 'error');
      const problems = source.state.status === 'error' ? source.state.problems : [];
      // Engines whose JSON.parse gives up on the depth say so; the others check and skip the entry.
      expect(problems.map((p) => p.code)).to.satisfy((codes: string[]) => codes.includes('noServices') || codes.includes('deepJson'));
      URL.revokeObjectURL(url);
      // A deep value inside one text, inline: the rest is shown.
      const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang="de">
        <script type="application/json">${text.replace('"Wir klären Ihre Krankenversicherung."', nest(100_000, '"x"'))}</script>
      </lotse-service-finder>`);
      await until(() => !el.shadowRoot!.querySelector('.spinner'), 5000, 'parsed');
      expect(el.shadowRoot!.querySelectorAll('.card').length).to.equal(2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('a widget without any feed explains what to set', async () => {
    const el = await fixture(html`<lotse-quick-check lang="de"></lotse-quick-check>`);
    await until(() => shadowText(el).includes('feed='), 3000, 'explanation');
  });

  it('the default limits are those of the engine (128 MB of text, 100,000 services)', () => {
    expect([defaults.maxBytes, defaults.maxServices]).to.deep.equal([MAX_BYTES, MAX_SERVICES]);
    expect([MAX_BYTES, MAX_SERVICES]).to.deep.equal([128 * 1024 * 1024, 100_000]);
  });

  for (const worker of [true, false]) {
    const where = worker ? 'worker' : 'main thread';
    it(`a feed over the byte limit is refused while it streams, not retried (${where})`, async () => {
      loadOptions.worker = worker;
      loadOptions.maxBytes = 300_000;
      const key = unique();
      // The answer never ends: only counting while it streams can refuse it.
      const source = feedSource(api(`key=${key}&type=endless`));
      source.load();
      await until(() => source.state.status === 'error', 10_000, 'the error state');
      const problems = source.state.status === 'error' ? source.state.problems : [];
      expect(problems.map((p) => p.code)).to.deep.equal(['tooLarge']);
      expect(problems[0].message).to.contain('größer als 0,3 MB');
      expect(problems[0].messageEn).to.contain('larger than 0.3 MB');
      expect(await requests(key)).to.equal(1);
      await untilValue(async () => (await closedEarly(key)) || undefined, 5000, 'the download broken off');
    });

    it(`a feed with more services than the limit is refused before the check (${where})`, async () => {
      loadOptions.worker = worker;
      loadOptions.maxServices = 100;
      const url = URL.createObjectURL(new Blob([JSON.stringify(generateFeed(101))], { type: 'application/json' }));
      try {
        const source = feedSource(url);
        source.load();
        await until(() => source.state.status === 'error', 10_000, 'the error state');
        const problems = source.state.status === 'error' ? source.state.problems : [];
        expect(problems.map((p) => p.code)).to.deep.equal(['tooManyServices']);
        expect(problems[0].message).to.contain('101 Dienste, höchstens 100');
        expect(problems[0].messageEn).to.contain('101 services, at most 100');
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  }

  it('a widget whose feed is too large shows its usual error state (URL and inline)', async () => {
    loadOptions.maxBytes = 300_000;
    loadOptions.maxServices = 100;
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent).detail.problems[0].code);
    const box = await mount(html`<div @lotse-feed-error=${onError}>
      <lotse-service-finder lang="de" feed=${api(`key=${unique()}&type=endless`)}></lotse-service-finder>
      <lotse-hours-map lang="de" .feed=${generateFeed(101)}></lotse-hours-map>
    </div>`);
    const widgets = [...box.children];
    await until(() => widgets.every((w) => w.shadowRoot?.querySelector('[role="alert"]')), 10_000, 'error states');
    expect(widgets.every((w) => !w.shadowRoot!.querySelector('.spinner'))).to.equal(true);
    expect(errors.sort()).to.deep.equal(['tooLarge', 'tooManyServices']);
    expect(shadowText(widgets[0])).to.contain('größer als 0,3 MB');
  });

  it('the loading state reserves about the height of the first content (412 px wide, all four widgets)', async () => {
    const box = await mount(html`<div style="width: 412px"></div>`);
    for (const tag of ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form']) {
      resetFeedSources();
      const el = document.createElement(tag);
      el.setAttribute('lang', 'en');
      el.setAttribute('feed', api(`key=${unique()}&delay=300`));
      box.replaceChildren(el);
      await until(() => el.shadowRoot?.querySelector('.spinner'), 5000, `${tag} loading`);
      const loading = el.getBoundingClientRect().height;
      await until(() => el.shadowRoot!.querySelector('[part="base"]') && !el.shadowRoot!.querySelector('.spinner'), 5000, `${tag} content`);
      const content = el.getBoundingClientRect().height;
      expect(Math.abs(loading - content) / content, `${tag}: loading ${loading} px, content ${content} px`).to.be.lessThan(0.25);
    }
  });
});
