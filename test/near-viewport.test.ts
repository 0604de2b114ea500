/**
 * A widget far down the page keeps its reserved loading box while the widgets in view render
 * (issue 14): it takes the feed when it comes within a screen's height of the view, when the
 * page is idle (screen readers and find-in-page read the whole page), or when it gets the focus.
 * The page's idle moment is held back in these tests, so only the event under test can start it.
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { resetFeedSources } from '../src/core/feed/load.js';
import { feedCopy, until } from './helpers.js';

type Widget = HTMLElement & { feed?: unknown; updateComplete: Promise<unknown> };
const isReady = (el: Element) => !!el.shadowRoot?.querySelector('[part="base"]') && !el.shadowRoot?.querySelector('[part="state"]');
/** Waiting for its turn: the checked feed is there, the widget still shows its loading box. */
const isWaiting = (el: Element) => {
  const widget = el as unknown as { feedState: { status: string }; waitingState?: unknown };
  return widget.feedState.status === 'loading' && !!widget.waitingState;
};

describe('widgets below the visible part of the page', () => {
  const realIdle = window.requestIdleCallback;
  let idle: (() => void)[] = [];
  let box: HTMLElement;
  beforeEach(() => {
    resetFeedSources();
    idle = [];
    window.requestIdleCallback = ((callback: IdleRequestCallback) =>
      idle.push(() => callback({ didTimeout: false, timeRemaining: () => 50 }))) as never;
    box = document.createElement('div');
    document.body.append(box);
    window.scrollTo(0, 0);
  });
  afterEach(() => {
    window.requestIdleCallback = realIdle;
    box.remove();
    window.scrollTo(0, 0);
  });

  /** A finder at the top, a spacer of ten screens, then `tag`; both with the same feed object. */
  async function page(tag: string) {
    const feed = feedCopy();
    const top = document.createElement('lotse-service-finder') as Widget;
    const spacer = document.createElement('div');
    spacer.style.height = `${innerHeight * 10}px`;
    const below = document.createElement(tag) as Widget;
    for (const el of [top, below]) {
      el.setAttribute('lang', 'de');
      el.feed = feed;
    }
    if (tag === 'lotse-contact-form') below.setAttribute('endpoint', '/api/lotse-kontakt');
    box.append(top, spacer, below);
    await top.updateComplete;
    await until(() => isReady(top), 5000, 'the finder at the top shows results');
    return { top, below };
  }

  it('the widget in view renders; the one ten screens down keeps its loading box until it is scrolled near', async () => {
    const { below } = await page('lotse-hours-map');
    // Two frames: the observer has reported where the widget is.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(isWaiting(below)).to.equal(true);
    below.scrollIntoView();
    await below.updateComplete;
    expect(isReady(below)).to.equal(true);
  });

  it('when the page is idle the widget far down renders without scrolling (screen readers, find in page)', async () => {
    const { below } = await page('lotse-quick-check');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(isWaiting(below)).to.equal(true);
    expect(idle.length).to.be.greaterThan(0);
    for (const run of idle.splice(0)) run();
    await below.updateComplete;
    expect(isWaiting(below)).to.equal(false);
    await until(() => isReady(below), 5000, 'the quick-check shows its first question');
    expect(scrollY).to.equal(0);
  });

  it('updateComplete of a waiting widget resolves when it renders its feed', async () => {
    const { below } = await page('lotse-contact-form');
    await until(() => isWaiting(below), 5000, 'the checked feed waits');
    let done = false;
    const complete = below.updateComplete.then(() => {
      done = true;
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(done).to.equal(false);
    for (const run of idle.splice(0)) run();
    await complete;
    expect(isWaiting(below)).to.equal(false);
    expect(isReady(below)).to.equal(true);
  });
});
