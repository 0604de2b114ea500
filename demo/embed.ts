/**
 * The iframe page for CMSs that forbid scripts: `embed.html?widget=service-finder&feed=…`
 * renders one Lotse widget full width and tells the parent page its height.
 *
 * Query parameters (everything else is ignored):
 *   widget   service-finder | hours-map | quick-check | contact-form   (required)
 *   feed     feed URL on the server of this page (a path, or a full URL of this origin)
 *            (required)
 *   endpoint the contact form's endpoint, the same rule (required for contact-form)
 *   lang     de, en, ro, bg, tr, ar, uk or pl
 *   id       any short name; sent back with every height message, so a page with several
 *            iframes knows which one to resize
 *   …        the widget's own attributes, see ATTRIBUTES
 *
 * Origin lock: anyone can link to the city's embed.html with their own query, so `feed` and
 * `endpoint` may point only to this page's own origin, or to an origin the city lists in
 * `embed-config.json` beside embed.html: `{ "allowedOrigins": ["https://daten.stadt.de"] }`.
 * That file is fetched (same origin) only when a feed or endpoint names another origin. A
 * refused address shows a message for the editor, and no widget is created, so nothing is
 * requested from it. `tiles` and `privacy-url` may be https on any server (tiles load only
 * after consent, which names the tile server) or a path here.
 *
 * Height messages to the parent: `{ type: 'lotse-embed-height', height, id }` (CSS pixels),
 * after every change of size (ResizeObserver). They carry nothing but the height, so they are
 * sent to any origin; the host page checks `event.origin` (see embed-host-snippet.html).
 *
 * `scripts/build-embed.mjs` bundles this file (with the URL check from src/core/safe-url.ts)
 * alone to dist/embed.js, and the page's `data-modules` tells where each widget's module is.
 * The page has no inline style (its few rules are a constructed stylesheet below), so it works
 * under a strict Content-Security-Policy.
 */
import { allowedOrigin, safeUrl } from '../src/core/safe-url.js';
import { LOCALES } from '../src/core/locales.js';

/** The widgets and the attributes each one takes from the query, beside feed and lang. */
const ATTRIBUTES: Record<string, readonly string[]> = {
  'service-finder': ['categories', 'district', 'view', 'page-size', 'url-state'],
  'hours-map': ['tiles', 'attribution', 'consent', 'show-map'],
  'quick-check': ['url-state'],
  'contact-form': ['endpoint', 'service', 'privacy-url', 'recipient', 'retention-days'],
};
/** Attributes that are requested or sent to: this origin or a listed one only. */
const LOCKED_ATTRIBUTES = new Set(['feed', 'endpoint']);
/** Other attributes whose value is a URL: https anywhere, or this server. */
const URL_ATTRIBUTES = new Set(['tiles', 'privacy-url']);
/** Boolean attributes: present unless the value is "false" or "0". */
const BOOLEAN_ATTRIBUTES = new Set(['url-state', 'show-map']);
/** The city's list of further origins, beside embed.html (never taken from the query). */
const CONFIG_FILE = 'embed-config.json';

const EXAMPLES: Record<string, string> = { feed: 'feed=/lotse/services.json', endpoint: 'endpoint=/api/lotse-kontakt' };
const REFUSED: Record<string, string> = {
  feed: 'Die Adresse des Feeds fehlt oder ist nicht erlaubt.',
  endpoint: 'Die Adresse für Nachrichten fehlt oder ist nicht erlaubt.',
};

const STYLES = `
html { background: #fff; }
body { margin: 0; padding: 0; }
.lotse-embed-error {
  margin: 0; padding: 1rem; border: 2px solid #b3261e; border-radius: 0.5rem;
  color: #1b1f24; background: #fff; font: 1rem/1.5 system-ui, sans-serif;
}
.lotse-embed-error .title { margin: 0 0 0.5rem; font-weight: 700; }
.lotse-embed-error p { margin: 0; }`;

/** The page's rules as a constructed stylesheet (not blocked by `style-src 'self'`). */
function applyStyles() {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style'); // browsers before constructable stylesheets
    style.textContent = STYLES;
    document.head.append(style);
  }
}

/** This origin, or one the city listed: the URL to use, else undefined. */
const lockedUrl = (value: string | null, origins: readonly string[]) => safeUrl(value, { base: location.href, origins });

/**
 * The further origins of `embed-config.json` beside this page. Missing, unreadable or
 * redirected: none. Entries that are no bare https origin are ignored (with a warning).
 */
async function loadAllowedOrigins(): Promise<string[]> {
  try {
    const response = await fetch(new URL(CONFIG_FILE, location.href), { credentials: 'same-origin', cache: 'no-cache', redirect: 'error' });
    if (!response.ok) return [];
    const config: unknown = await response.json();
    const list = (config as { allowedOrigins?: unknown } | null)?.allowedOrigins;
    if (!Array.isArray(list)) return [];
    const origins: string[] = [];
    for (const entry of list) {
      const origin = allowedOrigin(entry);
      if (origin) origins.push(origin);
      else console.warn(`[lotse] ${CONFIG_FILE}: "${String(entry)}" is no https origin (like https://daten.stadt.de) and is ignored.`);
    }
    return origins;
  } catch {
    return [];
  }
}

/** Show a message for the web editor instead of a widget (German, as the CMS around it). */
function showError(title: string, details: string) {
  const box = document.createElement('div');
  box.className = 'lotse-embed-error';
  box.setAttribute('role', 'alert');
  box.lang = 'de';
  const heading = document.createElement('p');
  heading.className = 'title';
  heading.textContent = title;
  const text = document.createElement('p');
  text.textContent = details;
  box.append(heading, text);
  document.body.append(box);
}

/** Report the page's height to the parent page on every change. */
function reportHeight(id: string) {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'lotse-embed-height', height, id }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

async function start() {
  applyStyles();
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') ?? '';
  const id = (params.get('id') ?? '').slice(0, 100);
  reportHeight(id);

  if (!Object.hasOwn(ATTRIBUTES, widget)) {
    showError(
      'Dieses Widget gibt es nicht.',
      `Bitte prüfen Sie den Parameter „widget“ in der Adresse des iframes. Erlaubt sind: ${Object.keys(ATTRIBUTES).join(', ')}.`,
    );
    return;
  }

  // feed (and the contact form's endpoint): this origin, or one listed by the city.
  const locked = ['feed', ...ATTRIBUTES[widget].filter((name) => LOCKED_ATTRIBUTES.has(name))];
  const checked = new Map<string, URL | undefined>(locked.map((name) => [name, lockedUrl(params.get(name), [])]));
  // Another origin: only then ask the city's list (a plain https URL elsewhere, nothing worse).
  if (locked.some((name) => !checked.get(name) && safeUrl(params.get(name), { base: location.href }))) {
    const origins = await loadAllowedOrigins();
    for (const name of locked) checked.set(name, checked.get(name) ?? lockedUrl(params.get(name), origins));
  }
  const refused = locked.find((name) => !checked.get(name));
  if (refused) {
    showError(
      REFUSED[refused],
      `Bitte geben Sie im Parameter „${refused}“ einen Pfad auf diesem Server an, z. B. ${EXAMPLES[refused]}. ` +
        `Adressen auf anderen Servern müssen mit https:// beginnen und in der Datei ${CONFIG_FILE} neben embed.html freigegeben sein.`,
    );
    return;
  }

  const element = document.createElement(`lotse-${widget}`);
  for (const [name, url] of checked) element.setAttribute(name, url!.href);
  const lang = params.get('lang') ?? '';
  if ((LOCALES as readonly string[]).includes(lang)) element.setAttribute('lang', lang);
  for (const name of ATTRIBUTES[widget]) {
    const value = params.get(name);
    if (value === null || LOCKED_ATTRIBUTES.has(name)) continue;
    if (URL_ATTRIBUTES.has(name)) {
      // Tile templates hold {z}/{x}/{y}: check the address with the placeholders filled in.
      if (safeUrl(value.replace(/\{[a-z]+\}/gi, '0'), { base: location.href, httpsOnly: true })) element.setAttribute(name, value.trim());
    } else if (BOOLEAN_ATTRIBUTES.has(name)) {
      if (value !== 'false' && value !== '0') element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value.slice(0, 2000));
    }
  }
  document.body.append(element);

  // Only the chosen widget's module is loaded. `data-modules` is a pattern with {name}.
  const pattern = document.querySelector<HTMLElement>('script[data-modules]')?.dataset.modules ?? './{name}.js';
  import(/* @vite-ignore */ new URL(pattern.replaceAll('{name}', widget), location.href).href).catch(() =>
    showError('Lotse konnte nicht geladen werden.', 'Bitte prüfen Sie, ob die Lotse-Dateien neben embed.html liegen.'),
  );
}

void start();
