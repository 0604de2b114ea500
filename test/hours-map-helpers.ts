/** Shared by the hours map's tests (hours-map, hours-map-worker). */
import type { LotseHoursMap } from '../src/hours-map/hours-map.js';

/** Set a filter as a visitor does (a select's value or a checkbox) and wait for the render. */
export async function setFilter(el: LotseHoursMap, name: string, value: string | boolean) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  if (typeof value === 'boolean') (input as HTMLInputElement).checked = value;
  else input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}
