#!/usr/bin/env node
// Strict Content-Security-Policy check of the built bundle (run `npm run build` first).
//
// Serves dist/ and a test page with
//   Content-Security-Policy: script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
//                            trusted-types lit-html lotse
// (no 'unsafe-inline'; the README's policy plus a list of allowed Trusted Types policies, which
// only adds restrictions: Lit's `lit-html` and `lotse`, for the feed worker's URL, are the
// policies Lotse creates) from 127.0.0.1,
// opens it in Debian's Chromium with puppeteer-core, loads all four widgets with the sample
// feed, checks that each renders without a CSP or Trusted Types violation, performs one
// interaction per widget (the hours map: consent, then the Leaflet map with markers, tiles from
// the local /tiles/ and a zoom), then opens dist/embed.html with the map and with a foreign
// feed (refused, nothing requested), prints a summary and exits non-zero on any failure.
// Usage: npm run check:embed
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { contactMiddleware } from '../demo/contact-handler.mjs';
import { CHROMIUM, QUIET_FLAGS } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html lotse";
/** A 1×1 PNG for every map tile (no internet needed); requests are counted per zoom level. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const tileRequests = [];
/** What each widget shows once it has rendered its content (inside its shadow root). */
const RENDERED = {
  'lotse-service-finder': '.card-title',
  'lotse-hours-map': '[part="entry"]',
  'lotse-quick-check': '#qc-heading',
  'lotse-contact-form': 'form',
};
const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.html': 'text/html',
};

const PAGE = `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Lotse unter strenger CSP</title>
  <script type="module" src="/dist/lotse.js"></script>
</head>
<body>
  <h1>Lotse unter strenger Content-Security-Policy</h1>
  <lotse-service-finder feed="/services.json" lang="de"></lotse-service-finder>
  <lotse-hours-map feed="/services.json" lang="de" tiles="/tiles/{z}/{x}/{y}.png" attribution="<b>Test</b>-Kacheln"></lotse-hours-map>
  <lotse-quick-check feed="/services.json" lang="de"></lotse-quick-check>
  <lotse-contact-form feed="/services.json" lang="de" endpoint="/api/contact" id="csp-check"></lotse-contact-form>
</body>
</html>`;

const contact = contactMiddleware();

async function serveFile(res, file) {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP });
    return res.end(PAGE);
  }
  if (path === '/services.json') return serveFile(res, join(root, 'demo/public/services.json'));
  if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path)) {
    tileRequests.push(path);
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Security-Policy': CSP });
    return res.end(TILE);
  }
  if (path.startsWith('/dist/')) {
    const file = normalize(join(root, path));
    if (!file.startsWith(join(root, 'dist'))) return serveFile(res, '/nonexistent');
    return serveFile(res, file);
  }
  contact(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
});

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok: Boolean(ok), detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
};

await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/`;
let browser;
try {
  await stat(join(root, 'dist/lotse.js')).catch(() => {
    throw new Error('dist/lotse.js fehlt: bitte zuerst "npm run build" ausführen.');
  });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_FLAGS,
  });
  const consoleProblems = [];
  /** "[lotse] Feed wird ohne Worker geladen …": the feed worker could not start. */
  const noWorker = [];
  const pageErrors = [];
  /** A tab that records CSP violations, CSP / Trusted Types console messages and errors. */
  const watchedPage = async () => {
    const tab = await browser.newPage();
    tab.on('console', (m) => {
      const text = m.text();
      if (/Content[- ]Security[- ]Policy|Trusted Type|TrustedHTML|TrustedScript|could not be loaded/i.test(text))
        consoleProblems.push(text);
    });
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    tab.on('console', (m) => {
      if (m.text().includes('ohne Worker')) noWorker.push(m.text());
    });
    await tab.evaluateOnNewDocument(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample ?? ''}`);
      });
    });
    return tab;
  };
  const violationsOf = (tab) => tab.evaluate(() => window.__csp);
  const page = await watchedPage();
  await page.goto(url, { waitUntil: 'load' });
  const header = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  check('page is served with the strict CSP', header === CSP, header ?? 'no header');

  // Each widget renders its content.
  for (const [tag, selector] of Object.entries(RENDERED)) {
    const ok = await page
      .waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout: 10_000 }, tag, selector)
      .then(
        () => true,
        () => false,
      );
    const size = await page.evaluate((t) => {
      const r = document.querySelector(t)?.getBoundingClientRect();
      return r ? `${Math.round(r.width)}×${Math.round(r.height)}` : '0×0';
    }, tag);
    check(`${tag} renders`, ok, size);
  }
  // Styles apply (constructable stylesheets are allowed under style-src 'self').
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('lotse-service-finder')).display);
  check('widget styles apply', styled === 'block', `display: ${styled}`);

  const inShadow = (tag, selector) => page.evaluateHandle((t, s) => document.querySelector(t).shadowRoot.querySelector(s), tag, selector);
  const waitShadow = (tag, selector, timeout = 5000) =>
    page
      .waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout }, tag, selector)
      .then(
        () => true,
        () => false,
      );

  // Finder: search, open a detail.
  const search = await inShadow('lotse-service-finder', '#lotse-search');
  await search.click();
  await page.keyboard.type('Clearing');
  const found = await page
    .waitForFunction(
      () => /clearing/i.test(document.querySelector('lotse-service-finder').shadowRoot.querySelector('.card-title')?.textContent ?? ''),
      { timeout: 5000 },
    )
    .then(
      () => true,
      () => false,
    );
  check('finder: search "Clearing" finds it', found);
  await (await inShadow('lotse-service-finder', '.card-title')).click();
  check('finder: details open', await waitShadow('lotse-service-finder', '.detail'));

  // Hours map: open an entry.
  await (await inShadow('lotse-hours-map', '[part="entry"] button.name')).click();
  check('hours map: entry opens', await waitShadow('lotse-hours-map', '[part="entry"] .details'));

  // Hours map: show the map, consent, and Leaflet draws markers and requests tiles.
  await (await inShadow('lotse-hours-map', '.views > button[aria-controls="map"]')).click();
  check('hours map: consent asked first', await waitShadow('lotse-hours-map', '[part="consent"] button.primary'));
  check('hours map: no tile before consent', tileRequests.length === 0, `${tileRequests.length} tile requests`);
  await (await inShadow('lotse-hours-map', '[part="consent"] button.primary')).click();
  check(
    'hours map: map with markers after consent',
    await waitShadow('lotse-hours-map', '.leaflet-container .leaflet-marker-icon', 10_000),
  );
  const tilesLoaded = await page
    .waitForFunction(() => document.querySelector('lotse-hours-map').shadowRoot.querySelector('img.leaflet-tile-loaded'), {
      timeout: 10_000,
    })
    .then(
      () => true,
      () => false,
    );
  check(
    'hours map: tiles requested from the tiles URL and shown',
    tilesLoaded && tileRequests.length > 0,
    `${tileRequests.length} tile requests, first ${tileRequests[0] ?? '—'}`,
  );
  const mapState = await page.evaluate(() => {
    const r = document.querySelector('lotse-hours-map').shadowRoot;
    const markers = [...r.querySelectorAll('.leaflet-marker-icon')];
    return {
      markers: markers.length,
      named: markers.every((m) => m.getAttribute('role') === 'button' && m.getAttribute('aria-label')),
      error: r.querySelector('.map [role="alert"]')?.textContent ?? '',
      inlineStyles: r.querySelectorAll('style').length,
      adopted: r.adoptedStyleSheets.length,
      canvasHeight: Math.round(r.querySelector('.map-canvas')?.getBoundingClientRect().height ?? 0),
      paneAbsolute: r.querySelector('.leaflet-pane') ? getComputedStyle(r.querySelector('.leaflet-pane')).position : 'no pane',
      attribution: r.querySelector('.leaflet-control-attribution')?.textContent ?? '',
      attributionMarkup: Boolean(r.querySelector('.leaflet-control-attribution b')),
    };
  });
  check(
    'hours map: markers named, no map error, no <style>, Leaflet rules adopted',
    mapState.markers > 0 &&
      mapState.named &&
      !mapState.error &&
      mapState.inlineStyles === 0 &&
      mapState.paneAbsolute === 'absolute' &&
      mapState.canvasHeight > 100,
    `${mapState.markers} markers, ${mapState.adopted} adopted sheets, pane ${mapState.paneAbsolute}, canvas ${mapState.canvasHeight}px${mapState.error ? `, error: ${mapState.error}` : ''}`,
  );
  check(
    'hours map: attribution shown as text',
    mapState.attribution === '<b>Test</b>-Kacheln' && !mapState.attributionMarkup,
    mapState.attribution,
  );
  // (The map may have zoomed to the entry opened above: take the level of the latest tiles.)
  const level = Number(tileRequests.at(-1)?.split('/')[2]);
  await (await inShadow('lotse-hours-map', '.leaflet-control-zoom-in')).asElement()?.click();
  const zoomed = await page
    .waitForFunction(
      (z) => document.querySelector('lotse-hours-map').shadowRoot.querySelector(`img.leaflet-tile-loaded[src*="/tiles/${z}/"]`),
      { timeout: 10_000 },
      level + 1,
    )
    .then(
      () => true,
      () => false,
    );
  check('hours map: zoom button works (tiles of the next level)', zoomed, `zoom ${level} → ${level + 1}`);

  // Quick-check: start and answer the first question.
  await (await inShadow('lotse-quick-check', 'button.primary')).click();
  check('quick-check: first question', await waitShadow('lotse-quick-check', '[part="answer-button"]'));
  const q1 = await page.evaluate(() => document.querySelector('lotse-quick-check').shadowRoot.querySelector('#qc-heading').textContent);
  await (await inShadow('lotse-quick-check', '[part="answer-button"]')).click();
  const next = await page
    .waitForFunction(
      (before) => document.querySelector('lotse-quick-check').shadowRoot.querySelector('#qc-heading')?.textContent !== before,
      { timeout: 5000 },
      q1,
    )
    .then(
      () => true,
      () => false,
    );
  check('quick-check: answer leads to the next question', next);

  // Contact form: the first questions (topic, way of contact, phone number).
  await (await inShadow('lotse-contact-form', 'label.choice')).click();
  await (await inShadow('lotse-contact-form', '#cf-method-phone')).click();
  check('contact form: phone field appears', await waitShadow('lotse-contact-form', '#cf-phone'));
  await (await inShadow('lotse-contact-form', '#cf-phone')).type('0171 2345678');
  const filled = await page.evaluate(() => {
    const r = document.querySelector('lotse-contact-form').shadowRoot;
    return Boolean(r.querySelector('input[name="topic"]:checked')) && r.querySelector('#cf-phone').value === '0171 2345678';
  });
  check('contact form: topic chosen and phone typed', filled);

  // The iframe page dist/embed.html under the same policy: the map, and a foreign feed refused.
  const embedPage = await watchedPage();
  const requested = [];
  embedPage.on('request', (r) => requested.push(r.url()));
  await embedPage.goto(
    `${url}dist/embed.html?widget=hours-map&feed=/services.json&lang=de&consent=granted&show-map&tiles=/tiles/{z}/{x}/{y}.png`,
    { waitUntil: 'load' },
  );
  const embedMap = await embedPage
    .waitForFunction(() => document.querySelector('lotse-hours-map')?.shadowRoot?.querySelector('.leaflet-marker-icon'), {
      timeout: 10_000,
    })
    .then(
      () => true,
      () => false,
    );
  check('embed.html: the hours map with markers', embedMap);
  const foreign = 'https://evil.example/services.json';
  await embedPage.goto(`${url}dist/embed.html?widget=service-finder&feed=${encodeURIComponent(foreign)}`, { waitUntil: 'load' });
  const refused = await embedPage
    .waitForFunction(() => document.querySelector('[role="alert"]')?.textContent, { timeout: 5000 })
    .then(
      (h) => h.jsonValue(),
      () => '',
    );
  const errorBorder = await embedPage.evaluate(
    () => getComputedStyle(document.querySelector('.lotse-embed-error') ?? document.body).borderTopStyle,
  );
  check(
    'embed.html: a foreign feed is refused with the message, styled, and nothing is requested from it',
    refused.includes('Die Adresse des Feeds fehlt oder ist nicht erlaubt.') &&
      errorBorder === 'solid' &&
      !requested.some((r) => !r.startsWith(url)),
    `${refused.slice(0, 52)}… · border ${errorBorder} · ${requested.filter((r) => !r.startsWith(url)).length} foreign requests`,
  );

  await new Promise((r) => setTimeout(r, 300));
  const violations = [...(await violationsOf(page)), ...(await violationsOf(embedPage))];
  check('no securitypolicyviolation events', violations.length === 0, violations.slice(0, 5).join(' | '));
  check('no CSP / Trusted Types messages in the console', consoleProblems.length === 0, consoleProblems.slice(0, 5).join(' | '));
  check('no uncaught errors', pageErrors.length === 0, pageErrors.slice(0, 5).join(' | '));
  check(
    'the feed was loaded in the worker (dist/chunks/feed-worker-*.js), not on the main thread',
    noWorker.length === 0,
    noWorker[0] ?? '',
  );
} catch (error) {
  check('check ran to the end', false, error.message);
} finally {
  await browser?.close();
  server.close();
}

// ==== Editor page (dist/redaktion.html) under the same strict CSP ============================
// Its own server and browser, so this block stands apart from the checks above. Reads the CSV
// template through the file input, waits for the findings and the four previewed widgets, and
// checks that nothing is requested once the page has loaded (the dropped file never leaves).
{
  const editorServer = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, 'dist', path));
    return serveFile(res, file.startsWith(join(root, 'dist')) ? file : '/nonexistent');
  });
  await new Promise((done) => editorServer.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${editorServer.address().port}/`;
  let editorBrowser;
  try {
    editorBrowser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: QUIET_FLAGS,
    });
    const page = await editorBrowser.newPage();
    const problems = [];
    const requests = [];
    page.on(
      'console',
      (m) => /Content[- ]Security[- ]Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text()) && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => !r.url().startsWith('data:') && requests.push(`${r.method()} ${r.url()}`));
    await page.evaluateOnNewDocument(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    await page.goto(`${base}redaktion.html`, { waitUntil: 'load' });
    const loaded = requests.length;
    check(
      'redaktion.html: served with the strict CSP, loads only its own three files',
      requests.every((r) => r.startsWith(`GET ${base}redaktion.`)) && loaded === 3,
      requests.join(', '),
    );
    await page.waitForSelector('#file', { timeout: 10_000 });
    await (await page.$('#file')).uploadFile(join(root, 'templates/angebote-vorlage.csv'));
    const status = await page
      .waitForFunction(
        () =>
          /gelesen:/.test(document.querySelector('#read-status')?.textContent ?? '') && document.querySelector('#read-status').textContent,
        { timeout: 15_000 },
      )
      .then(
        (h) => h.jsonValue(),
        () => '',
      );
    check('redaktion.html: the CSV template is read, findings shown', status && (await page.$('.verdict')), status);
    for (const [tag, selector] of Object.entries(RENDERED)) {
      const ok = await page
        .waitForFunction(
          (t, s) => document.querySelector(`#redaktion ${t}`)?.shadowRoot?.querySelector(s),
          { timeout: 10_000 },
          tag,
          selector,
        )
        .then(
          () => true,
          () => false,
        );
      check(`redaktion.html: preview ${tag} renders`, ok);
    }
    const snippet = await page.evaluate(() => [
      document.querySelector('#script-code')?.value ?? '',
      document.querySelector('#host-code')?.value ?? '',
    ]);
    check(
      'redaktion.html: embed code and the built-in resize script',
      snippet[0].includes('<lotse-service-finder') && snippet[1].includes('lotse-embed-height'),
    );
    await page.select('#preview-lang', 'ar');
    const arabic = await page
      .waitForFunction(() => document.querySelector('#redaktion lotse-service-finder')?.shadowRoot?.querySelector('[dir="rtl"]'), {
        timeout: 10_000,
      })
      .then(
        () => true,
        () => false,
      );
    check('redaktion.html: preview in Arabic (language built in, right to left)', arabic);
    await new Promise((r) => setTimeout(r, 300));
    check(
      'redaktion.html: nothing requested after loading (the file stays in the tab)',
      requests.length === loaded,
      requests.slice(loaded).join(', '),
    );
    const violations = await page.evaluate(() => window.__csp);
    check(
      'redaktion.html: no CSP violation, Trusted Types message or uncaught error',
      !violations.length && !problems.length,
      [...violations, ...problems].slice(0, 5).join(' | '),
    );
  } catch (error) {
    check('redaktion.html: check ran to the end', false, error.message);
  } finally {
    await editorBrowser?.close();
    editorServer.close();
  }
}
// ==== End of the editor page block ============================================================

const failed = results.filter((r) => !r.ok).length;
console.log(`\nCSP check: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
