import { html } from 'lit';
import { msg } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';

/**
 * Counselling hours (Sprechstunden) on a map and as a timetable.
 *
 * This widget is being built; until then it shows an honest "coming soon" note and how many
 * services the feed offers.
 *
 * @summary Counselling hours (Sprechstunden) on a map and as a timetable.
 * @fires lotse-feed-warning - Some feed entries were skipped or adjusted.
 * @fires lotse-feed-error - The feed cannot be used.
 */
export class LotseHoursMap extends LotseElement {
  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2>${msg('Sprechstunden')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed(
        () => html`<div class="state" part="state" role="status">
          <p class="title">${icon('info')} ${msg('Dieser Teil kommt bald.')}</p>
          <p>${msg('Bis dahin finden Sie alle Angebote in der Angebotssuche.')}</p>
        </div>`,
      )}
    `);
  }
}

defineElement('lotse-hours-map', LotseHoursMap);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-hours-map': LotseHoursMap;
  }
}
