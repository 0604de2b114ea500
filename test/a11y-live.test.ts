/**
 * WCAG 4.1.3 Status Messages: each status message appears in a live region that was already
 * in the page, shown to assistive technology (not display: none), before the message came.
 * A region created together with its text is not reliably announced.
 */
import { expect, html } from '@open-wc/testing';
import '../src/index.js';
import { deliveryOptions } from '../src/contact-form/contact-form.js';
import type { LotseContactForm, LotseHoursMap, LotseQuickCheck, LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, until } from './helpers.js';
import { fold } from './a11y-helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const mapFeed: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const button = (el: Element, label: string) => {
  const found = $$(el, 'button').find((b) => fold(b.textContent).startsWith(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};

/** The live regions of a widget that assistive technology can see now. */
function liveRegions(el: Element): HTMLElement[] {
  return $$(el, '[role="status"], [role="alert"], [aria-live]').filter(
    (r) => r.getAttribute('aria-live') !== 'off' && getComputedStyle(r).display !== 'none' && !r.closest('[hidden], [aria-hidden="true"]'),
  );
}

/** Run `action`; `text` must then be inside a live region that was there (and visible to AT) before. */
async function expectAnnounced(
  el: LotseServiceFinder | LotseHoursMap | LotseQuickCheck | LotseContactForm,
  text: string | RegExp,
  action: () => unknown,
) {
  await el.updateComplete;
  const before = liveRegions(el);
  await action();
  await el.updateComplete;
  await el.updateComplete;
  const match = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
  const region = before.find((r) => r.isConnected && match(fold(r.textContent)));
  const anywhere = fold(el.shadowRoot!.textContent);
  expect(match(anywhere), `"${text}" is shown`).to.equal(true);
  expect(
    region,
    `"${text}" appears in a live region that existed before; regions: ${before.map((r) => `<${r.localName} ${r.className}>`).join(', ')}`,
  ).to.not.equal(undefined);
}

async function finder() {
  const el = (await mount(html`<lotse-service-finder lang="de" .now=${'2026-11-24T09:00:00Z'}
    .feed=${structuredClone(finderFeed)}></lotse-service-finder>`)) as LotseServiceFinder;
  await until(() => $(el, '.card-title'), 5000, 'cards');
  return el;
}

describe('status messages (4.1.3)', () => {
  it('finder: the result count', async () => {
    const el = await finder();
    await expectAnnounced(el, 'Angebote gefunden', () => button(el, 'Kostenlos').click());
  });

  it('finder detail: the note after an action ("no voice")', async () => {
    const el = await finder();
    $(el, '[data-service="clearing"]').click();
    await el.updateComplete;
    const voices = speechSynthesis.getVoices;
    speechSynthesis.getVoices = () => [];
    try {
      await expectAnnounced(el, 'keine Stimme', () => button(el, 'Vorlesen').click());
    } finally {
      speechSynthesis.getVoices = voices;
    }
  });

  it('finder: "near me" without a position says so and offers the district choice', async () => {
    const original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError);
    try {
      const el = await finder();
      await expectAnnounced(el, 'Ihr Standort ist nicht verfügbar', () => button(el, 'In meiner Nähe').click());
      expect($(el, '.place select')).to.not.equal(null);
    } finally {
      navigator.geolocation.getCurrentPosition = original;
    }
  });

  it('quick-check: the progress "Frage n von m", from the first question on', async () => {
    const el = (await mount(html`<lotse-quick-check lang="de" .feed=${feedCopy()}></lotse-quick-check>`)) as LotseQuickCheck;
    await until(() => $(el, '#qc-heading'), 5000, 'intro');
    await expectAnnounced(el, /Frage 1 von \d+/, () => button(el, 'Los geht’s').click());
    await expectAnnounced(el, /Frage 2 von \d+/, () => $$(el, '[part="answer-button"]')[0].click());
  });

  it('hours map: the number of places after a filter', async () => {
    const el = (await mount(html`<lotse-hours-map lang="de" .now=${'2026-11-24T10:30:00+01:00'}
      .feed=${structuredClone(mapFeed)}></lotse-hours-map>`)) as LotseHoursMap;
    await until(() => $(el, 'li.entry'), 5000, 'list');
    await expectAnnounced(el, /\d+ Orte? gefunden/, () => {
      const box = $<HTMLInputElement>(el, '[name="openNow"]');
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
  });

  describe('contact form', () => {
    const defaults = { ...deliveryOptions, retryDelaysMs: [...deliveryOptions.retryDelaysMs] };
    const original = window.fetch;
    afterEach(() => {
      window.fetch = original;
      Object.assign(deliveryOptions, defaults);
      sessionStorage.clear();
    });

    async function filled() {
      const el = (await mount(html`<lotse-contact-form id="live-${Math.random().toString(36).slice(2)}" lang="de"
        endpoint="/api/contact" .feed=${feedCopy()}></lotse-contact-form>`)) as LotseContactForm;
      await until(() => $(el, 'form'), 3000, 'form');
      $<HTMLInputElement>(el, '#cf-topic-health').click();
      await el.updateComplete;
      $<HTMLInputElement>(el, '#cf-method-visit').click();
      await el.updateComplete;
      return el;
    }

    it('"sending", then "not sent yet" while offline', async () => {
      window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
      deliveryOptions.retryDelaysMs = [60_000];
      const el = await filled();
      await expectAnnounced(el, 'Noch nicht gesendet', async () => {
        $<HTMLButtonElement>(el, '[part="submit-button"]').click();
        await until(() => (el as any).phase === 'waiting', 3000, 'waiting');
      });
    });

    it('"your data is deleted"', async () => {
      const el = await filled();
      await expectAnnounced(el, 'Ihre Angaben sind gelöscht', () => $(el, '[part="delete-button"]').click());
    });
  });
});
