import { html } from 'lit';
import { msg } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';

/**
 * Search and filter local help services.
 *
 * This widget is being built; until then it shows an honest "coming soon" note and how many
 * services the feed offers.
 *
 * @summary Search and filter local help services.
 * @fires lotse-feed-warning - Some feed entries were skipped or adjusted.
 * @fires lotse-feed-error - The feed cannot be used.
 */
export class LotseServiceFinder extends LotseElement {
  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2>${msg('Hilfe finden')}</h2>
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

defineElement('lotse-service-finder', LotseServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-service-finder': LotseServiceFinder;
  }
}
