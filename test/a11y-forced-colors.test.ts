/**
 * WCAG 1.4.11 Non-text Contrast in forced colours (Windows high contrast): pressed and selected
 * states use system colours, never the brand blue. The widgets' own `@media (forced-colors:
 * active)` rules are applied directly (neither engine can emulate forced colours over our
 * drivers), so the test checks the same rules in Chromium and Firefox.
 */
import { expect, html } from '@open-wc/testing';
import '../src/index.js';
import type { LotseHoursMap, LotseServiceFinder } from '../src/index.js';
import { mount, until } from './helpers.js';
import { applyMedia, fold } from './a11y-helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const mapFeed: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** What a system colour computes to in this browser. */
function system(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function expectSystem(el: HTMLElement, what: string, background: string, text: string) {
  const style = getComputedStyle(el);
  expect(style.backgroundColor, `${what}: background`).to.equal(system(background));
  expect(style.color, `${what}: text`).to.equal(system(text));
}

describe('forced colours (1.4.11)', () => {
  it('service finder: pressed chips, their counts and the primary buttons use Highlight / HighlightText', async () => {
    const el = (await mount(html`<lotse-service-finder lang="de" .now=${'2026-11-24T09:00:00Z'}
      .feed=${structuredClone(finderFeed)}></lotse-service-finder>`)) as LotseServiceFinder;
    await until(() => $(el, '.card-title'), 5000, 'cards');
    const chip = $$(el, 'button.chip').find((b) => fold(b.textContent).startsWith('Kostenlos'))!;
    chip.click();
    await el.updateComplete;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    applyMedia(el, '(forced-colors: active)');
    expectSystem(chip, 'pressed chip', 'Highlight', 'HighlightText');
    const count = chip.querySelector<HTMLElement>('.chip-count')!;
    expect([system('Highlight'), system('HighlightText')]).to.include(getComputedStyle(count).color);
    expect(getComputedStyle(count).color, 'count text differs from its background').to.not.equal(getComputedStyle(count).backgroundColor);
    // An unpressed chip is left to the system (not fixed to the brand colours).
    const other = $$(el, 'button.chip').find((b) => b.getAttribute('aria-pressed') === 'false')!;
    expect(getComputedStyle(other).getPropertyValue('forced-color-adjust').trim() || 'auto').to.not.equal('none');
  });

  it('hours map: the pressed view toggle uses system colours; the selected entry is no light panel', async () => {
    const el = (await mount(html`<lotse-hours-map lang="de" .now=${'2026-11-24T10:30:00+01:00'}
      .feed=${structuredClone(mapFeed)}></lotse-hours-map>`)) as LotseHoursMap;
    await until(() => $(el, 'li.entry'), 5000, 'list');
    $(el, 'li[data-key="clearing/main"] button.name').click();
    await el.updateComplete;
    applyMedia(el, '(forced-colors: active)');
    const pressed = $(el, '.segmented [aria-pressed="true"]');
    expectSystem(pressed, 'pressed view toggle', 'Highlight', 'HighlightText');
    const selected = $(el, 'li.entry.selected');
    const style = getComputedStyle(selected);
    expect(style.backgroundColor, 'selected entry background').to.be.oneOf([system('Canvas'), 'rgba(0, 0, 0, 0)']);
    expect(style.getPropertyValue('forced-color-adjust').trim() || 'auto', 'the entry keeps the system colours').to.not.equal('none');
    expect(style.borderInlineStartColor, 'selected entry marked with Highlight').to.equal(system('Highlight'));
  });
});
