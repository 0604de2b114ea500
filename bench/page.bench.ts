/**
 * `npm run bench`: a city page on a cheap phone. bench/page.html (host content above and below,
 * the widgets reading the demo feed over HTTP) loads in a fresh 412 × 823 px iframe under 4×
 * CPU throttling (DevTools protocol, the `lotse-throttle-cpu` server command), as a first visit
 * (HTTP and code cache emptied with `lotse-clear-cache`, IndexedDB 'lotse' emptied), until every
 * widget shows its first content:
 * - total blocking time: the part over 50 ms of each long task (PerformanceObserver `longtask`),
 *   and the longest task;
 * - layout shift: the sum of `layout-shift` entries without recent input (CLS of the load);
 *   the nodes that moved are printed for the median round.
 * Four widgets and a finder-only page, several rounds each; median and min–max. Each also
 * without the host page's rule that reserves the widgets' space before their script runs
 * (docs/theming.md): what a page that pastes only the script and the elements gets.
 * The widgets come as source modules from the test server (Lit's production build), not as the
 * built bundle: `npm run lighthouse` measures that. A report, not a test (Chromium only).
 * ?rounds=N, ?throttle=R.
 */
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { clear, createStore } from 'idb-keyval';

const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get('rounds') ?? 5);
const THROTTLE = Number(params.get('throttle') ?? 4);
const WIDTH = 412;
const HEIGHT = 823;
const READY: Record<string, string> = {
  'lotse-service-finder': '[part="results"]',
  'lotse-hours-map': '[part="list"]',
  'lotse-quick-check': '.screen',
  'lotse-contact-form': '[part="form"]',
};

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(r));

interface Shift {
  value: number;
  at: number;
  nodes: string[];
}
interface PageRecord {
  tasks: PerformanceEntry[];
  shifts: Shift[];
  heights: Record<string, number[]>;
}
interface Round {
  blocking: number;
  longest: number;
  cls: number;
  readyMs: number;
  shifts: Shift[];
  heights: Record<string, number[]>;
}

function widgetsReady(doc: Document): boolean {
  const widgets = [...doc.querySelectorAll<HTMLElement>(Object.keys(READY).join(','))];
  return (
    widgets.length > 0 &&
    widgets.every((el) => {
      const root = el.shadowRoot;
      if (!root || root.querySelector('.state') || !root.querySelector(READY[el.localName])) return false;
      // The finder's search index is built lazily after the first results.
      return el.localName !== 'lotse-service-finder' || !!(el as unknown as { search?: { index?: unknown } }).search?.index;
    })
  );
}

async function round(widgets: string): Promise<Round> {
  await clear(createStore('lotse', 'feeds'));
  await executeServerCommand('lotse-clear-cache');
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `display:block;border:0;width:${WIDTH}px;height:${HEIGHT}px`;
  document.body.replaceChildren(iframe);
  await frame();
  await executeServerCommand('lotse-throttle-cpu', { rate: THROTTLE });
  const start = performance.now();
  iframe.src = `/bench/page.html?widgets=${widgets}&r=${Math.random()}`;
  const end = start + 120_000;
  while (!(iframe.contentDocument?.readyState === 'complete' && widgetsReady(iframe.contentDocument))) {
    if (performance.now() > end) throw new Error('widgets not ready after 120 s');
    await sleep(20);
  }
  const readyMs = performance.now() - start;
  // Anything that still moves or blocks just after the first content counts too.
  await sleep(1000);
  await executeServerCommand('lotse-throttle-cpu', { rate: 1 });
  const record = (iframe.contentWindow as unknown as { __lotse: PageRecord }).__lotse;
  const tasks = record.tasks;
  const result = {
    blocking: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longest: Math.max(0, ...tasks.map((t) => t.duration)),
    cls: record.shifts.reduce((sum, s) => sum + s.value, 0),
    readyMs,
    shifts: record.shifts,
    heights: record.heights,
  };
  iframe.remove();
  return result;
}

it('a city page on a cheap phone: blocking time and layout shift', async function () {
  this.timeout(1_800_000);
  await setViewport({ width: WIDTH, height: HEIGHT });
  document.body.style.margin = '0';
  const pages = [
    ['four widgets', 'finder,hours-map,quick-check,contact-form'],
    ['four widgets, no host rule', 'finder,hours-map,quick-check,contact-form&reserve=0'],
    ['finder only', 'finder'],
    ['finder only, no host rule', 'finder&reserve=0'],
  ];
  const throttled = await executeServerCommand('lotse-throttle-cpu', { rate: 1 });
  const header = ['page', 'total blocking (ms)', 'longest task (ms)', 'CLS', 'first content after (ms)'];
  const table: string[][] = [header];
  const sources: string[] = [];
  for (const [name, widgets] of pages) {
    await round(widgets); // warms the test server's transforms (not counted)
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round(widgets));
    table.push([
      name,
      spread(rounds.map((r) => r.blocking)),
      spread(rounds.map((r) => r.longest)),
      spread(
        rounds.map((r) => r.cls),
        3,
      ),
      spread(rounds.map((r) => r.readyMs)),
    ]);
    const typical = [...rounds].sort((a, b) => a.cls - b.cls)[rounds.length >> 1];
    sources.push(`${name} (median round, CLS ${typical.cls.toFixed(3)}):`);
    for (const shift of typical.shifts)
      sources.push(`  ${shift.value.toFixed(4)} at ${Math.round(shift.at)} ms: ${shift.nodes.join('; ')}`);
    if (!typical.shifts.length) sources.push('  no layout shift');
    for (const [widget, steps] of Object.entries(typical.heights)) sources.push(`  ${widget} height: ${steps.join(' → ')} px`);
  }
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const lines = table.map((r) => `| ${r.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`);
  lines.splice(1, 0, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  const agent = navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent;
  console.log(
    `\nLotse city page at ${WIDTH} × ${HEIGHT} px, ${throttled ? `${THROTTLE}× CPU throttling` : 'NO CPU throttling (not Chromium)'}, ${agent}, first visit, ${ROUNDS} rounds, median (min–max)\n${lines.join('\n')}`,
  );
  console.log(`\nLayout shifts (node: height before→after px @ top before→after px) and widget heights:\n${sources.join('\n')}`);
});
