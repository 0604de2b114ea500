/**
 * WCAG 2.4.3 Focus Order, 2.2.2: every action that re-renders away the focused control moves
 * focus to a named element inside the widget (never <body>), and a timed refresh of a list
 * keeps focus on the same entry (keyed rendering), whatever the new order.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { deliveryOptions } from '../src/contact-form/contact-form.js';
import type { LotseContactForm, LotseHoursMap, LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, until } from './helpers.js';
import { deepActive, expectFocusInside, fold } from './a11y-helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const mapFeed: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
/** Tuesday 24 November 2026, 10:00 / 10:30 in Berlin. */
const TUESDAY_10 = '2026-11-24T09:00:00Z';
const TUESDAY_1030 = '2026-11-24T10:30:00+01:00';
const TUESDAY_1201 = '2026-11-24T12:01:00+01:00';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const button = (el: Element, label: string) => {
  const found = $$(el, 'button').find((b) => fold(b.textContent).startsWith(label));
  if (!found) throw new Error(`no button "${label}"`);
  return found as HTMLButtonElement;
};
/** Activate a control as a keyboard user does: focused first, then pressed. */
async function press(el: { updateComplete: Promise<unknown> }, target: HTMLElement) {
  target.focus();
  expect(deepActive()).to.equal(target);
  target.click();
  await el.updateComplete;
  await el.updateComplete;
}

async function finder(attrs: { pageSize?: number } = {}) {
  const el = (await mount(html`<lotse-service-finder lang="de" page-size=${attrs.pageSize ?? 20}
    .now=${TUESDAY_10} .feed=${structuredClone(finderFeed)}></lotse-service-finder>`)) as LotseServiceFinder;
  await until(() => $(el, '.card-title'), 5000, 'cards');
  await until(() => (el as any).search?.index, 5000, 'search index');
  await el.updateComplete;
  return el;
}

async function hoursMap(now = TUESDAY_1030) {
  const el = (await mount(html`<lotse-hours-map lang="de" .now=${now} .feed=${structuredClone(mapFeed)}
    tiles="/__tiles/{z}/{x}/{y}.png"></lotse-hours-map>`)) as LotseHoursMap;
  await until(() => $(el, 'li.entry'), 5000, 'list');
  return el;
}

describe('focus is never lost (2.4.3)', () => {
  describe('service finder', () => {
    it('after the last "Mehr zeigen": on the first new result', async () => {
      const el = await finder({ pageSize: 2 });
      const first = $$(el, '.card-title').length;
      await press(el, button(el, 'Mehr zeigen'));
      expect($(el, '.more')).to.equal(null);
      const active = expectFocusInside(el, '"Mehr zeigen"');
      expect(active).to.equal($$(el, '.card-title')[first]);
    });

    it('after an "Ohne „Thema“" chip: on the first result', async () => {
      const el = await finder();
      (el as any).selection = { category: ['health'], language: ['tr'] };
      await el.updateComplete;
      await press(el, button(el, 'Ohne „Thema“'));
      expect($(el, '.empty')).to.equal(null);
      expect(expectFocusInside(el, '"Ohne Thema"')).to.equal($(el, '.card-title'));
    });

    it('a timed refresh keeps focus on the same entry when the list changes under it', async () => {
      const el = await finder();
      await press(el, button(el, 'Jetzt offen'));
      const schulden = $(el, '[data-service="schulden"]')!;
      expect($$(el, '.card-title').map((b) => b.dataset.service)).to.deep.equal(['clearing', 'schulden']);
      schulden.focus();
      // The clock of the refresh: 12:01, the Clearingstelle closes and leaves the list.
      el.now = '2026-11-24T11:01:00Z';
      (el as any).clockTick.tick();
      await el.updateComplete;
      expect($$(el, '.card-title').map((b) => b.dataset.service)).to.deep.equal(['schulden']);
      expect(deepActive()).to.equal(schulden);
      expect(deepActive()!.dataset.service).to.equal('schulden');
    });
  });

  describe('hours map', () => {
    afterEach(() => localStorage.removeItem('lotse-map-consent'));

    it('after "Karte laden": on "Karte nicht mehr laden"', async () => {
      const el = await hoursMap();
      await press(el, button(el, 'Karte zeigen'));
      await press(el, button(el, 'Karte laden'));
      expect(fold(expectFocusInside(el, '"Karte laden"').textContent)).to.equal('Karte nicht mehr laden');
    });

    it('after "Karte nicht mehr laden": on "Karte laden"', async () => {
      const el = await hoursMap();
      await press(el, button(el, 'Karte zeigen'));
      await press(el, button(el, 'Karte laden'));
      await press(el, button(el, 'Karte nicht mehr laden'));
      expect(fold(expectFocusInside(el, '"Karte nicht mehr laden"').textContent)).to.equal('Karte laden');
    });

    for (const where of ['empty result', 'filter form']) {
      it(`after "Filter löschen" (${where}): on the first filter`, async () => {
        const el = await hoursMap();
        const select = $<HTMLSelectElement>(el, '#f-day')!;
        select.value = where === 'empty result' ? 'su' : 'tu';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        if (where === 'empty result') {
          const time = $<HTMLSelectElement>(el, '#f-time')!;
          time.value = 'afternoon';
          time.dispatchEvent(new Event('change', { bubbles: true }));
          await el.updateComplete;
        }
        const reset = where === 'empty result' ? $(el, '.state button')! : $(el, '.filters .reset')!;
        await press(el, reset);
        expect($(el, '.filters .reset')).to.equal(null);
        expect(expectFocusInside(el, '"Filter löschen"').id).to.equal('f-day');
      });
    }

    it('a timed refresh keeps focus on the same place when the list re-sorts (12:00)', async () => {
      const el = await hoursMap();
      const keys = () => $$(el, 'li.entry').map((li) => li.dataset.key);
      expect(keys().slice(0, 2)).to.deep.equal(['clearing/main', 'mieterhilfe/buero']);
      const name = $(el, 'li[data-key="mieterhilfe/buero"] button.name')!;
      name.focus();
      el.now = TUESDAY_1201;
      (el as any).clockTick.tick();
      await el.updateComplete;
      expect(keys()[0]).to.equal('mieterhilfe/buero');
      expect(deepActive()).to.equal(name);
      expect(fold(deepActive()!.textContent)).to.contain('Mieterhilfe');
    });
  });

  describe('contact form', () => {
    const defaults = { ...deliveryOptions, retryDelaysMs: [...deliveryOptions.retryDelaysMs] };
    let restoreFetch: (() => void) | undefined;
    const stubFetch = (answer: () => Promise<Response>) => {
      const original = window.fetch;
      window.fetch = (() => answer()) as typeof fetch;
      restoreFetch = () => (window.fetch = original);
    };
    beforeEach(() => sessionStorage.clear());
    afterEach(() => {
      restoreFetch?.();
      restoreFetch = undefined;
      Object.assign(deliveryOptions, defaults);
      sessionStorage.clear();
    });

    async function form(service = '') {
      const el = (await mount(html`<lotse-contact-form id="focus-${Math.random().toString(36).slice(2)}" lang="de"
        endpoint="/api/contact" service=${service} .feed=${feedCopy()}></lotse-contact-form>`)) as LotseContactForm;
      await until(() => $(el, 'form'), 3000, 'form');
      return el;
    }
    async function fill(el: LotseContactForm) {
      $<HTMLInputElement>(el, '#cf-topic-health')?.click();
      await el.updateComplete;
      $<HTMLInputElement>(el, '#cf-method-phone')!.click();
      await el.updateComplete;
      const phone = $<HTMLInputElement>(el, '#cf-phone')!;
      phone.value = '0171 2345678';
      phone.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }

    it('after Enter in a field (the fields are locked while sending): on "Nachricht senden"', async () => {
      stubFetch(() => new Promise(() => {}));
      deliveryOptions.timeoutMs = 60_000;
      const el = await form();
      await fill(el);
      $(el, '#cf-phone')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => (el as any).phase === 'sending', 3000, 'sending');
      await el.updateComplete;
      expect(expectFocusInside(el, 'Enter in a field')).to.equal($(el, '[part="submit-button"]'));
    });

    it('after "Jetzt noch einmal senden": on "Nachricht senden"', async () => {
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      deliveryOptions.retryDelaysMs = [60_000];
      const el = await form();
      await fill(el);
      $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
      await until(() => (el as any).phase === 'waiting', 3000, 'waiting');
      await el.updateComplete;
      stubFetch(() => new Promise(() => {}));
      await press(el, button(el, 'Jetzt noch einmal senden'));
      expect(expectFocusInside(el, '"Jetzt noch einmal senden"')).to.equal($(el, '[part="submit-button"]'));
    });

    it('after "Angaben ändern": on the first field', async () => {
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      deliveryOptions.retryDelaysMs = [60_000];
      const el = await form();
      await fill(el);
      $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
      await until(() => (el as any).phase === 'waiting', 3000, 'waiting');
      await el.updateComplete;
      await press(el, button(el, 'Angaben ändern'));
      const active = expectFocusInside(el, '"Angaben ändern"');
      expect(active.closest('.questions'), 'a field of the form').to.not.equal(null);
    });

    it('after "Anderes Thema wählen": on the first topic', async () => {
      const el = await form('clearing');
      await press(el, button(el, 'Anderes Thema wählen'));
      const active = expectFocusInside(el, '"Anderes Thema wählen"');
      expect((active as HTMLInputElement).name).to.equal('topic');
    });
  });
});
