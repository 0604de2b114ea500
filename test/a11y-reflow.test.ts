/**
 * WCAG 1.4.10 Reflow and 1.4.4 Resize Text: at 320 px, and at 200 % text on a 320 and a 360 px
 * phone, no state of any widget is wider than the screen, in German, Romanian and Arabic (where
 * overflow goes left, out of reach of scrolling). The widget sits in a box of that width (a
 * viewport cannot be set in Firefox over WebDriver BiDi); 200 % text is the visitor's font size
 * doubled (`--lotse-font-size: 32px`, what a browser's text zoom does to `medium`).
 */
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { Locale } from '../src/core/i18n.js';
import { loadLanguage } from './helpers.js';
import { frames, overflowing, sizedBox } from './a11y-helpers.js';
import { STATES } from './a11y-states.js';

const SIZES: [number, string][] = [
  [320, ''],
  [320, '32px'],
  [360, '32px'],
];
const LANGS: Locale[] = ['de', 'ro', 'ar'];

describe('reflow at 320 px and 200 % text (1.4.10, 1.4.4)', () => {
  for (const state of STATES) {
    for (const lang of LANGS) {
      it(`${state.name} (${lang})`, async () => {
        await loadLanguage(lang);
        const box = sizedBox(320);
        try {
          const el = await state.mount(box, lang);
          const problems: string[] = [];
          for (const [width, font] of SIZES) {
            box.style.width = `${width}px`;
            box.style.setProperty('--lotse-font-size', font || 'medium');
            await frames();
            problems.push(...overflowing(el).map((p) => `${width}px ${font || '100%'}: ${p}`));
          }
          expect(problems.slice(0, 8)).to.deep.equal([]);
        } finally {
          box.remove();
        }
      });
    }
  }
});
