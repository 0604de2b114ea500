/**
 * WCAG 3.2.2 On Input: moving through the closed language list with the arrow keys changes
 * nothing; the language changes when the visitor confirms (Enter, leaving the list, a click).
 * WCAG 2.4.11 Focus Not Obscured: in Arabic at 320 px, each focused filter chip of the
 * sideways-scrolling rows is scrolled fully into view.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { setVisitorChoice } from '../src/core/i18n.js';
import type { LotseServiceFinder } from '../src/index.js';
import { loadLanguage, mount, until } from './helpers.js';
import { deepActive, frames, sizedBox } from './a11y-helpers.js';
import { render } from 'lit';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const langOf = (el: Element) => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang');

describe('language picker (3.2.2)', () => {
  afterEach(() => {
    setVisitorChoice('de');
    localStorage.clear();
    sessionStorage.clear();
  });

  it('arrow keys in the closed list change no language; Enter applies the one shown', async () => {
    await loadLanguage('en');
    const box = await mount(html`<div>
      <lotse-service-finder .now=${'2026-11-24T09:00:00Z'} .feed=${structuredClone(finderFeed)}></lotse-service-finder>
      <lotse-quick-check .feed=${structuredClone(finderFeed)}></lotse-quick-check>
    </div>`);
    const [finder, check] = [...box.children] as HTMLElement[];
    setVisitorChoice('de');
    await until(() => langOf(finder) === 'de' && langOf(check) === 'de', 3000, 'German');
    const select = finder.shadowRoot!.querySelector<HTMLSelectElement>('[part="language-picker"]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await frames();
    expect(select.value, 'the list shows the next language').to.equal('en');
    expect(langOf(finder), 'this widget keeps its language').to.equal('de');
    expect(langOf(check), 'other widgets keep theirs').to.equal('de');
    await sendKeys({ press: 'Enter' });
    await until(() => langOf(finder) === 'en' && langOf(check) === 'en', 3000, 'English after Enter');
    expect(deepActive() === finder.shadowRoot!.querySelector('[part="language-picker"]'), 'focus stays on the picker').to.equal(true);
  });

  it('leaving the list applies the language shown; a pointer choice applies at once', async () => {
    await loadLanguage('ro');
    const el = await mount(
      html`<lotse-service-finder .now=${'2026-11-24T09:00:00Z'} .feed=${structuredClone(finderFeed)}></lotse-service-finder>`,
    );
    setVisitorChoice('de');
    await until(() => langOf(el) === 'de', 3000, 'German');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="language-picker"]')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await frames();
    expect(langOf(el)).to.equal('de');
    select.blur();
    await until(() => langOf(el) === 'ro', 3000, 'Romanian after leaving the list');
    // A choice with the mouse in the open list: one change event, no key before it.
    select.value = 'de';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => langOf(el) === 'de', 3000, 'German after a click');
  });
});

describe('focused chips stay in view (2.4.11)', () => {
  it('Arabic at 320 px: every chip of the scrolling rows is fully visible when focused with Tab', async () => {
    await loadLanguage('ar');
    const box = sizedBox(320);
    try {
      render(
        html`<lotse-service-finder lang="ar" .now=${'2026-11-24T09:00:00Z'} .feed=${structuredClone(finderFeed)}></lotse-service-finder>`,
        box,
      );
      const el = box.querySelector('lotse-service-finder') as LotseServiceFinder;
      await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
      const chips = [
        ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.quick .chip:not(:disabled), .categories .chip:not(:disabled)'),
      ];
      expect(chips.length).to.be.greaterThan(4);
      el.shadowRoot!.querySelector<HTMLElement>('#lotse-search')!.focus();
      const hidden: string[] = [];
      for (const chip of chips) {
        await sendKeys({ press: 'Tab' });
        // Firefox puts a scrolling row itself in the tab order: on to its first chip.
        if (deepActive()?.matches('.quick, .categories')) await sendKeys({ press: 'Tab' });
        await frames();
        const active = deepActive();
        expect(active === chip, `Tab reaches "${chip.textContent!.trim()}", got <${active?.localName} ${active?.className}>`).to.equal(
          true,
        );
        const row = chip.parentElement!.getBoundingClientRect();
        const r = chip.getBoundingClientRect();
        if (r.left < row.left - 1 || r.right > row.right + 1) {
          hidden.push(
            `${chip.textContent!.trim()}: ${Math.round(r.left - row.left)}…${Math.round(r.right - row.left)} of ${Math.round(row.width)}`,
          );
        }
      }
      expect(hidden.join(' | ')).to.equal('');
    } finally {
      box.remove();
    }
  });
});
