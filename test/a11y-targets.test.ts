/**
 * WCAG 2.5.8 Target Size (Minimum), and our aim of 2.5.5: every interactive element of every
 * story is at least 24 × 24 px, and buttons, links, fields and map markers at least 44 × 44 px
 * (the `--lotse-tap-size` default). A checkbox or radio counts with its label, which is the
 * tap target. German and Arabic.
 */
import { expect } from '@open-wc/testing';
import type { Locale } from '../src/core/i18n.js';
import { loadLanguage } from './helpers.js';
import { allElements, fold } from './a11y-helpers.js';
import { FILES, showStory, storiesOf } from './story-support.js';

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex="0"]';

function visible(el: HTMLElement) {
  if (!el.getClientRects().length) return false;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden' || (s.position === 'absolute' && s.clip === 'rect(0px, 0px, 0px, 0px)')) return false;
  return !el.closest('.visually-hidden, [hidden], .honeypot');
}

/** The box a finger hits: a checkbox or radio together with its label. */
function target(el: HTMLElement): DOMRect {
  const input = el as HTMLInputElement;
  if (/^(checkbox|radio)$/.test(input.type) && input.labels?.length) return input.labels[0].getBoundingClientRect();
  return el.getBoundingClientRect();
}

/** The map itself (a focusable region) is no tap target; a `summary` for web editors needs 24 px. */
const minimum = (el: HTMLElement) => (el.classList.contains('leaflet-container') ? 0 : el.localName === 'summary' ? 24 : 44);

export function smallTargets(widget: HTMLElement): string[] {
  return allElements(widget.shadowRoot!)
    .filter((el): el is HTMLElement => el instanceof HTMLElement && el.matches(INTERACTIVE) && visible(el))
    .flatMap((el) => {
      const r = target(el);
      const min = minimum(el);
      if (r.width >= min - 0.5 && r.height >= min - 0.5) return [];
      return [
        `<${el.localName} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.width)}×${Math.round(r.height)} < ${min}: ${fold(el.textContent || el.getAttribute('aria-label')).slice(0, 40)}`,
      ];
    });
}

const LANGS: Locale[] = ['de', 'ar'];

describe('target size (2.5.8, 2.5.5)', () => {
  for (const [file, module] of Object.entries(FILES)) {
    for (const [name, story] of storiesOf(module)) {
      for (const lang of LANGS) {
        it(`${file} / ${name} (${lang})`, async () => {
          await loadLanguage(lang);
          const { el } = await showStory(module.default, story, lang);
          expect(smallTargets(el)).to.deep.equal([]);
        });
      }
    }
  }
});
