/**
 * Lotse: all four widgets in one module, the copy-paste embed for a CMS page.
 *   <script type="module" src=".../lotse.js"></script>
 *   <lotse-service-finder feed="/services.json"></lotse-service-finder>
 */
export { LotseServiceFinder } from './service-finder/service-finder.js';
export { LotseHoursMap } from './hours-map/hours-map.js';
export { LotseQuickCheck } from './quick-check/quick-check.js';
export { LotseContactForm } from './contact-form/contact-form.js';
export { LotseElement } from './core/base-element.js';
export type { FeedProblem, ParseResult } from './core/feed/parse.js';
export type { Feed, Service, Location, Slot, Closure, Text, Region, VocabularyEntry } from './core/feed/schema.js';
export { onLotse, type LotseEventDetails, type LotseEventName, type LotseEvent } from './core/events.js';
export { LOCALES, type Locale } from './core/i18n.js';
