/**
 * Lotse elements in React 19 JSX: `import 'lotse/react'` once (it also registers the
 * elements), then
 *   <lotse-service-finder feed={feedObject} lang="en" onlotse-service-select={(e) => e.detail.serviceId} />
 * React 19 sets known element properties as properties (so `feed` may be an object) and
 * turns `on<event-name>` into an event listener.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LotseContactForm, LotseEventName, LotseHoursMap, LotseQuickCheck, LotseServiceFinder } from '../index.js';
import type {
  LotseContactFormEvents,
  LotseContactFormProps,
  LotseHoursMapEvents,
  LotseHoursMapProps,
  LotseQuickCheckEvents,
  LotseQuickCheckProps,
  LotseReactHandlers,
  LotseServiceFinderEvents,
  LotseServiceFinderProps,
} from './elements.js';

export * from '../index.js';
export type * from './elements.js';

/** React props of a Lotse element: HTML attributes, its own inputs and `on<event>` handlers. */
type ReactProps<E extends HTMLElement, P, N extends LotseEventName> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> &
  P &
  LotseReactHandlers<N>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'lotse-service-finder': ReactProps<LotseServiceFinder, LotseServiceFinderProps, LotseServiceFinderEvents>;
      'lotse-hours-map': ReactProps<LotseHoursMap, LotseHoursMapProps, LotseHoursMapEvents>;
      'lotse-quick-check': ReactProps<LotseQuickCheck, LotseQuickCheckProps, LotseQuickCheckEvents>;
      'lotse-contact-form': ReactProps<LotseContactForm, LotseContactFormProps, LotseContactFormEvents>;
    }
  }
}
