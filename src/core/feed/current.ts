import type { Service } from './schema.js';

/** Is a service current on `today` (YYYY-MM-DD in the region's zone)? Ended ones never are. */
export function isCurrent(service: Service, today: string): boolean {
  if (service.status === 'ended') return false;
  if (service.validFrom && service.validFrom.slice(0, 10) > today) return false;
  if (service.validUntil && service.validUntil.slice(0, 10) < today) return false;
  return true;
}
