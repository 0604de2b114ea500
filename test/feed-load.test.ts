import { expect, fixture, html } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import '../src/index.js';
import { feedSource, loadOptions, resetFeedSources } from '../src/core/feed/load.js';
import type { LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, shadowText, until } from './helpers.js';

const api = (query: string) => `/__test/feed?${query}`;
const requests = async (key: string) => Number(await (await fetch(`/__test/count?key=${key}`)).text());
const unique = () => Math.random().toString(36).slice(2);

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
    await until(() => widgets.every((w) => !shadowText(w).includes('geladen')), 5000, 'all widgets loaded');
    expect(await requests(key)).to.equal(1);
  });

  it('shows progress while loading, then the content', async () => {
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang="de" feed=${api(`key=${unique()}&delay=300`)}></lotse-service-finder>`);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Angebote werden geladen');
    await until(() => !el.shadowRoot!.querySelector('.spinner'), 5000, 'loaded');
  });

  it('retries with backoff after server errors and then succeeds', async () => {
    const key = unique();
    const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder feed=${api(`key=${key}&fail=2&status=503`)}></lotse-service-finder>`);
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
    await until(async () => (await get(good.url, store)) !== undefined, 2000, 'saved');
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

  it('a widget without any feed explains what to set', async () => {
    const el = await fixture(html`<lotse-quick-check lang="de"></lotse-quick-check>`);
    await until(() => shadowText(el).includes('feed='), 3000, 'explanation');
  });
});
