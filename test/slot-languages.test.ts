/**
 * One slot, one set of languages (src/core/slots.ts, `slotLanguages`): the finder's hours
 * table and the hours map's slot list name the same languages for the same slot, whether the
 * slot lists its own or speaks the service's.
 */
import { expect, html } from '@open-wc/testing';
import '../src/index.js';
import { mount, until } from './helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const NOW = '2026-11-24T09:00:00Z';
const fold = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The clearing service: Tuesday's slot without its own languages, Thursday's in Bulgarian. */
function feed() {
  const copy = structuredClone(finderFeed);
  delete copy.services[0].locations[0].hours[0].languages;
  return copy;
}

async function finderLanguages(lang: string) {
  const box = await mount(html`<lotse-service-finder lang=${lang} .now=${NOW} .feed=${feed()}></lotse-service-finder>`);
  const el = box as HTMLElement & { updateComplete: Promise<unknown> };
  await until(() => el.shadowRoot!.querySelector('[data-service="clearing"]'), 3000, "the finder's cards");
  el.shadowRoot!.querySelector<HTMLElement>('[data-service="clearing"]')!.click();
  await el.updateComplete;
  // "Dienstag 09:00–12:00 offene Sprechstunde · Deutsch, …": the part after the kind.
  return [...el.shadowRoot!.querySelectorAll('.hours tbody tr')].map((row) => fold(row.querySelector('td span')).split(' · ')[1]);
}

async function mapLanguages(lang: string) {
  const el = (await mount(html`<lotse-hours-map lang=${lang} now=${NOW} .feed=${feed()}></lotse-hours-map>`)) as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  const name = () => el.shadowRoot!.querySelector<HTMLElement>('li.entry[data-key^="clearing/"] button.name');
  await until(name, 3000, "the map's list");
  name()!.click();
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll('li.entry[data-key^="clearing/"] .slots li')].map((li) =>
    fold(li.querySelector('span:not(.kind)')),
  );
}

describe('slot languages', () => {
  for (const lang of ['de', 'en']) {
    it(`are the same in the finder and the hours map (${lang})`, async () => {
      const inFinder = await finderLanguages(lang);
      const inMap = await mapLanguages(lang);
      expect(inFinder).to.have.length(2);
      expect(inMap).to.deep.equal(inFinder);
      // Tuesday speaks the service's languages, Thursday its own.
      expect(inFinder[0]).to.equal(lang === 'de' ? 'Deutsch, Rumänisch und Bulgarisch' : 'German, Romanian, and Bulgarian');
      expect(inFinder[1]).to.equal(lang === 'de' ? 'Bulgarisch' : 'Bulgarian');
    });
  }
});
