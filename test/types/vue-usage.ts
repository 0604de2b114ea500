/**
 * Type-check fixture, not run: what vue-tsc checks in a template under `strictTemplates` is
 * the component's props type. Every line below is an attribute set a Vue template could
 * write on a Lotse element; `@ts-expect-error` lines must really be errors.
 * (vue-tsc itself needs TypeScript's JS API, which the TypeScript 7 compiler does not have;
 * the props type is what it would check.)
 */
import type {} from '../../src/types/vue.js';
import type { GlobalComponents } from 'vue';

type PropsOf<T> = T extends new (...args: never[]) => { $props: infer P } ? P : never;
type Finder = PropsOf<GlobalComponents['lotse-service-finder']>;
type Form = PropsOf<GlobalComponents['lotse-contact-form']>;

export const globalAttributes: Finder = {
  id: 'finder',
  class: 'city-finder',
  style: 'margin: 0',
  title: 'Hilfe finden',
  hidden: false,
  tabindex: 0,
  role: 'region',
  'aria-label': 'Hilfe finden',
  'aria-describedby': 'intro',
  lang: 'ro',
  feed: { version: 1 },
  pageSize: 10,
  view: 'compact',
  onLotseServiceSelect: (event) => event.detail.serviceId.toUpperCase(),
};
export const form: Form = { id: 'kontakt', endpoint: '/api/lotse-kontakt', retentionDays: 30, onLotseContactSent: (e) => e.detail.id };

// @ts-expect-error view is list or compact
export const badView: Finder = { view: 'grid' };
// @ts-expect-error the detail of lotse-service-select has no "query"
export const badDetail: Finder = { onLotseServiceSelect: (event) => event.detail.query };
