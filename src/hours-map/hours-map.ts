import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';
import { openingWords } from '../core/opening-text.js';
import { addressLine, directionsHref, telHref } from '../core/location-links.js';
import { withLocale } from '../core/i18n.js';
import { vocabularyEntry } from '../core/labels.js';
import { safeUrl } from '../core/safe-url.js';
import { minutesOf, slotLanguages } from '../core/slots.js';
import type { Feed, Location, Service, Slot } from '../core/feed/schema.js';
import { WEEKDAYS } from '../core/feed/constants.js';
import { formatList, formatNumber, formatTime, formatTimeRange, isolate, languageList, languageName, weekdayName } from '../core/format.js';
import { createClock, type Clock, type LocationStatus } from '../core/time/opening.js';
import {
  NO_FILTERS,
  TIMES_OF_DAY,
  entryMatches,
  placeSteps,
  resultSteps,
  type Entry,
  type Filters,
  type Places,
  type Results,
  type TimeOfDay,
} from './model.js';
import { runSteps } from '../core/feed/slices.js';
import type { HoursMapView, MapPoint, MapTexts } from './map.js';
import { hoursMapStyles } from './hours-map.styles.js';
import translations from '../generated/locales/hours-map.js';

/** Places per page of the list ("show more" adds as many). */
const PAGE = 30;
const CONSENT_KEY = 'lotse-map-consent';
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '© OpenStreetMap';

const storage = {
  get: () => {
    try {
      return localStorage.getItem(CONSENT_KEY) === 'granted';
    } catch {
      return false;
    }
  },
  set: (granted: boolean) => {
    try {
      if (granted) localStorage.setItem(CONSENT_KEY, 'granted');
      else localStorage.removeItem(CONSENT_KEY);
    } catch {
      // Storage blocked (private mode): the choice holds for this page only.
    }
  },
};

/**
 * Counselling hours (Sprechstunden) as a list, a week plan and a map: who is open now, when
 * is the next opening, which slot speaks which language. The list works on its own; the map
 * (Leaflet, a lazy chunk) loads only when the visitor opens it, and tiles only after consent.
 *
 * @summary Counselling hours on a list, a week plan and an optional map.
 *
 * @csspart base - The widget's outer box.
 * @csspart toolbar - Title row with the language picker.
 * @csspart filters - The filter form.
 * @csspart views - The buttons that switch list / week plan and show the map.
 * @csspart list - The list of places.
 * @csspart entry - One place in the list.
 * @csspart week - The week plan.
 * @csspart map - The map box (consent placeholder or map).
 * @csspart consent - The consent placeholder before the map loads.
 *
 * @cssprop --lotse-map-height - Height of the map (default 22rem).
 *
 * @fires lotse-service-select - A visitor opened a place's details (from the list, week plan or map).
 * @fires lotse-contact-request - A visitor asked to be contacted by a service.
 * @fires lotse-feed-warning - Some feed entries were skipped or adjusted.
 * @fires lotse-feed-error - The feed cannot be used.
 */
export class LotseHoursMap extends LotseElement {
  static override styles = [...LotseElement.styles, hoursMapStyles];
  protected override readonly translations = translations;

  @query('.map-host') private mapHost?: HTMLElement;

  @state() private filters: Filters = NO_FILTERS;
  @state() private view: 'list' | 'week' = 'list';
  @state() private mapOpen = false;
  @state() private consented = false;
  @state() private mapStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The highlighted place (list entry and marker). */
  @state() private selected?: string;
  /** How many places the list shows (more on request: long lists are slow on cheap phones). */
  @state() private limit = PAGE;
  /** Places whose details are open. */
  @state() private expanded = new Set<string>();
  /** The week plan's module (its own small chunk, loaded when the plan is first shown). */
  @state() private weekPlan?: typeof import('./week-plan.js');

  /**
   * Tile URL template for the map, e.g. `https://tile.example.org/{z}/{x}/{y}.png`
   * (http(s) or a path on this site). Default: OpenStreetMap's tile server.
   */
  @property() tiles = '';

  /** Attribution shown on the map for the tiles (plain text). Default "© OpenStreetMap". */
  @property() attribution = '';

  /**
   * `granted` when the site's own consent manager already asked the visitor: the map then
   * loads without Lotse's placeholder. Otherwise the visitor is asked before any tile loads.
   */
  @property() consent = '';

  /** Show the map from the start (it still waits for consent). */
  @property({ type: Boolean, attribute: 'show-map' }) showMap = false;

  private mapView?: HoursMapView;
  private mapPoints: MapPoint[] = [];
  /** The points the map shows now, to redraw markers only when they change. */
  private drawnPoints?: MapPoint[];
  /**
   * Places (per minute), filter results (per filter choice), and the filter form and map
   * points made from them (per language) are kept between renders, which matters with
   * thousands of places. A big feed gets its places and results in slices (model.ts): until
   * they are there the previous ones stay on screen, or the widget says that it is loading.
   */
  private memo?: Places & { feed: Feed; minute: number; services: Service[]; clock: Clock };
  private memoFor?: { feed: Feed; minute: number; services: Service[] };
  private resultsMemo?: Results & { entries: Entry[]; filters: Filters; services: Service[] };
  private resultsFor?: { entries: Entry[]; filters: Filters };
  private viewMemo?: { results: Results; locale: string; form?: unknown; points?: MapPoint[] };
  private mapTexts?: MapTexts;
  private mapRequested = false;
  private pendingReveal?: string;
  private pendingFocus?: string;
  /** @internal */
  protected override focusFallbacks = ['#f-day', '[part="toolbar"] h2'];

  // ---- Lifecycle ----------------------------------------------------------------------------

  override connectedCallback() {
    super.connectedCallback();
    this.consented ||= storage.get();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.closeMapView();
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('showMap') && this.showMap) this.mapOpen = true;
  }

  protected override updated() {
    // Only once the map's box is there: while the places are made (or a kept feed's first answer
    // is on its way) the widget says "loading", and a load would find no box and start again.
    if (this.mapOpen && this.hasConsent && this.mapHost && this.mapStatus === 'idle' && !this.mapRequested) {
      this.mapRequested = true;
      void this.loadMap();
    }
    if (!this.mapOpen && this.mapView) this.closeMapView();
    if (this.mapView && this.mapTexts) {
      if (this.drawnPoints !== this.mapPoints) {
        this.drawnPoints = this.mapPoints;
        this.mapView.setPoints(this.mapPoints, this.mapTexts);
      }
      this.mapView.select(this.selected, this.pendingReveal === this.selected);
      this.pendingReveal = undefined;
    }
    if (this.pendingFocus) {
      const li = this.renderRoot.querySelector<HTMLElement>(`li[data-key="${CSS.escape(this.pendingFocus)}"]`);
      this.pendingFocus = undefined;
      li?.scrollIntoView?.({ block: 'nearest' });
      li?.querySelector<HTMLElement>('.name')?.focus({ preventScroll: true });
    }
  }

  // ---- Handlers -----------------------------------------------------------------------------

  private onFilter(event: Event) {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const name = input.name as keyof Filters;
    const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    this.filters = { ...this.filters, [name]: value };
    this.limit = PAGE;
  }

  private onResetFilters() {
    this.filters = NO_FILTERS;
    this.keepFocus('#f-day');
    this.limit = PAGE;
  }

  /** Select a place: highlight it in list and map and open its details. */
  private pick(key: string, from: 'list' | 'map' | 'week' | 'show-on-map') {
    const entry = this.memo?.entries.find((e) => e.key === key);
    if (!entry) return;
    const opening = !this.expanded.has(key) || from !== 'list';
    if (from === 'list' && this.expanded.has(key)) {
      this.expanded = new Set([...this.expanded].filter((k) => k !== key));
    } else {
      this.expanded = new Set(this.expanded).add(key);
    }
    this.selected = key;
    if (from === 'show-on-map') {
      this.mapOpen = true;
      this.pendingReveal = key;
    } else if (from !== 'map') {
      this.pendingReveal = key;
    }
    if (from === 'map' || from === 'week') {
      const shown =
        this.resultsMemo?.filters === this.filters && this.resultsMemo.entries === this.memo?.entries
          ? this.resultsMemo.shown
          : this.memo!.entries.filter((e) => entryMatches(e, this.filters));
      const index = shown.indexOf(entry);
      if (index >= this.limit) this.limit = index + 1;
      this.view = 'list';
      this.pendingFocus = key;
    }
    if (opening && from !== 'show-on-map') {
      this.emit('lotse-service-select', { serviceId: entry.service.id, locationId: entry.location?.id });
    }
  }

  private onShowMore() {
    const first = this.limit;
    this.limit += PAGE;
    // Keyboard users continue at the first new place. In the week plan the new places' times
    // join each day's list: the button keeps the focus, or after the last page the first time.
    if (this.view === 'week') return this.keepFocus('.week button.link');
    this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('li.entry button.name')[first]?.focus());
  }

  private onAcceptMap(event: Event) {
    const remember = (event.currentTarget as HTMLElement)
      .closest('.consent')
      ?.querySelector<HTMLInputElement>('input[name="remember"]')?.checked;
    if (remember) storage.set(true);
    this.consented = true;
    this.keepFocus('.revoke');
  }

  private onRevokeMap() {
    storage.set(false);
    this.consented = false;
    this.keepFocus('.consent button.primary');
    this.closeMapView();
    this.mapStatus = 'idle';
  }

  // ---- Helpers ------------------------------------------------------------------------------

  private get hasConsent() {
    return this.consent === 'granted' || this.consented;
  }

  /** The `tiles` template when it is a safe http(s) address or a path on this site, else OSM's. */
  private get tileUrl() {
    const tiles = this.tiles.trim();
    return safeUrl(tiles.replace(/\{[a-z]+\}/gi, '0'), { base: location.href }) ? tiles : OSM_TILES;
  }

  private get tileHost() {
    try {
      return new URL(this.tileUrl.replace(/\{[a-z]+\}/gi, 'a'), location.href).host;
    } catch {
      return '';
    }
  }

  /** The places with their status this minute (the previous minute's while a big feed's are made). */
  private model(feed: Feed) {
    const nowDate = this.clockTick.now;
    const minute = Math.floor(nowDate.getTime() / 60_000);
    const services = this.currentServices;
    const m = this.memo;
    if (m && m.feed === feed && m.minute === minute && m.services === services) return m;
    const w = this.memoFor;
    if (!(w && w.feed === feed && w.minute === minute && w.services === services)) {
      this.memoFor = { feed, minute, services };
      const clock = createClock(nowDate, feed.region);
      const made = runSteps(placeSteps(services, clock), services.length);
      if (!(made instanceof Promise)) return (this.memo = { feed, minute, services, clock, ...made });
      void made.then((places) => {
        if (this.memoFor?.feed !== feed || this.memoFor.minute !== minute || this.memoFor.services !== services) return;
        this.memo = { feed, minute, services, clock, ...places };
        this.requestUpdate();
      });
    }
    return m && m.feed === feed && m.services === services ? m : undefined;
  }

  /**
   * The places that match the filters, and the counts of every option (see `model`). While a
   * big feed's are made, the previous ones of the same services stay (never another feed's).
   */
  private results({ entries, services }: { entries: Entry[]; services: Service[] }, filters: Filters): Results | undefined {
    const r = this.resultsMemo;
    if (r && r.entries === entries && r.filters === filters) return r;
    const w = this.resultsFor;
    if (!(w && w.entries === entries && w.filters === filters)) {
      this.resultsFor = { entries, filters };
      const made = runSteps(resultSteps(entries, filters), entries.length);
      if (!(made instanceof Promise)) {
        this.resultsMemo = { entries, filters, services, ...made };
        return this.resultsMemo;
      }
      void made.then((results) => {
        if (this.resultsFor?.entries !== entries || this.resultsFor.filters !== filters) return;
        this.resultsMemo = { entries, filters, services, ...results };
        this.requestUpdate();
      });
    }
    return r?.services === services ? r : undefined;
  }

  private async loadMap() {
    await null; // not inside updated(): a state change there would cost a second update
    this.mapStatus = 'loading';
    try {
      const { createMap } = await import('./map.js');
      await this.updateComplete;
      const feed = this.data;
      if (!this.mapOpen || !this.hasConsent || !this.mapHost || !feed) {
        this.mapStatus = 'idle';
        return;
      }
      this.mapView = createMap(this.mapHost, {
        tiles: this.tileUrl,
        attribution: this.attribution.trim() || OSM_ATTRIBUTION,
        center: feed.region.center,
        zoom: feed.region.zoom ?? 14,
        texts: this.mapTexts!,
        onSelect: (key) => this.pick(key, 'map'),
      });
      this.pendingReveal ??= this.selected;
      this.mapStatus = 'ready';
    } catch (error) {
      console.warn('[lotse] the map could not be loaded:', error);
      this.mapStatus = 'error';
    } finally {
      this.mapRequested = false;
    }
  }

  private closeMapView() {
    this.drawnPoints = undefined;
    this.mapView?.destroy();
    this.mapView = undefined;
    if (this.mapStatus !== 'error') this.mapStatus = 'idle';
  }

  // ---- Render -------------------------------------------------------------------------------

  override render() {
    return this.renderFrame(html`
      <div class="toolbar" part="toolbar">
        <h2 tabindex="-1">${msg('Sprechstunden')}</h2>
        ${this.renderLanguagePicker()}
      </div>
      ${this.renderFeed((feed) => this.renderContent(feed))}
    `);
  }

  private renderContent(feed: Feed) {
    const places = this.model(feed);
    const results = places && this.results(places, this.filters);
    if (!places || !results) {
      return html`<div class="state loading" part="state">
        <div class="spinner" aria-hidden="true"></div>
        <p class="count" role="status">${msg('Angebote werden geladen …')}</p>
      </div>`;
    }
    const { clock } = places;
    let v = this.viewMemo;
    if (!v || v.results !== results || v.locale !== this.locale) v = this.viewMemo = { results, locale: this.locale };
    const { shown, located } = results;
    v.form ??= this.renderFilters(feed, places, results);
    if (this.mapOpen) this.prepareMap((v.points ??= this.mapPointsOf(located, clock)));
    const now = html`${weekdayName(clock.weekday, this.locale)}, ${formatTime(clock.minutes, this.locale)}`;
    return html`
      <p class="now">${icon('clock')} ${msg('Jetzt:')} <strong>${now}</strong>
        ${clock.holidayToday ? html`<span class="tag">${msg('Feiertag')}</span>` : nothing}</p>
      ${v.form}
      <div class="views no-print" part="views">
        <div class="segmented" role="group" aria-label=${msg('Ansicht')}>
          <button type="button" aria-pressed=${this.view === 'list'} @click=${() => (this.view = 'list')}>
            ${icon('list')} ${msg('Liste')}
          </button>
          <button type="button" aria-pressed=${this.view === 'week'} @click=${() => (this.view = 'week')}>
            ${icon('calendar')} ${msg('Wochenplan')}
          </button>
        </div>
        <button type="button" aria-expanded=${this.mapOpen} aria-controls="map" @click=${() => (this.mapOpen = !this.mapOpen)}>
          ${icon('map')} ${this.mapOpen ? msg('Karte ausblenden') : msg('Karte zeigen')}
        </button>
      </div>
      <p class="count" role="status">
        ${shown.length === 1 ? msg('1 Ort gefunden') : msg(str`${formatNumber(shown.length, this.locale)} Orte gefunden`)}
      </p>
      ${this.mapOpen ? this.renderMap(shown.length - located.length) : nothing}
      ${
        shown.length === 0
          ? html`<div class="state" part="state">
            <p>${msg('Keine Sprechstunde passt zu diesen Filtern.')}</p>
            <button type="button" @click=${this.onResetFilters}>${icon('close')} ${msg('Filter löschen')}</button>
          </div>`
          : this.view === 'week'
            ? this.renderWeekPlan(shown, clock)
            : this.renderList(shown, clock)
      }
    `;
  }

  private renderFilters(feed: Feed, places: Places, { counts }: Results) {
    const f = this.filters;
    const l = this.locale;
    const n = (count = 0) => ` (${formatNumber(count, l)})`;
    const { day: days, time: times, language: langCounts, category: catCounts, walkIn, openNow } = counts;
    const languages = [...places.languages]
      .map((code) => [code, languageName(code, l)] as const)
      .sort((a, b) => a[1].localeCompare(b[1], l));
    const categories = feed.categories.filter((c) => places.categories.has(c.id));
    const timeLabel: Record<TimeOfDay, string> = {
      morning: msg('Morgens (bis 12 Uhr)'),
      afternoon: msg('Nachmittags (12 bis 17 Uhr)'),
      evening: msg('Abends (ab 17 Uhr)'),
    };
    const active = Object.entries(f).some(([, v]) => v);
    return html`<form class="filters no-print" part="filters" role="search" aria-label=${msg('Filter')}
      @change=${this.onFilter} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="f-day">${icon('calendar')} ${msg('Tag')}</label>
        <select id="f-day" name="day">
          <option value="" ?selected=${!f.day}>${msg('Alle Tage')}${n(days.get(''))}</option>
          ${WEEKDAYS.map((d) => html`<option value=${d} ?selected=${f.day === d}>${weekdayName(d, l)}${n(days.get(d))}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-time">${icon('clock')} ${msg('Tageszeit')}</label>
        <select id="f-time" name="time">
          <option value="" ?selected=${!f.time}>${msg('Ganzer Tag')}${n(times.get(''))}</option>
          ${TIMES_OF_DAY.map((t) => html`<option value=${t} ?selected=${f.time === t}>${timeLabel[t]}${n(times.get(t))}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-language">${icon('globe')} ${msg('Sprache der Beratung')}</label>
        <select id="f-language" name="language">
          <option value="" ?selected=${!f.language}>${msg('Alle Sprachen')}${n(langCounts.get(''))}</option>
          ${languages.map(([code, name]) => html`<option value=${code} ?selected=${f.language === code}>${name}${n(langCounts.get(code))}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-category">${icon('filter')} ${msg('Thema')}</label>
        <select id="f-category" name="category">
          <option value="" ?selected=${!f.category}>${msg('Alle Themen')}${n(catCounts.get(''))}</option>
          ${categories.map((c) => html`<option value=${c.id} ?selected=${f.category === c.id}>${this.text(c.label)}${n(catCounts.get(c.id))}</option>`)}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name="walkIn" .checked=${f.walkIn} />
        ${icon('walk')} ${msg('Ohne Termin')}${n(walkIn)}
      </label>
      <label class="check">
        <input type="checkbox" name="openNow" .checked=${f.openNow} />
        ${icon('clock')} ${msg('Jetzt offen')}${n(openNow)}
      </label>
      ${
        active
          ? html`<button type="button" class="reset" @click=${this.onResetFilters}>${icon('close')} ${msg('Filter löschen')}</button>`
          : nothing
      }
    </form>`;
  }

  // ---- Status and slot texts ----------------------------------------------------------------

  /** Status words shared with the finder (core/opening-text), plus the map's special cases. */
  private statusText(entry: Entry, clock: Clock): [string, string] {
    const s: LocationStatus = entry.status;
    if (entry.service.status === 'temporarily-closed') return ['closed', msg('Zurzeit geschlossen')];
    if (!s.open && !entry.location?.hours.length) return ['none', msg('Keine festen Zeiten. Bitte anrufen.')];
    const words = openingWords(s, clock, this.locale);
    const prefix = !s.open && s.closure ? `${msg('Heute geschlossen.')} ` : '';
    return [words.tone === 'open' || words.tone === 'soon' ? words.tone : 'closed', prefix + words.text];
  }

  private kind(slot: Slot) {
    return slot.kind === 'walk-in'
      ? html`<span class="kind">${icon('walk')} ${msg('Ohne Termin')}</span>`
      : html`<span class="kind">${icon('calendar')} ${msg('Mit Termin')}</span>`;
  }

  private address(location: Location) {
    const district = location.district && this.data ? vocabularyEntry(this.data, 'districts', location.district) : undefined;
    return `${addressLine(location)}${district ? ` · ${this.text(district.label)}` : ''}`;
  }

  // ---- List -----------------------------------------------------------------------------

  private renderList(entries: Entry[], clock: Clock) {
    return html`<ul class="list" part="list" aria-label=${msg('Orte')}>
        ${repeat(
          entries.slice(0, this.limit),
          (e) => e.key,
          (e) => this.renderEntry(e, clock),
        )}
      </ul>
      ${this.renderMore(entries)}`;
  }

  /** "More places": list and week plan show the places page by page (long lists are slow on cheap phones). */
  private renderMore(entries: Entry[]) {
    const more = entries.length - this.limit;
    return more > 0
      ? html`<button type="button" class="more no-print" @click=${this.onShowMore}>
          ${msg(str`Weitere Orte zeigen (noch ${formatNumber(more, this.locale)})`)}
        </button>`
      : nothing;
  }

  private renderEntry(entry: Entry, clock: Clock) {
    const { service, location, key } = entry;
    const [tone, status] = this.statusText(entry, clock);
    const open = this.expanded.has(key);
    const selected = this.selected === key;
    const category = this.data && vocabularyEntry(this.data, 'categories', service.categories[0]);
    const detailsId = `d-${key.replace(/[^a-z0-9_-]/gi, '-')}`;
    return html`<li class="entry ${selected ? 'selected' : ''}" part="entry" data-key=${key} aria-current=${selected ? 'true' : nothing}>
      <h3>
        <button type="button" class="name" aria-expanded=${open} aria-controls=${detailsId} @click=${() => this.pick(key, 'list')}>
          ${icon(category?.icon ?? 'info')}
          <span>${this.showText(service.name)}${location?.name ? html` – ${this.showText(location.name)}` : nothing}</span>
        </button>
      </h3>
      <p class="status ${tone}">${icon(tone === 'open' ? 'check' : tone === 'soon' ? 'warning' : 'clock')} ${status}</p>
      ${
        location
          ? html`<p class="where">${icon('pin')} ${this.address(location)}
            ${location.geo ? nothing : html`<span class="tag">${msg('nicht auf der Karte')}</span>`}</p>`
          : nothing
      }
      <p class="langs">${icon('globe')} ${languageList(service.languages, this.locale)}</p>
      ${open ? this.renderDetails(entry, detailsId) : nothing}
    </li>`;
  }

  private renderDetails(entry: Entry, id: string) {
    const { service, location, status } = entry;
    const phone = service.contact.phone;
    return html`<div class="details" id=${id}>
      <p>${this.showText(service.summary)}</p>
      ${service.statusNote ? html`<p class="notice">${icon('info')} ${this.showText(service.statusNote)}</p>` : nothing}
      ${status.closure?.note ? html`<p class="notice">${icon('info')} ${this.showText(status.closure.note)}</p>` : nothing}
      ${
        location?.hours.length
          ? html`<h4>${msg('Sprechstunden')}</h4>
            <ul class="slots">
              ${location.hours.map(
                (slot) => html`<li>
                  <strong>${formatList(
                    slot.days.map((d) => weekdayName(d, this.locale, 'short')),
                    this.locale,
                  )}
                    ${formatTimeRange(minutesOf(slot.opens), minutesOf(slot.closes), this.locale)}</strong>
                  ${this.kind(slot)}
                  <span>${icon('globe')} ${languageList(slotLanguages(slot, service), this.locale)}</span>
                  ${slot.note ? html`<span>${this.showText(slot.note)}</span>` : nothing}
                </li>`,
              )}
            </ul>
            ${location.publicHolidays === 'closed' ? html`<p class="hint">${msg('An Feiertagen geschlossen.')}</p>` : nothing}`
          : nothing
      }
      <div class="actions">
        ${
          phone
            ? html`<a class="button primary" href=${telHref(phone)}>${icon('phone')} ${msg('Anrufen')} <span dir="ltr">${phone}</span></a>`
            : nothing
        }
        ${
          location
            ? html`<a class="button" href=${directionsHref(location)} target="_blank" rel="noopener noreferrer">
              ${icon('route')} ${msg('Weg zeigen')}<span class="visually-hidden"> (OpenStreetMap)</span></a>`
            : nothing
        }
        ${
          location?.geo
            ? html`<button type="button" @click=${() => this.pick(entry.key, 'show-on-map')}>${icon('map')} ${msg('Auf der Karte zeigen')}</button>`
            : nothing
        }
        <button type="button" @click=${() => this.emit('lotse-contact-request', { serviceId: service.id })}>
          ${icon('mail')} ${msg('Um Rückruf bitten')}
        </button>
      </div>
    </div>`;
  }

  // ---- Week plan (its own small chunk, loaded when first shown) ---------------------------

  private renderWeekPlan(entries: Entry[], clock: Clock) {
    if (!this.weekPlan) {
      import('./week-plan.js').then((module) => (this.weekPlan = module));
      return html`<div class="week" part="week" aria-busy="true"></div>`;
    }
    // The times of the places the list would show (the same pages: 30 places, then more).
    return html`${this.weekPlan.renderWeek(
      {
        locale: this.locale,
        filters: this.filters,
        text: (value) => this.text(value),
        showText: (value) => this.showText(value),
        pick: (key) => this.pick(key, 'week'),
        kind: (slot) => this.kind(slot),
      },
      entries.slice(0, this.limit),
      clock,
    )}${this.renderMore(entries)}`;
  }

  // ---- Map ----------------------------------------------------------------------------------

  /** Points and texts for the map, made during render so that they are in the UI language. */
  private mapPointsOf(located: Entry[], clock: Clock): MapPoint[] {
    return located.map((e) => ({
      key: e.key,
      lat: e.location!.geo!.lat,
      lon: e.location!.geo!.lon,
      label: `${this.text(e.service.name)}, ${e.location!.address.street}: ${this.statusText(e, clock)[1]}`,
      open: e.status.open,
    }));
  }

  private prepareMap(points: MapPoint[]) {
    this.mapPoints = points;
    const locale = this.locale;
    this.mapTexts = {
      cluster: (count, names) =>
        withLocale(locale, this.translations, () =>
          msg(str`${count} Orte: ${formatList(names.map(isolate), locale)}. Zum Vergrößern drücken.`),
        ),
      zoomIn: msg('Karte vergrößern'),
      zoomOut: msg('Karte verkleinern'),
      region: msg('Karte der Orte'),
    };
  }

  private renderMap(withoutPlace: number) {
    const host = this.tileHost;
    const body = !this.hasConsent
      ? html`<div class="consent" part="consent">
          <p class="title">${icon('map')} ${msg('Karte laden?')}</p>
          <p>${msg(str`Die Karte kommt von ${isolate(host)}. Beim Laden sieht ${isolate(host)} Ihre IP-Adresse.`)}</p>
          <p>${msg('Ohne Karte sehen Sie alle Orte in der Liste.')}</p>
          <label class="check"><input type="checkbox" name="remember" /> ${msg('Meine Wahl merken')}</label>
          <button type="button" class="primary" @click=${this.onAcceptMap}>${icon('check')} ${msg('Karte laden')}</button>
        </div>`
      : html`${
          this.mapStatus === 'error'
            ? html`<p class="notice" role="alert">${icon('warning')} ${msg('Die Karte kann gerade nicht geladen werden. Die Liste zeigt alle Orte.')}</p>`
            : nothing
        }
          ${this.mapStatus === 'loading' ? html`<p role="status">${msg('Karte wird geladen …')}</p>` : nothing}
          <div class="map-host"></div>
          ${
            this.consent !== 'granted'
              ? html`<button type="button" class="revoke" @click=${this.onRevokeMap}>${icon('close')} ${msg('Karte nicht mehr laden')}</button>`
              : nothing
          }`;
    return html`<section id="map" class="map no-print" part="map" aria-label=${msg('Karte')}>
      ${body}
      ${
        withoutPlace > 0
          ? html`<p class="hint">${icon('info')}
            ${withoutPlace === 1 ? msg('1 Angebot ohne festen Ort steht nur in der Liste.') : msg(str`${withoutPlace} Angebote ohne festen Ort stehen nur in der Liste.`)}</p>`
          : nothing
      }
    </section>`;
  }
}

defineElement('lotse-hours-map', LotseHoursMap);

declare global {
  interface HTMLElementTagNameMap {
    'lotse-hours-map': LotseHoursMap;
  }
}
