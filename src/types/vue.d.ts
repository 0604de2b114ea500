/**
 * Lotse elements in Vue 3 templates (Volar / vue-tsc): `import 'lotse/vue'` once (it also
 * registers the elements), tell Vue that `lotse-*` tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('lotse-')`), then
 *   <lotse-service-finder :feed="feedObject" lang="en" @lotse-service-select="onSelect" />
 * Vue sets known element properties as properties (so `feed` may be an object).
 */
import type { DefineComponent } from 'vue';
import type {
  LotseContactFormEvents, LotseContactFormProps, LotseHoursMapEvents, LotseHoursMapProps,
  LotseQuickCheckEvents, LotseQuickCheckProps, LotseServiceFinderEvents, LotseServiceFinderProps,
  LotseVueHandlers,
} from './elements.js';

export * from '../index.js';
export type * from './elements.js';

declare module 'vue' {
  interface GlobalComponents {
    'lotse-service-finder': DefineComponent<LotseServiceFinderProps & LotseVueHandlers<LotseServiceFinderEvents>>;
    'lotse-hours-map': DefineComponent<LotseHoursMapProps & LotseVueHandlers<LotseHoursMapEvents>>;
    'lotse-quick-check': DefineComponent<LotseQuickCheckProps & LotseVueHandlers<LotseQuickCheckEvents>>;
    'lotse-contact-form': DefineComponent<LotseContactFormProps & LotseVueHandlers<LotseContactFormEvents>>;
  }
}
