/**
 * The hours map on a strict page: an iframe whose own policy (a CSP <meta>) is
 *   style-src 'self'; require-trusted-types-for 'script'
 * loads <lotse-hours-map>, the visitor opens the map and consents, and Leaflet must draw its
 * markers with its rules applied and without a single CSP or Trusted Types violation.
 * (`npm run check:embed` checks the built bundle the same way, served with the header.)
 */
import { expect } from '@open-wc/testing';
import { until } from './helpers.js';

// (script-src is left to `npm run check:embed`: Firefox does not match the srcdoc document's
// scripts with 'self'.)
const POLICY = "style-src 'self'; require-trusted-types-for 'script'";

describe('<lotse-hours-map> under a strict CSP with Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
    localStorage.removeItem('lotse-map-consent');
  });

  it('opens the map after consent: markers, Leaflet rules, no inline style, no violation', async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:900px;border:0';
    frame.srcdoc = `<!doctype html><html lang="de"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="/src/hours-map/hours-map.ts"></script></head>
      <body><lotse-hours-map lang="de" feed="/test/fixtures/hours-map/feed.json" now="2026-11-24T10:30:00+01:00"
        tiles="/__tiles/{z}/{x}/{y}.png"></lotse-hours-map></body></html>`;
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    const doc = frame.contentDocument!;

    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`), true);

    // The policy is in force here: an HTML string and an inline <style> are refused.
    const enforcesTrustedTypes = (() => {
      try {
        doc.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    })();
    if ('trustedTypes' in win) expect(enforcesTrustedTypes, 'Trusted Types enforced by the <meta> policy').to.equal(true);
    const probe = doc.createElement('style');
    probe.textContent = 'body { outline: 7px solid red }';
    doc.head.append(probe);
    expect(win.getComputedStyle(doc.body).outlineWidth, 'inline <style> blocked').not.to.equal('7px');
    probe.remove();
    // Their reports arrive as events; from then on every violation counts (the map code
    // loads only after the clicks below).
    const expected = enforcesTrustedTypes ? 2 : 1;
    await until(() => violations.length >= expected, 5000, 'the reports of the two probes');
    violations.length = 0;
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    const warn = win.console.warn;
    win.console.warn = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      warn.apply(win.console, args);
    };

    const el = doc.querySelector('lotse-hours-map')!;
    const $ = (selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
    await until(() => $('button[aria-controls="map"]'), 8000, 'the widget').catch((error: Error) => {
      throw new Error(
        `${error.message} (defined: ${Boolean(win.customElements.get('lotse-hours-map'))}; violations: ${violations.join(' | ') || 'none'})`,
      );
    });
    $('button[aria-controls="map"]')!.click();
    await until(() => $('[part="consent"] button.primary'), 5000, 'the consent question');
    $('[part="consent"] button.primary')!.click();
    await until(() => $('.leaflet-marker-icon') || $('.map [role="alert"]'), 10000, 'markers or the map error');

    // (Texts and numbers only: chai would walk an element of the iframe's realm for ever.)
    expect($('.map [role="alert"]')?.textContent ?? 'no error', 'no "map could not be loaded"').to.equal('no error');
    const markers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
    expect(markers.length).to.be.greaterThan(0);
    expect(markers.every((m) => m.getAttribute('role') === 'button' && m.getAttribute('aria-label'))).to.equal(true);
    // Leaflet's rules apply (an adopted stylesheet), and there is no <style> element.
    expect(win.getComputedStyle($('.leaflet-pane')!).position).to.equal('absolute');
    expect(win.getComputedStyle(markers[0]).position).to.equal('absolute');
    expect(el.shadowRoot!.querySelectorAll('style').length).to.equal(0);
    // Our controls: labelled zoom buttons and the attribution as text.
    const zoomIn = $('button.leaflet-control-zoom-in')!;
    expect(zoomIn.getAttribute('aria-label')).to.equal('Karte vergrößern');
    expect($('button.leaflet-control-zoom-out')!.getAttribute('aria-label')).to.equal('Karte verkleinern');
    expect($('.leaflet-control-attribution')!.textContent).to.contain('OpenStreetMap');
    // The zoom button zooms (the markers are redrawn at the new level).
    const before = markers[0];
    zoomIn.click();
    await until(() => !before.isConnected, 5000, 'markers redrawn after zooming');

    expect(violations).to.deep.equal([]);
    expect(errors.filter((e) => /lotse|Trusted|Content Security/i.test(e))).to.deep.equal([]);
    // The answer to Leaflet's probe was temporary: the same string is refused again now.
    if (enforcesTrustedTypes) expect(() => (doc.createElement('div').innerHTML = '<svg/>')).to.throw();
  });
});
