/**
 * Feed texts shown in another language than the widget's (a fallback) carry their own
 * language and are isolated from the sentence's direction: an English-only name in the
 * Arabic finder is read with an English voice, and "§ 2 SchKG" keeps its order in RTL.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { LotseHoursMap, LotseServiceFinder } from '../src/index.js';
import { feedCopy, until } from './helpers.js';

function mixedFeed() {
  const feed = feedCopy();
  feed.services[0].name = { en: 'Health clearing office' };
  feed.services[0].summary = 'Beratung nach § 2 SchKG, kostenlos.';
  feed.services[0].locations[0].hours[0].note = { de: 'nur Frauen', ar: 'للنساء فقط' };
  return feed;
}
const bdi = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('bdi')].find((b) => b.textContent!.includes(text)) as HTMLElement | undefined;

describe('feed texts in another language than the widget', () => {
  it('finder (ar): the English name and the German summary are marked and isolated; an Arabic note is not', async () => {
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="ar" .now=${'2026-11-24T09:00:00Z'} .feed=${mixedFeed()}></lotse-service-finder>`,
    );
    await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
    const root = el.shadowRoot!;
    expect(bdi(root, 'Health clearing office')?.getAttribute('lang')).to.equal('en');
    expect(bdi(root, '§ 2 SchKG')?.getAttribute('lang')).to.equal('de');
    expect(getComputedStyle(bdi(root, '§ 2 SchKG')!).unicodeBidi).to.equal('isolate');
    root.querySelector<HTMLElement>('[data-service="clearing"]')!.click();
    await el.updateComplete;
    expect(bdi(root.querySelector('#lotse-detail-title')!, 'Health clearing office')?.getAttribute('lang')).to.equal('en');
    // Text in the widget's own language needs no mark.
    expect(bdi(root, 'للنساء فقط')).to.equal(undefined);
  });

  it('finder (de): a German text in the German widget has no extra mark', async () => {
    const el = await fixture<LotseServiceFinder>(
      html`<lotse-service-finder lang="de" .now=${'2026-11-24T09:00:00Z'} .feed=${mixedFeed()}></lotse-service-finder>`,
    );
    await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
    expect(bdi(el.shadowRoot!, '§ 2 SchKG')).to.equal(undefined);
    expect(bdi(el.shadowRoot!, 'Health clearing office')?.getAttribute('lang')).to.equal('en');
  });

  it('hours map (ar): the English name in the list is marked', async () => {
    const el = await fixture<LotseHoursMap>(
      html`<lotse-hours-map lang="ar" now="2026-11-24T09:00:00Z" .feed=${mixedFeed()}></lotse-hours-map>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part="entry"]'), 5000, 'entries');
    expect(bdi(el.shadowRoot!, 'Health clearing office')?.getAttribute('lang')).to.equal('en');
  });
});

describe('values of unknown direction inside translated sentences', () => {
  it('a Latin place name in the Arabic finder\'s "sorted by distance to" is isolated (FSI … PDI)', async () => {
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError);
    try {
      const el = await fixture<LotseServiceFinder>(
        html`<lotse-service-finder lang="ar" .now=${'2026-11-24T09:00:00Z'} .feed=${feedCopy()}></lotse-service-finder>`,
      );
      await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
      // "Near me" is the last quick filter; the position is refused, so a postcode is asked for.
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.quick button.chip')].at(-1)!.click();
      await until(() => el.shadowRoot!.querySelector('.place input[name="postcode"]'), 5000, 'the place form');
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('.place input[name="postcode"]')!;
      input.value = '44100';
      el.shadowRoot!.querySelector<HTMLButtonElement>('.place button[type=submit]')!.click();
      await until(() => el.shadowRoot!.querySelector('.near-label'), 5000, 'sorted by distance');
      expect(el.shadowRoot!.querySelector('.near-label')!.textContent).to.contain('\u206844100\u2069');
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });
});
