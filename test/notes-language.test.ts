/**
 * Notes set by a handler (after a tap) speak the widget's language, and follow it when the
 * visitor switches: their text is made in render, never stored from msg() in a handler.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { LotseContactForm, LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, until } from './helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function finder(lang: string) {
  const el = await fixture<LotseServiceFinder>(html`<lotse-service-finder lang=${lang} .now=${'2026-11-24T09:00:00Z'}
    .feed=${structuredClone(finderFeed)}></lotse-service-finder>`);
  await until(() => el.shadowRoot!.querySelector('.results'), 5000, 'results');
  return el;
}

describe('notes after an action, in the widget language', () => {
  it('finder: "no voice" in Romanian, then in English after switching', async () => {
    const el = await finder('ro');
    $(el, '[data-service="clearing"]').click();
    await el.updateComplete;
    const voices = speechSynthesis.getVoices;
    speechSynthesis.getVoices = () => [];
    try {
      $$(el, '.detail-actions button')
        .find((b) => b.textContent!.includes('Citire cu voce tare'))!
        .click();
      await el.updateComplete;
      const note = text($(el, '.action-note'));
      expect(note).to.contain('Dispozitivul nu are voce');
      expect(note).not.to.contain('Ihr Gerät');
      el.lang = 'en';
      await until(() => text($(el, '.action-note')).includes('Your device has no voice'), 5000, 'the English note');
    } finally {
      speechSynthesis.getVoices = voices;
    }
  });

  it('finder: "link copied" in English', async () => {
    const el = await finder('en');
    $(el, '[data-service="schulden"]').click();
    await el.updateComplete;
    const share = (navigator as any).share;
    (navigator as any).share = undefined;
    const write = navigator.clipboard?.writeText;
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => undefined }, configurable: true });
    try {
      $$(el, '.detail-actions button')
        .find((b) => b.textContent!.includes('Share'))!
        .click();
      await until(() => text($(el, '.action-note')).includes('Link copied.'), 5000, 'the note');
    } finally {
      (navigator as any).share = share;
      if (write) Object.defineProperty(navigator, 'clipboard', { value: { writeText: write }, configurable: true });
    }
  });

  it('finder: "your location" in English, in Romanian after switching', async () => {
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 51.49, longitude: 7.45 } } as GeolocationPosition);
    try {
      const el = await finder('en');
      $$(el, 'button')
        .find((b) => b.textContent!.includes('Near me'))!
        .click();
      await until(() => el.shadowRoot!.querySelector('.near-label'), 5000, 'sorted by distance');
      expect(text($(el, '.near-label'))).to.contain('Your location');
      el.lang = 'ro';
      await until(() => text($(el, '.near-label')).includes('Locația actuală'), 5000, 'the Romanian label');
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('contact form: "your details are deleted" in English', async () => {
    const el = (await mount(
      html`<lotse-contact-form id="notes-en" lang="en" endpoint="/api/contact" .feed=${feedCopy()}></lotse-contact-form>`,
    )) as LotseContactForm;
    await until(() => el.shadowRoot!.querySelector('form'), 5000, 'form');
    $(el, '[part="delete-button"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="delivery"]'))).to.contain('Your details have been deleted.');
    el.lang = 'ro';
    await until(() => text($(el, '[part="delivery"]')).includes('Datele au fost șterse.'), 5000, 'the Romanian note');
  });
});
