/**
 * WCAG 1.4.12 Text Spacing: a visitor's spacing (a user style sheet or bookmarklet sets it on
 * the page, and so on the widget element) reaches the text inside the widgets; and with the
 * WCAG values applied inside every shadow root, no state loses or overlaps content at 320 px.
 */
import { expect, html } from '@open-wc/testing';
import '../src/index.js';
import type { Locale } from '../src/core/i18n.js';
import { loadLanguage, mount, until } from './helpers.js';
import { addCss, allElements, fold, frames, overflowing, sizedBox } from './a11y-helpers.js';
import { STATES } from './a11y-states.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();

/** The values of WCAG 1.4.12. */
const WCAG_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

/** Boxes that cut their own text off (overflow hidden or clip, text taller or wider than the box). */
function clipped(widget: HTMLElement): string[] {
  return allElements(widget.shadowRoot!)
    .filter((el) => {
      const s = getComputedStyle(el);
      if (!/(hidden|clip)/.test(s.overflowX + s.overflowY) || s.position === 'absolute') return false;
      if (el.closest('.map-host')) return false; // the map clips its tiles on purpose
      return el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2;
    })
    .map((el) => `<${el.localName} class="${el.getAttribute('class') ?? ''}">: ${fold(el.textContent).slice(0, 40)}`);
}

describe('text spacing (1.4.12)', () => {
  it('spacing set on the widget element (a user style sheet) reaches the text inside', async () => {
    const el = await mount(html`<lotse-service-finder lang="de" .now=${'2026-11-24T09:00:00Z'}
      style="letter-spacing: 0.12em; word-spacing: 0.16em; line-height: 1.5"
      .feed=${structuredClone(finderFeed)}></lotse-service-finder>`);
    await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
    for (const selector of ['.summary', '.card-title', 'h2', '#lotse-search']) {
      const target = el.shadowRoot!.querySelector<HTMLElement>(selector)!;
      // Inherited as the host's computed length (0.12em of the host's font size).
      const s = getComputedStyle(target);
      const host = getComputedStyle(el);
      expect(parseFloat(host.letterSpacing)).to.be.greaterThan(1);
      expect(parseFloat(s.letterSpacing), `${selector}: letter spacing`).to.be.closeTo(parseFloat(host.letterSpacing), 0.05);
      expect(parseFloat(s.wordSpacing), `${selector}: word spacing`).to.be.closeTo(parseFloat(host.wordSpacing), 0.05);
    }
  });

  const LANGS: Locale[] = ['de', 'ro', 'ar'];
  for (const state of STATES) {
    for (const lang of LANGS) {
      it(`WCAG spacing inside: ${state.name} (${lang}) keeps all content at 320 px`, async () => {
        await loadLanguage(lang);
        const box = sizedBox(320);
        try {
          const el = await state.mount(box, lang);
          addCss(el, WCAG_SPACING);
          await frames();
          expect([...overflowing(el), ...clipped(el)].slice(0, 8)).to.deep.equal([]);
        } finally {
          box.remove();
        }
      });
    }
  }
});
