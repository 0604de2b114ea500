/**
 * Frameworks set `feed` late and change it: React sets the property after a fetch resolves,
 * Vue binds a ref that starts `undefined`, an editor's script calls setAttribute. Every
 * widget follows each value (loading state, then content) and never throws.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { feedSource, resetFeedSources } from '../src/core/feed/load.js';
import { feedCopy, until } from './helpers.js';

type Widget = HTMLElement & { feed?: unknown; updateComplete: Promise<unknown> };
const TAGS = ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form'];
const stateBox = (el: Element) => el.shadowRoot?.querySelector('[part="state"]');
const isError = (el: Element) => !!el.shadowRoot?.querySelector('[part="state"].error');
const isReady = (el: Element) => !!el.shadowRoot?.querySelector('[part="base"]') && !stateBox(el);
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('a feed set late or changed', () => {
  const errors: ErrorEvent[] = [];
  const onError = (event: ErrorEvent) => errors.push(event);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(new ErrorEvent('error', { message: String(event.reason) }));
  let box: HTMLElement;
  beforeEach(() => {
    resetFeedSources();
    errors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    box.remove();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  async function connect(tag: string): Promise<Widget> {
    const el = document.createElement(tag) as Widget;
    el.setAttribute('lang', 'de');
    if (tag === 'lotse-contact-form') el.setAttribute('endpoint', '/api/lotse-kontakt');
    box.append(el);
    await el.updateComplete;
    return el;
  }

  for (const tag of TAGS) {
    it(`${tag}: property set after connecting (React after fetch, Vue ref from undefined)`, async () => {
      const el = await connect(tag);
      await until(() => isError(el), 5000, 'no-feed message');
      expect(text(el)).to.contain('Kein Feed angegeben');
      el.feed = feedCopy();
      await until(() => isReady(el), 5000, 'content after the late feed');
      expect(errors).to.deep.equal([]);
    });

    it(`${tag}: attribute set after connecting, then changed to another object and cleared`, async () => {
      const el = await connect(tag);
      el.setAttribute('feed', `/__test/feed?key=late-${tag}`);
      await until(() => isReady(el), 5000, 'content from the URL');

      const changed = feedCopy();
      changed.publisher.name = 'Stadt Neufeld';
      changed.services[0].name = { de: 'Clearingstelle Neufeld' };
      el.feed = changed;
      await until(
        () => isReady(el) && (tag !== 'lotse-service-finder' || text(el).includes('Clearingstelle Neufeld')),
        5000,
        'the changed feed',
      );

      el.removeAttribute('feed');
      el.feed = undefined;
      await until(() => isError(el), 5000, 'no-feed message after clearing');
      expect(errors).to.deep.equal([]);
    });

    it(`${tag}: null, a number, a non-URL string or an object that is no feed get the error state, never an exception`, async () => {
      const el = await connect(tag);
      for (const value of [null, 42, '   ', { hello: 'world' }, [1, 2, 3]]) {
        el.feed = feedCopy();
        await until(() => isReady(el), 5000, 'content before the bad value');
        el.feed = value;
        await until(() => isError(el), 5000, `error state for ${JSON.stringify(value)}`);
      }
      expect(errors).to.deep.equal([]);
    });
  }

  it('the last value wins when values arrive faster than they load', async () => {
    const el = await connect('lotse-service-finder');
    const url = '/__test/feed?key=race&delay=300';
    el.setAttribute('feed', url);
    await el.updateComplete;
    const own = feedCopy();
    own.services[0].name = { de: 'Nur diese Clearingstelle' };
    el.feed = own;
    await until(() => text(el).includes('Nur diese Clearingstelle'), 5000, 'the object feed');
    // The slow URL answers later (the shared source settles) and must not replace the newer value.
    const slow = feedSource(url);
    await until(() => slow.state.status === 'ready', 5000, 'the slow URL answered');
    await new Promise((resolve) => setTimeout(resolve)); // widgets take a new state in a task of their own
    await el.updateComplete;
    expect(text(el)).to.contain('Nur diese Clearingstelle');
  });
});
