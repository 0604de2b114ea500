/**
 * Lotse's own small icon set: one stroked path per icon on a 24 × 24 grid.
 *
 * Icons use `currentColor`, so they follow the text colour and stay visible in forced-colors
 * (Windows high contrast) mode. They are decorative (`aria-hidden`) unless a label is passed;
 * a meaningful icon must then name itself, e.g. `icon('phone', msg('Call'))`.
 * `back`/`forward` point left/right; widgets mirror them in RTL with CSS
 * (`:dir(rtl) .icon-back { transform: scaleX(-1) }`).
 *
 * All paths are drawn for Lotse. Keep them simple: they must read at 20 px on a cheap phone.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';

/** A circle as path data (centre x, y and radius r). */
const o = (x: number, y: number, r: number) => `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/** A dot: a zero-length line drawn with the round line cap. */
const dot = (x: number, y: number) => `M${x} ${y}h0`;

/** Twelve dots in a ring, like the stars of the European flag. */
let ring = '';
for (let i = 0; i < 12; i++) {
  const a = (i * Math.PI) / 6;
  ring += dot(+(12 + 8 * Math.sin(a)).toFixed(1), +(12 - 8 * Math.cos(a)).toFixed(1));
}

const PATHS = {
  // Categories
  health: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  housing: 'M3 11l9-8 9 8M5 9v12h14V9M10 21v-6h4v6',
  work: 'M3 7h18v13H3zM8 7V4h8v3M3 12h18',
  education: 'M2 9l10-5 10 5-10 5zM6 11v5c3 3 9 3 12 0v-5M22 9v6',
  family: o(8, 5, 2.5) + o(17, 10, 2) + 'M3 21v-6a5 5 0 0 1 10 0v6M14 21v-3a3 3 0 0 1 6 0v3',
  'german-courses': 'M4 3h16v13h-9l-5 5v-5H4zM9 13l3-7 3 7M10 11h4',
  documents: 'M6 3h8l5 5v13H6zM14 3v5h5M9 13h7M9 17h7',
  money: o(12, 12, 9) + 'M15.5 8.5a4.5 4.5 0 1 0 0 7M7 10.5h5M7 13.5h5',
  counselling: 'M3 3h11v8H8l-4 3v-3H3zM17 8h4v9h-1v4l-4-4h-5v-3',
  emergency: 'M6 18v-6a6 6 0 0 1 12 0v6M4 18h16v3H4zM12 2v1M3 6l1 1M21 6l-1 1M12 9v5',
  rights: 'M12 3v18M8 21h8M5 6h14M5 6l-3 8a3 3 0 0 0 6 0zM19 6l-3 8a3 3 0 0 0 6 0z',

  // Audiences
  women: o(12, 5, 2.5) + 'M10 10h4l3 8H7zM10 18v3M14 18v3',
  men: o(12, 5, 2.5) + 'M7 16v-4a3 3 0 0 1 3-3h4a3 3 0 0 1 3 3v4M10 12v9h4v-9',
  children: o(9, 7, 2) + o(18, 16, 3) + 'M5 21v-5a4 4 0 0 1 8 0v5',
  youth: o(12, 4, 2) + 'M5 5l3.5 5h7L19 5M9 10v4l-2 7M15 10v4l2 7',
  families: o(6, 5, 2) + o(18, 5, 2) + o(12, 13, 1.5) + 'M2 21V12a4 4 0 0 1 8 0M22 21V12a4 4 0 0 0-8 0M9 21v-1.5a3 3 0 0 1 6 0V21',
  seniors: o(10, 4, 2) + 'M9.5 7.5 8 14l-2 7M8 14l2 7M9.5 9l3.5 3M16 21v-9a1.5 1.5 0 0 0-3 0',
  pregnant: o(12, 5, 2.5) + 'M10 10h4c3 1 4 5 2 7l1 1H7zM10 18v3M14 18v3',
  uninsured: 'M3 6h18v12H3zM12 9v6M9 12h6M3 3l18 18',
  'eu-citizens': ring,
  refugees: o(8, 5, 2.5) + 'M4 21v-7a4 4 0 0 1 8 0v7M15 13h6v8h-6zM17 13v-2h2v2',

  // Interface
  search: o(10.5, 10.5, 6.5) + 'M15.5 15.5L21 21',
  globe: o(12, 12, 9) + 'M3 12h18M12 3a4.5 9 0 0 0 0 18a4.5 9 0 0 0 0-18',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  whatsapp: 'M3 21l1.5-4.5A9 9 0 1 1 7.5 19.5zM9 9.5c0 3 2.5 5.5 5.5 5.5',
  web: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  route: 'M12 2l10 10-10 10L2 12zM9 15v-3a2 2 0 0 1 2-2h4M13 8l2 2-2 2',
  clock: o(12, 12, 9) + 'M12 7v5l3 2',
  check: 'M4 12.5l5 5L20 6.5',
  close: 'M6 6l12 12M18 6L6 18',
  back: 'M19 12H5M11 6l-6 6 6 6',
  forward: 'M5 12h14M13 6l6 6-6 6',
  print: 'M7 9V3h10v6M7 17H3V9h18v8h-4M7 14h10v7H7z',
  share: o(18, 5, 2.5) + o(6, 12, 2.5) + o(18, 19, 2.5) + 'M8.2 10.8l7.6-4.5M8.2 13.2l7.6 4.5',
  speaker: 'M3 9h4l5-4v14l-5-4H3zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12',
  pin: o(12, 9.5, 2.5) + 'M12 21s-7-6-7-11.5a7 7 0 0 1 14 0C19 15 12 21 12 21z',
  walk: o(13, 4, 2) + 'M7 21l3-6 3 2v4M10 15l2-6-4 2-1 3M12 9l2 3h3',
  calendar: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
  warning: 'M12 3L2 20h20zM12 10v4' + dot(12, 17),
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 3v4h-4',
  filter: 'M3 4h18l-7 8v7l-4 2v-9z',
  free: 'M3 3h8l10 10-8 8L3 11z' + dot(7.5, 7.5),
  info: o(12, 12, 9) + 'M12 11v5' + dot(12, 8),
  wheelchair: o(10, 4, 1.5) + 'M10 7v6h6l2 5h2M10 10h5M7 10a5.5 5.5 0 1 0 8 7',
  location: o(12, 12, 7) + o(12, 12, 2) + 'M12 2v3M12 19v3M2 12h3M19 12h3',
  send: 'M21 3L3 10l7 3 3 7zM10 13l11-10',
  trash: 'M4 7h16M10 3h4M6 7l1 14h10l1-14M10 11v6M14 11v6',
  map: 'M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14M15 6v14',
  list: 'M9 6h12M9 12h12M9 18h12' + dot(4, 6) + dot(4, 12) + dot(4, 18),
};

/** Every icon Lotse draws. Unknown names fall back to a neutral circle. */
export type IconName = keyof typeof PATHS;

const FALLBACK = o(12, 12, 4);

/**
 * An inline SVG icon, 1.25em square, in the current text colour.
 * Without `label` it is hidden from assistive technology; with it, it is an image of that name.
 */
export function icon(name: string, label?: string): TemplateResult {
  const d = PATHS[name as IconName];
  return html`<svg
    class="icon icon-${name}"
    viewBox="0 0 24 24"
    width="1.25em"
    height="1.25em"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    focusable="false"
    role=${label ? 'img' : nothing}
    aria-label=${label || nothing}
    aria-hidden=${label ? nothing : 'true'}
  >${svg`<path d=${typeof d == 'string' ? d : FALLBACK}></path>`}</svg>`;
}
