import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';
import type { LotseEvent } from '../core/events.js';
import type { Feed, Service } from '../core/feed/schema.js';
import { formatCount, formatDistance, formatNumber, isolate, languageList, languageName } from '../core/format.js';
import { distanceMeters } from '../core/geo.js';
import { vocabularyEntry, vocabularyLabel } from '../core/labels.js';
import { openingWords } from '../core/opening-text.js';
import { createClock, serviceStatus, type Clock } from '../core/time/opening.js';
import { applyFilters, GROUPS, type FacetTable, type GroupId, type Selection } from './filters.js';
import { buildModel, minuteOf, plainTextOf, type FinderModel } from './finder-model.js';
import type { ServiceIndex } from './search-index.js';
import { readUrlState, writeUrlState } from './url-state.js';
import { finderStyles } from './service-finder.styles.js';
import translations from '../generated/locales/service-finder.js';

/**
 * The detail view (with print, share and read-aloud) is a chunk of its own: not needed before
 * the first results, fetched when the browser is idle after them, or when a detail is opened.
 * One copy for every finder on the page.
 */
let detailView: typeof import('./service-detail.js') | undefined;
let detailLoad: Promise<unknown> | undefined;
const loadDetailView = () =>
  (detailLoad ??= import('./service-detail.js').then(
    (module) => (detailView = module),
    (error) => {
      detailLoad = undefined; // try again on the next open
      throw error;
    },
  ));
let detailPrefetch = false;
function prefetchDetailView() {
  if (detailPrefetch) return;
  detailPrefetch = true;
  const load = () => void loadDetailView().catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 2000);
}

/** Walking speed for "12 min on foot": 80 m per minute. */
const WALK_METERS_PER_MINUTE = 80;

interface Place {
  lat: number;
  lon: number;
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
  protected override readonly translations = translations;

  @query('#lotse-detail-title') private detailHeading?: HTMLElement;
  @query('#lotse-search') private searchInput?: HTMLInputElement;

  @state() private query = '';
  @state() private selection: Selection = {};
  @state() private detailId?: string;
  @state() private shown = 0;
  @state() private moreFilters = false;
  @state() private place?: Place;
  /** Service ids handed over by a quick-check ("show these services"), shown until undone. */
  @state() private fromCheck?: string[];
  @state() private placeStatus: 'idle' | 'locating' | 'denied' = 'idle';
  @state() private index?: ServiceIndex;
  /** Facets and lookups of the current services (built in slices for a big feed). */
  @state() private model?: FinderModel;
  @state() private actionNote?: (locale: string) => string;

  /** Preset category filter: ids separated by commas, e.g. `categories="health,family"`. */
  @property() categories = '';

  /** Preset district filter: a district id from the feed, e.g. `district="nordviertel"`. */
  @property() district = '';

  /** `list` (cards, default) or `compact` (one line per service, for narrow sidebars). */
  @property({ reflect: true }) view: 'list' | 'compact' = 'list';

  /** How many results to show before "Show more" (default 20). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /** Keep search, filters and the open service in the page URL (for bookmarks and sharing). */
  @property({ attribute: 'url-state', type: Boolean }) urlState = false;

  private indexFor?: Service[];
  /** The model being built (services and minute), so one build runs per feed and minute. */
  private modelFor?: { services: Service[]; minute: number };
  /** The services `index` was built for (a new feed's index is on its way meanwhile). */
  private indexBuiltFor?: Service[];
  /** Names and summaries for the plain search while the index is built (`texts` once made). */
  private plainText?: { services: Service[]; texts?: string[] };
  /** @internal */
  protected override focusFallbacks = ['#lotse-search', '[part="toolbar"] h2'];
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The detail view was opened and its heading has not had the focus yet. */
  private focusDetail = false;

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
    const services = this.currentServices;
    if (this.data) this.refreshModel(services);
    // The first results need the model, not the index: a big feed's index is built after the
    // model (both in slices; side by side each would take twice as long), or at once when the
    // visitor types. Until it is there a plain text match answers.
    const modelReady = this.model?.services === services;
    if (modelReady && this.plainText?.services !== services) this.preparePlainText(services);
    if (services.length && this.indexFor !== services && (modelReady || this.query.trim() !== '')) {
      this.indexFor = services;
      const feed = this.data!;
      import('./search-index.js')
        .then(({ buildIndex }) => buildIndex(feed, services))
        .then((index) => {
          if (this.indexFor !== services) return;
          this.indexBuiltFor = services;
          this.index = index;
        });
    }
  }

  /** Done when a requested detail view is on screen (its chunk may still be on its way). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.detailId && !detailView) {
      await loadDetailView().catch(() => {});
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
    if (this.model) prefetchDetailView();
  }

  // ---- Derived data --------------------------------------------------------------------

  private get clock(): Clock {
    return createClock(this.clockTick.now, this.data!.region);
  }

  /**
   * A new feed or a new minute ("open now") needs a new model. For the next minute the old
   * model stays on screen until the new one is built.
   */
  private refreshModel(services: Service[]) {
    const clock = this.clock;
    const minute = minuteOf(clock);
    const wanted = this.modelFor;
    if (wanted?.services === services && wanted.minute === minute) return;
    this.modelFor = { services, minute };
    const built = buildModel(services, clock, this.model);
    if (!(built instanceof Promise)) {
      this.model = built;
      return;
    }
    void built.then((model) => {
      if (this.modelFor?.services === services && this.modelFor.minute === minute) this.model = model;
    });
  }

  /** A query can be answered: by the index, or by the plain texts while the index is built. */
  private canSearch(model: FinderModel) {
    return !this.query.trim() || !!this.indexOf(model) || (this.plainText?.services === model.services && !!this.plainText.texts);
  }

  /** The search index of these services, never an earlier feed's. */
  private indexOf(model: FinderModel) {
    return this.indexBuiltFor === model.services ? this.index : undefined;
  }

  private preparePlainText(services: Service[]) {
    const texts = plainTextOf(services);
    if (!(texts instanceof Promise)) {
      this.plainText = { services, texts };
      return;
    }
    this.plainText = { services };
    void texts.then((made) => {
      if (this.plainText?.services !== services) return;
      this.plainText = { services, texts: made };
      if (this.indexBuiltFor !== services && this.query.trim()) this.requestUpdate();
    });
  }

  /** Distance from the chosen place to the nearest location of a service. */
  private distanceTo(service: Service): number | undefined {
    if (!this.place) return undefined;
    let best: number | undefined;
    for (const location of service.locations) {
      if (!location.geo) continue;
      const d = distanceMeters(this.place, location.geo);
      if (best === undefined || d < best) best = d;
    }
    return best;
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
    this.keepFocus('.card-title');
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
    this.keepFocus(`.results > li:nth-child(${shown + 1}) .card-title`);
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

  /** The centre of the known locations in a district or postcode (for "near me" without GPS). */
  private placeFrom(kind: 'district' | 'postcode', value: string) {
    const points = this.currentServices
      .flatMap((s) => s.locations)
      .filter((l) => l.geo && (kind === 'district' ? l.district === value : l.address.postalCode === value))
      .map((l) => l.geo!);
    if (!points.length) {
      this.place = undefined;
      this.placeStatus = 'denied';
      this.renderRoot.querySelector<HTMLElement>('#lotse-place-note')?.focus();
      return false;
    }
    const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
    const lon = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
    const label = kind === 'district' ? () => vocabularyLabel(this.data!, 'districts', value, (t) => this.text(t)) : () => value;
    this.place = { lat, lon, label };
    return true;
  }

  private onPlaceSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const district = (form.elements.namedItem('district') as HTMLSelectElement | null)?.value ?? '';
    const postcode = ((form.elements.namedItem('postcode') as HTMLInputElement | null)?.value ?? '').trim();
    if (postcode) this.placeFrom('postcode', postcode);
    else if (district) this.placeFrom('district', district);
    if (this.place) this.placeStatus = 'idle';
  }

  // ---- Render ----------------------------------------------------------------------------

  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2 tabindex="-1">${icon('search')} ${msg('Hilfe finden')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed((feed) => {
        const services = this.currentServices;
        const model = this.model?.services === services ? this.model : undefined;
        const service = this.detailId ? (model?.byId.get(this.detailId) ?? services.find((s) => s.id === this.detailId)) : undefined;
        if (service && !detailView) {
          // Until its chunk is there the list stays (and the focus on the service's button).
          void loadDetailView().then(
            () => this.requestUpdate(),
            () => {},
          );
        }
        if (!service || !detailView) return model && this.canSearch(model) ? this.renderSearch(feed, model) : this.renderPreparing();
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

  private renderSearch(feed: Feed, model: FinderModel): TemplateResult {
    const { services, byId, facets } = model;
    const clock = this.clock;
    const query = this.query.trim();
    const index = this.indexOf(model);
    let candidates = index?.search(this.query) ?? services.map((s) => s.id);
    const texts = this.plainText?.services === services ? this.plainText.texts : undefined;
    if (!index && query && texts) {
      // The index is still being built (a moment on a slow phone): plain substring search.
      const q = query.toLowerCase();
      candidates = services.filter((_, i) => texts[i].includes(q)).map((s) => s.id);
    }
    if (this.fromCheck) {
      const wanted = new Set(this.fromCheck);
      candidates = candidates.filter((id) => wanted.has(id));
    }
    const result = applyFilters(candidates, facets, this.selection);
    let ids = result.ids;
    if (this.place && !query) {
      // Each distance once, not once per comparison (thousands of services).
      const distance = new Map(ids.map((id) => [id, this.distanceTo(byId.get(id)!) ?? Infinity]));
      ids = [...ids].sort((a, b) => distance.get(a)! - distance.get(b)!);
    }
    const filtering = query !== '' || GROUPS.some((g) => this.selection[g]?.length) || !!this.fromCheck;
    const visible = ids.slice(0, this.shown || this.pageSize);

    return html`
      ${this.renderSearchForm()}
      ${this.renderQuickFilters(result.counts)} ${this.renderCategories(feed, model, result.counts)}
      ${this.renderMoreFilters(feed, model, result.counts)}
      <div class="results-head">
        <p id="lotse-count" class="count" role="status" aria-live="polite" aria-atomic="true">
          ${ids.length === 1 ? msg('1 Angebot gefunden') : msg(str`${formatNumber(ids.length, this.locale)} Angebote gefunden`)}
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
      ${ids.length === 0 ? this.renderEmpty(candidates, facets) : nothing}
      <ul class="results" part="results" role="list">
        ${repeat(
          visible,
          (id) => id,
          (id) => this.renderCard(byId.get(id)!, feed, clock),
        )}
      </ul>
      ${
        ids.length > visible.length
          ? html`<button class="more" @click=${() => this.showMore(visible.length)}>
            ${msg(str`Mehr zeigen (${formatNumber(visible.length, this.locale)} von ${formatNumber(ids.length, this.locale)})`)}
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

  private renderQuickFilters(counts: ReturnType<typeof applyFilters>['counts']) {
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
    ${this.placeStatus === 'denied' ? this.renderPlaceChoice() : nothing}`;
  }

  private renderPlaceChoice() {
    const districts = this.data!.districts;
    return html`<form class="place" aria-labelledby="lotse-place-note" @submit=${this.onPlaceSubmit}>
      <div class="place-row">
        ${
          districts.length
            ? html`<label>${msg('Stadtteil')}
              <select name="district">
                <option value="">–</option>
                ${districts.map((d) => html`<option value=${d.id}>${this.text(d.label)}</option>`)}
              </select></label>`
            : nothing
        }
        <label>${msg('Postleitzahl')}
          <input name="postcode" inputmode="numeric" autocomplete="postal-code" size="6" maxlength="5" pattern="[0-9]*" /></label>
        <button class="primary" type="submit">${msg('Nach Nähe sortieren')}</button>
      </div>
    </form>`;
  }

  private renderCategories(feed: Feed, model: FinderModel, counts: ReturnType<typeof applyFilters>['counts']) {
    // Every category some service has, so a chip does not vanish when another filter empties it.
    const inUse = model.categories;
    const used = feed.categories.filter((c) => inUse.has(c.id));
    return html`<div class="categories" role="group" aria-label=${msg('Themen')} @focusin=${this.onRowFocus}>
      ${used.map((c) => this.chip('category', c.id, this.text(c.label), counts.category.get(c.id), c.icon ?? c.id))}
    </div>`;
  }

  private renderMoreFilters(feed: Feed, model: FinderModel, counts: ReturnType<typeof applyFilters>['counts']) {
    const active = (['language', 'audience', 'district', 'needs'] as GroupId[]).reduce((n, g) => n + (this.selection[g]?.length ?? 0), 0);
    // The groups are rendered when opened: dozens of chips the first view does not need.
    return html`<div class="more-filters">
      <button class="toggle" aria-expanded=${this.moreFilters ? 'true' : 'false'} aria-controls="lotse-more" @click=${() => (this.moreFilters = !this.moreFilters)}>
        ${icon('filter')} ${msg('Mehr Filter')} ${active ? html`<span class="chip-count">${active}</span>` : nothing}
      </button>
      <div id="lotse-more" ?hidden=${!this.moreFilters}>${this.moreFilters ? this.renderFilterGroups(feed, model, counts) : nothing}</div>
    </div>`;
  }

  private renderFilterGroups(feed: Feed, model: FinderModel, counts: ReturnType<typeof applyFilters>['counts']) {
    const languages = [...counts.language.keys(), ...(this.selection.language ?? [])]
      .filter((code, i, all) => all.indexOf(code) === i)
      .map((code) => ({ code, name: languageName(code, this.locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, this.locale));
    const group = (title: string, options: TemplateResult[]) =>
      options.length
        ? html`<fieldset class="group">
            <legend>${title}</legend>
            <div class="chips">${options}</div>
          </fieldset>`
        : nothing;
    return html`
      ${group(
        msg('Sprache der Beratung'),
        languages.map(({ code, name }) => this.chip('language', code, name, counts.language.get(code))),
      )}
      ${group(
        msg('Für wen'),
        feed.audiences
          .filter((a) => model.audiences.has(a.id))
          .map((a) => this.chip('audience', a.id, this.text(a.label), counts.audience.get(a.id), a.icon ?? a.id)),
      )}
      ${group(
        msg('Stadtteil'),
        feed.districts.map((d) => this.chip('district', d.id, this.text(d.label), counts.district.get(d.id), 'pin')),
      )}
      ${group(msg('Sie brauchen nicht'), [
        this.chip('needs', 'no-insurance', msg('Krankenversicherung'), counts.needs.get('no-insurance')),
        this.chip('needs', 'no-registration', msg('Anmeldung (Meldeadresse)'), counts.needs.get('no-registration')),
        this.chip('needs', 'anonymous', msg('Ihren Namen (anonym)'), counts.needs.get('anonymous')),
      ])}
    `;
  }

  /** No results: say which filter to loosen, with how many results that would give. */
  private renderEmpty(candidates: string[], facets: FacetTable) {
    const names: Record<GroupId, string> = {
      category: msg('Thema'),
      language: msg('Sprache'),
      audience: msg('Für wen'),
      district: msg('Stadtteil'),
      free: msg('Kostenlos'),
      walkIn: msg('Ohne Termin'),
      open: msg('Öffnungszeit'),
      needs: msg('Sie brauchen nicht'),
    };
    const loosen = GROUPS.filter((g) => this.selection[g]?.length)
      .map((group) => ({ group, count: applyFilters(candidates, facets, { ...this.selection, [group]: [] }).ids.length }))
      .filter((option) => option.count > 0);
    return html`<div class="empty state" part="state">
      <p class="title">${icon('info')} ${msg('Keine passenden Angebote.')}</p>
      ${
        loosen.length
          ? html`<p>${msg('Versuchen Sie es ohne diesen Filter:')}</p>
            <div class="chips">
              ${loosen.map(
                ({ group, count }) => html`<button class="chip" @click=${() => this.clearGroup(group)}>
                ${icon('close')}<span>${msg(str`Ohne „${names[group]}“`)}</span> <span class="chip-count">${formatNumber(count, this.locale)}</span>
              </button>`,
              )}
            </div>`
          : this.query.trim()
            ? html`<p>${msg('Versuchen Sie ein anderes Wort, zum Beispiel ein Thema wie „Arzt“ oder „Wohnung“.')}</p>`
            : nothing
      }
      <button class="primary" @click=${this.onReset}>${icon('refresh')} ${msg('Alles zurücksetzen')}</button>
    </div>`;
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
