/**
 * The map of `<lotse-hours-map>`: Leaflet with a small grid clustering.
 *
 * This module (with Leaflet) is a lazy chunk: the widget imports it only when the visitor
 * opens the map and agreed to load tiles. It knows nothing about feeds or languages; the
 * widget passes points with ready-made (translated) labels and gets selections back.
 *
 * Clustering: points are binned into a 56 px grid of the current zoom level and only the part
 * of the world around the view is drawn, so 10,000 points stay cheap. A cluster zooms in on
 * activation; points that share one address (which no zoom can split) fan out in a ring.
 * Markers and clusters are Leaflet markers with `role="button"`, `tabindex="0"`, an
 * `aria-label`, and Enter/Space activation.
 *
 * Strict pages (`style-src 'self'; require-trusted-types-for 'script'`): no inline `<style>`
 * (the rules are a constructed stylesheet adopted by the shadow root) and no string-to-HTML
 * sink, so no Trusted Types policy is needed: marker icons are elements (`divIcon({ html:
 * element })` appends them), the zoom buttons and the attribution are our own controls built
 * with DOM APIs (Leaflet's write `innerHTML`), and Leaflet's one probe on load is answered by
 * `leaflet.styles.ts`, imported before Leaflet for that reason.
 */
import { releaseLeafletProbe, leafletStyles } from './leaflet.styles.js';
import {
  Control,
  DomEvent,
  Marker,
  divIcon,
  latLngBounds,
  layerGroup,
  map as leafletMap,
  point,
  tileLayer,
  type LatLngExpression,
  type Map as LeafletMap,
} from 'leaflet/dist/leaflet-src.esm.js';

releaseLeafletProbe();

export interface MapPoint {
  key: string;
  lat: number;
  lon: number;
  /** Accessible name of the marker, e.g. "Clearingstelle, Hafenstraße 1: open until 12:00". */
  label: string;
  open: boolean;
}

export interface MapTexts {
  cluster: (count: number, names: string[]) => string;
  zoomIn: string;
  zoomOut: string;
  region: string;
}

export interface MapOptions {
  tiles: string;
  attribution: string;
  center: { lat: number; lon: number };
  zoom: number;
  texts: MapTexts;
  onSelect: (key: string) => void;
}

export interface HoursMapView {
  setPoints(points: MapPoint[], texts: MapTexts): void;
  /** Highlight a point; with `reveal` pan (and zoom) so it is visible on its own. */
  select(key: string | undefined, reveal?: boolean): void;
  destroy(): void;
}

const CELL = 56;
const MAX_ZOOM = 19;

/** An element with a class and (optionally) text, built without any HTML string. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') {
  const el = document.createElement(tag);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** A Leaflet control at `position` around an element of ours. */
function addControl(map: LeafletMap, position: 'topleft' | 'bottomright', container: HTMLElement) {
  const ctl = new Control({ position });
  ctl.onAdd = () => container;
  DomEvent.disableClickPropagation(container);
  return ctl.addTo(map);
}

/** Zoom buttons: real buttons (Leaflet's are links), labelled in the widget's language. */
function zoomControl(map: LeafletMap) {
  const bar = element('div', 'leaflet-control-zoom leaflet-bar');
  const button = (cls: string, sign: string, zoom: () => void) => {
    const b = element('button', cls);
    b.type = 'button';
    b.append(element('span', '', sign));
    b.lastElementChild!.setAttribute('aria-hidden', 'true');
    b.addEventListener('click', () => b.getAttribute('aria-disabled') !== 'true' && zoom());
    bar.append(b);
    return b;
  };
  const zoomIn = button('leaflet-control-zoom-in', '+', () => map.zoomIn());
  const zoomOut = button('leaflet-control-zoom-out', '\u2212', () => map.zoomOut());
  const update = () => {
    // aria-disabled, not disabled: a button that was just used keeps the focus at the limit.
    zoomIn.setAttribute('aria-disabled', String(map.getZoom() >= map.getMaxZoom()));
    zoomOut.setAttribute('aria-disabled', String(map.getZoom() <= map.getMinZoom()));
  };
  map.on('zoomend zoomlevelschange', update);
  update();
  addControl(map, 'topleft', bar);
  return {
    label(zoomInText: string, zoomOutText: string) {
      for (const [b, text] of [
        [zoomIn, zoomInText],
        [zoomOut, zoomOutText],
      ] as const) {
        b.title = text;
        b.setAttribute('aria-label', text);
      }
    },
  };
}

/** The shadow root (or document) gets the map's rules once, as an adopted stylesheet. */
function adoptStyles(host: HTMLElement) {
  const root = host.getRootNode() as ShadowRoot | Document;
  const sheet = leafletStyles.styleSheet;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // Browsers without constructable stylesheets (they have no strict CSP problem either).
    host.append(element('style', '', leafletStyles.cssText));
  }
}

export function createMap(host: HTMLElement, options: MapOptions): HoursMapView {
  adoptStyles(host);
  const canvas = element('div', 'map-canvas');
  host.append(canvas);

  let texts = options.texts;
  const map = leafletMap(canvas, {
    center: [options.center.lat, options.center.lon],
    zoom: options.zoom,
    maxZoom: MAX_ZOOM,
    zoomControl: false,
    attributionControl: false,
  });
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', texts.region);
  const zoom = zoomControl(map);
  zoom.label(texts.zoomIn, texts.zoomOut);
  // The editor's attribution is text (Leaflet's attribution control writes HTML).
  addControl(map, 'bottomright', element('div', 'leaflet-control-attribution', options.attribution));
  tileLayer(options.tiles, { maxZoom: MAX_ZOOM }).addTo(map);
  const layer = layerGroup().addTo(map);

  let points: MapPoint[] = [];
  let selected: string | undefined;
  /** Grid cell (at the current zoom) whose same-address points are fanned out. */
  let fanned: string | undefined;
  /** The element showing each key: its own pin or the cluster that holds it. */
  const shown = new Map<string, HTMLElement>();

  const activeKey = () => {
    const active = (host.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;
    return active && canvas.contains(active) ? active.dataset.key : undefined;
  };

  const add = (at: LatLngExpression, inner: HTMLElement, cls: string, label: string, keys: string[], onActivate: () => void) => {
    const marker = new Marker(at, {
      // An element, not an HTML string: Leaflet appends it (no innerHTML).
      icon: divIcon({ html: inner, className: cls, iconSize: [44, 44], iconAnchor: [22, 22] }),
      keyboard: true,
      autoPanOnFocus: false,
    }).addTo(layer);
    const el = marker.getElement()!;
    el.setAttribute('aria-label', label);
    el.dataset.key = keys[0];
    // Drawn around the view but outside it: no focus unseen (WCAG 2.4.11) until panned into view.
    if (!map.getBounds().contains(at)) {
      el.tabIndex = -1;
      el.setAttribute('aria-hidden', 'true');
    }
    for (const key of keys) shown.set(key, el);
    marker.on('click', onActivate);
    DomEvent.on(el, 'keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        DomEvent.stop(event);
        onActivate();
      }
    });
    return el;
  };

  /** Where a group's marker stands, in pixels at zoom `z` (a cluster: the middle of its points). */
  const middle = (group: MapPoint[], z: number) => {
    const xy = group.map((p) => map.project([p.lat, p.lon], z));
    const xs = xy.map((q) => q.x);
    const ys = xy.map((q) => q.y);
    return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  };

  /**
   * Neighbouring grid cells can hold points a few pixels apart: groups whose 44 px markers
   * would overlap join one cluster, so every marker is a whole target (WCAG 2.5.8).
   */
  const apart = (cells: Map<string, MapPoint[]>, z: number) => {
    const groups = [...cells].map(([id, group]) => ({ id, group, at: middle(group, z) }));
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (Math.abs(a.at.x - b.at.x) >= 44 || Math.abs(a.at.y - b.at.y) >= 44) continue;
        a.group.push(...b.group);
        a.at = middle(a.group, z);
        groups.splice(j, 1);
        i = -1; // the merged marker moved: check all pairs again
        break;
      }
    }
    return new Map(groups.map((g) => [g.id, g.group]));
  };

  const draw = () => {
    const focusKey = activeKey();
    layer.clearLayers();
    shown.clear();
    const z = map.getZoom();
    const area = map.getBounds().pad(0.5);
    const cells = new Map<string, MapPoint[]>();
    for (const p of points) {
      if (!area.contains([p.lat, p.lon])) continue;
      const xy = map.project([p.lat, p.lon], z);
      const id = `${Math.floor(xy.x / CELL)}:${Math.floor(xy.y / CELL)}`;
      const group = cells.get(id);
      if (group) group.push(p);
      else cells.set(id, [p]);
    }
    for (const [id, group] of apart(cells, z)) {
      if (group.length === 1) {
        pin(group[0], [group[0].lat, group[0].lon]);
      } else if (id === fanned) {
        const lat = group.reduce((s, p) => s + p.lat, 0) / group.length;
        const lon = group.reduce((s, p) => s + p.lon, 0) / group.length;
        const center = map.project([lat, lon], z);
        const r = 30 + group.length * 4;
        group.forEach((p, i) => {
          const a = (2 * Math.PI * i) / group.length - Math.PI / 2;
          pin(p, map.unproject(center.add(point(r * Math.cos(a), r * Math.sin(a))), z));
        });
      } else {
        cluster(id, group);
      }
    }
    mark();
    if (focusKey) shown.get(focusKey)?.focus();
  };

  const pin = (p: MapPoint, at: LatLngExpression) =>
    add(at, element('span', 'pin-dot'), `pin${p.open ? ' open' : ''}`, p.label, [p.key], () => {
      select(p.key);
      options.onSelect(p.key);
    });

  const cluster = (id: string, group: MapPoint[]) => {
    const bounds = latLngBounds(group.map((p) => [p.lat, p.lon] as [number, number]));
    const names = group.slice(0, 5).map((p) => p.label.split(',')[0]);
    const open = group.some((p) => p.open);
    add(
      bounds.getCenter(),
      element('span', '', String(group.length)),
      `cluster${open ? ' open' : ''}`,
      texts.cluster(group.length, names),
      group.map((p) => p.key),
      () => {
        const target = map.getBoundsZoom(bounds, false, point(60, 60));
        if (target <= map.getZoom() || map.getZoom() >= MAX_ZOOM) {
          fanned = id;
          draw();
          shown.get(group[0].key)?.focus();
        } else {
          const keep = group[0].key;
          map.once('moveend', () => shown.get(keep)?.focus());
          map.fitBounds(bounds, { padding: [60, 60], animate: !matchMedia('(prefers-reduced-motion: reduce)').matches });
        }
      },
    );
  };

  const mark = () => {
    for (const el of canvas.querySelectorAll<HTMLElement>('.leaflet-marker-icon')) {
      el.classList.remove('selected');
      el.removeAttribute('aria-current');
    }
    const el = selected ? shown.get(selected) : undefined;
    if (el) {
      el.classList.add('selected');
      el.setAttribute('aria-current', 'true');
    }
  };

  const select = (key: string | undefined, reveal = false) => {
    selected = key;
    const p = key ? points.find((q) => q.key === key) : undefined;
    if (reveal && p) {
      const z = Math.max(map.getZoom(), 16);
      map.setView([p.lat, p.lon], z, { animate: false });
    }
    mark();
  };

  map.on('zoomstart', () => (fanned = undefined));
  map.on('moveend', draw);

  return {
    setPoints(next, nextTexts) {
      points = next;
      texts = nextTexts;
      canvas.setAttribute('aria-label', texts.region);
      zoom.label(texts.zoomIn, texts.zoomOut);
      draw();
    },
    select,
    destroy() {
      map.remove();
      host.replaceChildren();
    },
  };
}
