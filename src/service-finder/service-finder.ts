import { adoptStyles, html, nothing, type LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { addLazyPart, loadLocale, type Translations } from '../core/i18n.js';
import { icon } from '../core/icons.js';
import type { LotseEvent } from '../core/events.js';
import type { Feed, Service } from '../core/feed/schema.js';
import { formatCount, formatDistance, formatNumber, isolate, languageList } from '../core/format.js';
import { entryLabel, vocabularyEntry, vocabularyLabel } from '../core/labels.js';
import { openingWords } from '../core/opening-text.js';
import { createClock, serviceStatus, type Clock } from '../core/time/opening.js';
import { GROUPS, type GroupId, type Selection } from './filters.js';
import { centreOf, FinderSearch, nearestMeters, type FinderAnswer, type FinderQuery, type Point } from './finder-search.js';
import { readUrlState, writeUrlState } from './url-state.js';
import { finderStyles } from './service-finder.styles.js';
import translations from '../generated/locales/service-finder.js';
import detailTranslations from '../generated/locales/finder-detail.js';
import moreTranslations from '../generated/locales/finder-more.js';
import type { MoreContext } from './finder-more.js';

/** A chunk loaded once for every finder on the page (a failed load is tried again next time). */
interface LazyChunk<T> {
  module?: T;
  load: () => Promise<T>;
}
function lazyChunk<T>(load: () => Promise<T>): LazyChunk<T> {
  let pending: Promise<T> | undefined;
  const chunk: LazyChunk<T> = {
    load: () =>
      (pending ??= load().then(
        (module) => (chunk.module = module),
        (error) => {
          pending = undefined;
          throw error;
        },
      )),
  };
  return chunk;
}
/**
 * The detail view (with print, share and read-aloud) is a chunk of its own: not needed before
 * the first results, fetched when the browser is idle after them, or when a detail is opened,
 * with the strings only it uses (a lazy part of the translations, see `loadDetail`).
 */
const detailChunk = lazyChunk(() => import('./service-detail.js'));
/** The views after an action (more filters, no results, place choice): requested with the first results. */
const moreChunk = lazyChunk(() => import('./finder-more.js'));
const whenIdle = (work: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 2000);

/** Walking speed for "12 min on foot": 80 m per minute. */
const WALK_METERS_PER_MINUTE = 80;

/** A lazily loaded part of one finder: ready once its chunk and strings are there. */
interface LazyPart {
  ready: boolean;
  loading?: Promise<void>;
}

interface Place extends Point {
  /** How the place was chosen: the device's position, a district or a postcode. */
  /** Made in render (the widget's language may change after the place was chosen). */
  label: () => string;
}

/**
 * Search and filter local help services: in the visitor's language, near them, open now.
 *
 * @summary The main entry point: search as you type, one-tap filters with counts, details
 * with call, directions, hours, print, share and read-aloud.
 *
 * @fires lotse-search - Search text or filters changed (debounced; nothing personal, no position).
 * @fires lotse-service-select - A visitor opened a service's details.
 * @fires lotse-contact-request - A visitor asked to be contacted; a `<lotse-contact-form>` takes over.
 * @fires lotse-feed-warning - Some feed entries were skipped or adjusted.
 * @fires lotse-feed-error - The feed cannot be used.
 *
 * @csspart base - The outer box.
 * @csspart search - The search field.
 * @csspart filter - Each filter button.
 * @csspart results - The result list.
 * @csspart card - A result card.
 * @csspart detail - The detail view of one service.
 * @csspart action - Buttons and links in the detail view (call, directions, print, share …).
 */
export class LotseServiceFinder extends LotseElement {
  static override styles = [...LotseElement.styles, finderStyles];
  static override properties: PropertyDeclarations = {
    query: { state: true },
    selection: { state: true },
    detailId: { state: true },
    shown: { state: true },
    moreFilters: { state: true },
    place: { state: true },
    fromCheck: { state: true },
    placeStatus: { state: true },
    remote: { state: true },
    actionNote: { state: true },
    categories: {},
    district: {},
    view: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    urlState: { attribute: 'url-state', type: Boolean },
  };

  protected override readonly translations = translations;

  private get detailHeading() {
    return this.renderRoot.querySelector<HTMLElement>('#lotse-detail-title');
  }
  private get searchInput() {
    return this.renderRoot.querySelector<HTMLInputElement>('#lotse-search');
  }

  private query = '';
  private selection: Selection = {};
  private detailId?: string;
  private shown = 0;
  private moreFilters = false;
  private place?: Place;
  /** Service ids handed over by a quick-check ("show these services"), shown until undone. */
  private fromCheck?: string[];
  private placeStatus: 'idle' | 'locating' | 'denied' = 'idle';
  /** A kept feed's answer from the feed worker (see `askWorker`). */
  private remote?: { version: number; answer: FinderAnswer };
  private actionNote?: (locale: string) => string;

  /** Preset category filter: ids separated by commas, e.g. `categories="health,family"`. */
  categories = '';

  /** Preset district filter: a district id from the feed, e.g. `district="nordviertel"`. */
  district = '';

  /** `list` (cards, default) or `compact` (one line per service, for narrow sidebars). */
  view: 'list' | 'compact' = 'list';

  /** How many results to show before "Show more" (default 20). */
  pageSize = 20;

  /** Keep search, filters and the open service in the page URL (for bookmarks and sharing). */
  urlState = false;

  /**
   * The answers in the render: a small feed's or an inline feed's services (a big one from a
   * URL stays in the feed worker, which answers instead).
   */
  private search?: FinderSearch;
  /** The last question sent to the worker. */
  private asked?: string;
  /** Where focus goes when the worker's answer changes the list (see `keepFocusOnResults`). */
  private answerFocus?: string;
  /** Set in the render that shows results (then the detail view is prefetched). */
  private resultsShown = false;
  /** @internal Its first results are worked out while the page receives the kept feed. */
  protected override readonly preparedInWorker = true;
  /** @internal */
  protected override focusFallbacks = ['#lotse-search', '[part="toolbar"] h2'];
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The detail view was opened and its heading has not had the focus yet. */
  private focusDetail = false;
  /** The detail view can show: its chunk, styles and strings are there (`loadDetail`). */
  private detail: LazyPart = { ready: false };
  private detailPrefetched = false;
  /** The views after an action can show: their chunk and strings are there (`loadMore`). */
  private more: LazyPart = { ready: false };

  override connectedCallback() {
    super.connectedCallback();
    if (this.urlState) this.applyUrlState();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('lotse-check-complete', this.onCheckComplete);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('lotse-check-complete', this.onCheckComplete);
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('categories') || changed.has('district')) {
      const split = (value: string) =>
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      this.selection = { ...this.selection, category: split(this.categories), district: split(this.district) };
    }
    if (changed.has('pageSize') || changed.has('query') || changed.has('selection')) this.shown = this.pageSize;
    const kept = this.keptVersion;
    if (kept !== undefined) return this.askWorker(kept);
    const services = this.currentServices;
    if (this.data && this.search?.services !== services) this.search = new FinderSearch(this.data, services, () => this.requestUpdate());
  }

  /** Done when a requested detail view is on screen (its chunk may still be on its way). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.detailId && !this.detail.ready) {
      await this.loadDetail().catch(() => {});
      done = await super.getUpdateComplete();
    }
    if (this.more.loading) {
      await this.more.loading.catch(() => {});
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(changed: PropertyValues) {
    // The heading takes the focus when the detail view appears (a render after its chunk came).
    if (changed.has('detailId')) this.focusDetail = !!this.detailId;
    if (this.focusDetail && this.detailHeading) {
      this.focusDetail = false;
      this.detailHeading.focus();
    }
    if (this.resultsShown && !this.detailPrefetched) {
      this.detailPrefetched = true;
      whenIdle(() => void this.loadDetail().catch(() => {}));
    }
  }

  /** The detail view's chunk and strings (`loadPart`); its styles join the finder's in the shadow root. */
  private loadDetail(): Promise<void> {
    return this.loadPart(this.detail, detailChunk, detailTranslations, ({ detailStyles }) => {
      if (this.renderRoot instanceof ShadowRoot)
        adoptStyles(this.renderRoot, [...(this.constructor as typeof LitElement).elementStyles, detailStyles]);
    });
  }

  /** The views after an action (`finder-more.ts`) with their strings, rendered once they are there. */
  private loadMore(): Promise<void> {
    return this.loadPart(this.more, moreChunk, moreTranslations);
  }

  /**
   * A lazy chunk and, at the same time, its own strings in the widget's language (from now on
   * the finder loads them with its own in every language it switches to); `part` is ready, and
   * the finder renders again, when both are there (after `arrived`). The strings failing to
   * load leave that part in German, as the rest of the widget would be.
   */
  private loadPart<T>(part: LazyPart, chunk: LazyChunk<T>, strings: Translations, arrived?: (module: T) => void): Promise<void> {
    if (part.ready) return Promise.resolve();
    addLazyPart(translations, strings);
    part.loading ??= Promise.all([
      chunk.load(),
      loadLocale(this.locale, translations).catch(() =>
        console.warn(`[lotse] translations for "${this.locale}" could not be loaded; showing German.`),
      ),
    ])
      .then(([module]) => {
        arrived?.(module);
        part.ready = true;
        this.requestUpdate();
      })
      .finally(() => (part.loading = undefined));
    return part.loading;
  }

  // ---- Derived data --------------------------------------------------------------------

  private get clock(): Clock {
    return createClock(this.clockTick.now, this.data!.region);
  }

  /** What the visitor asked. */
  private question(): FinderQuery {
    const place = this.place;
    return {
      text: this.query,
      selection: this.selection,
      fromCheck: this.fromCheck,
      near: place && { lat: place.lat, lon: place.lon },
      shown: this.shown || this.pageSize,
      detailId: this.detailId,
    };
  }

  /**
   * A kept feed: each new question (or a new minute) goes to the worker; the previous answer
   * stays on screen until the new one is there. An answer found without the search index
   * (still being built) is followed by the index's answer.
   */
  private askWorker(version: number) {
    const now = this.clockTick.now.getTime();
    const query = this.question();
    const key = JSON.stringify([version, Math.floor(now / 60_000), query]);
    if (key === this.asked) return;
    this.asked = key;
    const ask = (whole: boolean): Promise<void> =>
      this.askFeed<FinderAnswer>({ kind: 'finder', query, now, whole }).then((answer) => {
        if (this.asked !== key || !answer) return;
        if (this.answerFocus) this.keepFocus(this.answerFocus);
        this.answerFocus = undefined;
        this.remote = { version, answer };
        if (answer.partial) return ask(true);
      });
    void ask(false);
  }

  /** The answer to show now, if there is one yet. */
  private currentAnswer(): FinderAnswer | undefined {
    const kept = this.keptVersion;
    if (kept !== undefined) return this.remote?.version === kept ? this.remote.answer : undefined;
    return this.search?.answer(this.question(), this.clock);
  }

  /**
   * An action that changes the results names where the focus goes if they take the focused
   * element away: in this render, or in the one that shows the worker's answer.
   */
  private keepFocusOnResults(selector: string) {
    if (this.keptVersion === undefined) this.keepFocus(selector);
    else this.answerFocus = selector;
  }

  /** Distance from the chosen place to the nearest location of a service. */
  private distanceTo(service: Service): number | undefined {
    return this.place && nearestMeters(service, this.place);
  }

  private distanceWords(meters: number): string {
    const minutes = Math.max(1, Math.round(meters / WALK_METERS_PER_MINUTE));
    return msg(str`${formatDistance(meters, this.locale)} · ${formatCount(minutes, 'minute', this.locale)} zu Fuß`);
  }

  // ---- Handlers --------------------------------------------------------------------------

  private onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.afterSearchChange();
  }

  private toggle(group: GroupId, option: string) {
    const chosen = this.selection[group] ?? [];
    const next = chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option];
    this.selection = { ...this.selection, [group]: next };
    this.afterSearchChange();
  }

  /**
   * On a phone the chip rows scroll sideways. Browsers scroll a focused chip of a right-to-left
   * row only partly into view (Arabic: mostly outside), so after their scroll the row is moved
   * by the missing amount, with room for the focus ring (WCAG 2.4.11). Deltas, not positions:
   * the same arithmetic holds for both directions.
   */
  private onRowFocus(event: FocusEvent) {
    const row = event.currentTarget as HTMLElement;
    const chip = event.target as HTMLElement;
    requestAnimationFrame(() => {
      if (row.scrollWidth <= row.clientWidth || (this.renderRoot as ShadowRoot).activeElement !== chip) return;
      const room = 8;
      const box = row.getBoundingClientRect();
      const r = chip.getBoundingClientRect();
      if (r.left < box.left + room) row.scrollLeft -= box.left + room - r.left;
      else if (r.right > box.right - room) row.scrollLeft += r.right - (box.right - room);
    });
  }

  private clearGroup(group: GroupId) {
    this.selection = { ...this.selection, [group]: [] };
    // The suggestion goes away with the empty result: continue at the first result.
    this.keepFocusOnResults('.card-title');
    this.afterSearchChange();
  }

  /** A quick-check on the page hands over its services: show exactly those, with a chip to undo. */
  private onCheckComplete = async (event: LotseEvent<'lotse-check-complete'>) => {
    const ids = Array.isArray(event.detail?.services) ? event.detail.services.filter((id) => typeof id === 'string') : [];
    if (!ids.length || !this.data) return;
    event.preventDefault();
    this.query = '';
    this.selection = {};
    this.place = undefined;
    this.fromCheck = ids;
    this.afterSearchChange();
    await this.updateComplete;
    const chip = this.renderRoot.querySelector<HTMLElement>('#lotse-from-check');
    chip?.scrollIntoView?.({ block: 'center' });
    chip?.focus();
  };

  private onLeaveCheck() {
    this.fromCheck = undefined;
    this.afterSearchChange();
    this.searchInput?.focus();
  }

  private onReset() {
    this.fromCheck = undefined;
    this.query = '';
    this.selection = {};
    this.place = undefined;
    this.placeStatus = 'idle';
    this.afterSearchChange();
    this.searchInput?.focus();
  }

  /** Tell the host page (debounced) and keep the URL in step. */
  private afterSearchChange() {
    if (this.urlState) writeUrlState({ query: this.query, selection: this.selection, serviceId: this.detailId }, false);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      const filters: Record<string, string[]> = {};
      for (const group of GROUPS) if (this.selection[group]?.length) filters[group] = this.selection[group]!;
      this.emit('lotse-search', { query: this.query, filters });
    }, 400);
  }

  /** More results; after the last page the button goes, and focus goes to the first new result. */
  private showMore(shown: number) {
    this.shown = shown + this.pageSize;
    this.keepFocusOnResults(`.results > li:nth-child(${shown + 1}) .card-title`);
  }

  private openDetail(serviceId: string) {
    this.detailId = serviceId;
    this.actionNote = undefined;
    if (this.urlState) writeUrlState({ query: this.query, selection: this.selection, serviceId }, true);
    this.emit('lotse-service-select', { serviceId });
  }

  private closeDetail() {
    const id = this.detailId;
    if (this.urlState && history.state?.lotse) {
      history.back(); // popstate closes the view
      return;
    }
    this.detailId = undefined;
    if (this.urlState) writeUrlState({ query: this.query, selection: this.selection }, false);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-service="${id}"]`)?.focus());
  }

  private requestContact(serviceId: string) {
    this.emit('lotse-contact-request', { serviceId });
    document.querySelector('lotse-contact-form')?.scrollIntoView({ block: 'start' });
  }

  private onPopState = () => {
    if (!this.urlState) return;
    const previous = this.detailId;
    this.applyUrlState();
    if (previous && !this.detailId) {
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-service="${previous}"]`)?.focus());
    }
  };

  private applyUrlState() {
    const state = readUrlState();
    this.query = state.query;
    this.selection = state.selection;
    this.detailId = state.serviceId;
  }

  private locate() {
    if (!('geolocation' in navigator)) {
      this.placeStatus = 'denied';
      return;
    }
    this.placeStatus = 'locating';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.place = { lat: position.coords.latitude, lon: position.coords.longitude, label: () => msg('Ihr Standort') };
        this.placeStatus = 'idle';
      },
      () => {
        this.placeStatus = 'denied';
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  /** "Near me" without GPS: the centre of the known locations in a district or postcode. */
  private placeFrom(kind: 'district' | 'postcode', value: string) {
    const label = kind === 'district' ? () => vocabularyLabel(this.data!, 'districts', value, (t) => this.text(t)) : () => value;
    const found = (centre: Point | undefined) => {
      if (!centre) {
        this.place = undefined;
        this.placeStatus = 'denied';
        this.renderRoot.querySelector<HTMLElement>('#lotse-place-note')?.focus();
        return;
      }
      this.place = { ...centre, label };
      this.placeStatus = 'idle';
    };
    if (this.keptVersion === undefined) return found(centreOf(this.currentServices, kind, value));
    void this.askFeed<Point>({ kind: 'centre', by: kind, value, now: this.clockTick.now.getTime() }).then(found);
  }

  private onPlaceSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const district = (form.elements.namedItem('district') as HTMLSelectElement | null)?.value ?? '';
    const postcode = ((form.elements.namedItem('postcode') as HTMLInputElement | null)?.value ?? '').trim();
    if (postcode) this.placeFrom('postcode', postcode);
    else if (district) this.placeFrom('district', district);
  }

  // ---- Render ----------------------------------------------------------------------------

  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2 tabindex="-1">${icon('search')} ${msg('Hilfe finden')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed((feed) => {
        const answer = this.currentAnswer();
        const id = this.detailId;
        const local = this.keptVersion === undefined;
        // A kept feed's service comes with the worker's answer.
        const service = !id
          ? undefined
          : answer?.detail?.id === id
            ? answer.detail
            : local
              ? this.currentServices.find((s) => s.id === id)
              : undefined;
        // Until its chunk and strings are there the list stays (and the focus on the service's button).
        if (service && !this.detail.ready) void this.loadDetail().catch(() => {});
        const detailView = detailChunk.module;
        if (!service || !this.detail.ready || !detailView) return answer ? this.renderSearch(feed, answer) : this.renderPreparing();
        const distance = this.distanceTo(service);
        return detailView.renderDetail(
          {
            locale: this.locale,
            text: (value) => this.text(value),
            showText: (value) => this.showText(value),
            clock: this.clock,
            note: this.actionNote,
            setNote: (note) => (this.actionNote = note),
            close: () => this.closeDetail(),
            requestContact: (id) => this.requestContact(id),
            canRequestContact: document.querySelector('lotse-contact-form') !== null,
            distance: distance === undefined ? undefined : this.distanceWords(distance),
            host: this,
          },
          service,
          feed,
        );
      })}
    `);
  }

  private renderSearch(feed: Feed, answer: FinderAnswer): TemplateResult {
    this.resultsShown = true;
    if (!this.more.ready) void this.loadMore().catch(() => {});
    const clock = this.clock;
    const { total, page, counts } = answer;
    const filtering = this.query.trim() !== '' || GROUPS.some((g) => this.selection[g]?.length) || !!this.fromCheck;

    return html`
      ${this.renderSearchForm()}
      ${this.renderQuickFilters(counts)} ${this.renderCategories(feed, answer)}
      ${this.renderMoreFilters(feed, answer)}
      <div class="results-head">
        <p id="lotse-count" class="count" role="status" aria-live="polite" aria-atomic="true">
          ${total === 1 ? msg('1 Angebot gefunden') : msg(str`${formatNumber(total, this.locale)} Angebote gefunden`)}
          ${this.place ? html`<span class="near-label">· ${msg(str`sortiert nach Nähe zu: ${isolate(this.place.label())}`)}</span>` : nothing}
        </p>
        ${
          this.fromCheck
            ? html`<button id="lotse-from-check" class="chip" part="filter" aria-pressed="true" @click=${this.onLeaveCheck}>
              ${icon('close')}<span>${msg('Aus dem Schnell-Check')}</span>
            </button>`
            : nothing
        }
        ${
          filtering || this.place
            ? html`<button class="reset" @click=${this.onReset}>${icon('close')} ${msg('Alles zurücksetzen')}</button>`
            : nothing
        }
      </div>
      ${total === 0 && this.more.ready ? moreChunk.module!.renderEmpty(this.moreContext(), answer) : nothing}
      <ul class="results" part="results" role="list">
        ${repeat(
          page,
          (service) => service.id,
          (service) => this.renderCard(service, feed, clock),
        )}
      </ul>
      ${
        total > page.length
          ? html`<button class="more" @click=${() => this.showMore(page.length)}>
            ${msg(str`Mehr zeigen (${formatNumber(page.length, this.locale)} von ${formatNumber(total, this.locale)})`)}
          </button>`
          : nothing
      }
    `;
  }

  private renderSearchForm() {
    return html`<form class="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <label for="lotse-search" class="search-label">${msg('Was suchen Sie?')}</label>
      <div class="search-row">
        ${icon('search')}
        <input
          id="lotse-search"
          part="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          .value=${this.query}
          placeholder=${msg('z. B. Arzt, Wohnung, Deutschkurs')}
          aria-describedby="lotse-count"
          @input=${this.onInput}
        />
      </div>
    </form>`;
  }

  /**
   * A big feed has arrived and its facets are being prepared (in slices): the search field
   * is there already (typing is kept), the count says that results are coming.
   */
  private renderPreparing() {
    return html`${this.renderSearchForm()}
      <div class="state loading" part="state">
        <div class="spinner" aria-hidden="true"></div>
        <p id="lotse-count" class="count" role="status" aria-live="polite" aria-atomic="true">${msg('Angebote werden geladen …')}</p>
      </div>`;
  }

  private chip(group: GroupId, option: string, text: string, count: number | undefined, iconName?: string) {
    const pressed = this.selection[group]?.includes(option) ?? false;
    return html`<button
      class="chip"
      part="filter"
      aria-pressed=${pressed ? 'true' : 'false'}
      ?disabled=${!pressed && !count}
      @click=${() => this.toggle(group, option)}
    >
      ${iconName ? icon(iconName) : nothing}<span>${text}</span> <span class="chip-count">${formatNumber(count ?? 0, this.locale)}</span>
    </button>`;
  }

  private renderQuickFilters(counts: FinderAnswer['counts']) {
    return html`<div class="quick" role="group" aria-label=${msg('Schnellfilter')} @focusin=${this.onRowFocus}>
      ${this.chip('open', 'now', msg('Jetzt offen'), counts.open.get('now'), 'clock')}
      ${this.chip('open', 'today', msg('Heute offen'), counts.open.get('today'), 'calendar')}
      ${this.chip('free', 'yes', msg('Kostenlos'), counts.free.get('yes'), 'free')}
      ${this.chip('walkIn', 'yes', msg('Ohne Termin'), counts.walkIn.get('yes'), 'walk')}
      ${this.chip('needs', 'no-insurance', msg('Ohne Krankenversicherung'), counts.needs.get('no-insurance'), 'uninsured')}
      <button class="chip" part="filter" aria-pressed=${this.place ? 'true' : 'false'} @click=${() => (this.place ? (this.place = undefined) : this.locate())}>
        ${icon('location')}<span>${this.placeStatus === 'locating' ? msg('Suche Standort …') : msg('In meiner Nähe')}</span>
      </button>
    </div>
    <p id="lotse-place-note" class="place-note" role="status" tabindex="-1">${
      this.placeStatus === 'denied'
        ? html`${icon('info')} ${msg('Ihr Standort ist nicht verfügbar. Wählen Sie einen Stadtteil oder geben Sie eine Postleitzahl ein.')}`
        : nothing
    }</p>
    ${this.placeStatus === 'denied' && this.more.ready ? moreChunk.module!.renderPlaceChoice(this.moreContext(), this.data!.districts) : nothing}`;
  }

  private renderCategories(feed: Feed, { categories, counts }: FinderAnswer) {
    // Every category some service has, so a chip does not vanish when another filter empties it.
    const used = feed.categories.filter((c) => categories.has(c.id));
    return html`<div class="categories" role="group" aria-label=${msg('Themen')} @focusin=${this.onRowFocus}>
      ${used.map((c) =>
        this.chip(
          'category',
          c.id,
          entryLabel('categories', c, (t) => this.text(t)),
          counts.category.get(c.id),
          c.icon ?? c.id,
        ),
      )}
    </div>`;
  }

  private renderMoreFilters(feed: Feed, answer: FinderAnswer) {
    const active = (['language', 'audience', 'district', 'needs'] as GroupId[]).reduce((n, g) => n + (this.selection[g]?.length ?? 0), 0);
    // The groups are rendered when opened: dozens of chips the first view does not need.
    return html`<div class="more-filters">
      <button class="toggle" aria-expanded=${this.moreFilters ? 'true' : 'false'} aria-controls="lotse-more" @click=${() => (this.moreFilters = !this.moreFilters)}>
        ${icon('filter')} ${msg('Mehr Filter')} ${active ? html`<span class="chip-count">${active}</span>` : nothing}
      </button>
      <div id="lotse-more" ?hidden=${!this.moreFilters} aria-busy=${this.moreFilters && !this.more.ready ? 'true' : nothing}>${
        !this.moreFilters
          ? nothing
          : this.more.ready
            ? moreChunk.module!.renderFilterGroups(this.moreContext(), feed, answer)
            : html`<div class="spinner" aria-hidden="true"></div>`
      }</div>
    </div>`;
  }

  /** What `finder-more.ts` renders with. */
  private moreContext(): MoreContext {
    return {
      locale: this.locale,
      selection: this.selection,
      query: this.query,
      text: (value) => this.text(value),
      chip: (group, option, text, count, iconName) => this.chip(group, option, text, count, iconName),
      clearGroup: (group) => this.clearGroup(group),
      reset: () => this.onReset(),
      submitPlace: (event) => this.onPlaceSubmit(event),
    };
  }

  private renderCard(service: Service, feed: Feed, clock: Clock): TemplateResult {
    const status = serviceStatus(service.locations, clock);
    const words = openingWords(status, clock, this.locale);
    const distance = this.distanceTo(service);
    const closed = service.status === 'temporarily-closed';
    return html`<li class="card" part="card">
      <h3>
        <button class="card-title" data-service=${service.id} @click=${() => this.openDetail(service.id)}>
          <span class="card-icons">${service.categories.slice(0, 2).map((c) => icon(vocabularyEntry(feed, 'categories', c)?.icon ?? c))}</span>
          <span>${this.showText(service.name)}</span>
          ${icon('forward')}
        </button>
      </h3>
      <p class="summary">${this.showText(service.summary)}</p>
      <p class="meta opening ${closed ? 'closed' : words.tone}">
        ${icon(closed ? 'warning' : 'clock')}
        <span>${closed ? msg('Vorübergehend geschlossen') : words.text}${!closed && words.languages ? html` · ${words.languages}` : nothing}</span>
      </p>
      <p class="meta">${icon('globe')} <span>${languageList(service.languages, this.locale, 'narrow')}</span></p>
      <p class="badges">
        ${service.free ? html`<span class="badge free">${icon('free')} ${msg('Kostenlos')}</span>` : nothing}
        ${service.access !== 'appointment' ? html`<span class="badge">${icon('walk')} ${msg('Ohne Termin')}</span>` : nothing}
        ${service.requirements.noInsuranceNeeded ? html`<span class="badge">${icon('uninsured')} ${msg('Ohne Versicherung')}</span>` : nothing}
        ${distance !== undefined ? html`<span class="badge">${icon('pin')} ${this.distanceWords(distance)}</span>` : nothing}
      </p>
    </li>`;
  }
}

defineElement('lotse-service-finder', LotseServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-service-finder': LotseServiceFinder;
  }
}
