/**
 * Every event a Lotse widget dispatches. All bubble, cross shadow roots (composed) and are
 * prefixed `lotse-`. None carries personal data: no answers, no message contents.
 */
import type { FeedProblem } from './feed/parse.js';

export interface LotseEventDetails {
  /** The feed loaded, but some entries were skipped or adjusted. */
  'lotse-feed-warning': { feed: string; problems: FeedProblem[] };
  /** The feed cannot be used at all; the widget shows an error with a retry button. */
  'lotse-feed-error': { feed: string; problems: FeedProblem[] };
  /** A visitor opened a service's details. */
  'lotse-service-select': { serviceId: string; locationId?: string };
  /** A visitor asked to be contacted by a service; a `<lotse-contact-form>` takes over. */
  'lotse-contact-request': { serviceId: string };
  /** Search text and filters changed (nothing personal; no location). */
  'lotse-search': { query: string; filters: Record<string, string | string[] | boolean> };
  /**
   * The visitor asked to see the services for their steps: step ids and matching service ids,
   * never the answers. Cancelable: a `<lotse-service-finder>` on the page calls
   * `preventDefault()` and shows them; otherwise the quick-check lists them itself.
   */
  'lotse-check-complete': { steps: string[]; services: string[] };
  /** The contact form delivered a message. */
  'lotse-contact-sent': { id: string; serviceId?: string };
  /** The contact form could not deliver (yet); `status` is the HTTP status or 0 offline. */
  'lotse-contact-failed': { id: string; status: number };
}

export type LotseEventName = keyof LotseEventDetails;
export type LotseEvent<K extends LotseEventName> = CustomEvent<LotseEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'lotse-feed-warning': LotseEvent<'lotse-feed-warning'>;
    'lotse-feed-error': LotseEvent<'lotse-feed-error'>;
    'lotse-service-select': LotseEvent<'lotse-service-select'>;
    'lotse-contact-request': LotseEvent<'lotse-contact-request'>;
    'lotse-search': LotseEvent<'lotse-search'>;
    'lotse-check-complete': LotseEvent<'lotse-check-complete'>;
    'lotse-contact-sent': LotseEvent<'lotse-contact-sent'>;
    'lotse-contact-failed': LotseEvent<'lotse-contact-failed'>;
  }
}

/**
 * Listen to a Lotse event with its detail typed; returns the function that stops listening.
 * Typos in the event name are type errors (React's hyphenated `onlotse-…` props are not
 * checked by TypeScript). In React 19 a ref callback may return it as its cleanup:
 *   <lotse-service-finder ref={(el) => el && onLotse(el, 'lotse-service-select', (e) => open(e.detail.serviceId))} />
 */
export function onLotse<K extends LotseEventName>(target: EventTarget, name: K, listener: (event: LotseEvent<K>) => void): () => void {
  const handler = (event: Event) => listener(event as LotseEvent<K>);
  target.addEventListener(name, handler);
  return () => target.removeEventListener(name, handler);
}
