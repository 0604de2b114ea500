/**
 * The iframe fallback (demo/embed.html → dist/embed.html) and the host page's resize snippet
 * (demo/embed-host-snippet.html), in real iframes served by the test server.
 */
import { expect } from '@open-wc/testing';
import { shadowText, until } from './helpers.js';

const FEED = '/test/fixtures/small-feed.json';
interface HeightMessage { type: string; height: number; id: string }

const frames: HTMLIFrameElement[] = [];
const messages: { data: HeightMessage; source: MessageEventSource | null; origin: string }[] = [];
const onMessage = (event: MessageEvent) => {
  if (event.data?.type === 'lotse-embed-height') messages.push({ data: event.data, source: event.source, origin: event.origin });
};
before(() => window.addEventListener('message', onMessage));
after(() => window.removeEventListener('message', onMessage));
afterEach(() => {
  frames.splice(0).forEach((frame) => frame.remove());
  messages.length = 0;
});

/** An iframe to the embed page with these query parameters, loaded. */
async function embed(params: Record<string, string>, attrs: Record<string, string> = {}) {
  const frame = document.createElement('iframe');
  frame.src = `/demo/embed.html?${new URLSearchParams(params)}`;
  frame.title = 'Lotse';
  frame.style.cssText = 'display:block;width:600px;height:300px;border:0';
  for (const [name, value] of Object.entries(attrs)) frame.setAttribute(name, value);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}
const fromFrame = (frame: HTMLIFrameElement) => messages.filter((m) => m.source === frame.contentWindow);
const lastHeight = (frame: HTMLIFrameElement) => fromFrame(frame).at(-1)?.data.height ?? 0;
const bodyHeight = (frame: HTMLIFrameElement) => Math.ceil(frame.contentDocument!.body.getBoundingClientRect().height);

describe('embed.html', () => {
  it('renders the chosen widget full width with its feed and language', async () => {
    const frame = await embed({ widget: 'service-finder', feed: FEED, lang: 'en', id: 'finder' });
    const doc = frame.contentDocument!;
    await until(() => doc.querySelector('lotse-service-finder')?.shadowRoot?.querySelector('[data-service="clearing"]'), 8000, 'the service list');
    const el = doc.querySelector('lotse-service-finder')!;
    expect(el.getAttribute('feed')).to.equal(FEED);
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    expect(shadowText(el)).to.include('Clearingstelle');
    // Full width: the iframe's whole viewport (less a scrollbar while the iframe is too short).
    expect(el.getBoundingClientRect().width).to.equal(doc.documentElement.clientWidth);
    expect(doc.documentElement.clientWidth).to.be.greaterThan(570);
    // Only the chosen widget is loaded.
    expect(frame.contentWindow!.customElements.get('lotse-hours-map')).to.equal(undefined);
  });

  it('reports its height to the parent on every change of size, with the id', async () => {
    const frame = await embed({ widget: 'service-finder', feed: FEED, lang: 'de', id: 'finder-1' });
    await until(() => frame.contentDocument!.querySelector('lotse-service-finder')?.shadowRoot?.querySelector('[data-service="clearing"]'), 8000, 'the service list');
    await until(() => lastHeight(frame) === bodyHeight(frame), 3000, 'a height message for the full list');
    const wide = lastHeight(frame);
    expect(wide).to.be.greaterThan(300);
    expect(fromFrame(frame).every((m) => m.data.id === 'finder-1' && m.origin === location.origin)).to.equal(true);

    // Narrower: the text wraps, the page grows, a new message says so.
    frame.style.width = '320px';
    await until(() => lastHeight(frame) > wide, 3000, 'a larger height after narrowing');
    expect(lastHeight(frame)).to.equal(bodyHeight(frame));
    // Opening a service's details changes the height again.
    const before = lastHeight(frame);
    const el = frame.contentDocument!.querySelector('lotse-service-finder')!;
    (el.shadowRoot!.querySelector('[data-service="clearing"]') as HTMLElement).click();
    await until(() => lastHeight(frame) !== before, 3000, 'a new height after opening details');
    expect(lastHeight(frame)).to.equal(bodyHeight(frame));
  });

  it('passes only the widget\'s own attributes, and only safe URLs', async () => {
    const frame = await embed({
      widget: 'service-finder', feed: FEED, 'page-size': '1', 'url-state': '', view: 'compact',
      onclick: 'alert(1)', endpoint: '/api/contact', lang: 'xx',
    });
    const el = frame.contentDocument!.querySelector('lotse-service-finder')!;
    expect(el.getAttribute('page-size')).to.equal('1');
    expect(el.hasAttribute('url-state')).to.equal(true);
    expect(el.getAttribute('view')).to.equal('compact');
    expect(el.hasAttribute('onclick')).to.equal(false);
    expect(el.hasAttribute('endpoint'), 'not an attribute of the finder').to.equal(false);
    expect(el.hasAttribute('lang'), 'unknown language').to.equal(false);

    const map = await embed({ widget: 'hours-map', feed: FEED, tiles: 'javascript:alert(1)', consent: 'granted' });
    const mapEl = map.contentDocument!.querySelector('lotse-hours-map')!;
    expect(mapEl.hasAttribute('tiles')).to.equal(false);
    expect(mapEl.getAttribute('consent')).to.equal('granted');
  });

  it('an unknown widget name shows a German message, never markup or a script', async () => {
    const frame = await embed({ widget: '<img src=x onerror="parent.hacked=1">', feed: FEED });
    const doc = frame.contentDocument!;
    await until(() => doc.querySelector('[role="alert"]'), 3000, 'the message');
    expect(doc.querySelector('[role="alert"]')!.textContent).to.include('Dieses Widget gibt es nicht.');
    expect(doc.body.textContent).to.include('service-finder, hours-map, quick-check, contact-form');
    expect(doc.querySelector('img')).to.equal(null);
    expect([...doc.body.querySelectorAll('*')].some((e) => e.localName.startsWith('lotse-'))).to.equal(false);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    // The message has a height too, so the iframe shows it whole.
    await until(() => lastHeight(frame) > 0, 3000, 'a height message');
  });

  it('refuses a feed that is no http(s) address or path', async () => {
    for (const feed of ['javascript:alert(1)', 'data:application/json,{}', '']) {
      const frame = await embed({ widget: 'quick-check', feed });
      const doc = frame.contentDocument!;
      await until(() => doc.querySelector('[role="alert"]'), 3000, 'the message');
      expect(doc.body.textContent).to.include('Die Adresse des Feeds fehlt oder ist nicht erlaubt.');
      expect(doc.querySelector('lotse-quick-check')).to.equal(null);
    }
  });
});

describe('host page resize snippet (demo/embed-host-snippet.html)', () => {
  it('sets the height of the iframe that sent it, and ignores messages from elsewhere', async () => {
    // Run the very snippet the docs show.
    const page = await (await fetch('/demo/embed-host-snippet.html')).text();
    const code = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    const script = document.createElement('script');
    script.textContent = code;
    document.head.append(script);

    const frame = await embed({ widget: 'quick-check', feed: FEED, id: 'check' }, { 'data-lotse-embed': '' });
    const other = await embed({ widget: 'quick-check', feed: FEED, id: 'other' });
    await until(() => lastHeight(frame) > 0 && frame.style.height === `${lastHeight(frame)}px`, 8000, 'the iframe resized');
    expect(other.style.height, 'an iframe without data-lotse-embed keeps its height').to.equal('300px');

    // A message that does not come from the iframe is ignored (the iframe itself may still
    // report its own new heights meanwhile, so compare with the forged value).
    window.postMessage({ type: 'lotse-embed-height', height: 5000, id: 'check' }, '*');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(frame.style.height).not.to.equal('5000px');
    script.remove();
  });
});
