/**
 * Lotse elements in Vue 3 templates (Volar / vue-tsc): `import 'lotse/vue'` once (it also
 * registers the elements), tell Vue that `lotse-*` tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('lotse-')`), then
 *   <lotse-service-finder :feed="feedObject" lang="en" @lotse-service-select="onSelect" />
 * Vue sets known element properties as properties (so `feed` may be an object). Global HTML
 * attributes (`id`, `class`, `style`, `aria-*`, `data-*` …) are accepted under
 * `strictTemplates` (test/types/vue-usage.ts).
 */
import type { DefineComponent, HTMLAttributes } from 'vue';
import type { LotseEventName } from '../index.js';
import type {
  LotseContactFormEvents,
  LotseContactFormProps,
  LotseHoursMapEvents,
  LotseHoursMapProps,
  LotseQuickCheckEvents,
  LotseQuickCheckProps,
  LotseServiceFinderEvents,
  LotseServiceFinderProps,
  LotseVueHandlers,
} from './elements.js';

export * from '../index.js';
export type * from './elements.js';

/** Props of a Lotse element in a Vue template: global HTML attributes, its own inputs, `@lotse-…` handlers. */
type VueProps<P, N extends LotseEventName> = Omit<HTMLAttributes, keyof P> & P & LotseVueHandlers<N>;

declare module 'vue' {
  interface GlobalComponents {
    'lotse-service-finder': DefineComponent<VueProps<LotseServiceFinderProps, LotseServiceFinderEvents>>;
    'lotse-hours-map': DefineComponent<VueProps<LotseHoursMapProps, LotseHoursMapEvents>>;
    'lotse-quick-check': DefineComponent<VueProps<LotseQuickCheckProps, LotseQuickCheckEvents>>;
    'lotse-contact-form': DefineComponent<VueProps<LotseContactFormProps, LotseContactFormEvents>>;
  }
}
