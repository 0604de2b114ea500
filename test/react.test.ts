/**
 * Lotse inside a React 19 app: React sets `feed` as a property (an object, not a string
 * attribute), turns `onlotse-…` props into event listeners, and updates and unmounts the
 * elements like its own. React is written without JSX here (the JSX types are checked by
 * test/types/react-usage.tsx).
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LotseServiceFinder } from '../src/index.js';
import type { LotseEvent } from '../src/core/events.js';
import { feedCopy, shadowText, until } from './helpers.js';

type ReactModules = { React: typeof import('react'); ReactDOMClient: typeof import('react-dom/client') };
// Served by the test server (web-test-runner.config.mjs): React bundled as an ES module.
const { React, ReactDOMClient } = (await import(/* @vite-ignore */ '/__vendor/react.js' as string)) as ReactModules;
const h = React.createElement;
// Tell React that renders are wrapped in act() (it warns otherwise).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('React 19', () => {
  let box: HTMLElement;
  let root: import('react-dom/client').Root;
  beforeEach(() => {
    box = document.createElement('div');
    document.body.append(box);
    root = ReactDOMClient.createRoot(box);
  });
  afterEach(async () => {
    await React.act(async () => root.unmount());
    box.remove();
  });

  /** Render and let React commit. */
  async function render(element: import('react').ReactElement) {
    await React.act(async () => root.render(element));
    await until(() => box.firstElementChild, 3000, 'React to commit');
  }

  it('passes a feed object as a property and delivers lotse-service-select to onlotse-service-select', async () => {
    const feed = feedCopy();
    const selected: string[] = [];
    await render(
      h('lotse-service-finder', {
        feed,
        lang: 'de',
        pageSize: 5,
        'onlotse-service-select': (event: LotseEvent<'lotse-service-select'>) => selected.push(event.detail.serviceId),
      }),
    );
    const el = box.querySelector('lotse-service-finder') as LotseServiceFinder;
    expect(el.feed, 'the object itself, not "[object Object]"').to.equal(feed);
    expect(el.hasAttribute('feed')).to.equal(false);
    expect(el.pageSize).to.equal(5);
    await until(() => el.shadowRoot!.querySelector('[data-service="clearing"]'), 5000, 'the service list');
    expect(shadowText(el)).to.include(feed.services[0].name.de);

    (el.shadowRoot!.querySelector('[data-service="clearing"]') as HTMLElement).click();
    await until(() => selected.length, 2000, 'the event handler');
    expect(selected).to.deep.equal(['clearing']);
  });

  it('re-renders with new props: language switches, handlers are replaced, unmount removes the element', async () => {
    const feed = feedCopy();
    const first: string[] = [];
    const second: string[] = [];
    await render(h('lotse-service-finder', { feed, lang: 'de', 'onlotse-service-select': () => first.push('x') }));
    const el = box.querySelector('lotse-service-finder') as LotseServiceFinder;
    await until(() => el.shadowRoot!.querySelector('[part="base"]')?.getAttribute('lang') === 'de', 3000, 'German');

    await render(h('lotse-service-finder', { feed, lang: 'en', 'onlotse-service-select': () => second.push('y') }));
    expect(box.querySelector('lotse-service-finder'), 'the same element, updated').to.equal(el);
    await until(() => el.shadowRoot!.querySelector('[part="base"]')?.getAttribute('lang') === 'en', 5000, 'English');
    await until(() => el.shadowRoot!.querySelector('[data-service="clearing"]'), 5000, 'the service list');
    (el.shadowRoot!.querySelector('[data-service="clearing"]') as HTMLElement).click();
    await until(() => second.length, 2000, 'the new handler');
    expect(first, 'the old handler is gone').to.deep.equal([]);

    await React.act(async () => root.render(h('p', null, 'leer')));
    expect(el.isConnected).to.equal(false);
  });
});
