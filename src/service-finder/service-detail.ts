/**
 * The detail view of one service: what it does, where and when, how to reach it, and the
 * actions print (a one-page routing slip), share, ask for contact and read aloud.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { icon } from '../core/icons.js';
import type { Feed, Location, Service, Text } from '../core/feed/schema.js';
import { textLanguage } from '../core/feed/text.js';
import { formatDate, formatList, formatTimeRange, isolate, languageList, languageName, weekdayName } from '../core/format.js';
import { vocabularyEntry, vocabularyLabel, type Vocabulary } from '../core/labels.js';
import { addressLine, directionsHref, mailHref, safeWebHref, telHref, whatsappHref } from '../core/location-links.js';
import { openingWords } from '../core/opening-text.js';
import { minutesOf, slotLanguages } from '../core/slots.js';
import { serviceStatus, type Clock } from '../core/time/opening.js';
import { printOnly, shareLink } from '../core/share-print.js';
import type { Slot } from '../core/feed/schema.js';
import { WEEKDAYS } from '../core/feed/constants.js';

export { detailStyles } from './service-detail.styles.js';

export interface DetailContext {
  locale: string;
  text(value: Text | undefined): string;
  /** The same text for rendering, marked with its own language when it falls back. */
  showText(value: Text | undefined): TemplateResult | string;
  clock: Clock;
  /**
   * Feedback after an action ("Link copied", "No voice for Romanian"), shown in a live region.
   * A function, so that its text is made in render, in the widget's current language.
   */
  note?: (locale: string) => string;
  setNote(note: (locale: string) => string): void;
  close(): void;
  requestContact(serviceId: string): void;
  /** Is there a `<lotse-contact-form>` on the page to take over? */
  canRequestContact: boolean;
  distance?: string;
  host: HTMLElement;
}

function slotWords(slot: Slot, service: Service, locale: string): string {
  const kind = slot.kind === 'walk-in' ? msg('offene Sprechstunde') : msg('mit Termin');
  return [kind, languageList(slotLanguages(slot, service), locale)].filter(Boolean).join(' · ');
}

/** The weekly hours as a table: one row per day, each slot with time, kind and language. */
function hoursTable(ctx: DetailContext, service: Service, location: Location) {
  if (!location.hours.length) return html`<p>${msg('Keine festen Zeiten. Bitte anrufen oder schreiben.')}</p>`;
  const rows = WEEKDAYS.map((day) => ({
    day,
    slots: location.hours.filter((s) => s.days.includes(day)).sort((a, b) => a.opens.localeCompare(b.opens)),
  })).filter((row) => row.slots.length);
  return html`<table class="hours">
    <caption class="visually-hidden">${msg('Öffnungszeiten')}</caption>
    <tbody>
      ${rows.map(
        ({ day, slots }) => html`<tr ?data-today=${day === ctx.clock.weekday}>
          <th scope="row">${weekdayName(day, ctx.locale)}</th>
          <td>
            <ul>
              ${slots.map(
                (slot) => html`<li>
                  <strong>${formatTimeRange(minutesOf(slot.opens), minutesOf(slot.closes), ctx.locale)}</strong>
                  <span>${slotWords(slot, service, ctx.locale)}</span>
                  ${slot.note ? html`<span class="note">${ctx.showText(slot.note)}</span>` : nothing}
                </li>`,
              )}
            </ul>
          </td>
        </tr>`,
      )}
    </tbody>
  </table>
  ${location.publicHolidays === 'closed' ? html`<p class="hint">${msg('An Feiertagen geschlossen.')}</p>` : nothing}
  ${location.closures
    .filter((c) => c.to.slice(0, 10) >= ctx.clock.today)
    .map(
      (c) => html`<p class="notice">${icon('calendar')}
      ${msg(str`Geschlossen vom ${formatDate(c.from, ctx.locale, 'medium')} bis ${formatDate(c.to, ctx.locale, 'medium')}`)}${c.note ? html` – ${ctx.showText(c.note)}` : nothing}</p>`,
    )}`;
}

function renderLocation(ctx: DetailContext, service: Service, location: Location, districtLabel: string | undefined) {
  return html`<section class="location" aria-labelledby="loc-${location.id}">
    <h4 id="loc-${location.id}">${icon('pin')} ${location.name ? ctx.showText(location.name) : addressLine(location)}</h4>
    <p class="address">
      ${location.name ? html`${addressLine(location)}<br />` : nothing}
      ${districtLabel ? html`<span class="district">${districtLabel}</span>` : nothing}
    </p>
    ${
      location.accessibility?.wheelchair !== undefined || location.accessibility?.note
        ? html`<p class="hint">${icon('wheelchair')}
          ${location.accessibility.wheelchair ? msg('Mit Rollstuhl erreichbar') : location.accessibility.wheelchair === false ? msg('Nicht barrierefrei') : nothing}
          ${location.accessibility.note ? ctx.showText(location.accessibility.note) : nothing}</p>`
        : nothing
    }
    <a class="button action" part="action" href=${directionsHref(location)} target="_blank" rel="noopener noreferrer">
      ${icon('route')} ${msg('Weg zeigen')}<span class="visually-hidden"> (OpenStreetMap, ${msg('neues Fenster')})</span>
    </a>
    ${hoursTable(ctx, service, location)}
  </section>`;
}

/** Text for read-aloud: what a person needs to hear, in the language shown. */
function spokenText(ctx: DetailContext, service: Service): string {
  const status = serviceStatus(service.locations, ctx.clock);
  const words = openingWords(status, ctx.clock, ctx.locale);
  const where = service.locations.map(addressLine).join('. ');
  return [ctx.text(service.name), ctx.text(service.summary), ctx.text(service.description), words.text, words.languages, where]
    .filter(Boolean)
    .join('. ');
}

function readAloud(ctx: DetailContext, service: Service) {
  const speech = globalThis.speechSynthesis;
  if (!speech || typeof SpeechSynthesisUtterance === 'undefined') {
    ctx.setNote(() => msg('Vorlesen ist auf diesem Gerät nicht möglich.'));
    return;
  }
  if (speech.speaking) {
    speech.cancel();
    ctx.setNote(() => msg('Vorlesen beendet.'));
    return;
  }
  // The description may fall back to another language than the UI: read in that one.
  const lang = textLanguage(service.description || service.summary, ctx.locale);
  const voice = speech.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
  if (!voice) {
    ctx.setNote((locale) =>
      msg(str`Ihr Gerät hat keine Stimme für ${languageName(lang, locale)}. Bitten Sie jemanden, Ihnen den Text vorzulesen.`),
    );
    return;
  }
  const utterance = new SpeechSynthesisUtterance(spokenText(ctx, service));
  utterance.lang = voice.lang;
  utterance.voice = voice;
  speech.speak(utterance);
  ctx.setNote(() => msg('Wird vorgelesen … Noch einmal tippen zum Beenden.'));
}

/** Share the link to this service: Web Share where there is one, else copy the link. */
async function share(ctx: DetailContext, service: Service) {
  const url = new URL(location.href);
  url.searchParams.set('lotse-service', service.id);
  const result = await shareLink({ title: ctx.text(service.name), text: ctx.text(service.summary), url: url.href });
  if (result === 'copied') ctx.setNote(() => msg('Link kopiert.'));
  else if (result === 'manual') ctx.setNote(() => msg(str`Bitte kopieren Sie diesen Link: ${isolate(url.href)}`));
}

export function renderDetail(ctx: DetailContext, service: Service, feed: Feed) {
  const status = serviceStatus(service.locations, ctx.clock);
  const words = openingWords(status, ctx.clock, ctx.locale);
  const closed = service.status === 'temporarily-closed';
  const { contact } = service;
  const website = safeWebHref(contact.website);
  const needsNot = [
    service.requirements.noInsuranceNeeded && msg('Krankenversicherung'),
    service.requirements.noRegistrationNeeded && msg('Anmeldung (Meldeadresse)'),
    service.requirements.anonymous && msg('Ihren Namen – Sie können anonym bleiben'),
  ].filter(Boolean) as string[];
  const label = (vocabulary: Vocabulary, id: string) => vocabularyLabel(feed, vocabulary, id, ctx.text);

  return html`<article class="detail" part="detail" aria-labelledby="lotse-detail-title">
    <button class="back no-print" @click=${ctx.close}>${icon('back')} ${msg('Zurück zur Liste')}</button>
    <h3 id="lotse-detail-title" tabindex="-1">${ctx.showText(service.name)}</h3>
    <p class="summary">${ctx.showText(service.summary)}</p>
    ${
      closed
        ? html`<p class="notice closed" role="note">${icon('warning')} ${msg('Vorübergehend geschlossen.')}
          ${service.statusNote ? ctx.showText(service.statusNote) : nothing}</p>`
        : html`<p class="meta opening ${words.tone}">${icon('clock')} ${words.text}${words.languages ? html` · ${words.languages}` : nothing}</p>`
    }
    ${ctx.distance ? html`<p class="meta">${icon('pin')} ${ctx.distance}</p>` : nothing}
    <p class="badges">
      ${service.free ? html`<span class="badge free">${icon('free')} ${msg('Kostenlos')}</span>` : nothing}
      <span class="badge">${icon(service.access === 'appointment' ? 'calendar' : 'walk')}
        ${service.access === 'walk-in' ? msg('Ohne Termin') : service.access === 'appointment' ? msg('Mit Termin') : msg('Mit oder ohne Termin')}</span>
      ${service.categories.map((id) => html`<span class="badge">${icon(vocabularyEntry(feed, 'categories', id)?.icon ?? id)} ${label('categories', id)}</span>`)}
    </p>
    ${service.description ? html`<p class="description">${ctx.showText(service.description)}</p>` : nothing}
    ${
      needsNot.length
        ? html`<div class="needs"><h4>${msg('Das brauchen Sie nicht:')}</h4>
        <ul>${needsNot.map((n) => html`<li>${icon('check')} ${n}</li>`)}</ul></div>`
        : nothing
    }
    <p class="meta">${icon('globe')} ${msg('Hier spricht man:')} ${languageList(service.languages, ctx.locale)}</p>
    ${
      service.audiences.length
        ? html`<p class="meta">${msg('Für:')} ${formatList(
            service.audiences.map((a) => label('audiences', a)),
            ctx.locale,
          )}</p>`
        : nothing
    }
    ${service.provider ? html`<p class="meta">${msg('Anbieter:')} ${ctx.showText(service.provider.name)}</p>` : nothing}

    <div class="contact-actions" role="group" aria-label=${msg('Kontakt')}>
      ${contact.phone ? html`<a class="button primary action" part="action" href=${telHref(contact.phone)}>${icon('phone')} ${msg('Anrufen')} <span dir="ltr">${contact.phone}</span></a>` : nothing}
      ${contact.whatsapp ? html`<a class="button action" part="action" href=${whatsappHref(contact.whatsapp)} target="_blank" rel="noopener noreferrer">${icon('whatsapp')} WhatsApp</a>` : nothing}
      ${contact.email ? html`<a class="button action" part="action" href=${mailHref(contact.email)}>${icon('mail')} ${msg('E-Mail')}</a>` : nothing}
      ${website ? html`<a class="button action" part="action" href=${website} target="_blank" rel="noopener noreferrer">${icon('web')} ${msg('Webseite')}<span class="visually-hidden"> (${msg('neues Fenster')})</span></a>` : nothing}
    </div>

    ${
      service.locations.length
        ? service.locations.map((l) => renderLocation(ctx, service, l, l.district ? label('districts', l.district) : undefined))
        : html`<p class="notice">${icon('info')} ${msg('Dieses Angebot hat keinen festen Ort. Bitte anrufen oder schreiben.')}</p>`
    }

    ${service.lastChecked ? html`<p class="hint">${msg(str`Zuletzt geprüft: ${formatDate(service.lastChecked, ctx.locale)}`)}</p>` : nothing}

    <div class="detail-actions no-print" role="group" aria-label=${msg('Aktionen')}>
      <button part="action" @click=${() => printOnly(ctx.host)}>${icon('print')} ${msg('Drucken')}</button>
      <button part="action" @click=${() => share(ctx, service)}>${icon('share')} ${msg('Teilen')}</button>
      <button part="action" @click=${() => readAloud(ctx, service)}>${icon('speaker')} ${msg('Vorlesen')}</button>
      ${
        ctx.canRequestContact
          ? html`<button part="action" class="primary" @click=${() => ctx.requestContact(service.id)}>${icon('send')} ${msg('Um Rückruf bitten')}</button>`
          : nothing
      }
    </div>
    <p class="action-note" role="status" aria-live="polite">${ctx.note?.(ctx.locale) ?? ''}</p>
  </article>`;
}
