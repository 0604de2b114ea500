/**
 * The embed-code builder, part of the editor page (editor/redaktion.html): pick a widget, set
 * its attributes, see it with the feed read on the page, copy the snippet (script + element,
 * or iframe). German first, English on request, like the rest of the page.
 *
 * Nothing here goes to the network: categories and districts come from the feed the editor
 * has read on the page (`setFeed`), the preview gets that feed as a property, and the resize
 * script for iframes is built into the page (`hostScript`).
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEFAULT_CATEGORIES } from '../src/core/feed/vocabulary-labels.js';
import { LOCALES, LOCALE_NAMES } from '../src/core/i18n.js';

export type WidgetName = 'service-finder' | 'hours-map' | 'quick-check' | 'contact-form';
type UiLang = 'de' | 'en';

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

/** Label and hint for the editor ([de, en]); `title` goes into the city's page, so it is German. */
export const WIDGETS: Record<WidgetName, { label: [string, string]; hint: [string, string]; title: string }> = {
  'service-finder': {
    label: ['Angebote finden', 'Find services'],
    hint: ['Suche und Filter für alle Hilfsangebote.', 'Search and filters for all services.'],
    title: 'Hilfe finden: Beratungsangebote',
  },
  'hours-map': {
    label: ['Sprechzeiten und Karte', 'Hours and map'],
    hint: ['Was heute offen ist, Wochenplan, Karte nach Zustimmung.', 'What is open today, week plan, map after consent.'],
    title: 'Sprechzeiten der Beratungsstellen',
  },
  'quick-check': {
    label: ['Schnell-Check', 'Quick check'],
    hint: ['Wenige Fragen, danach eine Liste der nächsten Schritte.', 'A few questions, then a list of next steps.'],
    title: 'Schnell-Check: Was ist jetzt zu tun?',
  },
  'contact-form': {
    label: ['Kontaktformular', 'Contact form'],
    hint: ['Rückruf oder Termin in der eigenen Sprache anfragen.', 'Ask for a call-back or appointment in one’s own language.'],
    title: 'Kontakt zu einer Beratungsstelle',
  },
};

export const DEFAULTS: Settings = {
  widget: 'service-finder',
  feed: '/lotse/services.json',
  lang: '',
  base: '/lotse/',
  categories: [],
  district: '',
  view: 'list',
  pageSize: '',
  urlState: false,
  tiles: '',
  attribution: '',
  consentGranted: false,
  showMap: false,
  endpoint: '',
  privacyUrl: '',
  service: '',
  recipient: '',
  retentionDays: '',
};

/** The element's attributes in a fixed order; `true` for a boolean attribute. Empty ones are left out. */
export function attributesFor(s: Settings): [string, string | true][] {
  const list: [string, string | boolean][] = [
    ['feed', s.feed.trim()],
    ['lang', s.lang],
  ];
  if (s.widget === 'service-finder') {
    list.push(
      ['categories', s.categories.join(',')],
      ['district', s.district],
      ['view', s.view === 'compact' ? 'compact' : ''],
      ['page-size', s.pageSize.trim()],
      ['url-state', s.urlState],
    );
  } else if (s.widget === 'hours-map') {
    list.push(
      ['tiles', s.tiles.trim()],
      ['attribution', s.attribution.trim()],
      ['consent', s.consentGranted ? 'granted' : ''],
      ['show-map', s.showMap],
    );
  } else if (s.widget === 'quick-check') {
    list.push(['url-state', s.urlState]);
  } else {
    list.push(
      ['endpoint', s.endpoint.trim()],
      ['privacy-url', s.privacyUrl.trim()],
      ['service', s.service.trim()],
      ['recipient', s.recipient.trim()],
      ['retention-days', s.retentionDays.trim()],
    );
  }
  return list.filter((entry): entry is [string, string | true] => entry[1] !== '' && entry[1] !== false);
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const folder = (base: string) => (base.trim() || './').replace(/\/?$/, '/');

/** Script variant: the widget's module and the element. */
export function scriptSnippet(s: Settings): string {
  const attrs = attributesFor(s)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  return `<script type="module" src="${escapeHtml(folder(s.base))}${s.widget}.js"></script>\n<lotse-${s.widget}${attrs}></lotse-${s.widget}>`;
}

/** The iframe page's address with the same settings. */
export function embedUrl(s: Settings): string {
  const query = new URLSearchParams({ widget: s.widget });
  for (const [name, value] of attributesFor(s)) query.set(name, value === true ? '' : value);
  return `${folder(s.base)}embed.html?${query}`;
}

/** Iframe variant, for systems without scripts: full width, a fixed height until the resize script runs. */
export function iframeSnippet(s: Settings): string {
  return `<iframe data-lotse-embed src="${escapeHtml(embedUrl(s))}" title="${escapeHtml(WIDGETS[s.widget].title)}" width="100%" height="800" loading="lazy" style="display:block;width:100%;border:0"></iframe>`;
}

/** What the editor must still fix before the code works, [de, en]. */
export function problemsOf(s: Settings): [string, string][] {
  const problems: [string, string][] = [];
  if (!s.feed.trim()) {
    problems.push([
      'Bitte geben Sie die Adresse Ihres Feeds an (z. B. /lotse/services.json).',
      'Please give the address of your feed (e.g. /lotse/services.json).',
    ]);
  } else if (/^[a-z][a-z\d+.-]*:/i.test(s.feed.trim()) && !/^https?:\/\//i.test(s.feed.trim())) {
    problems.push([
      'Die Feed-Adresse muss mit https:// beginnen oder ein Pfad auf Ihrer Website sein.',
      'The feed address must start with https:// or be a path on your website.',
    ]);
  }
  if (s.widget === 'contact-form' && !s.endpoint.trim()) {
    problems.push([
      'Das Kontaktformular braucht eine Empfangsadresse (endpoint), an die Nachrichten gehen.',
      'The contact form needs an endpoint that receives the messages.',
    ]);
  }
  if (s.pageSize.trim() && !(Number(s.pageSize) >= 1))
    problems.push(['„Treffer pro Seite“ muss eine Zahl ab 1 sein.', '“Results per page” must be a number from 1.']);
  return problems;
}

/** The resize script of an iframe host page (the `<script>` of demo/embed-host-snippet.html), as a snippet. */
export function hostScriptFrom(page: string): string {
  const code = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1]?.trim();
  return code ? `<script>\n${code.replace(/^ {6}/gm, '')}\n</script>` : '';
}

// ---- The builder on the page ----------------------------------------------------------------

interface Vocabulary {
  categories: { id: string; label: string }[];
  districts: { id: string; label: string }[];
}
type Label = Record<string, string> | string | undefined;
type Feed = { categories?: { id: string; label?: Label }[]; districts?: { id: string; label?: Label }[] };

export interface BuilderOptions {
  /** The resize script for iframe hosts, already as a snippet (see `hostScriptFrom`). */
  hostScript?: string;
  /** The page language (de or en). */
  lang?: () => UiLang;
}

export interface Builder {
  /** The feed read on the page (or undefined): its categories and districts, and the preview's data. */
  setFeed(feed: object | undefined): void;
  /** Draw again (after the page language changed). */
  draw(): void;
  readonly settings: Settings;
}

/** Render the builder into `root`. */
export function mountBuilder(root: HTMLElement, options: BuilderOptions = {}): Builder {
  const ui = options.lang ?? (() => 'de' as UiLang);
  const t = (de: string, en: string) => (ui() === 'en' ? en : de);
  const named = (label: Label, id: string) => (typeof label === 'string' ? label : (label?.[ui()] ?? label?.de ?? id));
  let settings: Settings = { ...DEFAULTS };
  let feed: Feed | undefined;
  let copyNote = '';
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const vocabulary = (): Vocabulary => {
    const own = (feed?.categories ?? [])
      .filter((c) => c && typeof c.id === 'string')
      .map((c) => ({ id: c.id, label: named(c.label, c.id) }));
    const builtIn = DEFAULT_CATEGORIES.filter((c) => !own.some((o) => o.id === c.id)).map((c) => ({
      id: c.id,
      label: named(c.label as Label, c.id),
    }));
    const districts = (feed?.districts ?? [])
      .filter((d) => d && typeof d.id === 'string')
      .map((d) => ({ id: d.id, label: named(d.label, d.id) }));
    return { categories: [...builtIn, ...own], districts };
  };

  function update(patch: Partial<Settings>) {
    settings = { ...settings, ...patch };
    copyNote = '';
    draw();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 300);
  }

  /** The preview: a fresh element with the snippet's attributes and the page's feed as a property. */
  function renderPreview() {
    const box = root.querySelector('#builder-preview');
    if (!box) return;
    // Only while it is open: a second finder on the page would repeat its search landmark.
    if (!root.querySelector<HTMLDetailsElement>('details.builder-preview')?.open) return box.replaceChildren();
    if (!feed) {
      const note = document.createElement('p');
      note.className = 'hint';
      note.textContent = t(
        'Die Vorschau erscheint, sobald oben eine Datei gelesen ist.',
        'The preview appears once a file has been read above.',
      );
      box.replaceChildren(note);
      return;
    }
    const element = document.createElement(`lotse-${settings.widget}`) as HTMLElement & { feed?: object };
    for (const [name, value] of attributesFor(settings)) {
      if (name !== 'feed') element.setAttribute(name, value === true ? '' : value);
    }
    if (settings.widget === 'contact-form') element.setAttribute('endpoint', PREVIEW_ENDPOINT);
    element.feed = feed;
    box.replaceChildren(element);
    if (settings.widget === 'contact-form') blockSending(element);
  }

  async function copy(id: string, what: [string, string]) {
    const area = root.querySelector<HTMLTextAreaElement>(`#${id}`)!;
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand('copy');
    }
    copyNote = t(
      `${what[0]} wurde kopiert. Fügen Sie ihn in Ihrem Redaktionssystem in ein HTML-Element ein.`,
      `${what[1]} was copied. Paste it into an HTML element in your content management system.`,
    );
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
    const words = vocabulary();
    const legend = html`<legend>${t('Einstellungen für', 'Settings for')} „${WIDGETS[s.widget].label[ui() === 'en' ? 1 : 0]}“</legend>`;
    if (s.widget === 'service-finder') {
      return html`<fieldset>
        ${legend}
        <fieldset>
          <legend>${t('Nur diese Themen zeigen (optional)', 'Show only these topics (optional)')}</legend>
          <div class="choices">
            ${words.categories.map(
              (c) => html`<div class="choice">
              <input type="checkbox" id="cat-${c.id}" .checked=${live(s.categories.includes(c.id))}
                @change=${(e: Event) => update({ categories: checked(e) ? [...s.categories, c.id] : s.categories.filter((id) => id !== c.id) })} />
              <label for="cat-${c.id}">${c.label}</label>
            </div>`,
            )}
          </div>
        </fieldset>
        ${
          words.districts.length
            ? html`<div class="field">
              <label for="district">${t('Stadtteil vorauswählen (optional)', 'Preselect a district (optional)')}</label>
              <select id="district" .value=${live(s.district)} @change=${(e: Event) => update({ district: value(e) })}>
                <option value="">${t('Alle Stadtteile', 'All districts')}</option>
                ${words.districts.map((d) => html`<option value=${d.id} ?selected=${d.id === s.district}>${d.label}</option>`)}
              </select>
            </div>`
            : textField(
                'district',
                t('Stadtteil vorauswählen (optional, Kennung aus dem Feed)', 'Preselect a district (optional, id from the feed)'),
                s.district,
                'district',
              )
        }
        <div class="field">
          <label for="view">${t('Darstellung', 'Layout')}</label>
          <select id="view" .value=${live(s.view)} @change=${(e: Event) => update({ view: value(e) as Settings['view'] })}>
            <option value="list">${t('Karten (Standard)', 'Cards (default)')}</option>
            <option value="compact">${t('Kompakt, eine Zeile je Angebot (für schmale Spalten)', 'Compact, one line per service (for narrow columns)')}</option>
          </select>
        </div>
        ${textField('page-size', t('Treffer pro Seite (Standard 20)', 'Results per page (default 20)'), s.pageSize, 'pageSize', undefined, 'number')}
        ${checkbox('url-state', t('Suche und Filter in der Adresse merken (zum Teilen und für Lesezeichen)', 'Keep search and filters in the address (for sharing and bookmarks)'), s.urlState, 'urlState')}
      </fieldset>`;
    }
    if (s.widget === 'hours-map') {
      return html`<fieldset>
        ${legend}
        ${textField(
          'tiles',
          t('Adresse der Kartenkacheln (optional)', 'Map tile address (optional)'),
          s.tiles,
          'tiles',
          t(
            'z. B. https://tiles.ihre-stadt.de/{z}/{x}/{y}.png – ohne Angabe: OpenStreetMap.',
            'e.g. https://tiles.your-city.de/{z}/{x}/{y}.png – without: OpenStreetMap.',
          ),
        )}
        ${textField('attribution', t('Quellenangabe der Karte (optional)', 'Map attribution (optional)'), s.attribution, 'attribution', t('Standard: © OpenStreetMap', 'Default: © OpenStreetMap'))}
        ${checkbox('consent', t('Ihr Cookie-/Einwilligungs-Banner fragt schon nach Karten (consent="granted")', 'Your consent banner already asks about maps (consent="granted")'), s.consentGranted, 'consentGranted')}
        ${checkbox('show-map', t('Karte gleich anzeigen (lädt erst nach Zustimmung)', 'Show the map at once (loads only after consent)'), s.showMap, 'showMap')}
      </fieldset>`;
    }
    if (s.widget === 'quick-check') {
      return html`<fieldset>
        ${legend}
        ${checkbox('url-state', t('Antworten in der Adresse merken (Neuladen und Teilen behalten die Liste)', 'Keep the answers in the address (reloading and sharing keep the list)'), s.urlState, 'urlState')}
        <p class="hint">${t('Ohne diese Einstellung bleiben keine Antworten zurück, sobald der Tab geschlossen ist.', 'Without it, no answers remain once the tab is closed.')}</p>
      </fieldset>`;
    }
    return html`<fieldset>
      ${legend}
      ${textField(
        'endpoint',
        t('Empfangsadresse der Nachrichten (Pflicht)', 'Endpoint that receives the messages (required)'),
        s.endpoint,
        'endpoint',
        t(
          'Die Adresse Ihres Servers, an die das Formular sendet, z. B. /api/lotse-kontakt.',
          'The address on your server the form sends to, e.g. /api/lotse-kontakt.',
        ),
      )}
      ${textField('privacy-url', t('Link zur Datenschutzerklärung', 'Link to the privacy policy'), s.privacyUrl, 'privacyUrl')}
      ${textField('service', t('Nur an dieses Angebot schreiben (optional, Kennung aus dem Feed)', 'Write to this service only (optional, id from the feed)'), s.service, 'service')}
      ${textField('recipient', t('Empfänger im Datenschutzhinweis (optional)', 'Recipient in the privacy note (optional)'), s.recipient, 'recipient', t('Standard: der Herausgeber aus dem Feed.', 'Default: the publisher of the feed.'))}
      ${textField('retention-days', t('Nachrichten werden gelöscht nach … Tagen (optional)', 'Messages are deleted after … days (optional)'), s.retentionDays, 'retentionDays', undefined, 'number')}
    </fieldset>`;
  }

  function draw() {
    const s = settings;
    const problems = problemsOf(s);
    const l = ui() === 'en' ? 1 : 0;
    render(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
          <fieldset>
            <legend>${t('Widget wählen', 'Choose a widget')}</legend>
            ${(Object.keys(WIDGETS) as WidgetName[]).map(
              (name) => html`<div class="choice">
              <input type="radio" name="widget" id="widget-${name}" value=${name} .checked=${live(s.widget === name)}
                aria-describedby="widget-${name}-hint" @change=${() => update({ widget: name })} />
              <label for="widget-${name}"><strong>${WIDGETS[name].label[l]}</strong> (&lt;lotse-${name}&gt;)</label>
              <span class="hint" id="widget-${name}-hint">${WIDGETS[name].hint[l]}</span>
            </div>`,
            )}
          </fieldset>
          <fieldset>
            <legend>${t('Feed und Sprache', 'Feed and language')}</legend>
            ${textField(
              'feed',
              t('Adresse Ihres Feeds (nach dem Hochladen)', 'Address of your feed (after uploading)'),
              s.feed,
              'feed',
              t(
                'Dort liegt die heruntergeladene services.json auf Ihrem Server, z. B. /lotse/services.json oder https://www.ihre-stadt.de/lotse/services.json.',
                'Where the downloaded services.json lies on your server, e.g. /lotse/services.json or https://www.your-city.de/lotse/services.json.',
              ),
            )}
            <div class="field">
              <label for="lang">${t('Sprache', 'Language')}</label>
              <select id="lang" .value=${live(s.lang)} @change=${(e: Event) => update({ lang: value(e) })}>
                <option value="">${t('Automatisch (Wahl der Besucher, sonst Sprache der Seite)', 'Automatic (the visitor’s choice, else the page language)')}</option>
                ${LOCALES.map((code) => html`<option value=${code} ?selected=${code === s.lang}>${LOCALE_NAMES[code]}</option>`)}
              </select>
            </div>
            ${textField(
              'base',
              t('Ordner der Lotse-Dateien auf Ihrem Server', 'Folder of the Lotse files on your server'),
              s.base,
              'base',
              t(
                'Dort liegen lotse.js, service-finder.js, embed.html … aus dem Archiv lotse-….zip.',
                'Where lotse.js, service-finder.js, embed.html … from the archive lotse-….zip lie.',
              ),
            )}
          </fieldset>
          ${widgetFields()}
        </form>

        <details class="builder-preview" @toggle=${renderPreview}>
          <summary>${t('Vorschau mit diesen Einstellungen zeigen', 'Show a preview with these settings')}</summary>
          <div class="preview" id="builder-preview" role="region" aria-label=${t('Vorschau des Einbau-Codes', 'Preview of the embed code')} tabindex="0"></div>
        </details>

        <h3>${t('Code kopieren', 'Copy the code')}</h3>
        ${
          problems.length
            ? html`<div class="problem" role="alert"><p><strong>${t('Bitte noch ergänzen:', 'Please still add:')}</strong></p>
              <ul>${problems.map((p) => html`<li>${p[l]}</li>`)}</ul></div>`
            : nothing
        }
        <p class="status" role="status">${copyNote}</p>
        <div class="snippet">
          <h4 id="script-title">${t('Mit Skript (empfohlen)', 'With script (recommended)')}</h4>
          <p class="hint">${t('Für Systeme, die Skripte im HTML-Inhalt erlauben. Das Widget passt sich der Seite an.', 'For systems that allow scripts in HTML content. The widget adapts to the page.')}</p>
          <textarea id="script-code" rows="4" readonly aria-labelledby="script-title" .value=${live(scriptSnippet(s))}></textarea>
          <button class="copy" type="button" @click=${() => copy('script-code', ['Der Code mit Skript', 'The code with script'])}>${t('Code mit Skript kopieren', 'Copy code with script')}</button>
        </div>
        <div class="snippet">
          <h4 id="iframe-title">${t('Als iframe (ohne Skripte im Inhalt)', 'As an iframe (no scripts in the content)')}</h4>
          <p class="hint">${t(
            'Für Systeme, die im Inhalt keine Skripte erlauben. Der iframe ist 800 Pixel hoch und scrollt innen, bis das Größen-Skript unten einmal im Seiten-Template eingebaut ist; dann wächst er mit seinem Inhalt. Eine Feed-Adresse als Pfad (/…) gilt hier für den Server, auf dem embed.html liegt.',
            'For systems that allow no scripts in the content. The iframe is 800 pixels high and scrolls inside until the resize script below is added to the page template once; then it grows with its content. A feed address given as a path (/…) refers to the server that hosts embed.html.',
          )}</p>
          <textarea id="iframe-code" rows="4" readonly aria-labelledby="iframe-title" .value=${live(iframeSnippet(s))}></textarea>
          <button class="copy" type="button" @click=${() => copy('iframe-code', ['Der iframe-Code', 'The iframe code'])}>${t('iframe-Code kopieren', 'Copy iframe code')}</button>
        </div>
        ${
          options.hostScript
            ? html`<div class="snippet">
              <h4 id="host-title">${t('Größen-Skript für den iframe (einmal pro Website, im Template)', 'Resize script for the iframe (once per website, in the template)')}</h4>
              <p class="hint">${t('Passt die Höhe jedes iframes mit', 'Fits the height of every iframe with')} <code>data-lotse-embed</code> ${t(
                'an seinen Inhalt an. Es nimmt nur Nachrichten von dem Server an, von dem der iframe geladen wurde.',
                'to its content. It accepts messages only from the server the iframe was loaded from.',
              )}</p>
              <textarea id="host-code" rows="8" readonly aria-labelledby="host-title" .value=${live(options.hostScript)}></textarea>
              <button class="copy" type="button" @click=${() => copy('host-code', ['Das Größen-Skript', 'The resize script'])}>${t('Größen-Skript kopieren', 'Copy resize script')}</button>
            </div>`
            : nothing
        }`,
      root,
    );
  }

  draw();
  renderPreview();
  return {
    setFeed(next) {
      feed = next as Feed | undefined;
      draw();
      renderPreview();
    },
    draw() {
      draw();
      if (!feed) renderPreview();
    },
    get settings() {
      return settings;
    },
  };
}

/**
 * The preview's contact form needs an endpoint to show its form; this one is never called:
 * `blockSending` stops the form's submit before the widget sees it.
 */
export const PREVIEW_ENDPOINT = '/lotse-vorschau-sendet-nicht';

/** Stop a previewed contact form from sending: its submit never reaches the widget. */
export function blockSending(form: HTMLElement, onBlocked?: () => void) {
  const root = form.shadowRoot;
  if (!root || (root as ShadowRoot & { lotseBlocked?: boolean }).lotseBlocked) return;
  (root as ShadowRoot & { lotseBlocked?: boolean }).lotseBlocked = true;
  root.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      onBlocked?.();
    },
    true,
  );
}
