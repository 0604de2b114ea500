/**
 * The iframe fallback (demo/embed.html → dist/embed.html) and the host page's resize snippet
 * (demo/embed-host-snippet.html), in real iframes served by the test server.
 */
import { expect } from '@open-wc/testing';
import { removeFile, writeFile } from '@web/test-runner-commands';
import { safeUrl } from '../src/core/safe-url.js';
import { shadowText, until } from './helpers.js';

const FEED = '/test/fixtures/small-feed.json';
interface HeightMessage {
  type: string;
  height: number;
  id: string;
}

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

/** An iframe to the embed page (or a copy of it elsewhere) with these query parameters, loaded. */
async function embed(params: Record<string, string>, attrs: Record<string, string> = {}, page = '/demo/embed.html') {
  const frame = document.createElement('iframe');
  frame.src = `${page}?${new URLSearchParams(params)}`;
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
    await until(
      () => doc.querySelector('lotse-service-finder')?.shadowRoot?.querySelector('[data-service="clearing"]'),
      8000,
      'the service list',
    );
    const el = doc.querySelector('lotse-service-finder')!;
    expect(el.getAttribute('feed')).to.equal(new URL(FEED, location.href).href);
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
    await until(
      () => frame.contentDocument!.querySelector('lotse-service-finder')?.shadowRoot?.querySelector('[data-service="clearing"]'),
      8000,
      'the service list',
    );
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

  it("passes only the widget's own attributes, and only safe URLs", async () => {
    const frame = await embed({
      widget: 'service-finder',
      feed: FEED,
      'page-size': '1',
      'url-state': '',
      view: 'compact',
      onclick: 'alert(1)',
      endpoint: '/api/contact',
      lang: 'xx',
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
    // Tiles: https on any tile server (the consent names it) or this server; never plain http.
    for (const [tiles, kept] of [
      ['https://{s}.tiles.example.test/{z}/{x}/{y}.png', true],
      ['/tiles/{z}/{x}/{y}.png', true],
      ['http://tiles.example.test/{z}/{x}/{y}.png', false],
      ['//tiles.example.test/{z}/{x}/{y}.png', false],
    ] as const) {
      const frame = await embed({ widget: 'hours-map', feed: FEED, tiles });
      expect(frame.contentDocument!.querySelector('lotse-hours-map')!.getAttribute('tiles'), tiles).to.equal(kept ? tiles : null);
    }
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
});

/**
 * The origin lock. Hostile addresses point at this very test server under another origin
 * (127.0.0.1 for localhost, or the other way round), so the server's request counter
 * (/__test/count) proves that nothing was requested, not merely that a request failed.
 */
describe('embed.html: feed and endpoint only from this origin', () => {
  const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
  let run = 0;
  /** A fresh key for the test server's counter and its feed URL (path on `origin`). */
  const counted = (origin = '') => {
    const key = `embed-${Math.random().toString(36).slice(2)}-${run++}`;
    return { key, url: `${origin}/__test/feed?key=${key}` };
  };
  const requests = async (key: string) => Number(await (await fetch(`/__test/count?key=${key}`)).text());
  /** Poll an async condition until it holds, or fail after `ms`. */
  async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  /** Everything the iframe requested from another origin than this page's (resource timing). */
  const foreign = (frame: HTMLIFrameElement) =>
    frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((r) => r.name)
      .filter((u) => new URL(u).origin !== location.origin);

  async function expectRefused(params: Record<string, string>, message: string) {
    const frame = await embed(params);
    const doc = frame.contentDocument!;
    await until(() => doc.querySelector('[role="alert"]'), 5000, `the message for ${JSON.stringify(params)}`);
    expect(doc.querySelector('[role="alert"]')!.textContent, JSON.stringify(params)).to.include(message);
    expect(
      [...doc.body.querySelectorAll('*')].some((e) => e.localName.startsWith('lotse-')),
      'no widget',
    ).to.equal(false);
    expect(foreign(frame), `requests for ${JSON.stringify(params)}`).to.deep.equal([]);
    return frame;
  }

  it('the URL rule: this origin or a listed one; every disguise is refused', () => {
    const base = `${location.origin}/demo/embed.html?widget=quick-check`;
    const lock = (value: string, origins: string[] = []) => safeUrl(value, { base, origins })?.href;
    expect(lock('/lotse/services.json')).to.equal(`${location.origin}/lotse/services.json`);
    expect(lock('services.json')).to.equal(`${location.origin}/demo/services.json`);
    expect(lock(`${location.origin}/x.json`)).to.equal(`${location.origin}/x.json`);
    expect(lock('/feeds/Beratung%20Liste.json?v=2&next=https%3A%2F%2Fx.example')).to.be.a('string');
    expect(lock('https://daten.stadt.example/f.json', ['https://daten.stadt.example'])).to.equal('https://daten.stadt.example/f.json');
    const host = location.host;
    for (const value of [
      'http://evil.example/f.json',
      'https://evil.example/f.json',
      '//evil.example/f.json',
      '///evil.example',
      '/\\evil.example/f.json',
      '\\\\evil.example',
      '\\/evil.example',
      ' //evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '%2F%2Fevil.example',
      '/%2F%2Fevil.example',
      '%252F%252Fevil.example',
      '/%5Cevil.example',
      '%5C%5Cevil.example',
      'https%3A%2F%2Fevil.example%2Ff.json',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'javascript%3Aalert(1)',
      'data:application/json,{}',
      `blob:${location.origin}/0000`,
      'file:///etc/passwd',
      `https://${host}@evil.example/f.json`,
      `http://${host}@evil.example/f.json`,
      `${location.origin.replace('//', '//user:pw@')}/f.json`,
      `https://${location.hostname}.evil.example/f.json`,
      '/x%',
      '',
      '   ',
    ]) {
      expect(lock(value), value).to.equal(undefined);
    }
    // Listed origins are exact: not another scheme, port or subdomain of them.
    for (const value of [
      'http://daten.stadt.example/f.json',
      'https://daten.stadt.example:8443/f.json',
      'https://x.daten.stadt.example/f.json',
    ]) {
      expect(lock(value, ['https://daten.stadt.example']), value).to.equal(undefined);
    }
  });

  it('refuses a foreign, protocol-relative, disguised or non-http feed with the message, and requests nothing', async () => {
    const hostile = (make: (target: string) => string) => {
      const c = counted();
      return { key: c.key, feed: make(`${other.replace(/^https?:/, '')}${c.url}`) };
    };
    const cases = [
      hostile((t) => `http:${t}`), // plain http to another origin
      hostile((t) => t), // protocol-relative //host/…
      hostile((t) => `/\\${t.slice(2)}`), // /\host/… (a browser reads //host)
      hostile((t) => `%2F%2F${t.slice(2)}`), // percent-encoded //
      hostile((t) => `http://${location.host}@${t.slice(2)}`), // user name: host is the other one
      { key: '', feed: 'https://evil.example/services.json' },
      { key: '', feed: 'javascript:alert(1)' },
      { key: '', feed: 'data:application/json,{}' },
      { key: '', feed: '' },
    ];
    for (const { key, feed } of cases) {
      await expectRefused({ widget: 'quick-check', feed }, 'Die Adresse des Feeds fehlt oder ist nicht erlaubt.');
      if (key) expect(await requests(key), `requests for ${feed}`).to.equal(0);
    }
    // No feed at all.
    await expectRefused({ widget: 'service-finder' }, 'Die Adresse des Feeds fehlt oder ist nicht erlaubt.');
  });

  it('refuses a foreign or missing contact endpoint: no form, no feed request, nothing sent', async () => {
    for (const endpoint of [
      'https://attacker.example/collect',
      `http:${other.replace(/^https?:/, '')}/api/contact`,
      `//${other.split('//')[1]}/api/contact`,
      '/\\attacker.example/collect',
      `https://${location.host}@attacker.example/collect`,
      'javascript:alert(1)',
      '',
    ]) {
      const feed = counted();
      const frame = await expectRefused(
        { widget: 'contact-form', feed: feed.url, endpoint },
        'Die Adresse für Nachrichten fehlt oder ist nicht erlaubt.',
      );
      expect(frame.contentDocument!.body.textContent).to.include('endpoint=/api/lotse-kontakt');
      expect(await requests(feed.key), `feed requests with endpoint ${endpoint}`).to.equal(0);
    }
    await expectRefused(
      { widget: 'contact-form', feed: '/test/fixtures/small-feed.json' },
      'Die Adresse für Nachrichten fehlt oder ist nicht erlaubt.',
    );
  });

  it('takes a same-origin endpoint as a full address', async () => {
    const frame = await embed({ widget: 'contact-form', feed: FEED, endpoint: '/api/contact' });
    const el = frame.contentDocument!.querySelector('lotse-contact-form')!;
    expect(el.getAttribute('endpoint')).to.equal(`${location.origin}/api/contact`);
    await until(() => el.shadowRoot?.querySelector('form'), 8000, 'the form');
  });

  describe('with embed-config.json beside embed.html', () => {
    // A copy of the real page in a folder of its own, with the city's list beside it: in
    // git-ignored demo/data/, one folder per run (runs of two browsers may overlap).
    const dir = `../demo/data/embed-test-${Math.random().toString(36).slice(2)}`;
    const page = `/demo/data/${dir.split('/').at(-1)}/embed.html`;
    before(async () => {
      const html = (await (await fetch('/demo/embed.html')).text())
        .replace('src="./embed.ts"', 'src="/demo/embed.ts"')
        .replace('data-modules="../src/{name}/{name}.ts"', 'data-modules="/src/{name}/{name}.ts"');
      expect(html).to.include('src="/demo/embed.ts"');
      await writeFile({ path: `${dir}/embed.html`, content: html });
      const allowedOrigins = [other, 'http://evil.example', 'https://daten.stadt.example/feeds/', 'not an origin', 42];
      await writeFile({ path: `${dir}/embed-config.json`, content: JSON.stringify({ allowedOrigins }) });
    });
    after(async () => {
      await removeFile({ path: `${dir}/embed.html` });
      await removeFile({ path: `${dir}/embed-config.json` });
    });

    it('a listed origin works for feed and endpoint; others stay refused', async () => {
      const feed = counted(other);
      const frame = await embed({ widget: 'contact-form', feed: feed.url, endpoint: `${other}/api/contact` }, {}, page);
      const doc = frame.contentDocument!;
      await until(() => doc.querySelector('lotse-contact-form') || doc.querySelector('[role="alert"]'), 5000, 'widget or message');
      expect(doc.querySelector('[role="alert"]')).to.equal(null);
      const el = doc.querySelector('lotse-contact-form')!;
      expect(el.getAttribute('feed')).to.equal(feed.url);
      expect(el.getAttribute('endpoint')).to.equal(`${other}/api/contact`);
      // The widget really asked the listed origin for its feed (the test server counts it).
      await eventually(async () => (await requests(feed.key)) > 0, 8000, 'the feed request to the listed origin');

      // Not listed (an http entry, a path entry and junk are ignored): refused, nothing requested.
      for (const url of ['http://evil.example/f.json', 'https://daten.stadt.example/feeds/f.json', 'https://evil.example/f.json']) {
        const refused = await embed({ widget: 'quick-check', feed: url }, {}, page);
        await until(() => refused.contentDocument!.querySelector('[role="alert"]'), 5000, `the message for ${url}`);
        expect(refused.contentDocument!.body.textContent).to.include('Die Adresse des Feeds fehlt oder ist nicht erlaubt.');
        expect(foreign(refused), url).to.deep.equal([]);
      }
      // A listed origin does not excuse a disguise.
      const trick = counted();
      const disguised = await embed({ widget: 'quick-check', feed: `/\\${other.split('//')[1]}${trick.url}` }, {}, page);
      await until(() => disguised.contentDocument!.querySelector('[role="alert"]'), 5000, 'the message');
      expect(await requests(trick.key)).to.equal(0);
    });
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
    // Listeners run in the order they were added: once this one, added after the snippet's,
    // has the forged message, the snippet has handled it.
    const handled = new Promise<void>((resolve) => {
      const seen = (event: MessageEvent) => {
        if (event.source !== window || event.data?.height !== 5000) return;
        window.removeEventListener('message', seen);
        resolve();
      };
      window.addEventListener('message', seen);
    });
    window.postMessage({ type: 'lotse-embed-height', height: 5000, id: 'check' }, '*');
    await handled;
    expect(frame.style.height).not.to.equal('5000px');
    script.remove();
  });
});
