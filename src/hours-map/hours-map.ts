import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { LotseElement } from '../core/base-element.js';
import { defineElement } from '../core/define.js';
import { icon } from '../core/icons.js';
import { openingWords } from '../core/opening-text.js';
import { addressLine, directionsHref, telHref } from '../core/location-links.js';
import { isLocaleReady, withLocale } from '../core/i18n.js';
import { entryLabel, vocabularyEntry } from '../core/labels.js';
import { safeUrl } from '../core/safe-url.js';
import { minutesOf, slotLanguages } from '../core/slots.js';
import type { Feed, Location, Slot } from '../core/feed/schema.js';
import { WEEKDAYS } from '../core/feed/constants.js';
import { formatList, formatNumber, formatTime, formatTimeRange, isolate, languageList, languageName, weekdayName } from '../core/format.js';
import { createClock, type Clock, type LocationStatus } from '../core/time/opening.js';
import { NO_FILTERS, TIMES_OF_DAY, type Entry, type Filters, type TimeOfDay } from './model.js';
import { HoursSearch, type HoursAnswer, type HoursQuery, type Spot } from './hours-search.js';
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
  static override properties: PropertyDeclarations = {
    filters: { state: true },
    view: { state: true },
    mapOpen: { state: true },
    consented: { state: true },
    mapStatus: { state: true },
    selected: { state: true },
    limit: { state: true },
    reveal: { state: true },
    remote: { state: true },
    remoteSpots: { state: true },
    expanded: { state: true },
    weekPlan: { state: true },
    tiles: {},
    attribution: {},
    consent: {},
    showMap: { type: Boolean, attribute: 'show-map' },
  };

  protected override readonly translations = translations;

  private get mapHost() {
    return this.renderRoot.querySelector<HTMLElement>('.map-host');
  }

  private filters: Filters = NO_FILTERS;
  private view: 'list' | 'week' = 'list';
  private mapOpen = false;
  private consented = false;
  private mapStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The highlighted place (list entry and marker). */
  private selected?: string;
  /** How many places the list shows (more on request: long lists are slow on cheap phones). */
  private limit = PAGE;
  /** A place chosen on the map or in the week plan: the list shows it, however far down it is. */
  private reveal?: string;
  /** A kept feed's answer and map points from the feed worker (see `askWorker`). */
  private remote?: { version: number; key: string; answer: HoursAnswer };
  private remoteSpots?: { version: number; spots: Spot[] };
  /** Places whose details are open. */
  private expanded = new Set<string>();
  /** The week plan's module (its own small chunk, loaded when the plan is first shown). */
  private weekPlan?: typeof import('./week-plan.js');

  /**
   * Tile URL template for the map, e.g. `https://tile.example.org/{z}/{x}/{y}.png`
   * (http(s) or a path on this site). Default: OpenStreetMap's tile server.
   */
  tiles = '';

  /** Attribution shown on the map for the tiles (plain text). Default "© OpenStreetMap". */
  attribution = '';

  /**
   * `granted` when the site's own consent manager already asked the visitor: the map then
   * loads without Lotse's placeholder. Otherwise the visitor is asked before any tile loads.
   */
  consent = '';

  /** Show the map from the start (it still waits for consent). */
  showMap = false;

  private mapView?: HoursMapView;
  private mapPoints?: MapPoint[];
  /** The points the map shows now, to redraw markers only when they change. */
  private drawnPoints?: MapPoint[];
  /**
   * The answers in the render: a small feed's or an inline feed's services (hours-search.ts;
   * a big feed from a URL stays in the feed worker, which answers instead). A big feed's places
   * and results are made in slices: until they are there the previous answer stays on screen,
   * or the widget says that it is loading.
   */
  private search?: HoursSearch;
  /** The last questions sent to the worker (the list's, the map points'). */
  private asked?: string;
  private spotsAsked?: string;
  /** Where focus goes when the worker's answer changes the list (see `keepFocusOnAnswer`). */
  private answerFocus?: string;
  /** The answer and clock of the last render; the filter form and map points made from them (per `textsKey`). */
  private shown?: { answer: HoursAnswer; clock: Clock; feed: Feed };
  private viewMemo?: { answer: HoursAnswer; texts: string; form?: unknown };
  private pointsMemo?: { spots: Spot[]; texts: string; clock: Clock; points: MapPoint[] };
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
    const kept = this.keptVersion;
    if (kept !== undefined) return this.askWorker(kept);
    const services = this.currentServices;
    if (this.data && this.search?.services !== services) this.search = new HoursSearch(services, () => this.requestUpdate());
  }

  protected override updated() {
    // Only once the map's box is there: while the places are made (or a kept feed's first answer
    // is on its way) the widget says "loading", and a load would find no box and start again.
    if (this.mapOpen && this.hasConsent && this.mapHost && this.mapStatus === 'idle' && !this.mapRequested) {
      this.mapRequested = true;
      void this.loadMap();
    }
    if (!this.mapOpen && this.mapView) this.closeMapView();
    if (this.mapView && this.mapTexts && this.mapPoints) {
      if (this.drawnPoints !== this.mapPoints) {
        this.drawnPoints = this.mapPoints;
        this.mapView.setPoints(this.mapPoints, this.mapTexts);
      }
      this.mapView.select(this.selected, this.pendingReveal === this.selected);
      this.pendingReveal = undefined;
    }
    if (this.pendingFocus) {
      const li = this.renderRoot.querySelector<HTMLElement>(`li[data-key="${CSS.escape(this.pendingFocus)}"]`);
      // A kept feed's place comes with the worker's answer.
      if (!li && this.keptVersion !== undefined && this.remote?.key !== this.asked) return;
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
    this.reveal = undefined;
  }

  private onResetFilters() {
    this.filters = NO_FILTERS;
    this.keepFocus('#f-day');
    this.limit = PAGE;
    this.reveal = undefined;
  }

  /** Select a place: highlight it in list and map and open its details. */
  private pick(key: string, from: 'list' | 'map' | 'week' | 'show-on-map') {
    const place = this.placeOf(key);
    if (!place) return;
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
      // The list shows the place (the answer's page reaches it) and focuses it.
      this.reveal = key;
      this.view = 'list';
      this.pendingFocus = key;
    }
    if (opening && from !== 'show-on-map') this.emit('lotse-service-select', place);
  }

  private onShowMore() {
    const first = this.shown?.answer.page.length ?? this.limit;
    this.limit = Math.max(this.limit, first) + PAGE;
    this.reveal = undefined;
    // Keyboard users continue at the first new place. In the week plan the new places' times
    // join each day's list: the button keeps the focus, or after the last page the first time.
    if (this.view === 'week') return this.keepFocusOnAnswer('.week button.link');
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

  /** The clock of an answer's time (one per answer: statuses and the week plan use it). */
  private clockOf(feed: Feed, answer: HoursAnswer): Clock {
    const c = this.shown;
    return c?.feed === feed && c.clock.nowMs === answer.now ? c.clock : createClock(new Date(answer.now), feed.region);
  }

  /** What the visitor chose. */
  private question(): HoursQuery {
    return { filters: this.filters, shown: this.limit, reveal: this.reveal };
  }

  /** Is the map shown (open, and agreed to)? Only then are its points made or asked for. */
  private get mapShown() {
    return this.mapOpen && this.hasConsent;
  }

  /**
   * A kept feed: each new question (or a new minute) goes to the worker, and while the map is
   * shown the points of the matching places too; the previous answer stays on screen until the
   * new one is there.
   */
  private askWorker(version: number) {
    const now = this.clockTick.now.getTime();
    const minute = Math.floor(now / 60_000);
    const query = this.question();
    const key = JSON.stringify([version, minute, query]);
    if (key !== this.asked) {
      this.asked = key;
      void this.askFeed<HoursAnswer>({ kind: 'hours', query, now }).then((answer) => {
        if (this.asked !== key || !answer) return;
        if (this.answerFocus) this.keepFocus(this.answerFocus);
        this.answerFocus = undefined;
        this.remote = { version, key, answer };
      });
    }
    const spotsKey = JSON.stringify([version, minute, query.filters]);
    if (!this.mapShown || spotsKey === this.spotsAsked) return;
    this.spotsAsked = spotsKey;
    void this.askFeed<Spot[]>({ kind: 'hoursPoints', filters: query.filters, now }).then((spots) => {
      if (this.spotsAsked === spotsKey && spots) this.remoteSpots = { version, spots };
    });
  }

  /** The answer to show now, if there is one yet. */
  private currentAnswer(feed: Feed): HoursAnswer | undefined {
    const kept = this.keptVersion;
    if (kept !== undefined) return this.remote?.version === kept ? this.remote.answer : undefined;
    return this.search?.answer(this.question(), createClock(this.clockTick.now, feed.region));
  }

  /** The map's points of the matching places (a kept feed's from the worker). */
  private currentSpots(answer: HoursAnswer): Spot[] | undefined {
    const kept = this.keptVersion;
    if (kept !== undefined) return this.remoteSpots?.version === kept ? this.remoteSpots.spots : undefined;
    return this.search?.spotsOf(answer);
  }

  /** Service and place of a key, for `lotse-service-select`: from the shown places, or from the map's points. */
  private placeOf(key: string): { serviceId: string; locationId?: string } | undefined {
    const entry = this.shown?.answer.page.find((e) => e.key === key);
    if (entry) return { serviceId: entry.service.id, locationId: entry.location?.id };
    const spot = this.shown && this.currentSpots(this.shown.answer)?.find((s) => s.key === key);
    return spot && { serviceId: spot.serviceId, locationId: spot.locationId };
  }

  /**
   * An action that changes the list names where the focus goes if it takes the focused element
   * away: in this render, or in the one that shows the worker's answer.
   */
  private keepFocusOnAnswer(selector: string) {
    if (this.keptVersion === undefined) this.keepFocus(selector);
    else this.answerFocus = selector;
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
    const answer = this.currentAnswer(feed);
    if (!answer) {
      return html`<div class="state loading" part="state">
        <div class="spinner" aria-hidden="true"></div>
        <p class="count" role="status">${msg('Angebote werden geladen …')}</p>
      </div>`;
    }
    const clock = this.clockOf(feed, answer);
    this.shown = { answer, clock, feed };
    let v = this.viewMemo;
    const texts = this.textsKey;
    if (!v || v.answer !== answer || v.texts !== texts) v = this.viewMemo = { answer, texts };
    const { total } = answer;
    v.form ??= this.renderFilters(feed, answer);
    if (this.mapOpen) this.prepareMap(this.mapShown ? this.currentSpots(answer) : undefined, clock);
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
        ${total === 1 ? msg('1 Ort gefunden') : msg(str`${formatNumber(total, this.locale)} Orte gefunden`)}
      </p>
      ${this.mapOpen ? this.renderMap(total - answer.located) : nothing}
      ${
        total === 0
          ? html`<div class="state" part="state">
            <p>${msg('Keine Sprechstunde passt zu diesen Filtern.')}</p>
            <button type="button" @click=${this.onResetFilters}>${icon('close')} ${msg('Filter löschen')}</button>
          </div>`
          : this.view === 'week'
            ? this.renderWeekPlan(answer, clock)
            : this.renderList(answer, clock)
      }
    `;
  }

  private renderFilters(feed: Feed, { counts, languages: offered, categories: inUse }: HoursAnswer) {
    const f = this.filters;
    const l = this.locale;
    const n = (count = 0) => ` (${formatNumber(count, l)})`;
    const { day: days, time: times, language: langCounts, category: catCounts, walkIn, openNow } = counts;
    const languages = [...offered].map((code) => [code, languageName(code, l)] as const).sort((a, b) => a[1].localeCompare(b[1], l));
    const categories = feed.categories.filter((c) => inUse.has(c.id));
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
          ${categories.map((c) => html`<option value=${c.id} ?selected=${f.category === c.id}>${entryLabel('categories', c, (t) => this.text(t))}${n(catCounts.get(c.id))}</option>`)}
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
  private statusText(s: LocationStatus, paused: boolean, hasHours: boolean, clock: Clock): [string, string] {
    if (paused) return ['closed', msg('Zurzeit geschlossen')];
    if (!s.open && !hasHours) return ['none', msg('Keine festen Zeiten. Bitte anrufen.')];
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
    return `${addressLine(location)}${district ? ` · ${entryLabel('districts', district, (t) => this.text(t))}` : ''}`;
  }

  // ---- List -----------------------------------------------------------------------------

  private renderList(answer: HoursAnswer, clock: Clock) {
    return html`<ul class="list" part="list" aria-label=${msg('Orte')}>
        ${repeat(
          answer.page,
          (e) => e.key,
          (e) => this.renderEntry(e, clock),
        )}
      </ul>
      ${this.renderMore(answer)}`;
  }

  /** "More places": list and week plan show the places page by page (long lists are slow on cheap phones). */
  private renderMore({ total, page }: HoursAnswer) {
    const more = total - page.length;
    return more > 0
      ? html`<button type="button" class="more no-print" @click=${this.onShowMore}>
          ${msg(str`Weitere Orte zeigen (noch ${formatNumber(more, this.locale)})`)}
        </button>`
      : nothing;
  }

  private renderEntry(entry: Entry, clock: Clock) {
    const { service, location, key } = entry;
    const [tone, status] = this.statusText(entry.status, service.status === 'temporarily-closed', !!location?.hours.length, clock);
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

  private renderWeekPlan(answer: HoursAnswer, clock: Clock) {
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
      answer.page,
      clock,
    )}${this.renderMore(answer)}`;
  }

  /**
   * What the memoised texts (the filter form, the map's points) are made in: the language, and
   * whether its strings are there yet (a render before they are shows German, and the render
   * when they come must not keep it).
   */
  private get textsKey(): string {
    return isLocaleReady(this.locale, this.translations) ? this.locale : `${this.locale} (German until loaded)`;
  }

  // ---- Map ----------------------------------------------------------------------------------

  /** Points and texts for the map, made during render so that they are in the UI language. */
  private prepareMap(spots: Spot[] | undefined, clock: Clock) {
    const locale = this.locale;
    const texts = this.textsKey;
    const p = this.pointsMemo;
    if (spots && !(p?.spots === spots && p.texts === texts && p.clock === clock)) {
      const points = spots.map((s) => ({
        key: s.key,
        lat: s.lat,
        lon: s.lon,
        label: `${this.text(s.name)}, ${s.street}: ${this.statusText(s.status, s.paused, s.hasHours, clock)[1]}`,
        open: s.status.open,
      }));
      this.pointsMemo = { spots, texts, clock, points };
    }
    // Until a kept feed's points are there, the map keeps the previous ones.
    if (spots) this.mapPoints = this.pointsMemo!.points;
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
