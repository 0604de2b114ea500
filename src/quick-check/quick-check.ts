import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { LotseElement, todayIn } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';
import { formatDate, formatList, isolate } from '../core/format.js';
import { textLanguage } from '../core/feed/text.js';
import { openingWords } from '../core/opening-text.js';
import { addressLine, telHref } from '../core/location-links.js';
import { printOnly, shareLink } from '../core/share-print.js';
import type { Feed, Service, Text } from '../core/feed/schema.js';
import { createClock, serviceStatus, type Clock } from '../core/time/opening.js';
import type { FeedProblem } from '../core/feed/parse.js';
import { servicesForStep } from './step-services.js';
import { RESULT, UNKNOWN, applicableSteps, isReviewed, nextAfter, reasons, remainingAfter, type Flow, type Step } from './flow.js';
import { quickCheckStyles } from './quick-check.styles.js';
import { hasFlowLanguage, loadDefaultFlow, loadFlowLanguage } from './flow-languages.js';
import type { Locale } from '../core/locales.js';
import translations from '../generated/locales/quick-check.js';

const HASH_KEY = 'lotse-check=';

/**
 * A few plain questions, one per screen, that lead to a personal, ordered checklist of next
 * steps ("Laufzettel"), each with the reason, what to bring, a legal reference and the local
 * services that help, with their next opening. It is orientation, never a legal decision.
 *
 * Nothing about the answers is stored or sent: they live in memory only, unless the page
 * opts in to keeping them in the address (`url-state`). The flow is data: the built-in
 * default for newly arrived EU citizens, which a feed may change with `quickCheck`.
 *
 * @summary A few plain questions that lead to a personal checklist of next steps.
 * @csspart step - One step of the checklist.
 * @csspart answer-button - An answer to the current question.
 * @csspart show-services-button - "Show these services".
 * @fires lotse-check-complete - The visitor asked to see the services of the checklist: `{ steps, services }` (ids only, never the answers).
 * @fires lotse-feed-warning - Some feed entries were skipped, or the feed's `quickCheck` was rejected (the default flow is used).
 * @fires lotse-feed-error - The feed cannot be used.
 */
export class LotseQuickCheck extends LotseElement {
  static override styles = [...LotseElement.styles, quickCheckStyles];
  static override properties: PropertyDeclarations = {
    started: { state: true },
    path: { state: true },
    shareNote: { state: true },
    servicesListed: { state: true },
    qr: { state: true },
    resolved: { state: true },
    keptServices: { state: true },
    urlState: { type: Boolean, attribute: 'url-state' },
  };

  protected override readonly translations = translations;

  private get heading() {
    return this.renderRoot.querySelector<HTMLElement>('#qc-heading');
  }

  private started = false;
  /** The answers given, in order: [question id, answer id]. In memory only. */
  private path: [string, string][] = [];
  /** After "Share" without the Web Share API: `copied`, or the link to copy by hand. */
  private shareNote = '';
  /** "Show these services" without a finder on the page: the list is shown here. */
  private servicesListed = false;
  private qr?: { url: string; modules: boolean[][] };
  /** The flow in use and the feed it was made for (loaded lazily: German and the shown language). */
  private resolved?: { flow: Flow; from: Feed };
  /** A kept feed's services per step, from the feed worker (see `askStepServices`). */
  private keptServices?: { key: string; byStep: Record<string, Service[]> };

  /**
   * Keep the answers in the page address (`#lotse-check=…`), so that a reload, the browser's
   * back button or a shared link restores the checklist. Off by default: the answers then
   * leave no trace once the tab is closed.
   */
  urlState = false;

  private resolving?: Feed;
  /** The last question about a kept feed's services per step. */
  private stepsAsked?: string;
  /** The default flow's texts in the widget's language, while they load. */
  private flowLanguage?: Promise<void>;
  private focusPending = false;
  private restored = false;

  // ---- Lifecycle --------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // Other answers, other services: the list shown here belongs to the old ones.
    if (changed.has('path')) this.servicesListed = false;
    const feed = this.data;
    if (feed && this.resolved?.from !== feed && this.resolving !== feed) void this.loadFlow(feed);
    if (this.resolved && !hasFlowLanguage(this.locale)) void this.loadLanguage(this.locale);
    if (this.resolved && this.started && this.node === RESULT && this.keptVersion !== undefined)
      this.askStepServices(applicableSteps(this.flow, this.answers));
  }

  /** Also waits for the default flow's texts in a newly chosen language and their render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.flowLanguage) {
      await this.flowLanguage;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.focusPending && this.heading) {
      this.focusPending = false;
      this.heading.focus();
    }
    if (changed.has('path') || changed.has('started')) this.writeHash();
    // Only for the slip on screen (before the flow is there, or on the intro, `node` is `result` too).
    if (this.started && this.resolved && this.node === RESULT && this.qr?.url !== location.href) void this.makeQr(location.href);
  }

  // ---- Handlers ---------------------------------------------------------------------------

  private onStart() {
    this.started = true;
    this.focusPending = true;
  }

  private onAnswer(questionId: string, answerId: string) {
    this.path = [...this.path, [questionId, answerId]];
    this.shareNote = '';
    this.focusPending = true;
  }

  private onBack() {
    if (this.path.length) this.path = this.path.slice(0, -1);
    else this.started = false;
    this.shareNote = '';
    this.focusPending = true;
  }

  private onRestart() {
    this.path = [];
    this.started = true;
    this.shareNote = '';
    this.focusPending = true;
  }

  /** Print the routing slip alone, not the city page around it. */
  private onPrint() {
    printOnly(this);
  }

  private async onShare() {
    const url = location.href;
    // Handlers run outside the widget's render, so texts come from the rendered page.
    const title = this.heading?.textContent?.trim() ?? '';
    const result = await shareLink({ title, url });
    if (result !== 'shared') this.shareNote = result === 'copied' ? 'copied' : url;
  }

  /** A finder on the page takes the services over (it cancels the event); else list them here. */
  private async onShowServices(steps: Step[], services: Map<string, Service[]>) {
    const ids = new Set<string>();
    for (const step of steps) for (const s of services.get(step.id) ?? []) ids.add(s.id);
    const handled = !this.emit('lotse-check-complete', { steps: steps.map((s) => s.id), services: [...ids] }, { cancelable: true });
    if (handled) return;
    this.servicesListed = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#qc-services')?.focus();
  }

  // ---- The flow ---------------------------------------------------------------------------

  /** The default flow, changed by the feed's `quickCheck` if that is valid. Never throws. */
  private async loadFlow(feed: Feed) {
    this.resolving = feed;
    let flow: Flow;
    let problems: FeedProblem[] = [];
    try {
      const [DEFAULT_FLOW] = await Promise.all([loadDefaultFlow(), this.loadLanguage(this.locale)]);
      flow = DEFAULT_FLOW;
      if (feed.quickCheck !== undefined) {
        // The checker (zod) is only loaded for feeds that bring their own flow.
        const { resolveFlow } = await import('./flow-schema.js');
        ({ flow, problems } = resolveFlow(DEFAULT_FLOW, feed.quickCheck));
      }
    } catch (error) {
      console.warn('[lotse] the quick-check could not be loaded:', error);
      return;
    } finally {
      if (this.resolving === feed) this.resolving = undefined;
    }
    if (this.data !== feed) return;
    if (problems.length) {
      const source = typeof this.feed === 'string' ? this.feed : 'inline';
      console.warn(
        `[lotse] ${source}: quickCheck`,
        problems.map((p) => `${p.path}: ${p.message}`),
      );
      this.emit('lotse-feed-warning', { feed: source, problems });
    }
    this.resolved = { flow, from: feed };
    // A new flow may not know the old answers.
    this.path = this.validPath(this.path);
    if (this.urlState && !this.restored) this.restoreFromHash();
  }

  /** Add a language's texts to the default flow (German meanwhile and if it fails). Never rejects. */
  private loadLanguage(locale: Locale): Promise<void> {
    const pending = loadFlowLanguage(locale).then(
      () => this.requestUpdate(),
      (error: unknown) => console.warn(`[lotse] quick-check texts for "${locale}" could not be loaded; showing German.`, error),
    );
    this.flowLanguage = pending;
    void pending.then(() => {
      if (this.flowLanguage === pending) this.flowLanguage = undefined;
    });
    return pending;
  }

  private get flow(): Flow {
    return this.resolved?.flow ?? { questions: [], steps: [] };
  }

  private get answers(): Map<string, string> {
    return new Map(this.path);
  }

  /** The current question id, or `result`. */
  private get node(): string {
    return this.walk(this.path).node;
  }

  private walk(path: [string, string][]) {
    let node = this.flow.questions[0]?.id ?? RESULT;
    let valid = 0;
    for (const [questionId, answerId] of path) {
      const question = this.flow.questions.find((q) => q.id === node);
      if (questionId !== node || !question) break;
      const known = answerId === UNKNOWN ? question.dontKnow : question.answers.some((a) => a.id === answerId);
      if (!known) break;
      node = nextAfter(this.flow, questionId, answerId);
      valid++;
    }
    return { node, valid };
  }

  private validPath(path: [string, string][]): [string, string][] {
    const { valid } = this.walk(path);
    return valid === path.length ? path : path.slice(0, valid);
  }

  private restoreFromHash() {
    this.restored = true;
    const at = location.hash.indexOf(HASH_KEY);
    if (at < 0) return;
    const pairs = decodeURIComponent(location.hash.slice(at + HASH_KEY.length).split('&')[0])
      .split(',')
      .map((pair) => pair.split(':') as [string, string])
      .filter((pair) => pair.length === 2);
    this.path = this.validPath(pairs);
    this.started = true;
  }

  private writeHash() {
    // Not before the address was read: a first render would wipe a shared link's answers.
    if (!this.urlState || !this.restored) return;
    try {
      const base = location.href.split('#')[0];
      const value = this.path.map(([q, a]) => `${q}:${a}`).join(',');
      const hash = this.started ? `#${HASH_KEY}${encodeURIComponent(value).replace(/%3A/g, ':').replace(/%2C/g, ',')}` : '';
      if (location.hash !== hash) history.replaceState(history.state, '', base + hash);
    } catch {
      // A sandboxed page may forbid changing the address; the check works without it.
    }
  }

  private async makeQr(url: string) {
    try {
      const { encode } = await import('uqr');
      const { data } = encode(url, { ecc: 'M', border: 2 });
      this.qr = { url, modules: data };
    } catch {
      // The slip prints without a QR code.
    }
  }

  // ---- Helpers for render -----------------------------------------------------------------

  /** Feed text with its language, for `lang` on the element that shows it. */
  private say(value: Text | undefined): TemplateResult {
    return html`<span lang=${textLanguage(value, this.locale)}>${this.text(value)}</span>`;
  }

  /** The key of a question about these steps' services (the kept feed, the day, the steps). */
  private stepsKey(steps: Step[]): string {
    const feed = this.data!;
    return JSON.stringify([this.keptVersion, todayIn(feed.region.timezone, this.clockTick.now), steps.map((s) => [s.id, s.categories])]);
  }

  /** A kept feed: the worker picks each step's services (the steps show at once, their services when they come). */
  private askStepServices(steps: Step[]) {
    const key = this.stepsKey(steps);
    if (this.stepsAsked === key) return;
    this.stepsAsked = key;
    const asked = steps.map(({ id, categories }) => ({ id, categories }));
    void this.askFeed<Record<string, Service[]>>({ kind: 'steps', steps: asked, now: this.clockTick.now.getTime() }).then((byStep) => {
      if (byStep && this.stepsAsked === key) this.keptServices = { key, byStep };
    });
  }

  /** Each step's services: picked here, or by the worker for a kept feed (none until its answer). */
  private servicesOf(steps: Step[]): Map<string, Service[]> {
    if (this.keptVersion === undefined) return new Map(steps.map((step) => [step.id, servicesForStep(step, this.currentServices)]));
    const kept = this.keptServices?.key === this.stepsKey(steps) ? this.keptServices.byStep : {};
    return new Map(steps.map((step) => [step.id, kept[step.id] ?? []]));
  }

  private whyText(step: Step): string {
    const answers = this.answers;
    const items = reasons(step.when, answers).map((questionId) => {
      const question = this.flow.questions.find((q) => q.id === questionId)!;
      const answerId = answers.get(questionId)!;
      const answer = question.answers.find((a) => a.id === answerId);
      const label = answerId === UNKNOWN || !answer ? msg('Ich weiß es nicht') : this.text(answer.label);
      return `${this.text(question.short ?? question.text)}: ${label}`;
    });
    return items.length ? formatList(items, this.locale) : '';
  }

  // ---- Render -----------------------------------------------------------------------------

  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2 tabindex="-1">${msg('Schnell-Check')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed((feed) => {
        if (!this.resolved) {
          return html`<div class="state" part="state" role="status">
            <div class="spinner" aria-hidden="true"></div>
            <span>${msg('Fragen werden geladen …')}</span>
          </div>`;
        }
        const node = this.node;
        // One live region for the progress, there from the intro on, so "Frage 2 von 7" is announced.
        const [number, total] = this.started && node !== RESULT ? this.progress(node) : [];
        return html`<p class="progress" id="qc-progress" role="status">${number ? msg(str`Frage ${number} von ${total}`) : nothing}</p>
          ${!this.started ? this.renderIntro() : node === RESULT ? this.renderResult(feed) : this.renderQuestion(node)}`;
      })}
    `);
  }

  private renderIntro() {
    return html`<section class="screen">
      <h3 id="qc-heading" tabindex="-1">${msg('Was ist jetzt wichtig für mich?')}</h3>
      <p>${msg('Beantworten Sie ein paar kurze Fragen. Sie bekommen eine Liste mit Ihren nächsten Schritten und Hilfe in der Nähe.')}</p>
      <ul class="facts">
        <li>${icon('check')} ${msg('Nichts wird gespeichert oder gesendet.')}</li>
        <li>${icon('info')} ${msg('Das ist eine Orientierung, keine rechtliche Entscheidung.')}</li>
      </ul>
      <div class="nav">
        <button class="primary" @click=${this.onStart}>${msg('Los geht’s')} ${icon('forward')}</button>
      </div>
    </section>`;
  }

  /** Question number and how many questions there are on this path. */
  private progress(questionId: string): [number, number] {
    const number = this.path.length + 1;
    return [number, number + remainingAfter(this.flow, questionId)];
  }

  private renderQuestion(questionId: string) {
    const question = this.flow.questions.find((q) => q.id === questionId)!;
    return html`<section class="screen" aria-describedby="qc-progress">
      <div class="nav">
        <button class="link" @click=${this.onBack}>${icon('back')} ${msg('Zurück')}</button>
      </div>
      <h3 id="qc-heading" tabindex="-1">${this.say(question.text)}</h3>
      ${question.hint ? html`<p class="hint">${this.say(question.hint)}</p>` : nothing}
      <div class="answers" role="group" aria-labelledby="qc-heading">
        ${question.answers.map(
          (answer) => html`<button part="answer-button" @click=${() => this.onAnswer(question.id, answer.id)}>
            ${icon(answer.icon ?? 'forward')} ${this.say(answer.label)}
          </button>`,
        )}
        ${
          question.dontKnow
            ? html`<button part="answer-button" class="unknown" @click=${() => this.onAnswer(question.id, UNKNOWN)}>
              ${icon('info')} ${msg('Ich weiß es nicht')}
            </button>`
            : nothing
        }
      </div>
      ${
        this.path.length
          ? html`<div class="nav"><button class="link" @click=${this.onRestart}>${icon('refresh')} ${msg('Neu anfangen')}</button></div>`
          : nothing
      }
    </section>`;
  }

  private renderResult(feed: Feed) {
    const steps = applicableSteps(this.flow, this.answers);
    const services = this.servicesOf(steps);
    const listed = [...new Map([...services.values()].flat().map((s) => [s.id, s])).values()];
    const now = this.clockTick.now;
    const clock = createClock(now, feed.region);
    return html`<section class="screen">
      <div class="slip-head print-only">
        <div>
          <p class="label">${msg('Laufzettel')} · ${this.text(feed.publisher.name)}</p>
          <p>${formatDate(todayIn(feed.region.timezone, now), this.locale)}</p>
        </div>
        ${
          this.qr
            ? html`<figure class="qr">
              ${this.renderQr(this.qr.modules)}
              <figcaption>${msg('Diese Seite öffnen')}</figcaption>
            </figure>`
            : nothing
        }
      </div>
      <h3 id="qc-heading" tabindex="-1">${msg('Ihre nächsten Schritte')}</h3>
      <p class="notice">${icon('info')} ${msg('Das ist eine Orientierung, keine rechtliche Entscheidung. Die Beratung ist kostenlos.')}</p>
      <div class="actions">
        ${
          listed.length
            ? html`<button class="primary" part="show-services-button" @click=${() => this.onShowServices(steps, services)}>
              ${icon('list')} ${msg('Diese Angebote zeigen')}
            </button>`
            : nothing
        }
        <button @click=${this.onPrint}>${icon('print')} ${msg('Drucken')}</button>
        <button @click=${this.onShare}>${icon('share')} ${msg('Teilen')}</button>
      </div>
      <p role="status" class="share-note">
        ${
          this.shareNote === 'copied'
            ? msg('Der Link ist kopiert.')
            : this.shareNote
              ? msg(str`Link zum Kopieren: ${isolate(this.shareNote)}`)
              : nothing
        }
      </p>
      ${
        this.servicesListed && listed.length
          ? html`<section class="all-services" aria-labelledby="qc-services">
            <h4 id="qc-services" tabindex="-1">${msg('Angebote für Ihre Schritte')}</h4>
            <ul class="services">${listed.map((s) => this.renderService(s, clock))}</ul>
          </section>`
          : nothing
      }
      ${
        steps.length
          ? html`<ol class="steps">${steps.map((step) => this.renderStep(step, services.get(step.id) ?? [], feed, clock))}</ol>`
          : html`<p>${msg('Nach Ihren Antworten gibt es gerade keine dringenden Schritte. Bei Fragen hilft eine Beratungsstelle.')}</p>`
      }
      <p class="emergency">
        ${icon('emergency')}
        <span>${msg('Im Notfall:')} <a href="tel:112">112</a> ${msg('(Rettung)')} · <a href="tel:110">110</a> ${msg('(Polizei)')}
          · ${msg('Hilfetelefon Gewalt gegen Frauen:')} <a href="tel:116016">116 016</a></span>
      </p>
      <div class="nav">
        <button class="link" @click=${this.onBack}>${icon('back')} ${msg('Antwort ändern')}</button>
        <button class="link" @click=${this.onRestart}>${icon('refresh')} ${msg('Neu anfangen')}</button>
      </div>
    </section>`;
  }

  private renderStep(step: Step, services: Service[], feed: Feed, clock: Clock) {
    const why = this.whyText(step);
    const legal = step.legalByState?.[feed.region.state] ?? step.legal;
    // A date only for steps someone who knows the law has checked: no false assurance.
    const [year, month] = isReviewed(step) ? step.lastReviewed!.split('-') : [];
    return html`<li class="step" part="step" data-step=${step.id}>
      <h4>${this.say(step.title)}</h4>
      <p>${this.say(step.text)}</p>
      ${why ? html`<p class="why">${icon('info')} <span>${msg(str`Weil Sie gesagt haben: ${why}`)}</span></p>` : nothing}
      ${
        step.bring.length
          ? html`<div>
            <p class="label">${msg('Mitbringen:')}</p>
            <ul class="bring">${step.bring.map((item) => html`<li>${this.say(item)}</li>`)}</ul>
          </div>`
          : nothing
      }
      ${
        services.length
          ? html`<div>
            <p class="label">${msg('Hier gibt es Hilfe:')}</p>
            <ul class="services">${services.map((s) => this.renderService(s, clock))}</ul>
          </div>`
          : step.ask
            ? html`<p class="ask"><span class="label">${msg('Wo Sie fragen können:')}</span> ${this.say(step.ask)}</p>`
            : nothing
      }
      <p class="meta">
        ${legal ? html`${msg('Rechtsgrundlage:')} ${this.say(legal)} · ` : nothing}
        ${msg('Quelle:')}
        ${step.source.url ? html`<a href=${step.source.url} rel="noopener">${this.say(step.source.label)}</a>` : this.say(step.source.label)}
        ${year ? html`· ${msg(str`Stand: ${month}/${year}`)}` : nothing}
      </p>
    </li>`;
  }

  private renderService(service: Service, clock: Clock) {
    const status = serviceStatus(service.locations, clock);
    const location = status.current?.location ?? status.next?.location ?? service.locations[0];
    const phone = service.contact.phone;
    let when: TemplateResult | typeof nothing = nothing;
    if (status.current || status.next) {
      const words = openingWords(status, clock, this.locale);
      when = html`<span class=${words.tone === 'open' ? 'open' : ''}>${icon('clock')} ${words.text}${words.languages ? ` · ${words.languages}` : ''}</span>`;
    }
    return html`<li class="service" data-service=${service.id}>
      <p class="name">${this.say(service.name)}</p>
      ${location ? html`<p>${icon('pin')} ${addressLine(location)}</p>` : nothing}
      ${when !== nothing ? html`<p>${when}</p>` : nothing}
      ${phone ? html`<p><a href=${telHref(phone)}>${icon('phone')} <span dir="ltr">${phone}</span></a></p>` : nothing}
    </li>`;
  }

  private renderQr(modules: boolean[][]) {
    let d = '';
    modules.forEach((row, y) => row.forEach((on, x) => (d += on ? `M${x} ${y}h1v1h-1z` : '')));
    const size = modules.length;
    return html`<svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${msg('QR-Code mit dem Link zu dieser Seite')}>
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`}
    </svg>`;
  }
}

defineElement('lotse-quick-check', LotseQuickCheck);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-quick-check': LotseQuickCheck;
  }
}
