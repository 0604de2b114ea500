/**
 * The embed-code builder for web editors (demo/builder.html): pick a widget, set its
 * attributes, see it live with your own feed, copy the snippet (script + element, or iframe).
 * German, like the CMS the editors work in.
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import '../src/index.js';
import { DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary.js';
import { LOCALES, LOCALE_NAMES } from '../src/core/i18n.js';

export type WidgetName = 'service-finder' | 'hours-map' | 'quick-check' | 'contact-form';

export interface Settings {
  widget: WidgetName;
  feed: string;
  lang: string;
  /** Where the Lotse files lie on the city's server (lotse.js, embed.html …), ending in /. */
  base: string;
  categories: string[];
  district: string;
  view: 'list' | 'compact';
  pageSize: string;
  urlState: boolean;
  tiles: string;
  attribution: string;
  consentGranted: boolean;
  showMap: boolean;
  endpoint: string;
  privacyUrl: string;
  service: string;
  recipient: string;
  retentionDays: string;
}

export const WIDGETS: Record<WidgetName, { label: string; hint: string; title: string }> = {
  'service-finder': { label: 'Angebote finden', hint: 'Suche und Filter für alle Hilfsangebote.', title: 'Hilfe finden: Beratungsangebote' },
  'hours-map': { label: 'Sprechzeiten und Karte', hint: 'Was heute offen ist, Wochenplan, Karte nach Zustimmung.', title: 'Sprechzeiten der Beratungsstellen' },
  'quick-check': { label: 'Schnell-Check', hint: 'Wenige Fragen, danach eine Liste der nächsten Schritte.', title: 'Schnell-Check: Was ist jetzt zu tun?' },
  'contact-form': { label: 'Kontaktformular', hint: 'Rückruf oder Termin in der eigenen Sprache anfragen.', title: 'Kontakt zu einer Beratungsstelle' },
};

export const DEFAULTS: Settings = {
  widget: 'service-finder', feed: '/services.json', lang: '', base: '/lotse/',
  categories: [], district: '', view: 'list', pageSize: '', urlState: false,
  tiles: '', attribution: '', consentGranted: false, showMap: false,
  endpoint: '', privacyUrl: '', service: '', recipient: '', retentionDays: '',
};

/** The element's attributes in a fixed order; `true` for a boolean attribute. Empty ones are left out. */
export function attributesFor(s: Settings): [string, string | true][] {
  const list: [string, string | boolean][] = [['feed', s.feed.trim()], ['lang', s.lang]];
  if (s.widget === 'service-finder') {
    list.push(['categories', s.categories.join(',')], ['district', s.district],
      ['view', s.view === 'compact' ? 'compact' : ''], ['page-size', s.pageSize.trim()], ['url-state', s.urlState]);
  } else if (s.widget === 'hours-map') {
    list.push(['tiles', s.tiles.trim()], ['attribution', s.attribution.trim()],
      ['consent', s.consentGranted ? 'granted' : ''], ['show-map', s.showMap]);
  } else if (s.widget === 'quick-check') {
    list.push(['url-state', s.urlState]);
  } else {
    list.push(['endpoint', s.endpoint.trim()], ['privacy-url', s.privacyUrl.trim()], ['service', s.service.trim()],
      ['recipient', s.recipient.trim()], ['retention-days', s.retentionDays.trim()]);
  }
  return list.filter((entry): entry is [string, string | true] => entry[1] !== '' && entry[1] !== false);
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const folder = (base: string) => (base.trim() || './').replace(/\/?$/, '/');

/** Script variant: the widget's module and the element. */
export function scriptSnippet(s: Settings): string {
  const attrs = attributesFor(s).map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escape(value)}"`)).join('');
  return `<script type="module" src="${escape(folder(s.base))}${s.widget}.js"></script>\n<lotse-${s.widget}${attrs}></lotse-${s.widget}>`;
}

/** The iframe page's address with the same settings. */
export function embedUrl(s: Settings): string {
  const query = new URLSearchParams({ widget: s.widget });
  for (const [name, value] of attributesFor(s)) query.set(name, value === true ? '' : value);
  return `${folder(s.base)}embed.html?${query}`;
}

/** Iframe variant, for systems without scripts: full width, a fixed height until the resize script runs. */
export function iframeSnippet(s: Settings): string {
  return `<iframe data-lotse-embed src="${escape(embedUrl(s))}" title="${escape(WIDGETS[s.widget].title)}" width="100%" height="800" loading="lazy" style="display:block;width:100%;border:0"></iframe>`;
}

/** What the editor must still fix before the code works. */
export function problemsOf(s: Settings): string[] {
  const problems: string[] = [];
  if (!s.feed.trim()) problems.push('Bitte geben Sie die Adresse Ihres Feeds an (z. B. /lotse/services.json).');
  else if (/^[a-z][a-z\d+.-]*:/i.test(s.feed.trim()) && !/^https?:\/\//i.test(s.feed.trim())) {
    problems.push('Die Feed-Adresse muss mit https:// beginnen oder ein Pfad auf Ihrer Website sein.');
  }
  if (s.widget === 'contact-form' && !s.endpoint.trim()) {
    problems.push('Das Kontaktformular braucht eine Empfangsadresse (endpoint), an die Nachrichten gehen.');
  }
  if (s.pageSize.trim() && !(Number(s.pageSize) >= 1)) problems.push('„Treffer pro Seite“ muss eine Zahl ab 1 sein.');
  return problems;
}

// ---- The page -------------------------------------------------------------------------------

interface Vocabulary { categories: { id: string; label: string }[]; districts: { id: string; label: string }[] }
type Label = Record<string, string> | string | undefined;
const german = (label: Label, id: string) => (typeof label === 'string' ? label : label?.de ?? id);

let settings: Settings = { ...DEFAULTS };
let vocabulary: Vocabulary = { categories: DEFAULT_CATEGORIES.map((c) => ({ id: c.id, label: german(c.label, c.id) })), districts: [] };
let feedNote = '';
let copyNote = '';
let hostScript = '';
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let loadedFeed = '';

/** Read categories and districts from the editor's feed, for the pickers. */
async function loadVocabulary(feed: string) {
  loadedFeed = feed;
  try {
    const response = await fetch(feed);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = (await response.json()) as { categories?: { id: string; label?: Label }[]; districts?: { id: string; label?: Label }[] };
    if (loadedFeed !== feed) return;
    const own = (data.categories ?? []).map((c) => ({ id: c.id, label: german(c.label, c.id) }));
    const builtIn = DEFAULT_CATEGORIES.filter((c) => !own.some((o) => o.id === c.id)).map((c) => ({ id: c.id, label: german(c.label, c.id) }));
    vocabulary = { categories: [...builtIn, ...own], districts: (data.districts ?? []).map((d) => ({ id: d.id, label: german(d.label, d.id) })) };
    feedNote = '';
  } catch (error) {
    if (loadedFeed !== feed) return;
    vocabulary = { ...vocabulary, districts: [] };
    feedNote = `Der Feed konnte hier nicht gelesen werden (${(error as Error).message}). Die Vorschau zeigt die Einzelheiten.`;
  }
  draw();
}

function update(patch: Partial<Settings>) {
  settings = { ...settings, ...patch };
  copyNote = '';
  draw();
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    renderPreview();
    const feed = settings.feed.trim();
    if (feed && feed !== loadedFeed) void loadVocabulary(feed);
  }, 400);
}

/** The live preview: a fresh element with exactly the snippet's attributes. */
function renderPreview() {
  const box = document.querySelector('#preview');
  if (!box) return;
  const element = document.createElement(`lotse-${settings.widget}`);
  for (const [name, value] of attributesFor(settings)) element.setAttribute(name, value === true ? '' : value);
  box.replaceChildren(element);
}

async function copy(id: string, what: string) {
  const area = document.querySelector<HTMLTextAreaElement>(`#${id}`)!;
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    area.select();
    document.execCommand('copy');
  }
  copyNote = `${what} wurde kopiert. Fügen Sie ihn in Ihrem Redaktionssystem in ein HTML-Element ein.`;
  draw();
}

const value = (event: Event) => (event.target as HTMLInputElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

function textField(id: string, label: string, current: string, key: keyof Settings, hint?: string, type = 'text') {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} type=${type} .value=${live(current)} aria-describedby=${hint ? `${id}-hint` : nothing}
      @input=${(e: Event) => update({ [key]: value(e) } as Partial<Settings>)} />
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
  </div>`;
}
function checkbox(id: string, label: string, current: boolean, key: keyof Settings) {
  return html`<div class="choice">
    <input id=${id} type="checkbox" .checked=${live(current)} @change=${(e: Event) => update({ [key]: checked(e) } as Partial<Settings>)} />
    <label for=${id}>${label}</label>
  </div>`;
}

function widgetFields() {
  const s = settings;
  if (s.widget === 'service-finder') {
    return html`<fieldset>
      <legend>Einstellungen für „${WIDGETS[s.widget].label}“</legend>
      <fieldset>
        <legend>Nur diese Themen zeigen (optional)</legend>
        <div class="choices">
          ${vocabulary.categories.map((c) => html`<div class="choice">
            <input type="checkbox" id="cat-${c.id}" .checked=${live(s.categories.includes(c.id))}
              @change=${(e: Event) => update({ categories: checked(e) ? [...s.categories, c.id] : s.categories.filter((id) => id !== c.id) })} />
            <label for="cat-${c.id}">${c.label}</label>
          </div>`)}
        </div>
      </fieldset>
      ${vocabulary.districts.length
        ? html`<div class="field">
            <label for="district">Stadtteil vorauswählen (optional)</label>
            <select id="district" .value=${live(s.district)} @change=${(e: Event) => update({ district: value(e) })}>
              <option value="">Alle Stadtteile</option>
              ${vocabulary.districts.map((d) => html`<option value=${d.id} ?selected=${d.id === s.district}>${d.label}</option>`)}
            </select>
          </div>`
        : textField('district', 'Stadtteil vorauswählen (optional, Kennung aus dem Feed)', s.district, 'district')}
      <div class="field">
        <label for="view">Darstellung</label>
        <select id="view" .value=${live(s.view)} @change=${(e: Event) => update({ view: value(e) as Settings['view'] })}>
          <option value="list">Karten (Standard)</option>
          <option value="compact">Kompakt, eine Zeile je Angebot (für schmale Spalten)</option>
        </select>
      </div>
      ${textField('page-size', 'Treffer pro Seite (Standard 20)', s.pageSize, 'pageSize', undefined, 'number')}
      ${checkbox('url-state', 'Suche und Filter in der Adresse merken (zum Teilen und für Lesezeichen)', s.urlState, 'urlState')}
    </fieldset>`;
  }
  if (s.widget === 'hours-map') {
    return html`<fieldset>
      <legend>Einstellungen für „${WIDGETS[s.widget].label}“</legend>
      ${textField('tiles', 'Adresse der Kartenkacheln (optional)', s.tiles, 'tiles', 'z. B. https://tiles.ihre-stadt.de/{z}/{x}/{y}.png – ohne Angabe: OpenStreetMap.')}
      ${textField('attribution', 'Quellenangabe der Karte (optional)', s.attribution, 'attribution', 'Standard: © OpenStreetMap')}
      ${checkbox('consent', 'Ihr Cookie-/Einwilligungs-Banner fragt schon nach Karten (consent="granted")', s.consentGranted, 'consentGranted')}
      ${checkbox('show-map', 'Karte gleich anzeigen (lädt erst nach Zustimmung)', s.showMap, 'showMap')}
    </fieldset>`;
  }
  if (s.widget === 'quick-check') {
    return html`<fieldset>
      <legend>Einstellungen für „${WIDGETS[s.widget].label}“</legend>
      ${checkbox('url-state', 'Antworten in der Adresse merken (Neuladen und Teilen behalten die Liste)', s.urlState, 'urlState')}
      <p class="hint">Ohne diese Einstellung bleiben keine Antworten zurück, sobald der Tab geschlossen ist.</p>
    </fieldset>`;
  }
  return html`<fieldset>
    <legend>Einstellungen für „${WIDGETS[s.widget].label}“</legend>
    ${textField('endpoint', 'Empfangsadresse der Nachrichten (Pflicht)', s.endpoint, 'endpoint', 'Die Adresse Ihres Servers, an die das Formular sendet, z. B. /api/lotse-kontakt.')}
    ${textField('privacy-url', 'Link zur Datenschutzerklärung', s.privacyUrl, 'privacyUrl', undefined, 'text')}
    ${textField('service', 'Nur an dieses Angebot schreiben (optional, Kennung aus dem Feed)', s.service, 'service')}
    ${textField('recipient', 'Empfänger im Datenschutzhinweis (optional)', s.recipient, 'recipient', 'Standard: der Herausgeber aus dem Feed.')}
    ${textField('retention-days', 'Nachrichten werden gelöscht nach … Tagen (optional)', s.retentionDays, 'retentionDays', undefined, 'number')}
  </fieldset>`;
}

function draw() {
  const s = settings;
  const problems = problemsOf(s);
  render(
    html`<form @submit=${(e: Event) => e.preventDefault()}>
        <fieldset>
          <legend>1. Widget wählen</legend>
          ${(Object.keys(WIDGETS) as WidgetName[]).map((name) => html`<div class="choice">
            <input type="radio" name="widget" id="widget-${name}" value=${name} .checked=${live(s.widget === name)}
              aria-describedby="widget-${name}-hint" @change=${() => update({ widget: name })} />
            <label for="widget-${name}"><strong>${WIDGETS[name].label}</strong> (&lt;lotse-${name}&gt;)</label>
            <span class="hint" id="widget-${name}-hint">${WIDGETS[name].hint}</span>
          </div>`)}
        </fieldset>
        <fieldset>
          <legend>2. Feed und Sprache</legend>
          ${textField('feed', 'Adresse Ihres Feeds', s.feed, 'feed', 'Die JSON-Datei mit Ihren Angeboten, z. B. /lotse/services.json oder https://www.ihre-stadt.de/lotse/services.json.')}
          ${feedNote ? html`<p class="problem" role="status">${feedNote}</p>` : nothing}
          <div class="field">
            <label for="lang">Sprache</label>
            <select id="lang" .value=${live(s.lang)} @change=${(e: Event) => update({ lang: value(e) })}>
              <option value="">Automatisch (Wahl der Besucher, sonst Sprache der Seite)</option>
              ${LOCALES.map((l) => html`<option value=${l} ?selected=${l === s.lang}>${LOCALE_NAMES[l]}</option>`)}
            </select>
          </div>
          ${textField('base', 'Ordner der Lotse-Dateien auf Ihrem Server', s.base, 'base', 'Dort liegen lotse.js, service-finder.js, embed.html … aus dem Ordner dist/.')}
        </fieldset>
        ${widgetFields()}
      </form>

      <h2>3. Vorschau</h2>
      <p class="hint">So sieht das Widget mit Ihren Einstellungen und Ihrem Feed aus.</p>
      <div class="preview" id="preview" role="region" aria-label="Vorschau" tabindex="0"></div>

      <h2>4. Code kopieren</h2>
      ${problems.length
        ? html`<div class="problem" role="alert"><p><strong>Bitte noch ergänzen:</strong></p>
            <ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
        : nothing}
      <p class="status" role="status">${copyNote}</p>
      <div class="snippet">
        <h3 id="script-title">Mit Skript (empfohlen)</h3>
        <p class="hint">Für Systeme, die Skripte im HTML-Inhalt erlauben. Das Widget passt sich der Seite an.</p>
        <textarea id="script-code" rows="4" readonly aria-labelledby="script-title" .value=${live(scriptSnippet(s))}></textarea>
        <button class="copy" type="button" @click=${() => copy('script-code', 'Der Code mit Skript')}>Code mit Skript kopieren</button>
      </div>
      <div class="snippet">
        <h3 id="iframe-title">Als iframe (ohne Skripte im Inhalt)</h3>
        <p class="hint">Für Systeme, die im Inhalt keine Skripte erlauben. Der iframe ist 800 Pixel hoch und scrollt innen,
          bis das Größen-Skript unten einmal im Seiten-Template eingebaut ist; dann wächst er mit seinem Inhalt.
          Eine Feed-Adresse als Pfad (/…) gilt hier für den Server, auf dem embed.html liegt.</p>
        <textarea id="iframe-code" rows="4" readonly aria-labelledby="iframe-title" .value=${live(iframeSnippet(s))}></textarea>
        <button class="copy" type="button" @click=${() => copy('iframe-code', 'Der iframe-Code')}>iframe-Code kopieren</button>
      </div>
      ${hostScript
        ? html`<div class="snippet">
            <h3 id="host-title">Größen-Skript für den iframe (einmal pro Website, im Template)</h3>
            <p class="hint">Passt die Höhe jedes iframes mit <code>data-lotse-embed</code> an seinen Inhalt an.
              Es nimmt nur Nachrichten von dem Server an, von dem der iframe geladen wurde.</p>
            <textarea id="host-code" rows="8" readonly aria-labelledby="host-title" .value=${live(hostScript)}></textarea>
            <button class="copy" type="button" @click=${() => copy('host-code', 'Das Größen-Skript')}>Größen-Skript kopieren</button>
          </div>`
        : nothing}`,
    document.querySelector('#builder')!,
  );
}

/** The resize script comes from the documented example page, so there is one copy of it. */
async function loadHostScript() {
  try {
    const page = await (await fetch(new URL('./embed-host-snippet.html', import.meta.url))).text();
    const code = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1]?.trim();
    if (code) hostScript = `<script>\n${code.replace(/^ {6}/gm, '')}\n</script>`;
  } catch {
    hostScript = '';
  }
  draw();
}

if (document.querySelector('#builder')) {
  draw();
  renderPreview();
  void loadVocabulary(settings.feed);
  void loadHostScript();
}
