#!/usr/bin/env node
// The bytes until the finder's first results, measured in a browser (run `npm run build`
// first): `npm run size` adds up the files it expects (the entry's static imports, the finder's
// translations, the feed worker); this opens dist/service-finder.js in Debian's Chromium with
// a finder in Ukrainian and the sample feed from a URL, notes every file that had arrived when
// the first result card appeared (Resource Timing, read in the same moment by a
// MutationObserver on the finder's shadow root) and prints their min+gzip bytes, then what
// arrived after. It fails when they are over the firstResults budget (scripts/size-budgets.json).
// Usage: npm run size:browser
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, QUIET_FLAGS } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const PAGE = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Lotse: first results</title><script type="module" src="/dist/service-finder.js"></script></head>
<body><lotse-service-finder lang="uk" feed="/demo/public/services.json"></lotse-service-finder></body>
</html>`;

const server = createServer(async (req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/') {
    res.setHeader('content-type', 'text/html');
    return res.end(PAGE);
  }
  try {
    const body = await readFile(join(root, path));
    res.setHeader('content-type', extname(path) === '.js' ? 'text/javascript' : 'application/json');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end();
  }
}).listen(0, '127.0.0.1');
await new Promise((ready) => server.once('listening', ready));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      new MutationObserver((_, observer) => {
        if (!shadow.querySelector('.card-title')) return;
        observer.disconnect();
        /** @type {any} */ (window).lotseArrived = performance.getEntriesByType('resource').map((entry) => entry.name);
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => /** @type {any} */ (window).lotseArrived, { timeout: 30_000 });
  // Let what the first results asked for arrive too.
  await new Promise((done) => setTimeout(done, 1000));
  const arrived = new Set(/** @type {string[]} */ (await page.evaluate(() => /** @type {any} */ (window).lotseArrived)));
  const all = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  const scripts = (names) => [...names].map((url) => new URL(url).pathname).filter((path) => path.endsWith('.js'));
  let total = 0;
  console.log('Arrived before the first results (finder in uk, feed from a URL), min+gzip:');
  for (const path of scripts(arrived)) {
    const bytes = gzipSync(await readFile(join(root, path)), { level: 9 }).length;
    total += bytes;
    console.log(`${String(bytes).padStart(7)}  ${path}`);
  }
  console.log(`${String(total).padStart(7)}  in all (${(total / 1024).toFixed(1)} kB)`);
  console.log(`After them: ${scripts(all.filter((url) => !arrived.has(url))).join(' ') || 'nothing'}`);
  const budget = JSON.parse(await readFile(join(root, 'scripts', 'size-budgets.json'), 'utf8')).firstResults;
  if (total > budget) {
    console.error(`Over the firstResults budget of ${budget} bytes (scripts/size-budgets.json).`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
