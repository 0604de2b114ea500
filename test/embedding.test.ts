/**
 * Embedding: the built bundle (dist/, so run `npm run build` first) on a hostile host page —
 * aggressive global resets, huge fonts, !important colours, `button { display: none }` — and
 * loaded twice under two URLs. The widgets must still render, be visible and clickable, and
 * work; the host page must keep its own styles.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { isWebKitDriver, until } from './helpers.js';

const HOSTILE_CSS = `
  * { all: revert; font-size: 40px !important; color: red !important; background: yellow !important; }
  button { display: none !important; }
  html, body { margin: 0 !important; padding: 0 !important; line-height: 0.8 !important; }
  div, section, span { box-sizing: content-box !important; letter-spacing: 0.3em !important; }
  input, select, textarea { appearance: none !important; border: 0 !important; opacity: 0.99 !important; }
  [hidden] { display: block !important; }
  svg { width: 400px !important; height: 400px !important; }
  :focus { outline: none !important; }
`;
const TAGS = ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form'] as const;
type Tag = (typeof TAGS)[number];
const FEED = '/demo/public/services.json';

const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(e.message));
window.addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason)));

const copy1 = '/dist/lotse.js';
const copy2 = '/__copy2/dist/lotse.js';
const loaded: Record<string, Record<string, unknown>> = {};

before(async () => {
  const style = document.createElement('style');
  style.id = 'hostile';
  style.textContent = HOSTILE_CSS;
  document.head.append(style);
  try {
    loaded[copy1] = await import(/* @vite-ignore */ copy1);
  } catch (error) {
    throw new Error(`dist/lotse.js cannot be loaded: run "npm run build" first (${(error as Error).message})`);
  }
});

let box: HTMLElement | undefined;
afterEach(() => {
  box?.remove();
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
});

async function mountAll(): Promise<Record<Tag, HTMLElement & { updateComplete: Promise<unknown> }>> {
  box = document.createElement('div');
  box.innerHTML = `<h1 id="host-title">Stadt Teststadt</h1><button id="host-button">Host</button>
    ${TAGS.map((t) => `<${t} lang="de" feed="${FEED}"${t === 'lotse-contact-form' ? ` endpoint="/api/contact" id="embed-${Date.now()}"` : ''}></${t}>`).join('')}`;
  document.body.append(box);
  const els = Object.fromEntries(TAGS.map((t) => [t, box!.querySelector(t)])) as unknown as Record<
    Tag,
    HTMLElement & { updateComplete: Promise<unknown> }
  >;
  await until(() => els['lotse-service-finder'].shadowRoot?.querySelector('.card-title'), 10_000, 'finder cards');
  await until(() => els['lotse-hours-map'].shadowRoot?.querySelector('[part="entry"]'), 10_000, 'hours entries');
  await until(() => els['lotse-quick-check'].shadowRoot?.querySelector('#qc-heading'), 10_000, 'quick-check');
  await until(() => els['lotse-contact-form'].shadowRoot?.querySelector('form'), 10_000, 'contact form');
  return els;
}

/** The element is laid out, visible, and the topmost thing at its centre (so a tap reaches it). */
function assertVisibleAndOnTop(el: HTMLElement, what: string) {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  expect(rect.width, `${what} width`).to.be.above(20);
  expect(rect.height, `${what} height`).to.be.above(20);
  expect(style.display, `${what} display`).to.not.equal('none');
  expect(style.visibility, `${what} visibility`).to.equal('visible');
  expect(Number(style.opacity), `${what} opacity`).to.be.above(0.9);
  const root = el.getRootNode() as ShadowRoot;
  const hit = root.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
  expect(hit === el || el.contains(hit), `${what} is on top at its centre`).to.equal(true);
  return rect;
}

/** A real mouse click (from the browser's input pipeline) at the centre of `el`. */
async function realClick(el: HTMLElement, what: string) {
  const rect = assertVisibleAndOnTop(el, what);
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('embedding: a hostile host stylesheet', () => {
  it('the host page is really hostile (its own button is hidden, its text is huge and red)', async () => {
    await mountAll();
    expect(getComputedStyle(document.querySelector('#host-button')!).display).to.equal('none');
    const title = getComputedStyle(document.querySelector('#host-title')!);
    expect(title.fontSize).to.equal('40px');
    expect(title.color).to.equal('rgb(255, 0, 0)');
  });

  it('every widget renders its content at a usable size, in its own colours and fonts', async () => {
    const els = await mountAll();
    for (const tag of TAGS) {
      const el = els[tag];
      const rect = el.getBoundingClientRect();
      expect(rect.width, `${tag} width`).to.be.above(250);
      expect(rect.height, `${tag} height`).to.be.above(150);
      const heading = el.shadowRoot!.querySelector('h2')!;
      const style = getComputedStyle(heading);
      expect(style.color, `${tag} heading colour`).to.not.equal('rgb(255, 0, 0)');
      // Sizes follow the visitor's default size ('medium'), not the host's rules, and do not
      // pile up: the heading is 1.25 × the base, not 40px × 1.25 × …
      const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(parseFloat(style.fontSize), `${tag} heading size`).to.be.at.most(root * 1.5);
      const base = getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!);
      expect(base.backgroundColor, `${tag} background`).to.not.equal('rgb(255, 255, 0)');
      // Icons keep their size (the host's svg rule does not reach inside).
      const svg = el.shadowRoot!.querySelector('svg');
      if (svg) expect(svg.getBoundingClientRect().width, `${tag} icon`).to.be.below(64);
    }
  });

  it("the widgets' buttons are visible and on top, although the host hides every button", async () => {
    const els = await mountAll();
    const buttons: Array<[Tag, string]> = [
      ['lotse-service-finder', '.card-title'],
      ['lotse-hours-map', '[part="entry"] button.name'],
      ['lotse-quick-check', 'button.primary'],
      ['lotse-contact-form', '[part="submit-button"]'],
    ];
    for (const [tag, selector] of buttons) assertVisibleAndOnTop($(els[tag], selector), `${tag} ${selector}`);
  });

  it('finder: search and open a detail with real clicks and typing', async function () {
    // WebKitWebDriver (optional WebKit job) types text unreliably.
    if (isWebKitDriver) this.skip();
    const els = await mountAll();
    const finder = els['lotse-service-finder'];
    const search = $<HTMLInputElement>(finder, '#lotse-search');
    await realClick(search, 'search field');
    search.value = 'Clearing';
    search.dispatchEvent(new Event('input'));
    await finder.updateComplete;
    await until(() => /Clearing/i.test(fold($(finder, '.card-title')?.textContent)), 5000, 'search result');
    await realClick($(finder, '.card-title'), 'first result');
    await until(() => finder.shadowRoot!.querySelector('.detail'), 3000, 'detail');
    assertVisibleAndOnTop($(finder, '.detail .back'), 'back button');
    assertVisibleAndOnTop($(finder, '.detail a.action'), 'first action link');
  });

  it('hours map, quick-check and contact form react to real clicks', async () => {
    const els = await mountAll();
    const map = els['lotse-hours-map'];
    const entry = $(map, '[part="entry"] button.name');
    await realClick(entry, 'hours entry');
    await until(() => entry.getAttribute('aria-expanded') === 'true', 3000, 'entry opened');

    const check = els['lotse-quick-check'];
    await realClick($(check, 'button.primary'), 'start');
    await until(() => check.shadowRoot!.querySelector('[part="answer-button"]'), 3000, 'first question');
    const before = fold($(check, '#qc-heading').textContent);
    await realClick($(check, '[part="answer-button"]'), 'first answer');
    await until(() => fold($(check, '#qc-heading').textContent) !== before, 3000, 'next question');

    const form = els['lotse-contact-form'];
    const label = form.shadowRoot!.querySelector<HTMLElement>('label.choice')!;
    await realClick(label, 'first topic');
    await until(() => form.shadowRoot!.querySelector<HTMLInputElement>('input[name="topic"]:checked'), 3000, 'topic chosen');
  });
});

describe('embedding: two copies of the bundle on one page', () => {
  it('a second copy under another URL loads without breaking the first; widgets still work', async () => {
    const first = customElements.get('lotse-service-finder');
    expect(first, 'defined by the first copy').to.exist;
    const info: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => info.push(args.join(' '));
    try {
      loaded[copy2] = await import(/* @vite-ignore */ copy2);
    } finally {
      console.info = original;
    }
    // Really a second copy: other classes, the same tag names, still the first definition.
    expect(loaded[copy2].LotseServiceFinder).to.not.equal(loaded[copy1].LotseServiceFinder);
    expect(customElements.get('lotse-service-finder')).to.equal(first);
    expect(info.join('\n')).to.contain('already defined by another copy');
    const els = await mountAll();
    const finder = els['lotse-service-finder'];
    await realClick($(finder, '.card-title'), 'card after second copy');
    await until(() => finder.shadowRoot!.querySelector('.detail'), 3000, 'detail');
    const check = els['lotse-quick-check'];
    await realClick($(check, 'button.primary'), 'start after second copy');
    await until(() => check.shadowRoot!.querySelector('[part="answer-button"]'), 3000, 'question');
  });
});
