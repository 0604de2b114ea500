/**
 * The widget states of the accessibility audit, to mount in a given box and language: the
 * reflow and text-spacing tests measure each of them.
 */
import { html, render } from 'lit';
import '../src/index.js';
import type { LotseContactForm, LotseHoursMap, LotseQuickCheck, LotseServiceFinder } from '../src/index.js';
import { until } from './helpers.js';

const mapFeed: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
const sampleFeed: Record<string, any> = await (await fetch('/demo/public/services.json')).json();

export interface WidgetState {
  name: string;
  mount(box: HTMLElement, lang: string): Promise<HTMLElement>;
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const settle = async (el: { updateComplete: Promise<unknown> }) => {
  await el.updateComplete;
  await el.updateComplete;
};

/** Long German compounds, as real feeds have them. */
function longNames(feed: Record<string, any>) {
  const copy = structuredClone(feed);
  copy.services[0].name = { de: 'Antidiskriminierungsberatungsstelle Nordstadt', ro: 'Consilierea antidiscriminare' };
  return copy;
}

async function finder(box: HTMLElement, lang: string, feed = sampleFeed) {
  render(
    html`<lotse-service-finder lang=${lang} .now=${'2026-11-24T09:00:00Z'} .feed=${structuredClone(feed)}></lotse-service-finder>`,
    box,
  );
  const el = box.querySelector('lotse-service-finder') as LotseServiceFinder;
  await until(() => $(el, '.card-title'), 8000, 'cards');
  await settle(el);
  return el;
}

async function hoursMap(box: HTMLElement, lang: string, extra: { consent?: string; showMap?: boolean } = {}) {
  render(
    html`<lotse-hours-map lang=${lang} .now=${'2026-11-24T10:30:00+01:00'} .feed=${longNames(mapFeed)}
    consent=${extra.consent ?? ''} ?show-map=${extra.showMap ?? false} tiles="/__tiles/{z}/{x}/{y}.png"></lotse-hours-map>`,
    box,
  );
  const el = box.querySelector('lotse-hours-map') as LotseHoursMap;
  await until(() => $(el, 'li.entry'), 8000, 'list');
  await settle(el);
  return el;
}

async function quickCheck(box: HTMLElement, lang: string) {
  render(html`<lotse-quick-check lang=${lang} .feed=${structuredClone(sampleFeed)}></lotse-quick-check>`, box);
  const el = box.querySelector('lotse-quick-check') as LotseQuickCheck;
  await until(() => $(el, '#qc-heading'), 8000, 'intro');
  await settle(el);
  return el;
}

async function contactForm(box: HTMLElement, lang: string, service = '') {
  render(
    html`<lotse-contact-form id="states-${Math.random().toString(36).slice(2)}" lang=${lang} endpoint="/api/contact"
    service=${service} privacy-url="https://example.org/datenschutz" .feed=${structuredClone(sampleFeed)}></lotse-contact-form>`,
    box,
  );
  const el = box.querySelector('lotse-contact-form') as LotseContactForm;
  await until(() => $(el, 'form'), 8000, 'form');
  await settle(el);
  return el;
}

export const STATES: WidgetState[] = [
  { name: 'finder: list', mount: (box, lang) => finder(box, lang) },
  {
    name: 'finder: filters open',
    mount: async (box, lang) => {
      const el = await finder(box, lang);
      $(el, '.more-filters .toggle')!.click();
      await settle(el);
      return el;
    },
  },
  {
    name: 'finder: detail',
    mount: async (box, lang) => {
      const el = await finder(box, lang);
      $(el, '.card-title')!.click();
      await settle(el);
      return el;
    },
  },
  {
    name: 'finder: empty result and "near me" by district',
    mount: async (box, lang) => {
      const el = await finder(box, lang);
      (el as any).query = 'zzzzqqq';
      (el as any).placeStatus = 'denied';
      await settle(el);
      return el;
    },
  },
  {
    name: 'hours map: list with details',
    mount: async (box, lang) => {
      const el = await hoursMap(box, lang);
      $$(el, 'button.name')[0].click();
      await settle(el);
      return el;
    },
  },
  {
    name: 'hours map: week plan',
    mount: async (box, lang) => {
      const el = await hoursMap(box, lang);
      $$(el, '.segmented button')[1].click();
      await until(() => $(el, '.week .day'), 5000, 'week plan');
      await settle(el);
      return el;
    },
  },
  {
    name: 'hours map: map open',
    mount: async (box, lang) => {
      const el = await hoursMap(box, lang, { consent: 'granted', showMap: true });
      await until(() => $(el, '.leaflet-marker-icon'), 8000, 'markers');
      return el;
    },
  },
  {
    name: 'hours map: map consent',
    mount: (box, lang) => hoursMap(box, lang, { showMap: true }),
  },
  {
    name: 'quick-check: question',
    mount: async (box, lang) => {
      const el = await quickCheck(box, lang);
      $(el, '.nav button.primary')!.click();
      await settle(el);
      return el;
    },
  },
  {
    name: 'quick-check: result',
    mount: async (box, lang) => {
      const el = await quickCheck(box, lang);
      $(el, '.nav button.primary')!.click();
      await settle(el);
      for (let i = 0; i < 12 && $(el, '[part="answer-button"]'); i++) {
        $$(el, '[part="answer-button"]')[0].click();
        await settle(el);
      }
      await until(() => $(el, '.steps'), 5000, 'result');
      return el;
    },
  },
  { name: 'contact form: topics', mount: (box, lang) => contactForm(box, lang) },
  {
    name: 'contact form: errors',
    mount: async (box, lang) => {
      const el = await contactForm(box, lang);
      $<HTMLInputElement>(el, '#cf-method-phone')!.click();
      await settle(el);
      $(el, '[part="submit-button"]')!.click();
      await until(() => $(el, '.error-summary'), 3000, 'errors');
      return el;
    },
  },
  {
    name: 'contact form: sent',
    mount: async (box, lang) => {
      const el = await contactForm(box, lang, sampleFeed.services[0].id);
      $<HTMLInputElement>(el, '#cf-method-visit')!.click();
      await settle(el);
      $(el, '[part="submit-button"]')!.click();
      await until(() => $(el, '.confirmation'), 5000, 'sent');
      return el;
    },
  },
];
