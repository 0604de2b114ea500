/**
 * The inputs and events of each Lotse element, for framework type entry points
 * (lotse/react, lotse/vue). Property names are the elements' JavaScript properties; the
 * hyphenated attribute names are listed too, for templates that set attributes.
 */
import type { LotseEvent, LotseEventName } from '../index.js';

/** `lotse-service-select` → `lotseServiceSelect`. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** React 19 style handlers: `onlotse-service-select`. */
export type LotseReactHandlers<N extends LotseEventName> = {
  [K in N as `on${K}`]?: (event: LotseEvent<K>) => void;
};
/** Vue style handlers (`@lotse-service-select` in a template): `onLotseServiceSelect`. */
export type LotseVueHandlers<N extends LotseEventName> = {
  [K in N as `on${Capitalize<Camel<K>>}`]?: (event: LotseEvent<K>) => void;
};

type FeedEvents = 'lotse-feed-warning' | 'lotse-feed-error';

/** What every widget takes. */
export interface LotseCommonProps {
  /** Feed URL, or (as a property) a feed object. */
  feed?: string | object;
  /** de, en, ro, bg, tr, ar, uk or pl; empty: the visitor's choice, then the page's language. */
  lang?: string;
}

export interface LotseServiceFinderProps extends LotseCommonProps {
  categories?: string;
  district?: string;
  view?: 'list' | 'compact';
  pageSize?: number;
  'page-size'?: number | string;
  urlState?: boolean;
  'url-state'?: boolean | '';
  now?: Date | string;
}
export type LotseServiceFinderEvents = FeedEvents | 'lotse-search' | 'lotse-service-select' | 'lotse-contact-request';

export interface LotseHoursMapProps extends LotseCommonProps {
  tiles?: string;
  attribution?: string;
  consent?: 'granted' | '';
  showMap?: boolean;
  'show-map'?: boolean | '';
  now?: Date | string;
}
export type LotseHoursMapEvents = FeedEvents | 'lotse-service-select' | 'lotse-contact-request';

export interface LotseQuickCheckProps extends LotseCommonProps {
  urlState?: boolean;
  'url-state'?: boolean | '';
  now?: Date | string;
}
export type LotseQuickCheckEvents = FeedEvents | 'lotse-check-complete';

export interface LotseContactFormProps extends LotseCommonProps {
  endpoint?: string;
  service?: string;
  privacyUrl?: string;
  'privacy-url'?: string;
  recipient?: string;
  retentionDays?: number;
  'retention-days'?: number | string;
  now?: Date | string;
}
export type LotseContactFormEvents = FeedEvents | 'lotse-contact-sent' | 'lotse-contact-failed';
