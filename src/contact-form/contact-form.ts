import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { LotseElement, todayIn } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import type { Feed, Service } from '../core/feed/schema.js';
import { pickText } from '../core/feed/text.js';
import { formatCount, formatTime, languageName, weekdayName } from '../core/format.js';
import { icon } from '../core/icons.js';
import { entryLabel } from '../core/labels.js';
import { mailHref, telHref } from '../core/location-links.js';
import { safeUrl } from '../core/safe-url.js';
import { contactFormStyles } from './contact-form.styles.js';
import {
  CALL_DAYS,
  MAX_MESSAGE,
  METHODS,
  PHONE_METHODS,
  TIMES,
  check,
  emptyFields,
  normalizePhone,
  uuid,
  type ContactBody,
  type Checked,
  type Fields,
  type Method,
  type Problems,
  type TimeOfDay,
  type CallDay,
} from './model.js';
import { Outbox, type Phase } from './outbox.js';
import translations from '../generated/locales/contact-form.js';

export { deliveryOptions } from './delivery.js';
export type { ContactBody } from './model.js';

const METHOD_ICONS: Record<Method, string> = {
  phone: 'phone',
  sms: 'counselling',
  whatsapp: 'whatsapp',
  email: 'mail',
  visit: 'walk',
};

/** A path on this site or an http(s) address (the rule of `safeUrl`), as written; else undefined. */
const siteUrl = (value: string | undefined) => (safeUrl(value, { base: location.href }) ? value!.trim() : undefined);

/**
 * Ask a counselling service for a call-back or an appointment, in one's own language, with
 * as little personal data as possible — and never lose the message.
 *
 * The form asks what it is about (a topic, or a service preset by `service` or by a
 * `lotse-contact-request` event from another Lotse widget), how to reach the person (only the
 * chosen way's detail is asked for), the language of the answer, good times to call, the
 * message and, optionally, a name. It POSTs JSON to `endpoint` with an `Idempotency-Key`
 * header; on network errors, timeouts and 5xx it keeps everything, retries with backoff and
 * when the browser comes back online, and never sends a message twice. Until the message is
 * delivered, a draft is kept in sessionStorage (this tab only) and can be deleted with one
 * button.
 *
 * @summary Ask a counselling service for a call-back or an appointment.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The box listing problems after "Send".
 * @csspart privacy - The privacy notice.
 * @csspart submit-button - "Send message".
 * @csspart delete-button - "Delete my data".
 * @csspart delivery - The delivery status box (sending, not sent yet).
 * @csspart confirmation - The confirmation with the reference number.
 * @fires lotse-contact-sent - The message was delivered: `{ id, serviceId }` (never its contents).
 * @fires lotse-contact-failed - One delivery attempt failed: `{ id, status }` (0 = no connection). Retries follow unless the status is a 4xx.
 * @fires lotse-feed-warning - Some feed entries were skipped or adjusted.
 * @fires lotse-feed-error - The feed cannot be used.
 */
export class LotseContactForm extends LotseElement {
  static override styles = [...LotseElement.styles, contactFormStyles];
  static override properties: PropertyDeclarations = {
    fields: { state: true },
    problems: { state: true },
    note: { state: true },
    kept: { state: true },
    endpoint: {},
    service: {},
    privacyUrl: { attribute: 'privacy-url' },
    recipient: {},
    retentionDays: { attribute: 'retention-days', type: Number },
  };

  protected override readonly translations = translations;

  /** Delivery: the message on its way, retries, the draft. The form renders from its state. */
  private readonly outbox = new Outbox(this, {
    endpoint: () => siteUrl(this.endpoint),
    storageKey: () => this.storageKey,
    draft: () => ({ fields: this.fields, startedAt: this.startedAt }),
    onSent: (message) => {
      this.fields = { ...emptyFields(), serviceId: this.fields.serviceId };
      this.problems = {};
      this.emit('lotse-contact-sent', { id: message.id, serviceId: message.body.serviceId ?? undefined });
      void this.updateComplete.then(() => this.confirmationBox?.focus());
    },
    onFailed: (message, status, rejected) => {
      this.emit('lotse-contact-failed', { id: message.id, status });
      if (rejected) void this.updateComplete.then(() => this.rejectedBox?.focus());
    },
  });

  private get summaryBox() {
    return this.renderRoot.querySelector<HTMLElement>('.error-summary');
  }
  private get confirmationBox() {
    return this.renderRoot.querySelector<HTMLElement>('.confirmation');
  }
  private get rejectedBox() {
    return this.renderRoot.querySelector<HTMLElement>('.rejected');
  }

  private fields: Fields = emptyFields();
  /** Problems found at the last "Send"; shown until the next one. */
  private problems: Problems = {};
  /** A short note for the live region, as a code: its text is made in render, in the widget's language. */
  private note?: 'deleted';
  /** For a feed the worker keeps: the chosen service and the categories in use, from the worker. */
  private kept?: { key: string; service?: Service; categories?: string[] };

  /** Where messages are sent (POST, JSON). Same site or https. Required. */
  endpoint = '';

  /** The id of a service in the feed to write to. Without it, the resident picks a topic. */
  service = '';

  /** Link to the city's full privacy statement (http(s) or a path on the site). */
  privacyUrl = '';

  /** Who receives the messages, named in the privacy notice. Default: the feed's publisher. */
  recipient = '';

  /** After how many days the city deletes messages; said in the privacy notice when set. */
  retentionDays?: number;

  /** @internal Sending locks the fields: focus then stays on "Send", next to the delivery status. */
  protected override focusFallbacks = ['[part="submit-button"]', '#cf-title'];
  /** When the resident began this message (the endpoint's `fillTimeMs` against bots). */
  private startedAt = Date.now();
  private restored = false;
  /** The last question about a kept feed. */
  private keptAsked?: string;

  // ---- Lifecycle ---------------------------------------------------------------------------

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('lotse-contact-request', this.onContactRequest);
    if (!this.restored) {
      this.restored = true;
      const draft = this.outbox.restore();
      if (draft) {
        this.fields = draft.fields;
        this.startedAt = draft.startedAt || Date.now();
      } else if (this.service) {
        this.fields = { ...this.fields, serviceId: this.service };
      }
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('lotse-contact-request', this.onContactRequest);
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // A new `service` from the page (not the first value, which the draft may override).
    if (changed.has('service') && changed.get('service') !== undefined && !this.busy) {
      this.fields = { ...this.fields, serviceId: this.service };
    }
    if (this.keptVersion !== undefined) this.askKept();
  }

  /** The key of what is asked about a kept feed: the feed, the day, the chosen service. */
  private keptKey(): string {
    return JSON.stringify([this.keptVersion, todayIn(this.data!.region.timezone, this.clockTick.now), this.fields.serviceId]);
  }

  /** A kept feed (more than 1,000 services): the chosen service and the categories in use come from the worker. */
  private askKept() {
    const key = this.keptKey();
    if (this.keptAsked === key) return;
    this.keptAsked = key;
    const now = this.clockTick.now.getTime();
    const id = this.fields.serviceId;
    void Promise.all([
      id ? this.askFeed<Service>({ kind: 'service', id, now }) : undefined,
      this.askFeed<string[]>({ kind: 'categories', now }),
    ]).then(([service, categories]) => {
      if (this.keptAsked === key) this.kept = { key, service, categories };
    });
  }

  // ---- Handlers ----------------------------------------------------------------------------

  private onContactRequest = (event: Event) => {
    const id = (event as CustomEvent<{ serviceId?: unknown }>).detail?.serviceId;
    if (typeof id !== 'string' || !id || this.busy) return;
    if (this.phase === 'sent') this.outbox.edit();
    this.setFields({ serviceId: id, topic: '' });
    this.updateComplete.then(() => {
      const title = this.renderRoot.querySelector<HTMLElement>('#cf-title');
      title?.scrollIntoView?.({ block: 'start' });
      title?.focus();
    });
  };

  private async onSubmit(event: Event, feed: Feed) {
    event.preventDefault();
    // A second click, Enter, or a submit during a retry wait: the message is already on its way.
    if (this.busy) return;
    this.problems = check(this.fields, Boolean(this.chosenService()));
    this.outbox.dismissRejection();
    if (Object.keys(this.problems).length) {
      await this.updateComplete;
      this.summaryBox?.focus();
      return;
    }
    const id = uuid();
    this.outbox.submit({ id, body: this.body(feed, id) });
  }

  private onSummaryClick(event: Event, name: Checked) {
    event.preventDefault();
    this.focusField(name);
  }

  private onRetryNow() {
    this.outbox.retryNow();
  }

  /** Stop trying and edit: the message is a new one when sent again. */
  private onEdit() {
    if (this.phase !== 'waiting') return;
    this.keepFocus('.questions :is(input, select, textarea, button)');
    this.outbox.stop();
  }

  private onDelete() {
    this.outbox.discard();
    this.fields = { ...emptyFields(), serviceId: this.service };
    this.problems = {};
    this.startedAt = Date.now();
    this.note = 'deleted';
  }

  private onOtherTopic() {
    this.setFields({ serviceId: '' });
    this.keepFocus('[name="topic"]');
  }

  private onNewMessage() {
    this.outbox.edit();
    this.startedAt = Date.now();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#cf-title')?.focus());
  }

  private onToggleDay(day: CallDay, on: boolean) {
    const days = this.fields.days.filter((d) => d !== day);
    this.setFields({ days: on ? [...days, day] : days });
  }

  private onToggleTime(id: TimeOfDay, on: boolean) {
    const times = this.fields.times.filter((t) => t !== id);
    this.setFields({ times: on ? [...times, id] : times });
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private get storageKey() {
    return `lotse-contact:${this.id || this.endpoint}`;
  }

  private get phase(): Phase {
    return this.outbox.phase;
  }

  /** A message is on its way (being sent, or waiting for the next try). */
  private get busy() {
    return this.outbox.busy;
  }

  private chosenService(): Service | undefined {
    const id = this.fields.serviceId;
    if (!id) return undefined;
    if (this.keptVersion === undefined) return this.currentServices.find((s) => s.id === id);
    return this.kept?.key === this.keptKey() ? this.kept.service : undefined;
  }

  /** Languages for the answer: the service's, else the feed's, else German. */
  private answerLanguages(feed: Feed): string[] {
    const langs = this.chosenService()?.languages ?? feed.languages;
    return langs.length ? langs : ['de'];
  }

  private answerLanguage(feed: Feed): string {
    const langs = this.answerLanguages(feed);
    if (langs.includes(this.fields.language)) return this.fields.language;
    return langs.includes(this.locale) ? this.locale : langs.includes('de') ? 'de' : langs[0];
  }

  private setFields(patch: Partial<Fields>) {
    this.fields = { ...this.fields, ...patch };
    this.note = undefined;
    this.outbox.save();
  }

  private body(feed: Feed, id: string): ContactBody {
    const f = this.fields;
    const service = this.chosenService();
    const method = f.method as Method;
    const phone = PHONE_METHODS.has(method);
    const value = phone ? f.phone.trim() : method === 'email' ? f.email.trim() : '';
    return {
      id,
      createdAt: new Date().toISOString(),
      locale: this.locale,
      serviceId: service?.id ?? null,
      topic: service ? null : f.topic,
      contact: phone ? { method, value, normalized: normalizePhone(value) } : { method, value },
      language: this.answerLanguage(feed),
      times: phone ? TIMES.map(([t]) => t).filter((t) => f.times.includes(t)) : [],
      days: phone ? CALL_DAYS.filter((d) => f.days.includes(d)) : [],
      message: f.message.trim(),
      name: f.name.trim(),
      honeypot: f.honeypot,
      fillTimeMs: Math.max(0, Date.now() - this.startedAt),
    };
  }

  private focusField(name: Checked) {
    const target = this.renderRoot.querySelector<HTMLElement>(
      name === 'topic' || name === 'method' ? `[name="${name}"]:checked, [name="${name}"]` : `#cf-${name}`,
    );
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  // ---- Render ------------------------------------------------------------------------------

  private problemText(name: Checked): string {
    const p = this.problems[name];
    if (!p) return '';
    switch (name) {
      case 'topic':
        return msg('Wählen Sie, worum es geht');
      case 'method':
        return msg('Wählen Sie, wie wir Sie erreichen können');
      case 'phone':
        return p === 'missing'
          ? msg('Geben Sie Ihre Telefonnummer ein')
          : msg('Geben Sie eine Telefonnummer wie 0171 2345678 oder +40 712 345 678 ein');
      case 'email':
        return p === 'missing' ? msg('Geben Sie Ihre E-Mail-Adresse ein') : msg('Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein');
      case 'message':
        return msg(str`Ihre Nachricht darf höchstens ${MAX_MESSAGE} Zeichen lang sein`);
    }
  }

  private renderError(name: Checked) {
    const text = this.problemText(name);
    return text
      ? html`<p class="error-message" id="cf-${name}-error"><span class="visually-hidden">${msg('Fehler:')}</span> ${text}</p>`
      : nothing;
  }

  private describedBy(name: Checked, hint = false) {
    const ids = [hint ? `cf-${name}-hint` : '', this.problems[name] ? `cf-${name}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderSummary() {
    const names = (['topic', 'method', 'phone', 'email', 'message'] as Checked[]).filter((n) => this.problems[n]);
    if (!names.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="cf-summary-title">
      <h3 id="cf-summary-title">${icon('warning')} ${msg('Es gibt ein Problem')}</h3>
      <ul>
        ${names.map((n) => html`<li><a href="#cf-${n}" @click=${(e: Event) => this.onSummaryClick(e, n)}>${this.problemText(n)}</a></li>`)}
      </ul>
    </div>`;
  }

  private renderTopic(feed: Feed) {
    const service = this.chosenService();
    if (service) {
      return html`<div class="preset">
        <span>${icon('counselling')} ${msg('Ihre Nachricht geht an:')}</span>
        <strong>${this.showText(service.name)}</strong>
        <button type="button" @click=${this.onOtherTopic}>${msg('Anderes Thema wählen')}</button>
      </div>`;
    }
    const used = new Set(
      this.keptVersion === undefined ? this.currentServices.flatMap((s) => s.categories) : (this.kept?.categories ?? []),
    );
    const topics = feed.categories.filter((c) => used.has(c.id));
    const invalid = Boolean(this.problems.topic);
    return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby=${this.describedBy('topic')}>
      <legend>${msg('Worum geht es?')}</legend>
      ${this.renderError('topic')}
      <div class="choices">
        ${topics.map((c) =>
          this.renderChoice(
            'topic',
            c.id,
            entryLabel('categories', c, (t) => this.text(t)),
            c.icon ?? c.id,
            invalid,
          ),
        )}
        ${this.renderChoice('topic', 'other', msg('Etwas anderes'), 'info', invalid)}
      </div>
    </fieldset>`;
  }

  private renderChoice(name: 'topic' | 'method', value: string, label: string, iconName: string, invalid: boolean) {
    const id = name === 'topic' ? `cf-topic-${value}` : `cf-method-${value}`;
    return html`<label class="choice" for=${id}>
      <input
        type="radio"
        id=${id}
        name=${name}
        .value=${value}
        .checked=${this.fields[name] === value}
        aria-invalid=${invalid ? 'true' : nothing}
        @change=${() => this.setFields({ [name]: value })}
      />
      ${icon(iconName)}<span>${label}</span>
    </label>`;
  }

  private methodLabel(method: Method): string {
    return {
      phone: () => msg('Anruf'),
      sms: () => msg('SMS'),
      whatsapp: () => msg('WhatsApp'),
      email: () => msg('E-Mail'),
      visit: () => msg('Ich komme vorbei'),
    }[method]();
  }

  private renderMethod() {
    const service = this.chosenService();
    // WhatsApp only where the service uses it (or when the service is not known yet).
    const methods = METHODS.filter((m) => m !== 'whatsapp' || !service || service.contact.whatsapp);
    const invalid = Boolean(this.problems.method);
    const method = this.fields.method;
    return html`<fieldset class=${invalid ? 'invalid' : ''} aria-describedby=${this.describedBy('method')}>
        <legend>${msg('Wie können wir Sie erreichen?')}</legend>
        ${this.renderError('method')}
        <div class="choices">
          ${methods.map((m) => this.renderChoice('method', m, this.methodLabel(m), METHOD_ICONS[m], invalid))}
        </div>
      </fieldset>
      ${PHONE_METHODS.has(method) ? this.renderPhone() : nothing}
      ${method === 'email' ? this.renderInput('email', msg('Ihre E-Mail-Adresse'), 'email', 'email') : nothing}
      ${
        method === 'visit'
          ? html`<p class="hint">${msg('Kommen Sie zu den Öffnungszeiten. Die Beratung weiß dann schon, worum es geht.')}</p>`
          : nothing
      }`;
  }

  private renderPhone() {
    return html`${this.renderInput('phone', msg('Ihre Telefonnummer'), 'tel', 'tel', msg('Zum Beispiel 0171 2345678 oder +40 712 345 678'))}
      <fieldset>
        <legend>${msg('Wann können wir Sie gut anrufen? (freiwillig)')}</legend>
        <div class="choices days">
          ${CALL_DAYS.map(
            (day) => html`<label class="choice day" for="cf-day-${day}">
            <input
              type="checkbox"
              id="cf-day-${day}"
              .checked=${this.fields.days.includes(day)}
              @change=${(e: Event) => this.onToggleDay(day, (e.target as HTMLInputElement).checked)}
            />
            <span>${weekdayName(day, this.locale)}</span>
          </label>`,
          )}
        </div>
        <div class="choices">
          ${TIMES.map(([id, from, to]) => {
            const label = id === 'morning' ? msg('Vormittags') : id === 'afternoon' ? msg('Nachmittags') : msg('Abends');
            const checked = this.fields.times.includes(id);
            return html`<label class="choice" for="cf-time-${id}">
              <input
                type="checkbox"
                id="cf-time-${id}"
                .checked=${checked}
                @change=${(e: Event) => this.onToggleTime(id, (e.target as HTMLInputElement).checked)}
              />
              ${icon('clock')}<span>${label} <span dir="ltr">(${formatTime(from, this.locale)}–${formatTime(to, this.locale)})</span></span>
            </label>`;
          })}
        </div>
      </fieldset>`;
  }

  private renderInput(name: 'phone' | 'email', label: string, type: string, autocomplete: string, hint?: string) {
    const invalid = Boolean(this.problems[name]);
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <label class="label" for="cf-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="cf-${name}-hint">${hint}</p>` : nothing}
      ${this.renderError(name)}
      <input
        id="cf-${name}"
        type=${type}
        dir="ltr"
        autocomplete=${autocomplete}
        spellcheck="false"
        .value=${this.fields[name]}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${this.describedBy(name, Boolean(hint))}
        @input=${(e: Event) => this.setFields({ [name]: (e.target as HTMLInputElement).value })}
      />
    </div>`;
  }

  private renderLanguage(feed: Feed) {
    const langs = this.answerLanguages(feed);
    const chosen = this.answerLanguage(feed);
    return html`<div class="field">
      <label class="label" for="cf-language">${icon('globe')} ${msg('In welcher Sprache sollen wir antworten?')}</label>
      <select id="cf-language" @change=${(e: Event) => this.setFields({ language: (e.target as HTMLSelectElement).value })}>
        ${langs.map((code) => html`<option value=${code} ?selected=${code === chosen}>${languageName(code, this.locale)}</option>`)}
      </select>
    </div>`;
  }

  private renderMessage() {
    const invalid = Boolean(this.problems.message);
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <label class="label" for="cf-message">${msg('Ihre Nachricht (freiwillig)')}</label>
      <p class="hint" id="cf-message-hint">${msg('Sie können in Ihrer Sprache schreiben.')}</p>
      <p class="warning">${icon('warning')} ${msg('Schreiben Sie nichts über Krankheiten, wenn es nicht nötig ist.')}</p>
      ${this.renderError('message')}
      <textarea
        id="cf-message"
        rows="5"
        dir="auto"
        .value=${this.fields.message}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${this.describedBy('message', true)}
        @input=${(e: Event) => this.setFields({ message: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
    </div>`;
  }

  private renderPrivacy(feed: Feed) {
    const service = this.chosenService();
    // The recipient as the city wrote it (an attribute is German), the publisher in its own language.
    const who = this.recipient ? html`<bdi lang="de">${this.recipient}</bdi>` : this.showText(feed.publisher.name);
    const link = siteUrl(this.privacyUrl);
    return html`<div class="privacy" part="privacy">
      ${icon('info')}
      <div>
        <p>
          <strong>${msg('Datenschutz:')}</strong>
          ${
            service
              ? msg(html`Ihre Nachricht geht an ${who} und an ${this.showText(service.name)}.`)
              : msg(html`Ihre Nachricht geht an ${who}.`)
          }
          ${msg('Wir nutzen Ihre Angaben nur, um Ihnen zu antworten.')}
          ${
            this.retentionDays && this.retentionDays > 0
              ? msg(str`Danach löschen wir sie. Wir speichern sie höchstens ${formatCount(this.retentionDays, 'day', this.locale)}.`)
              : nothing
          }
        </p>
        ${link ? html`<p><a href=${link} target="_blank" rel="noopener">${msg('Mehr zum Datenschutz')}</a></p>` : nothing}
      </div>
    </div>`;
  }

  /** Other ways to reach the service when the message cannot be delivered. */
  private renderAlternatives() {
    const contact = this.chosenService()?.contact;
    const phone = contact?.phone?.replace(/[^+\d]/g, '');
    if (!phone && !contact?.email) return nothing;
    return html`<p>
      ${msg('Sie können die Beratung auch direkt erreichen:')}
      ${phone ? html`<a class="button" href=${telHref(phone)}>${icon('phone')} <span dir="ltr">${contact!.phone}</span></a>` : nothing}
      ${contact?.email ? html`<a class="button" href=${mailHref(contact.email)}>${icon('mail')} ${contact.email}</a>` : nothing}
    </p>`;
  }

  private renderDelivery() {
    const { attempts, serverProblem, lastStatus } = this.outbox;
    let text: TemplateResult | string = this.note === 'deleted' ? msg('Ihre Angaben sind gelöscht.') : '';
    if (this.phase === 'sending') text = attempts ? msg('Wird noch einmal gesendet …') : msg('Wird gesendet …');
    else if (this.phase === 'waiting') {
      text = html`<strong>${icon('warning')} ${msg('Noch nicht gesendet.')}</strong>
        ${
          serverProblem
            ? msg('Der Server der Beratung nimmt gerade keine Nachrichten an. Das liegt nicht an Ihnen.')
            : lastStatus
              ? msg('Der Server antwortet gerade nicht.')
              : msg('Keine Verbindung zum Internet.')
        }
        ${msg('Ihre Angaben bleiben hier gespeichert. Wir versuchen es automatisch weiter.')}`;
    }
    return html`<div part="delivery" role="status">${text ? html`<p class="delivery">${text}</p>` : nothing}</div>
      ${
        this.phase === 'waiting'
          ? html`<div class="actions">
              <button type="button" class="primary" @click=${this.onRetryNow}>${icon('refresh')} ${msg('Jetzt noch einmal senden')}</button>
              <button type="button" @click=${this.onEdit}>${msg('Angaben ändern')}</button>
            </div>
            ${attempts >= 2 || serverProblem ? this.renderAlternatives() : nothing}`
          : nothing
      }`;
  }

  private renderRejection() {
    const r = this.outbox.rejection;
    if (!r) return nothing;
    const server = typeof r.message === 'string' ? r.message : r.message ? pickText(r.message, this.locale) : '';
    return html`<div class="rejected" role="alert" tabindex="-1">
      <strong>${icon('warning')} ${msg('Die Nachricht wurde nicht angenommen.')}</strong>
      ${server ? html`<p>${server}</p>` : nothing}
      <p>${msg('Bitte prüfen Sie Ihre Angaben und senden Sie noch einmal.')}</p>
      ${this.renderAlternatives()}
    </div>`;
  }

  private renderSent() {
    const sent = this.outbox.sent!;
    const next = {
      phone: () => msg('Die Beratung ruft Sie an.'),
      sms: () => msg('Die Beratung schreibt Ihnen eine SMS.'),
      whatsapp: () => msg('Die Beratung schreibt Ihnen auf WhatsApp.'),
      email: () => msg('Die Beratung schreibt Ihnen eine E-Mail.'),
      visit: () => msg('Kommen Sie zu den Öffnungszeiten vorbei.'),
    }[sent.method]();
    return html`<section class="confirmation" part="confirmation" tabindex="-1" aria-labelledby="cf-sent-title">
      <h3 id="cf-sent-title">${icon('check')} ${msg('Ihre Nachricht ist angekommen.')}</h3>
      <p>${msg('Ihre Nummer:')} <span class="reference" dir="ltr">${sent.reference}</span></p>
      <p>${msg('Bitte schreiben Sie die Nummer auf.')} ${next}</p>
      <button type="button" @click=${this.onNewMessage}>${msg('Neue Nachricht schreiben')}</button>
    </section>`;
  }

  private renderForm(feed: Feed) {
    if (!siteUrl(this.endpoint)) {
      return html`<div class="state error" part="state" role="alert">
        <p class="title">${icon('warning')} ${msg('Das Formular ist noch nicht eingerichtet.')}</p>
        <p lang="de">Für die Redaktion: Bitte geben Sie im Attribut <code>endpoint</code> die Adresse an, an die Nachrichten gehen (https oder ein Pfad der eigenen Seite).</p>
      </div>`;
    }
    if (this.phase === 'sent' && this.outbox.sent) return this.renderSent();
    return html`<form part="form" novalidate @submit=${(e: Event) => this.onSubmit(e, feed)}>
      ${this.renderSummary()}
      <p class="hint">${msg('Wir brauchen nur wenige Angaben. Ihr Name ist freiwillig.')}</p>
      <fieldset class="questions" ?disabled=${this.busy}>
      ${this.renderTopic(feed)} ${this.renderMethod()} ${this.renderLanguage(feed)} ${this.renderMessage()}
      <div class="field">
        <label class="label" for="cf-name">${msg('Ihr Name (freiwillig)')}</label>
        <input
          id="cf-name"
          type="text"
          dir="auto"
          autocomplete="name"
          .value=${this.fields.name}
          @input=${(e: Event) => this.setFields({ name: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="honeypot">
        <label for="cf-fax">Fax</label>
        <input id="cf-fax" name="fax" type="text" tabindex="-1" autocomplete="off" .value=${this.fields.honeypot}
          @input=${(e: Event) => this.setFields({ honeypot: (e.target as HTMLInputElement).value })} />
      </div>
      </fieldset>
      ${this.renderPrivacy(feed)} ${this.renderRejection()} ${this.renderDelivery()}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" aria-disabled=${this.busy ? 'true' : nothing}>
          ${icon('send')} ${msg('Nachricht senden')}
        </button>
        <button type="button" part="delete-button" @click=${this.onDelete}>${icon('trash')} ${msg('Meine Angaben löschen')}</button>
      </div>
    </form>`;
  }

  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2 id="cf-title" tabindex="-1">${msg('Nachricht an eine Beratung')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed((feed) => this.renderForm(feed))}
    `);
  }
}

defineElement('lotse-contact-form', LotseContactForm);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-contact-form': LotseContactForm;
  }
}
