import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  LANGUAGE_CHANGE_EVENT,
  LOCALES,
  LOCALE_NAMES,
  RTL_LOCALES,
  isLocaleReady,
  loadLocale,
  resolveLocale,
  setVisitorChoice,
  toLocale,
  withLocale,
  type Locale,
  type Translations,
} from './i18n.js';
import { feedSource, inlineFeedState, problem, type FeedSource, type FeedState, type WorkerAsk } from './feed/load.js';
import { isCurrent } from './feed/current.js';
import type { Feed, Service, Text } from './feed/schema.js';
import { pickText } from './feed/text.js';
import { shownText } from './shown-text.js';
import { formatDate } from './format.js';
import { zonedParts } from './time/zoned.js';
import { icon } from './icons.js';
import type { LotseEventDetails, LotseEventName } from './events.js';
import { baseStyles, tokens } from './styles.js';
import { ClockController } from './clock.js';
import { pause } from './pause.js';
import { NearViewportController } from './near-viewport.js';

/**
 * Today's date (YYYY-MM-DD) in a time zone. Built from date parts: how a locale formats a
 * whole date differs between engines (WebKit's "en-CA" is not ISO).
 */
export function todayIn(timeZone: string, now = new Date()): string {
  return zonedParts(now, timeZone).date;
}

/** Can `el` hold the focus: still in the widget, shown, not disabled, not inert? */
function focusable(root: ShadowRoot, el: HTMLElement): boolean {
  return el.isConnected && root.contains(el) && !el.matches(':disabled') && !el.closest('[inert]') && el.getClientRects().length > 0;
}

function restoreFocus(root: ShadowRoot, before: HTMLElement, selectors: (string | undefined)[]) {
  if (focusable(root, before)) {
    if (root.activeElement !== before) before.focus({ preventScroll: true });
    return;
  }
  for (const selector of selectors) {
    const target = selector ? [...root.querySelectorAll<HTMLElement>(selector)].find((el) => focusable(root, el)) : undefined;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      return;
    }
  }
}

/**
 * What every Lotse widget shares: language resolution and the language picker, the shared
 * feed with its loading / error / offline states, and typed events.
 *
 * @csspart base - The widget's outer box (carries `lang` and `dir`).
 * @csspart toolbar - The row with the title and the language picker.
 * @csspart language-picker - The language `<select>`.
 * @csspart state - The loading or error box.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --lotse-color-primary - Brand colour for buttons, links and selected filters. Default a calm municipal blue.
 * @cssprop --lotse-color-on-primary - Text on the primary colour.
 * @cssprop --lotse-color-text - Body text.
 * @cssprop --lotse-color-muted - Secondary text (must keep 4.5:1 contrast on the surface).
 * @cssprop --lotse-color-surface - Background of the widget.
 * @cssprop --lotse-color-surface-alt - Background of cards and panels.
 * @cssprop --lotse-color-border - Borders of cards and inputs.
 * @cssprop --lotse-color-focus - Focus ring.
 * @cssprop --lotse-color-success - "Open now", "free".
 * @cssprop --lotse-color-warning - "Closing soon", "temporarily closed".
 * @cssprop --lotse-color-danger - Errors.
 * @cssprop --lotse-font-family - Font stack (system fonts by default; Lotse never downloads fonts).
 * @cssprop --lotse-font-size - Base font size. Default `medium`: the visitor's own browser setting, whatever the host page does to its root size (`html { font-size: 62.5% }` does not shrink Lotse).
 * @cssprop --lotse-radius - Corner radius of cards, buttons and inputs.
 * @cssprop --lotse-space - Base spacing unit.
 * @cssprop --lotse-tap-size - Minimum size of every tap target (default 44px, WCAG 2.5.5).
 * @cssprop --lotse-loading-height - Height the widget keeps while its feed loads, so the host page does not jump (per widget: 52em; the quick-check 20.5em, 29em below 372 px).
 */
/**
 * A custom state, where the browser has them: iOS before 16.4 has no `attachInternals`, and
 * Chromium before 125 only accepted `--` names (it throws). Without it the host just does not
 * keep its height for that moment.
 */
function withState(host: HTMLElement, name: string): ElementInternals | undefined {
  try {
    const internals = host.attachInternals?.();
    internals?.states?.add(name);
    return internals;
  } catch {
    return undefined;
  }
}

export abstract class LotseElement extends LitElement {
  static override styles = [tokens, baseStyles];
  /**
   * Lit's reactive properties, states first (no decorators, see DEVELOPERS.md); the fields keep
   * type, initial value and JSDoc. With `useDefineForClassFields: false` (tsconfig.json) an
   * initialiser is an assignment through Lit's accessor, not an own field that would hide it.
   */
  static override properties: PropertyDeclarations = {
    locale: { state: true },
    feedState: { state: true },
    lang: {},
    feed: {},
    now: {},
  };

  /** `:state(unrendered)` until the first render: the host keeps the loading height (styles.ts). */
  private readonly internals = withState(this, 'unrendered');

  /** @internal The time to show (`clockTick.now`), refreshed on the full minute; tests call its `tick()`. */
  protected readonly clockTick = new ClockController(this);
  /** A widget far down the page takes its feed when it comes near, the page is idle or it gets the focus. */
  private readonly near = new NearViewportController(this, () => this.takeWaitingState());

  /** The UI language in use (resolved, see `lang`). */
  protected locale: Locale = 'de';
  protected feedState: FeedState = { status: 'idle' };

  /**
   * Fixes the widget's language: de, en, ro, bg, tr, ar, uk or pl. Without it the widget
   * follows the visitor's choice in any Lotse language picker, then `<html lang>`, then the
   * browser's languages, then German.
   */
  override lang = '';

  /**
   * The feed: a URL (`feed="/services.json"`), or as a property a feed object. Without it,
   * a `<script type="application/json">` child is read. Widgets naming the same URL share
   * one request.
   */
  feed?: string | object;

  /**
   * For tests and demos only: a fixed "now" (a Date, or an ISO string such as
   * `2026-11-24T10:30:00+01:00`) for "open now", the week plan and the routing slip's date.
   * Without it, or when it is no valid date, the device clock.
   */
  now?: Date | string;

  /** @internal The translations of the widget's folder (src/generated/locales/<widget>.ts); those of src/core/ load with them. */
  protected abstract readonly translations: Translations;

  /** The widget's translations into its language, while they load (see getUpdateComplete). */
  private localeLoad?: Promise<void>;
  /** A feed's content has been rendered (in some language). */
  private feedShown = false;
  private source?: FeedSource;
  /** @internal The feed worker prepares this widget's first answer as soon as it keeps a big feed (the finder). */
  protected readonly preparedInWorker: boolean = false;
  /** Answers of the feed worker on their way (`askFeed`; updateComplete waits for them). */
  private asking = new Set<Promise<unknown>>();
  /** The `feed` value the current state belongs to (set by connectFeed). */
  private connectedFeed?: string | object | null;
  private reportedState?: FeedState;
  /** A usable feed for a widget not yet near the visible part of the page (see `showFeedState`). */
  private waitingState?: FeedState;
  private visibleCache?: { feed: Feed; today: string; services: Service[] };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener(LANGUAGE_CHANGE_EVENT, this.onLanguageChange);
    this.updateLocale();
    void this.connectFeed();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener(LANGUAGE_CHANGE_EVENT, this.onLanguageChange);
    this.source?.removeEventListener('change', this.onFeedChange);
    this.source?.removeReader(this);
    this.source = undefined;
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('lang')) this.updateLocale();
    // Frameworks set `feed` late (React after a fetch, Vue from a ref that starts undefined)
    // and may change or clear it: follow every value that differs from the one connected.
    if (changed.has('feed') && this.isConnected && this.feed !== this.connectedFeed) void this.connectFeed();
    if (changed.has('feedState')) this.reportFeedState();
  }

  /**
   * Render with this widget's language active (see i18n.ts for why), and keep the focus
   * (WCAG 2.4.3): the focused element stays focused when the render keeps it (keyed lists move
   * it, which browsers count as a blur); when the render removes, hides or disables it, focus
   * goes to the place named by `keepFocus()`, else to the first of `focusFallbacks` that is
   * there, so it never drops to `<body>`.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    // Widgets of one page upgrade in the task that defines them, and each first render would
    // run in it (four widgets: ~140 ms at 4x CPU): each gets a task of its own, in order.
    if (!this.hasUpdated) await pause();
    return super.scheduleUpdate();
  }

  /**
   * Also waits for the widget's translations into a newly resolved language, for the feed
   * worker's answers (`askFeed`), and for the render of each.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.localeLoad || this.asking.size || (this.waitingState && this.isConnected)) {
      await this.localeLoad;
      await Promise.all(this.asking);
      if (this.waitingState && this.isConnected) await this.near.whenReached;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override firstUpdated(changed: PropertyValues) {
    super.firstUpdated(changed);
    this.internals?.states?.delete('unrendered');
  }

  protected override update(changed: PropertyValues) {
    const root = this.renderRoot as ShadowRoot | undefined;
    const before = (root?.activeElement as HTMLElement | null | undefined) ?? undefined;
    withLocale(this.locale, this.translations, () => super.update(changed));
    const wanted = this.focusAfter;
    this.focusAfter = undefined;
    if (before && root) restoreFocus(root, before, [wanted, ...this.focusFallbacks]);
  }

  /** Where focus goes after the next render if that render takes the focused element away. */
  protected keepFocus(selector: string) {
    this.focusAfter = selector;
  }

  /** @internal Where focus goes when a render takes the focused element away and no action said where. */
  protected focusFallbacks: string[] = ['[part="toolbar"] h2'];
  private focusAfter?: string;

  /** Dispatch a typed `lotse-…` event that bubbles out of the shadow root. */
  protected emit<K extends LotseEventName>(name: K, detail: LotseEventDetails[K], options: { cancelable?: boolean } = {}) {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable }));
  }

  /** A feed text in the widget's language, with fallback, as a plain string (attributes, speech, sorting). */
  protected text(value: Text | undefined): string {
    return pickText(value, this.locale);
  }

  /** A feed text to render: marked with its own language when it falls back (see shown-text.ts). */
  protected showText(value: Text | undefined): TemplateResult | string {
    return shownText(value, this.locale);
  }

  /** The loaded feed, if any. */
  protected get data(): Feed | undefined {
    return this.feedState.status === 'ready' ? this.feedState.feed : undefined;
  }

  /** Services to show today: not ended, not before `validFrom`, not after `validUntil`. */
  protected get currentServices(): Service[] {
    const feed = this.data;
    if (!feed) return [];
    const today = todayIn(feed.region.timezone, this.clockTick.now);
    if (this.visibleCache?.feed !== feed || this.visibleCache.today !== today) {
      this.visibleCache = { feed, today, services: feed.services.filter((s) => isCurrent(s, today)) };
    }
    return this.visibleCache.services;
  }

  private onLanguageChange = () => this.updateLocale();

  private updateLocale() {
    const locale = resolveLocale(this.lang);
    this.locale = locale;
    if (!isLocaleReady(locale, this.translations)) {
      const load: Promise<void> = loadLocale(locale, this.translations)
        .catch(() => console.warn(`[lotse] translations for "${locale}" could not be loaded; showing German.`))
        .then(() => {
          if (this.localeLoad === load) this.localeLoad = undefined;
          this.requestUpdate();
        });
      this.localeLoad = load;
    }
  }

  /**
   * Several widgets share a feed: each takes the new state in a task of its own, so four
   * widgets rendering at once do not block a slow phone for one long stretch.
   */
  private onFeedChange = () => {
    const source = this.source;
    setTimeout(() => {
      if (source && source === this.source) this.showFeedState(source.state);
    });
  };

  /**
   * Until the widget is near the visible part of the page (`NearViewportController`), a usable
   * feed waits and the widget keeps its loading box: the widgets in view render first. Loading
   * and errors are shown at once.
   */
  private showFeedState(state: FeedState) {
    if (state.status === 'ready' && !this.near.reached) {
      this.waitingState = state;
      if (this.feedState.status !== 'loading') this.feedState = { status: 'loading' };
      return;
    }
    this.waitingState = undefined;
    this.feedState = state;
  }

  private takeWaitingState() {
    const waiting = this.waitingState;
    if (!waiting) return;
    this.waitingState = undefined;
    this.feedState = this.source ? this.source.state : waiting;
  }

  /** @internal The version of a feed the worker keeps (`askFeed` answers about it), else undefined. */
  protected get keptVersion(): number | undefined {
    const state = this.feedState;
    return state.status === 'ready' ? state.held?.version : undefined;
  }

  /**
   * @internal Ask the feed worker about a feed it keeps (`feedState.held`); undefined for any
   * other feed, or when the answer no longer belongs to the feed shown.
   */
  protected askFeed<T>(ask: WorkerAsk): Promise<T | undefined> {
    const state = this.feedState;
    const source = this.source;
    if (!source || state.status !== 'ready' || !state.held) return Promise.resolve(undefined);
    const version = state.held.version;
    const answer = source.ask<T>(ask, version).then((result) => {
      this.asking.delete(answer);
      const now = this.feedState;
      return now.status === 'ready' && now.held?.version === version ? result : undefined;
    });
    this.asking.add(answer);
    return answer;
  }

  private feedRequest = 0;

  private async connectFeed() {
    this.connectedFeed = this.feed;
    this.source?.removeEventListener('change', this.onFeedChange);
    this.source?.removeReader(this);
    this.source = undefined;
    const request = ++this.feedRequest;
    const settle = (state: FeedState) => {
      if (request === this.feedRequest) this.showFeedState(state);
    };
    if (typeof this.feed === 'string' && this.feed.trim()) {
      this.source = feedSource(this.feed.trim());
      this.source.addEventListener('change', this.onFeedChange);
      this.source.addReader(this, { prepare: this.preparedInWorker, now: this.clockTick.pinned });
      this.source.load();
      this.showFeedState(this.source.state);
      return;
    }
    this.waitingState = undefined;
    this.feedState = { status: 'loading' };
    if (this.feed && typeof this.feed === 'object') return settle(await inlineFeedState(this.feed));
    const script = this.querySelector('script[type="application/json"]');
    if (!script) return settle({ status: 'error', problems: [await problem('noFeed')] });
    let json: unknown;
    try {
      json = JSON.parse(script.textContent ?? '');
    } catch (error) {
      return settle({ status: 'error', problems: [await problem('notJson', (error as Error).message)] });
    }
    settle(await inlineFeedState(json));
  }

  /** Tell the host page (once per state) about skipped entries or an unusable feed. */
  private reportFeedState() {
    const current = this.feedState;
    const before = this.reportedState;
    if (current === before) return;
    this.reportedState = current;
    // A kept feed whose state changes only in where it is from (the copy, then the network) is the same feed: reported once.
    if (current.status === 'ready' && before?.status === 'ready' && current.held && before.held?.version === current.held.version) return;
    const feed = typeof this.feed === 'string' ? this.feed : 'inline';
    if (current.status === 'error') {
      this.emit('lotse-feed-error', { feed, problems: current.problems });
      if (!this.source)
        console.error(
          `[lotse] ${feed}:`,
          current.problems.map((p) => `${p.path} ${p.message}`.trim()),
        );
    } else if (current.status === 'ready' && current.problems.length && current.from !== 'cache') {
      this.emit('lotse-feed-warning', { feed, problems: current.problems });
      if (!this.source)
        console.warn(
          `[lotse] ${feed}:`,
          current.problems.map((p) => `${p.path}: ${p.message}`),
        );
    }
  }

  /**
   * The language picker changes every widget on the page, so it must not act on each arrow
   * key in the closed list (WCAG 3.2.2): browsers fire `change` for those keys. A change made
   * by a key is only shown; Enter or leaving the picker applies it. A pointer choice (or
   * Enter in the open list) fires `change` without a key down before it and applies at once.
   */
  private pickerKeyDown = false;

  private onPickerKeydown(event: KeyboardEvent) {
    const select = event.currentTarget as HTMLSelectElement;
    if (event.key === 'Enter') this.applyLanguage(select);
    else if (event.key === 'Escape') select.value = this.locale;
    else this.pickerKeyDown = event.key !== 'Tab';
  }

  private onPickerKeyup() {
    this.pickerKeyDown = false;
  }

  private onPickLanguage(event: Event) {
    if (!this.pickerKeyDown) this.applyLanguage(event.target as HTMLSelectElement);
  }

  private onPickerBlur(event: Event) {
    this.pickerKeyDown = false;
    this.applyLanguage(event.target as HTMLSelectElement);
  }

  private applyLanguage(select: HTMLSelectElement) {
    const locale = toLocale(select.value);
    if (!locale || locale === this.locale) return;
    // The visitor acted in this widget: it follows even if an editor pinned `lang`.
    if (this.hasAttribute('lang')) this.lang = locale;
    setVisitorChoice(locale);
  }

  // ---- Shared render parts ----------------------------------------------------------------

  /** The outer box with language and direction; every widget renders through this. */
  protected renderFrame(content: unknown): TemplateResult {
    return html`<div part="base" lang=${this.locale} dir=${RTL_LOCALES.has(this.locale) ? 'rtl' : 'ltr'}>
      ${content}
    </div>`;
  }

  /** Language picker: each language in its own name and script. */
  protected renderLanguagePicker(): TemplateResult {
    const id = 'lotse-language';
    return html`<span class="picker no-print">
      <label for=${id}>${icon('globe')}<span class="visually-hidden">${msg('Sprache')} (Language)</span></label>
      <select id=${id} part="language-picker" @change=${this.onPickLanguage} @keydown=${this.onPickerKeydown}
        @keyup=${this.onPickerKeyup} @blur=${this.onPickerBlur}>
        ${LOCALES.map(
          (locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === this.locale}>${LOCALE_NAMES[locale]}</option>`,
        )}
      </select>
    </span>`;
  }

  /**
   * Loading, error and offline states around the widget's content. `ready` renders the
   * content once a feed is there.
   */
  protected renderFeed(ready: (feed: Feed) => unknown): unknown {
    const state = this.feedState;
    // The first content waits for the widget's language (its words, and what a screen reader
    // announces, are never German first); a later switch keeps it on screen while loading.
    const first = state.status === 'ready' && this.localeLoad && !this.feedShown;
    if (state.status === 'idle' || state.status === 'loading' || first) {
      const loading = state.status === 'loading' ? state : undefined;
      return html`<div class="state loading" part="state" role="status">
        <div class="spinner" aria-hidden="true"></div>
        <span>${msg('Angebote werden geladen …')}</span>
        ${
          loading?.total
            ? html`<progress max="100" value=${Math.round(((loading.received ?? 0) / loading.total) * 100)} aria-label=${msg('Angebote werden geladen …')}></progress>`
            : nothing
        }
        ${loading?.slow ? html`<span class="slow">${msg('Die Verbindung ist langsam. Die Angebote werden weiter geladen.')}</span>` : nothing}
      </div>`;
    }
    if (state.status === 'error') {
      return html`<div class="state error" part="state" role="alert">
        <p class="title">${icon('warning')} ${msg('Die Angebote können gerade nicht geladen werden.')}</p>
        <p>${msg('Bitte versuchen Sie es gleich noch einmal.')}</p>
        ${
          this.source
            ? html`<button class="primary" part="retry-button" @click=${() => this.source?.retry()}>
              ${icon('refresh')} ${msg('Noch einmal versuchen')}
            </button>`
            : nothing
        }
        <details>
          <summary>${msg('Details für die Redaktion')}</summary>
          <ul lang="de">
            ${state.problems.slice(0, 20).map((p) => html`<li><code>${p.path}</code> ${p.message}</li>`)}
          </ul>
        </details>
      </div>`;
    }
    const notice =
      state.from === 'cache' && state.savedAt
        ? html`<p class="notice" part="offline-notice" role="status">
            ${icon('info')}
            ${
              state.refreshing
                ? msg(str`Gespeicherte Daten vom ${formatDate(state.savedAt, this.locale, 'medium')}. Neue Daten werden geladen …`)
                : msg(str`Keine Verbindung. Sie sehen gespeicherte Daten vom ${formatDate(state.savedAt, this.locale, 'medium')}.`)
            }
          </p>`
        : nothing;
    this.feedShown = true;
    return html`${notice}${ready(state.feed)}`;
  }
}
