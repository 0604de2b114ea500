/**
 * The map of <lotse-hours-map> with the keyboard: the zoom buttons' focus ring is not cut off
 * (2.4.7), markers outside the visible map take no focus (2.4.11, they would be focused
 * unseen), and no two markers overlap (2.5.8: each 44 px target can be hit).
 */
import { expect, html } from '@open-wc/testing';
import '../src/hours-map/hours-map.js';
import type { LotseHoursMap } from '../src/hours-map/hours-map.js';
import { mount, until } from './helpers.js';
import { frames } from './a11y-helpers.js';

const source: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** A place per service, on a diagonal about 25 px apart at zoom 14 (across grid cells), and one far outside the view. */
function crowdedFeed() {
  const feed = structuredClone(source);
  const template = feed.services[0];
  feed.services = Array.from({ length: 8 }, (_, i) => {
    const s = structuredClone(template);
    s.id = `place-${i}`;
    s.name = `Beratung ${i}`;
    s.locations[0].id = 'l';
    s.locations[0].geo = { lat: 51.521 + i * 0.0013, lon: 7.462 + i * 0.0021 };
    return s;
  });
  const far = structuredClone(template);
  far.id = 'far';
  far.name = 'Weit weg';
  far.locations[0].id = 'l';
  far.locations[0].geo = { lat: 51.521, lon: 7.495 };
  feed.services.push(far);
  return feed;
}

async function openMap(feed = crowdedFeed()) {
  const el = (await mount(html`<lotse-hours-map lang="de" .now=${'2026-11-24T10:30:00+01:00'} .feed=${feed}
    consent="granted" show-map tiles="/__tiles/{z}/{x}/{y}.png" style="width: 480px; display: block"></lotse-hours-map>`)) as LotseHoursMap;
  await until(() => $(el, '.leaflet-marker-icon'), 8000, 'markers');
  await frames();
  return el;
}

const overlap = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

describe('map focus and targets (2.4.7, 2.4.11, 2.5.8)', () => {
  it("the zoom buttons' focus ring lies inside every box that clips", async () => {
    const el = await openMap();
    const buttons = $$<HTMLElement>(el, '.leaflet-control-zoom :is(a, button)');
    expect(buttons).to.have.length(2);
    for (const button of buttons) {
      button.focus({ focusVisible: true } as FocusOptions);
      const s = getComputedStyle(button);
      const ring = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
      expect(parseFloat(s.outlineWidth), 'a visible ring').to.be.at.least(2);
      const r = button.getBoundingClientRect();
      const outer = { left: r.left - ring, right: r.right + ring, top: r.top - ring, bottom: r.bottom + ring };
      for (let box = button.parentElement; box && box !== el.shadowRoot!.host; box = box.parentElement) {
        if (!/(hidden|clip)/.test(getComputedStyle(box).overflow)) continue;
        const b = box.getBoundingClientRect();
        expect(
          outer.left >= b.left - 0.5 && outer.right <= b.right + 0.5 && outer.top >= b.top - 0.5 && outer.bottom <= b.bottom + 0.5,
          `ring of "${button.getAttribute('aria-label')}" inside <${box.localName} class="${box.className}">`,
        ).to.equal(true);
      }
    }
  });

  it('markers outside the visible map are not focusable; inside they are', async () => {
    const el = await openMap();
    const canvas = $(el, '.leaflet-container')!.getBoundingClientRect();
    const markers = $$<HTMLElement>(el, '.leaflet-marker-icon');
    const outside = markers.filter((m) => {
      const r = m.getBoundingClientRect();
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      return x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom;
    });
    expect(outside.length, 'the far place is drawn, outside the view').to.be.greaterThan(0);
    for (const m of outside) {
      expect(m.tabIndex, `${m.getAttribute('aria-label')}: not in the tab order`).to.equal(-1);
      expect(m.getAttribute('aria-hidden')).to.equal('true');
    }
    const inside = markers.filter((m) => !outside.includes(m));
    expect(inside.length).to.be.greaterThan(0);
    for (const m of inside) expect(m.tabIndex, `${m.getAttribute('aria-label')}: focusable`).to.equal(0);
  });

  it('no two markers overlap', async () => {
    const el = await openMap();
    const rects = $$<HTMLElement>(el, '.leaflet-marker-icon').map(
      (m) => [m.getAttribute('aria-label'), m.getBoundingClientRect()] as const,
    );
    const clashes: string[] = [];
    rects.forEach(([a, ra], i) =>
      rects.slice(i + 1).forEach(([b, rb]) => {
        const area = overlap(ra, rb);
        if (area > 0) clashes.push(`${a} / ${b}: ${Math.round(area)} px²`);
      }),
    );
    expect(clashes).to.deep.equal([]);
  });
});
