/**
 * Shared helpers of the accessibility tests beyond axe (test/a11y-*.test.ts): focus, names,
 * media rules applied by hand (Firefox over WebDriver BiDi cannot emulate media), overflow and
 * target sizes measured in the real layout.
 */
import { expect } from '@open-wc/testing';

export const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The focused element, through shadow roots. */
export function deepActive(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/** A small accessible-name computation: aria-labelledby, aria-label, labels, text, title, placeholder. */
export function accessibleName(el: HTMLElement): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy)
    return fold(
      labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return fold(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) return fold([...labels].map((l) => l.textContent).join(' '));
  if (/^(button|a|summary|h\d|section|legend)$/.test(el.localName) || el.getAttribute('role') === 'button') {
    const text = fold(el.textContent);
    if (text) return text;
  }
  return fold(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
}

/** Focus is inside the widget's shadow root, on an element with a name (never `<body>`). */
export function expectFocusInside(widget: Element, what: string): HTMLElement {
  const active = deepActive();
  expect(active?.localName ?? 'nothing', `${what}: focus is not on <body>`).to.not.equal('body');
  expect(active && widget.shadowRoot!.contains(active), `${what}: focus inside the widget, got <${active?.localName}>`).to.equal(true);
  expect(accessibleName(active!), `${what}: the focused <${active!.localName} class="${active!.className}"> has a name`).to.not.equal('');
  return active!;
}

/**
 * Apply the rules of `@media <mediaText>` of a widget's own styles as if the media matched:
 * each sheet is copied with those rules unwrapped in place, so the cascade order (and with it
 * every specificity contest) is the real one. Works the same in Chromium and Firefox.
 */
export function applyMedia(el: Element, mediaText: string): () => void {
  const shadow = el.shadowRoot!;
  const before = shadow.adoptedStyleSheets;
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  let found = 0;
  const unwrap = (sheet: CSSStyleSheet) =>
    [...sheet.cssRules]
      .map((rule) => {
        if (rule instanceof CSSMediaRule && norm(rule.media.mediaText) === norm(mediaText)) {
          found++;
          return [...rule.cssRules].map((r) => r.cssText).join('\n');
        }
        return rule.cssText;
      })
      .join('\n');
  const copies = before.map((sheet) => {
    const copy = new CSSStyleSheet();
    copy.replaceSync(unwrap(sheet));
    return copy;
  });
  // <style> elements (the map's Leaflet rules) come before adopted sheets: their copies too.
  const styles = [...shadow.styleSheets].map((sheet) => {
    const copy = new CSSStyleSheet();
    copy.replaceSync(unwrap(sheet));
    return copy;
  });
  expect(found, `the widget has ${mediaText} rules`).to.be.greaterThan(0);
  shadow.adoptedStyleSheets = [...styles, ...copies];
  return () => (shadow.adoptedStyleSheets = before);
}

/** Add CSS to a shadow root (the text-spacing values, for example). */
export function addCss(el: Element, css: string): () => void {
  const shadow = el.shadowRoot!;
  const before = shadow.adoptedStyleSheets;
  const extra = new CSSStyleSheet();
  extra.replaceSync(css);
  shadow.adoptedStyleSheets = [...before, extra];
  return () => (shadow.adoptedStyleSheets = before);
}

/** All elements of a widget, through nested shadow roots. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

const isHiddenHelper = (el: Element) => {
  const s = getComputedStyle(el);
  return s.position === 'absolute' && (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)');
};

/**
 * Elements that stick out of the widget's box (left or right: in Arabic overflow goes left,
 * where it cannot be scrolled to), except inside a box that scrolls or clips on purpose
 * (the chip rows, the map) and visually hidden text.
 */
export function overflowing(widget: HTMLElement, tolerance = 1): string[] {
  const box = widget.getBoundingClientRect();
  const bad: string[] = [];
  const clipped = new WeakMap<Element, boolean>();
  const insideClip = (el: Element): boolean => {
    const parent = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined);
    if (!parent || parent === widget) return false;
    if (clipped.has(parent)) return clipped.get(parent)!;
    const s = getComputedStyle(parent);
    const result = /(auto|scroll|hidden|clip)/.test(s.overflowX) || isHiddenHelper(parent) || insideClip(parent);
    clipped.set(parent, result);
    return result;
  };
  for (const el of allElements(widget.shadowRoot!)) {
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.right <= box.right + tolerance && r.left >= box.left - tolerance) continue;
    if (isHiddenHelper(el) || insideClip(el)) continue;
    bad.push(
      `<${el.localName} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} of ${Math.round(box.width)}: ${fold(el.textContent).slice(0, 40)}`,
    );
  }
  if (widget.scrollWidth > widget.clientWidth + tolerance) bad.unshift(`host scrollWidth ${widget.scrollWidth} > ${widget.clientWidth}`);
  return bad;
}

/** A box of a given width (and text size) for a widget: reflow without setViewport. */
export function sizedBox(width: number, fontSize = ''): HTMLDivElement {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  if (fontSize) box.style.setProperty('--lotse-font-size', fontSize);
  document.body.append(box);
  return box;
}

/** Wait for layout to settle (two animation frames; rAF may be throttled in background tabs, so with a cap). */
export function frames(): Promise<void> {
  return new Promise((resolve) => {
    const done = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(done);
        resolve();
      }),
    );
  });
}
