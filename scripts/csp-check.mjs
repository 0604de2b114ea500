#!/usr/bin/env node
// Strict Content-Security-Policy check of the built bundle (run `npm run build` first).
//
// Serves dist/ and a test page with
//   Content-Security-Policy: script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// (no 'unsafe-inline') from 127.0.0.1, opens it in Debian's Chromium with puppeteer-core, loads
// all four widgets with the sample feed, checks that each renders without a CSP or Trusted
// Types violation, performs one interaction per widget, prints a summary and exits non-zero
// on any failure. Usage: npm run check:embed
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { contactMiddleware } from '../demo/contact-handler.mjs';

const root = resolve(import.meta.dirname, '..');
const CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css', '.html': 'text/html' };

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
  <lotse-hours-map feed="/services.json" lang="de"></lotse-hours-map>
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const consoleProblems = [];
  const pageErrors = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Content[- ]Security[- ]Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(text)) consoleProblems.push(text);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample ?? ''}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  const header = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  check('page is served with the strict CSP', header === CSP, header ?? 'no header');

  // Each widget renders its content.
  const rendered = {
    'lotse-service-finder': '.card-title',
    'lotse-hours-map': '[part="entry"]',
    'lotse-quick-check': '#qc-heading',
    'lotse-contact-form': 'form',
  };
  for (const [tag, selector] of Object.entries(rendered)) {
    const ok = await page
      .waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout: 10_000 }, tag, selector)
      .then(() => true, () => false);
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
    page.waitForFunction((t, s) => document.querySelector(t)?.shadowRoot?.querySelector(s), { timeout }, tag, selector).then(() => true, () => false);

  // Finder: search, open a detail.
  const search = await inShadow('lotse-service-finder', '#lotse-search');
  await search.click();
  await page.keyboard.type('Clearing');
  const found = await page
    .waitForFunction(() => /clearing/i.test(document.querySelector('lotse-service-finder').shadowRoot.querySelector('.card-title')?.textContent ?? ''), { timeout: 5000 })
    .then(() => true, () => false);
  check('finder: search "Clearing" finds it', found);
  await (await inShadow('lotse-service-finder', '.card-title')).click();
  check('finder: details open', await waitShadow('lotse-service-finder', '.detail'));

  // Hours map: open an entry.
  await (await inShadow('lotse-hours-map', '[part="entry"] button.name')).click();
  check('hours map: entry opens', await waitShadow('lotse-hours-map', '[part="entry"] .details'));

  // Quick-check: start and answer the first question.
  await (await inShadow('lotse-quick-check', 'button.primary')).click();
  check('quick-check: first question', await waitShadow('lotse-quick-check', '[part="answer-button"]'));
  const q1 = await page.evaluate(() => document.querySelector('lotse-quick-check').shadowRoot.querySelector('#qc-heading').textContent);
  await (await inShadow('lotse-quick-check', '[part="answer-button"]')).click();
  const next = await page
    .waitForFunction((before) => document.querySelector('lotse-quick-check').shadowRoot.querySelector('#qc-heading')?.textContent !== before, { timeout: 5000 }, q1)
    .then(() => true, () => false);
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

  await new Promise((r) => setTimeout(r, 300));
  const violations = await page.evaluate(() => window.__csp);
  check('no securitypolicyviolation events', violations.length === 0, violations.slice(0, 5).join(' | '));
  check('no CSP / Trusted Types messages in the console', consoleProblems.length === 0, consoleProblems.slice(0, 5).join(' | '));
  check('no uncaught errors', pageErrors.length === 0, pageErrors.slice(0, 5).join(' | '));
} catch (error) {
  check('check ran to the end', false, error.message);
} finally {
  await browser?.close();
  server.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nCSP check: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
