/**
 * What Leaflet needs to run in the hours map's shadow root, also on strict pages:
 *
 * 1. The few Leaflet layout rules the hours map needs. Leaflet's own leaflet.css (14 kB) cannot
 *    be imported with Vite's `?inline` here: the test server (web-test-runner) serves CSS
 *    files as CSS, not as modules. So this small set, written after the rules of Leaflet 1.9
 *    (BSD-2-Clause, © Volodymyr Agafonkin and CloudMade), covers panes, tiles, markers, zoom
 *    animation and our two controls, with 44 px zoom buttons, our tokens, forced-colors and
 *    reduced motion, plus Lotse's own marker styles. A Lit `css` result: map.ts adopts it as a
 *    constructed stylesheet, which `style-src 'self'` allows (an inline `<style>` it blocks).
 *    Only the lazy map chunk carries it.
 *
 * 2. Leaflet's one HTML-string write on load: `Browser.inlineSvg` is probed with
 *    `div.innerHTML = '<svg/>'`, which throws under `require-trusted-types-for 'script'` and
 *    would fail the whole map chunk. This module is imported by map.ts before Leaflet, so
 *    while Leaflet's module body runs (synchronously, right after this one) that exact string
 *    on a detached element is answered with an `<svg>` element built by DOM API; every other
 *    value goes to the browser's own setter. The original setter is back when map.ts runs
 *    (`releaseLeafletProbe()`), and at the latest at the next microtask. No Trusted Types
 *    policy is created.
 */
import { css } from 'lit';

const INNER_HTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
if (INNER_HTML?.set) {
  const set = INNER_HTML.set;
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...INNER_HTML,
    set(this: Element, value: unknown) {
      if (value === '<svg/>' && !this.isConnected && !this.firstChild) {
        this.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      } else {
        set.call(this, value);
      }
    },
  });
  queueMicrotask(() => releaseLeafletProbe());
}

/** Put the browser's own `innerHTML` back (idempotent). */
export function releaseLeafletProbe() {
  if (INNER_HTML && Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')?.set !== INNER_HTML.set) {
    Object.defineProperty(Element.prototype, 'innerHTML', INNER_HTML);
  }
}

export const leafletStyles = css`.leaflet-container{overflow:hidden;position:relative;background:var(--_surface-alt);font:inherit;
  -webkit-tap-highlight-color:transparent;touch-action:none;outline-offset:1px}
.leaflet-pane,.leaflet-tile,.leaflet-marker-icon,.leaflet-tile-container,.leaflet-pane>svg,
.leaflet-pane>canvas,.leaflet-zoom-box,.leaflet-layer{position:absolute;left:0;top:0}
.leaflet-pane{z-index:400}.leaflet-tile-pane{z-index:200}.leaflet-overlay-pane{z-index:400}
.leaflet-shadow-pane{z-index:500}.leaflet-marker-pane{z-index:600}.leaflet-tooltip-pane{z-index:650}
.leaflet-popup-pane{z-index:700}
.leaflet-tile,.leaflet-marker-icon{user-select:none;-webkit-user-drag:none}
.leaflet-container .leaflet-tile,.leaflet-container img{max-width:none!important;max-height:none!important;width:auto;padding:0}
.leaflet-tile{visibility:hidden;filter:inherit}.leaflet-tile-loaded{visibility:inherit}
.leaflet-marker-icon{display:block;pointer-events:none}
.leaflet-marker-icon.leaflet-interactive{pointer-events:auto;cursor:pointer}
.leaflet-tile-container{pointer-events:none}
.leaflet-zoom-animated{transform-origin:0 0}
.leaflet-zoom-anim .leaflet-zoom-animated{transition:transform .25s cubic-bezier(0,0,.25,1)}
.leaflet-zoom-anim .leaflet-tile,.leaflet-pan-anim .leaflet-tile{transition:none}
.leaflet-zoom-anim .leaflet-zoom-hide{visibility:hidden}
.leaflet-fade-anim .leaflet-popup{opacity:1;transition:opacity .2s linear}
.leaflet-grab{cursor:grab}.leaflet-dragging .leaflet-grab{cursor:grabbing}
.leaflet-top,.leaflet-bottom{position:absolute;z-index:1000;pointer-events:none}
.leaflet-top{top:0}.leaflet-bottom{bottom:0}.leaflet-left{left:0}.leaflet-right{right:0}
.leaflet-control{position:relative;z-index:800;pointer-events:auto;float:left;clear:both}
.leaflet-right .leaflet-control{float:right}
.leaflet-top .leaflet-control{margin-top:8px}.leaflet-left .leaflet-control{margin-left:8px}
.leaflet-right .leaflet-control{margin-right:0}.leaflet-bottom .leaflet-control{margin-bottom:0}
.leaflet-bar{display:flex;flex-direction:column;border:2px solid var(--_border);border-radius:var(--_radius);overflow:hidden}
.leaflet-bar button{display:flex;align-items:center;justify-content:center;width:var(--_tap);height:var(--_tap);
  margin:0;padding:0;border:0;border-radius:0;background:var(--_surface);color:var(--_text);font-size:1.5em;font-weight:700;line-height:1}
.leaflet-bar button+button{border-top:1px solid var(--_border)}
.leaflet-bar button[aria-disabled=true]{color:var(--_muted);cursor:default}
.leaflet-bar button:focus-visible{outline-offset:-5px}
.leaflet-control-attribution{padding:0 .4em;background:rgb(255 255 255 / .85);color:var(--_text);font-size:.8em}
.leaflet-attribution-flag{display:none!important}
/* Lotse markers: 44 px tap targets; a pin, or a round cluster with its count. */
.pin,.cluster{display:grid;place-items:center;border-radius:50%}
.pin-dot{width:22px;height:22px;border:3px solid #fff;border-radius:50% 50% 50% 0;transform:rotate(-45deg);
  background:var(--_primary);box-shadow:0 0 0 2px var(--_primary)}
.pin.open .pin-dot{background:var(--_success);box-shadow:0 0 0 2px var(--_success)}
.cluster span{display:grid;place-items:center;width:36px;height:36px;border:3px solid #fff;border-radius:50%;
  background:var(--_primary);color:var(--_on-primary);font-weight:700;box-shadow:0 0 0 2px var(--_primary)}
.pin.selected .pin-dot,.cluster.selected span{outline:4px solid var(--_focus);outline-offset:2px}
.pin.selected{z-index:1000!important}
@media (prefers-reduced-motion:reduce){.leaflet-zoom-anim .leaflet-zoom-animated{transition:none}}
@media (forced-colors:active){.leaflet-bar button,.leaflet-control-attribution{border-color:ButtonText;background:Canvas;color:ButtonText}
  .pin-dot,.cluster span{forced-color-adjust:none;background:ButtonText;color:ButtonFace;border-color:ButtonFace}
  .pin.selected .pin-dot,.cluster.selected span{outline-color:Highlight}}
`;
