/**
 * Safe links for a service: only tel:, mailto:, http(s) and https://wa.me/ are ever built.
 * Shared by the finder, the hours map, the quick-check and the contact form.
 */
import type { Location } from './feed/schema.js';
import { safeUrl } from './safe-url.js';

/** `tel:` link from a German phone number as editors write it ("0231 / 12 34-5"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export const mailHref = (email: string) => `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`;

/** WhatsApp chat link from a number or a wa.me link. */
export function whatsappHref(value: string): string {
  const digits = value.replace(/^https:\/\/wa\.me\//, '').replace(/\D/g, '');
  return `https://wa.me/${digits}`;
}

/** Only absolute http(s) links survive (the rule of `safeUrl`); anything else becomes undefined. */
export const safeWebHref = (url: string | undefined): string | undefined => safeUrl(url)?.href;

/** "Hafenstraße 12, 44135 Dortmund": the one way every widget writes an address. */
export const addressLine = (location: Location) => `${location.address.street}, ${location.address.postalCode} ${location.address.city}`;

/**
 * Directions on OpenStreetMap (a link, never embedded content): a walking route to the
 * coordinates, or a search for the address when there are none.
 */
export function directionsHref(location: Location): string {
  if (location.geo) {
    const { lat, lon } = location.geo;
    return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=%3B${lat}%2C${lon}#map=17/${lat}/${lon}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLine(location))}`;
}
