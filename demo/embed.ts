/**
 * The iframe page for CMSs that forbid scripts: `embed.html?widget=service-finder&feed=…`
 * renders one Lotse widget full width and tells the parent page its height.
 *
 * Query parameters (everything else is ignored):
 *   widget   service-finder | hours-map | quick-check | contact-form   (required)
 *   feed     feed URL: http(s), or a path on the server of this page   (required)
 *   lang     de, en, ro, bg, tr, ar, uk or pl
 *   id       any short name; sent back with every height message, so a page with several
 *            iframes knows which one to resize
 *   …        the widget's own attributes, see ATTRIBUTES
 *
 * Height messages to the parent: `{ type: 'lotse-embed-height', height, id }` (CSS pixels),
 * after every change of size (ResizeObserver). They carry nothing but the height, so they are
 * sent to any origin; the host page checks `event.origin` (see embed-host-snippet.html).
 *
 * This file is self-contained (no imports): `scripts/build-embed.mjs` compiles it alone to
 * dist/embed.js, and the page's `data-modules` tells where each widget's module is.
 */

/** The widgets and the attributes each one takes from the query, beside feed and lang. */
const ATTRIBUTES: Record<string, readonly string[]> = {
  'service-finder': ['categories', 'district', 'view', 'page-size', 'url-state'],
  'hours-map': ['tiles', 'attribution', 'consent', 'show-map'],
  'quick-check': ['url-state'],
  'contact-form': ['endpoint', 'service', 'privacy-url', 'recipient', 'retention-days'],
};
/** Attributes whose value is a URL: only http(s) or a path on this server. */
const URL_ATTRIBUTES = new Set(['feed', 'tiles', 'endpoint', 'privacy-url']);
/** Boolean attributes: present unless the value is "false" or "0". */
const BOOLEAN_ATTRIBUTES = new Set(['url-state', 'show-map']);
const LANGUAGES = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];

/** True for an http(s) URL or a path (resolved against this page, so on this server). */
function isSafeUrl(value: string): boolean {
  if (!value.trim()) return false;
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
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

function start() {
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') ?? '';
  const feed = params.get('feed') ?? '';
  const id = (params.get('id') ?? '').slice(0, 100);
  reportHeight(id);

  if (!Object.hasOwn(ATTRIBUTES, widget)) {
    showError(
      'Dieses Widget gibt es nicht.',
      `Bitte prüfen Sie den Parameter „widget“ in der Adresse des iframes. Erlaubt sind: ${Object.keys(ATTRIBUTES).join(', ')}.`,
    );
    return;
  }
  if (!isSafeUrl(feed)) {
    showError(
      'Die Adresse des Feeds fehlt oder ist nicht erlaubt.',
      'Bitte geben Sie im Parameter „feed“ eine Adresse an, die mit https:// beginnt, oder einen Pfad auf diesem Server, z. B. feed=/lotse/services.json.',
    );
    return;
  }

  const element = document.createElement(`lotse-${widget}`);
  element.setAttribute('feed', feed);
  const lang = params.get('lang') ?? '';
  if (LANGUAGES.includes(lang)) element.setAttribute('lang', lang);
  for (const name of ATTRIBUTES[widget]) {
    const value = params.get(name);
    if (value === null) continue;
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) continue;
    if (BOOLEAN_ATTRIBUTES.has(name)) {
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

start();
