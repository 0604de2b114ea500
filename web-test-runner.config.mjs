// Tests run in real browsers: Debian's Chromium and Firefox ESR (see ../shared/TOOLCHAIN.md).
// LOTSE_BROWSERS=chromium (or firefox) limits the run to one engine while developing.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { build as esbuild } from 'esbuild';
import { contactKoaMiddleware } from './demo/contact-handler.mjs';
import { CHROMIUM, QUIET_FLAGS } from './scripts/chromium.mjs';

/**
 * Test endpoints on the test server, so loading is tested over real HTTP:
 *   /__test/feed?key=K&fail=N&status=S  fails the first N requests of K with S, then the feed
 *   /__test/feed?type=html              a web page instead of JSON (a CMS 404 page)
 *   /__test/feed?type=truncated         JSON cut off in the middle
 *   /__test/feed?delay=MS               answers late
 *   /__test/feed?trickle=MS             the feed in 10 pieces, MS apart (a slow connection)
 *   /__test/feed?stall=1                3 pieces, then the connection hangs
 *   /__test/feed?type=endless           a feed that never ends (64 kB pieces until the client stops)
 *   /__test/count?key=K                 how many feed requests K has seen
 *   /__test/closed?key=K                how many of K's endless answers the client broke off
 */
const seen = new Map();
const closed = new Map();
const feedJson = () => readFileSync('test/fixtures/small-feed.json', 'utf8');
async function testApi(ctx, next) {
  if (!ctx.path.startsWith('/__test/')) return next();
  const q = ctx.query;
  const key = q.key ?? 'default';
  if (ctx.path === '/__test/count') {
    ctx.body = String(seen.get(key) ?? 0);
    return;
  }
  if (ctx.path === '/__test/closed') {
    ctx.body = String(closed.get(key) ?? 0);
    return;
  }
  const count = (seen.get(key) ?? 0) + 1;
  seen.set(key, count);
  if (q.delay) await new Promise((r) => setTimeout(r, Number(q.delay)));
  if (count <= Number(q.fail ?? 0)) {
    ctx.status = Number(q.status ?? 500);
    ctx.body = 'failure';
    return;
  }
  if (q.type === 'html') {
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Seite nicht gefunden</title>';
    return;
  }
  ctx.type = 'application/json';
  if (q.type === 'endless') {
    // No size header; pieces of a services list as fast as the client reads them, never the end.
    const piece = Buffer.from('{"id":"x","name":{"de":"Beratung"}},'.repeat(1800));
    const stream = new PassThrough();
    ctx.body = stream;
    stream.write('{"version":1,"services":[');
    let stopped = false;
    ctx.res.on('close', () => {
      if (stopped) return;
      stopped = true;
      closed.set(key, (closed.get(key) ?? 0) + 1);
    });
    const pump = () => {
      if (stopped) return;
      if (stream.write(piece)) setImmediate(pump);
      else stream.once('drain', pump);
    };
    pump();
    return;
  }
  if (q.trickle || q.stall) {
    // A slow connection: the feed in 10 pieces, `trickle` ms apart (with its size, for the
    // progress bar); `stall`: the first 3 pieces, then nothing more.
    const body = Buffer.from(feedJson());
    const pieces = 10;
    const size = Math.ceil(body.length / pieces);
    ctx.length = body.length;
    const stream = new PassThrough();
    ctx.body = stream;
    let i = 0;
    const next = () => {
      if (q.stall && i === 3) return; // hangs: the connection stays open
      stream.write(body.subarray(i * size, (i + 1) * size));
      if (++i < pieces) setTimeout(next, Number(q.trickle ?? 50));
      else stream.end();
    };
    next();
    return;
  }
  ctx.body = q.type === 'truncated' ? feedJson().slice(0, 400) : feedJson();
}

/**
 * /__vendor/react.js: React 19 and react-dom/client as one ES module for test/react.test.ts
 * (React ships CommonJS only, which the test server does not convert).
 */
let reactBundle;
async function vendorReact(ctx, next) {
  if (ctx.path !== '/__vendor/react.js') return next();
  reactBundle ??= esbuild({
    stdin: {
      contents: "import * as React from 'react'; import * as ReactDOMClient from 'react-dom/client'; export { React, ReactDOMClient };",
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then((result) => result.outputFiles[0].text);
  ctx.type = 'application/javascript';
  ctx.body = await reactBundle;
}

/**
 * /__copy2/<path>: the same file as /<path>, under another URL, so that a module and all the
 * chunks it imports load a second time (test/embedding.test.ts: two copies of the bundle).
 */
function secondCopy(ctx, next) {
  if (ctx.path.startsWith('/__copy2/')) ctx.url = ctx.url.slice('/__copy2'.length);
  return next();
}

/**
 * Server commands for the benchmarks of a slow phone (Chromium only; elsewhere they answer false):
 *   lotse-throttle-cpu { rate }   CPU throttling through the DevTools protocol (puppeteer's
 *                                 emulateCPUThrottling); `rate: 1` ends it
 *   lotse-clear-cache             empties the HTTP cache (and with it the compiled-code cache),
 *                                 so a page loads as on a first visit
 */
function benchPlugin() {
  return {
    name: 'lotse-bench-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'lotse-throttle-cpu' && command !== 'lotse-clear-cache') return undefined;
      if (session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) return false;
      const page = session.browser.getPage(session.id);
      if (command === 'lotse-throttle-cpu') await page.emulateCPUThrottling(Number(payload?.rate ?? 1));
      else {
        const cdp = await page.createCDPSession();
        await cdp.send('Network.clearBrowserCache');
        await cdp.detach();
      }
      return true;
    },
  };
}

const flags = [
  ...QUIET_FLAGS,
  // Pages run side by side; without these, hidden pages get no animation frames and stall.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
const engines = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM, headless: true, args: flags },
    }),
  firefox: () =>
    chromeLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: '/usr/lib/firefox-esr/firefox-esr',
        headless: true,
      },
    }),
};
const wanted = (process.env.LOTSE_BROWSERS ?? 'chromium,firefox').split(',');
const browsers = wanted
  .filter((name) => name === 'chromium' || existsSync('/usr/lib/firefox-esr/firefox-esr'))
  .map((name) => engines[name]());

/** Prints one closing line "N passed, N failed" over all browsers, for CI to read. */
function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const perFile = new Map();
  const count = (suite) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite?.suites ?? []) count(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      passed = failed = skipped = 0;
      perFile.clear();
      for (const session of sessions) {
        const before = [passed, failed];
        count(session.testResults);
        // A file that failed to load has no test results but must count as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) failed++;
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        const row = perFile.get(file) ?? { passed: 0, failed: 0 };
        row.passed += passed - before[0];
        row.failed += failed - before[1];
        perFile.set(file, row);
      }
    },
    stop() {
      const rows = [...perFile].sort(([a], [b]) => a.localeCompare(b));
      console.log('\nTests per file (all browsers):');
      for (const [file, row] of rows)
        console.log(`  ${file.padEnd(34)} ${String(row.passed).padStart(5)} passed ${row.failed ? `${row.failed} failed` : ''}`);
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}

export default {
  reporters: [defaultReporter(), summaryReporter()],
  // test/node/ holds the Node tests of the editor tools (scripts/test-node.mjs), not browser tests.
  files: process.env.LOTSE_TESTS ?? ['test/**/*.test.ts', '!test/node/**'],
  // Benchmarks measure what visitors get: Lit's production build (tests keep its dev checks).
  nodeResolve: process.env.LOTSE_PRODUCTION ? { exportConditions: ['production'] } : true,
  browsers,
  // One test file at a time per browser: keyboard tests need the focused tab, and Firefox
  // (WebDriver BiDi) gives focus to one tab only.
  concurrency: 1,
  // Generous: CI runs two browsers on two cores, and axe on a big widget takes seconds.
  testFramework: { config: { timeout: 30000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [secondCopy, testApi, vendorReact, contactKoaMiddleware({ testControls: true })],
  plugins: [benchPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
};
