/**
 * A page that does not jump (issue 14): while the feed loads, each widget already has the height
 * of its first content (`--lotse-loading-height`, docs/theming.md), and the first content is never
 * shorter, from a 320 px phone to a desktop column. So the host page's text above a widget stays
 * put, and its text below moves only while it is out of sight (below the fold).
 * The sample feed of the demo (35 services) over HTTP, a first visit (a feed URL of its own).
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { resetFeedSources } from '../src/core/feed/load.js';
import { frames } from './a11y-helpers.js';
import { until } from './helpers.js';

const FIRST_CONTENT: Record<string, string> = {
  'lotse-service-finder': '[part="results"]',
  'lotse-hours-map': '[part="list"]',
  'lotse-quick-check': '.screen',
  'lotse-contact-form': '[part="form"]',
};
/** The reserved heights at 16 px text (docs/theming.md). */
const reserved = (tag: string, width: number) => (tag !== 'lotse-quick-check' ? 52 : width < 372 ? 29 : 20.5) * 16;

describe('reserved space: the host page does not jump when the feed arrives', () => {
  let box: HTMLDivElement;
  beforeEach(() => resetFeedSources());
  afterEach(() => box?.remove());

  async function mount(tag: string, width: number, style = '') {
    box = document.createElement('div');
    box.style.cssText = `width:${width}px;font-size:16px`;
    box.innerHTML = `<p class="above">Ankommen in Hafenstadt: Beratung in Ihrer Sprache.</p>
      <${tag} lang="de" feed="/demo/public/services.json?visit=${tag}-${width}-${Math.random()}" endpoint="/api/lotse-kontakt" style="${style}"></${tag}>
      <p class="below">Stadt Hafenstadt · Impressum</p>`;
    document.body.prepend(box);
    const el = box.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(tag)!;
    await el.updateComplete;
    return el;
  }

  const top = (selector: string) => box.querySelector(selector)!.getBoundingClientRect().top;

  for (const tag of Object.keys(FIRST_CONTENT)) {
    for (const width of [320, 360, 412, 1280]) {
      it(`${tag} at ${width} px`, async () => {
        const el = await mount(tag, width);
        const root = el.shadowRoot!;
        expect(root.querySelector('[part="state"]')?.classList.contains('loading'), 'loading state first').to.equal(true);
        const loading = { height: el.getBoundingClientRect().height, above: top('.above'), below: top('.below') };
        expect(loading.height).to.be.closeTo(reserved(tag, width), 1);

        await until(() => !root.querySelector('[part="state"]') && root.querySelector(FIRST_CONTENT[tag]), 20000, 'first content');
        await frames();
        const height = el.getBoundingClientRect().height;
        expect(height, 'first content is at least as high as the loading state').to.be.at.least(loading.height - 0.5);
        expect(top('.above'), 'text above stays').to.equal(loading.above);
        // Text below in sight stays put; below the fold it may move down as the widget grows.
        if (loading.below < innerHeight) expect(top('.below'), 'text below in sight stays').to.be.closeTo(loading.below, 0.5);
      });
    }
  }

  it('a city sets the reserved height with --lotse-loading-height', async () => {
    const el = await mount('lotse-service-finder', 412, '--lotse-loading-height: 30em');
    expect(el.shadowRoot!.querySelector('[part="state"].loading')).to.exist;
    expect(el.getBoundingClientRect().height).to.be.closeTo(480, 1);
  });
});

describe('four widgets on one page: one first render per task', () => {
  afterEach(() => resetFeedSources());

  it('the widgets render for the first time one after the other, each in a task of its own, and keep their height until then', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width:412px;font-size:16px';
    const tags = Object.keys(FIRST_CONTENT);
    box.innerHTML = tags
      .map(
        (tag) => `<${tag} lang="de" feed="/demo/public/services.json?visit=turns-${Math.random()}" endpoint="/api/lotse-kontakt"></${tag}>`,
      )
      .join('');
    const els = [...box.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    // How many widgets have rendered, each time the DOM of one changed. A mutation callback runs
    // at the end of the task (or microtask run) that changed it: all four first renders in one
    // task would show up as 4 at once.
    const seen: number[] = [];
    const rendered = () => els.filter((el) => el.shadowRoot?.querySelector('[part="base"]')).length;
    const watch = new MutationObserver(() => {
      const n = rendered();
      if (n !== seen.at(-1)) seen.push(n);
    });
    document.body.prepend(box);
    try {
      for (const el of els) watch.observe(el.shadowRoot!, { childList: true });
      // Defined and connected, not yet rendered: each keeps its loading height.
      expect(rendered()).to.equal(0);
      for (const el of els) expect(el.getBoundingClientRect().height, el.localName).to.be.closeTo(reserved(el.localName, 412), 1);
      await Promise.all(els.map((el) => el.updateComplete));
      expect(seen).to.deep.equal([1, 2, 3, 4]);
    } finally {
      watch.disconnect();
      box.remove();
    }
  });
});

describe('older browsers: without custom states', () => {
  afterEach(() => resetFeedSources());

  for (const [what, replacement] of [
    ['no attachInternals (iOS before 16.4)', undefined],
    [
      'states that reject the name (Chromium before 125)',
      () => ({
        states: {
          add: () => {
            throw new DOMException('bad name', 'SyntaxError');
          },
        },
      }),
    ],
  ] as const) {
    it(`${what}: the widgets still render`, async () => {
      const proto = HTMLElement.prototype as { attachInternals?: unknown };
      const original = proto.attachInternals;
      if (replacement) proto.attachInternals = replacement;
      else delete proto.attachInternals;
      const box = document.createElement('div');
      try {
        box.innerHTML = Object.keys(FIRST_CONTENT)
          .map((tag) => `<${tag} lang="de" feed="/demo/public/services.json?old=${Math.random()}" endpoint="/api/lotse-kontakt"></${tag}>`)
          .join('');
        document.body.append(box);
      } finally {
        proto.attachInternals = original;
      }
      try {
        const els = [...box.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
        await Promise.all(els.map((el) => el.updateComplete));
        for (const el of els) expect(el.shadowRoot?.querySelector('[part="base"]'), el.localName).to.exist;
      } finally {
        box.remove();
      }
    });
  }
});
