/**
 * Shared by the tests of a feed kept in the feed worker (more than SYNC_LIMIT services):
 * finder-worker, hours-map-worker and kept-feed.
 */
import { expect } from '@open-wc/testing';
import { feedSource, resetFeedSources } from '../src/core/feed/load.js';
import { generateFeed } from '../bench/generate-feed.js';

/** Tuesday 24 November 2026, 10:00 in Berlin. */
export const TUESDAY_10 = '2026-11-24T09:00:00Z';

export const words = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A widget's feed state (protected on LotseElement). */
export const heldState = (el: Element) =>
  (el as unknown as { feedState: { status: string; held?: { version: number }; feed?: { services: unknown[] } } }).feedState;

/** A widget in German at TUESDAY_10 with `feed`, on the page. */
export function place<T extends HTMLElement>(tag: string, feed: string | object, attributes: Record<string, string> = {}): T {
  const el = document.createElement(tag) as T & { now: string; feed: unknown };
  el.lang = 'de';
  el.now = TUESDAY_10;
  el.feed = feed;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

/**
 * A big feed of `count` services, and a URL of its own per test (every test gets a worker of
 * its own): `revoke()` in afterEach.
 */
export function keptFeed(count: number) {
  const feed = generateFeed(count);
  let urls: string[] = [];
  return {
    feed,
    url() {
      const made = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
      urls.push(made);
      return made;
    },
    revoke() {
      for (const made of urls) URL.revokeObjectURL(made);
      urls = [];
    },
  };
}

/**
 * Every test of a suite on `kept` starts with no feed sources and leaves no widget, feed URL,
 * map consent or worker behind.
 */
export function keptFeedHooks(kept: ReturnType<typeof keptFeed>) {
  beforeEach(() => resetFeedSources());
  afterEach(() => {
    for (const el of document.querySelectorAll('lotse-service-finder, lotse-hours-map, lotse-quick-check, lotse-contact-form')) el.remove();
    kept.revoke();
    localStorage.removeItem('lotse-map-consent');
    resetFeedSources();
  });
}

/** Each widget shows the kept feed `url`, and neither they nor the page hold its services. */
export function expectServicesOnlyInWorker(widgets: Element[], url: string) {
  for (const el of widgets) {
    expect(heldState(el).held).to.deep.equal({ version: 1 });
    expect(heldState(el).feed!.services).to.have.length(0);
  }
  const source = feedSource(url).state;
  expect(source.status === 'ready' && source.feed.services.length).to.equal(0);
}
