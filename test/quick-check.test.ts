import { expect, fixture } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import * as z from 'zod/mini';
import '../src/index.js';
import type { LotseQuickCheck } from '../src/quick-check/quick-check.js';
import type { LotseServiceFinder } from '../src/service-finder/service-finder.js';
import { DEFAULT_FLOW } from '../src/quick-check/default-flow.js';
import { FlowSchema, RESULT, UNKNOWN, checkReferences, nextAfter, resolveFlow } from '../src/quick-check/flow-schema.js';
import { pickText } from '../src/core/feed/text.js';
import type { FeedProblem } from '../src/core/feed/parse.js';
import { feedCopy, shadowText, until } from './helpers.js';

/** UI languages the screens are checked in: all eight. */
const LANGS = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];

const flow = DEFAULT_FLOW;
const de = (text: Parameters<typeof pickText>[0]) => pickText(text, 'de');
const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => fold(root(el).querySelector('#qc-heading')?.textContent);
const stepIds = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="step"]')].map((li) => li.dataset.step);
const question = (id: string) => flow.questions.find((q) => q.id === id)!;
const labelOf = (questionId: string, answerId: string) =>
  answerId === UNKNOWN ? 'Ich weiß es nicht' : de(question(questionId).answers.find((a) => a.id === answerId)!.label);

/** Registered, without insurance or work: two steps (health insurance, rights without work). */
const UNINSURED = { eu: 'yes', housing: 'registered', insurance: 'no', children: 'no', pregnant: 'no', work: 'none', german: 'good' };
/** A newly arrived EU citizen, not registered, without insurance or work: four steps. */
const NEW_UNINSURED = { eu: 'yes', housing: 'unregistered', insurance: 'no', children: 'no', pregnant: 'no', work: 'none', german: 'good' };

async function mountCheck(feed: object = feedCopy(), attrs = '', now = ''): Promise<LotseQuickCheck> {
  const el = document.createElement('lotse-quick-check');
  el.setAttribute('lang', 'de');
  if (attrs) el.setAttribute(attrs, '');
  if (now) el.setAttribute('now', now);
  el.feed = feed;
  await fixture<LotseQuickCheck>(el);
  await loaded(el);
  return el;
}

/**
 * Print media: emulated in Chromium; Firefox (driven over WebDriver BiDi) cannot emulate media,
 * so there the widget's own `@media print` rules are applied as they are.
 */
async function printMedia(el: Element): Promise<() => Promise<unknown>> {
  try {
    await emulateMedia({ media: 'print' });
    return () => emulateMedia({ media: 'screen' });
  } catch {
    const shadow = el.shadowRoot!;
    const sheets = shadow.adoptedStyleSheets;
    const print = sheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
      .flatMap((rule) => [...rule.cssRules].map((r) => r.cssText))
      .join('\n');
    expect(print).to.contain('.qr');
    const extra = new CSSStyleSheet();
    extra.replaceSync(print);
    shadow.adoptedStyleSheets = [...sheets, extra];
    return async () => (shadow.adoptedStyleSheets = sheets);
  }
}

/** The inline feed is checked asynchronously: wait for the first screen. */
async function loaded(el: LotseQuickCheck) {
  await until(() => root(el).querySelector('#qc-heading'), 5000, 'first screen');
  await el.updateComplete;
}

async function press(el: LotseQuickCheck, label: string) {
  const button = [...root(el).querySelectorAll('button')].find((b) => fold(b.textContent) === label);
  if (!button) throw new Error(`No button "${label}" on screen "${heading(el)}": ${shadowText(el).slice(0, 300)}`);
  button.click();
  await el.updateComplete;
}

/** Answer along a path of [question, answer] pairs, starting from the intro screen. */
async function answer(el: LotseQuickCheck, path: [string, string][]) {
  await press(el, 'Los geht’s');
  for (const [q, a] of path) {
    expect(heading(el)).to.equal(de(question(q).text));
    await press(el, labelOf(q, a));
  }
}

/** The path of a household through the flow (missing answers: "I don't know" or the first). */
function pathFor(household: Record<string, string>): [string, string][] {
  const path: [string, string][] = [];
  let node = flow.questions[0].id;
  while (node !== RESULT) {
    const q = question(node);
    const a = household[node] ?? (q.dontKnow ? UNKNOWN : q.answers[0].id);
    path.push([node, a]);
    node = nextAfter(flow, node, a);
  }
  return path;
}

/** Shortest answer path from the start to each question. */
function routes(): Map<string, [string, string][]> {
  const found = new Map<string, [string, string][]>([[flow.questions[0].id, []]]);
  const queue = [flow.questions[0].id];
  while (queue.length) {
    const id = queue.shift()!;
    for (const a of [...question(id).answers.map((x) => x.id), ...(question(id).dontKnow ? [UNKNOWN] : [])]) {
      const next = nextAfter(flow, id, a);
      if (next !== RESULT && !found.has(next)) {
        found.set(next, [...found.get(id)!, [id, a]]);
        queue.push(next);
      }
    }
  }
  return found;
}

describe('quick-check: the flow as data', () => {
  it('the default flow is valid and consistent', () => {
    const parsed = z.safeParse(FlowSchema, flow);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).to.equal(true);
    expect(checkReferences(flow)).to.deep.equal([]);
  });

  it('every default text exists in all 8 languages, every step has a source, and none claims a review', () => {
    const langs = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];
    const texts = [
      ...flow.questions.flatMap((q) => [q.text, q.hint, q.short, ...q.answers.map((a) => a.label)]),
      ...flow.steps.flatMap((s) => [s.title, s.text, s.ask, ...s.bring]),
    ].filter((t) => t !== undefined);
    for (const text of texts) {
      expect(typeof text, JSON.stringify(text)).to.equal('object');
      expect(Object.keys(text as object).sort(), JSON.stringify(text)).to.deep.equal([...langs].sort());
    }
    for (const step of flow.steps) {
      // Nobody with legal training has checked the default steps yet (issue 12): no date.
      expect(step.lastReviewed, step.id).to.equal(undefined);
      expect(de(step.source.label), step.id).to.not.equal('');
    }
  });

  it('every question is reachable and every answer leads forward', () => {
    expect([...routes().keys()].sort()).to.deep.equal(flow.questions.map((q) => q.id).sort());
  });

  it('uses the step ids the feeds use in `topics`', () => {
    const ids = flow.steps.map((s) => s.id);
    for (const id of [
      'register-address',
      'health-insurance',
      'school-enrolment',
      'child-benefit',
      'jobcenter',
      'fair-work',
      'housing-help',
      'german-course',
      'pregnancy',
      'emergency',
    ])
      expect(ids).to.include(id);
  });

  // The households → steps table is the audit: test/quick-check-audit.test.ts with
  // test/fixtures/quick-check-households.json.
});

describe('quick-check: feed overrides', () => {
  it('a broken override is rejected with clear messages, and the default flow still works', async () => {
    const feed = feedCopy();
    feed.quickCheck = {
      questions: [{ id: 'Bad Id', text: 'Frage?', answers: [{ id: 'yes', label: 'Ja' }] }],
      steps: [{ id: 'extra', title: 'X', text: 'Y', when: { q: 'nope', is: 'yes' }, source: { label: 'Z' }, lastReviewed: 'Nov 2026' }],
    };
    const warnings: CustomEvent[] = [];
    const logged: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => logged.push(args);
    const el = document.createElement('lotse-quick-check');
    el.setAttribute('lang', 'de');
    el.addEventListener('lotse-feed-warning', (e) => warnings.push(e));
    el.feed = feed;
    try {
      await fixture(el);
      await loaded(el);
      await until(() => warnings.length, 2000, 'warning');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    const problems: FeedProblem[] = warnings[0].detail.problems;
    const paths = problems.map((p) => p.path);
    expect(paths).to.include('quickCheck.questions[0].id');
    expect(paths).to.include('quickCheck.questions[0].answers');
    expect(paths).to.include('quickCheck.steps[0].lastReviewed');
    expect(problems.map((p) => p.message).join(' ')).to.contain('Standard-Ablauf');
    expect(problems.find((p) => p.path === 'quickCheck.steps[0].lastReviewed')!.message).to.contain('JJJJ-MM');
    expect(logged.some((args) => String(args[0]).includes('quickCheck'))).to.equal(true);
    // The default flow still works.
    await answer(el, pathFor({ eu: 'yes', insurance: 'no' }));
    expect(heading(el)).to.equal('Ihre nächsten Schritte');
    expect(stepIds(el)).to.include('health-insurance');
  });

  it('an override with wrong references is rejected and says which id is unknown', () => {
    const { flow: used, problems } = resolveFlow(DEFAULT_FLOW, {
      steps: [
        {
          id: 'x',
          title: 'X',
          text: 'Y',
          when: {
            any: [
              { q: 'work', is: 'astronaut' },
              { q: 'ghost', is: 'yes' },
            ],
          },
          source: { label: 'Z' },
          lastReviewed: '2026-11',
        },
      ],
      questions: [
        {
          id: 'extra',
          text: 'Q?',
          answers: [
            { id: 'a', label: 'A', next: 'eu' },
            { id: 'b', label: 'B' },
          ],
        },
      ],
    });
    expect(used).to.equal(DEFAULT_FLOW);
    const text = problems.map((p) => `${p.path} ${p.message}`).join('\n');
    expect(text).to.contain('"astronaut"');
    expect(text).to.contain('"ghost"');
    expect(text).to.contain('springt zurück');
  });

  it('a valid override replaces a step, adds a question and a step, and removes one', async () => {
    const feed = feedCopy();
    feed.quickCheck = {
      remove: ['german', 'german-course'],
      questions: [
        {
          id: 'debts',
          text: { de: 'Haben Sie Schulden?', en: 'Do you have debts?' },
          answers: [
            { id: 'yes', label: 'Ja' },
            { id: 'no', label: 'Nein' },
          ],
          dontKnow: false,
        },
      ],
      steps: [
        {
          id: 'register-address',
          title: 'Anmelden im Bürgeramt Nord',
          text: 'Kommen Sie ohne Termin.',
          when: { q: 'housing', is: 'unregistered' },
          source: { label: 'Stadt' },
          lastReviewed: '2026-10',
        },
        {
          id: 'debts',
          title: 'Schuldnerberatung',
          text: 'Hilfe bei Schulden.',
          when: { q: 'debts', is: 'yes' },
          source: { label: 'Stadt' },
          lastReviewed: '2026-10',
          categories: ['money'],
        },
      ],
    };
    const el = await mountCheck(feed);
    await press(el, 'Los geht’s');
    for (const [q, a] of pathFor({
      eu: 'yes',
      housing: 'unregistered',
      insurance: 'yes',
      children: 'no',
      pregnant: 'no',
      work: 'employed',
    }).filter(([q]) => q !== 'german')) {
      expect(heading(el)).to.equal(de(question(q).text));
      await press(el, labelOf(q, a));
    }
    expect(heading(el)).to.equal('Haben Sie Schulden?');
    await press(el, 'Ja');
    expect(heading(el)).to.equal('Ihre nächsten Schritte');
    expect(stepIds(el)).to.deep.equal(['register-address', 'jobcenter', 'fair-work', 'bank-account', 'debts']);
    expect(shadowText(el)).to.contain('Anmelden im Bürgeramt Nord');
    // "debts" is in no feed's topics: services come from the category.
    const debts = root(el).querySelector('[data-step="debts"]')!;
    expect(debts.querySelector('[data-service="schuldnerberatung"]')).to.exist;
  });
});

describe('quick-check: screens', () => {
  it('every question reaches each of its next nodes', async () => {
    const el = await mountCheck();
    const paths = routes();
    for (const q of flow.questions) {
      for (const a of [...q.answers.map((x) => x.id), ...(q.dontKnow ? [UNKNOWN] : [])]) {
        if (heading(el) === 'Was ist jetzt wichtig für mich?') await press(el, 'Los geht’s');
        else if (heading(el) !== de(flow.questions[0].text)) await press(el, 'Neu anfangen');
        for (const [pq, pa] of paths.get(q.id)!) await press(el, labelOf(pq, pa));
        expect(heading(el)).to.equal(de(q.text));
        await press(el, labelOf(q.id, a));
        const next = nextAfter(flow, q.id, a);
        expect(heading(el), `${q.id} → ${a}`).to.equal(next === RESULT ? 'Ihre nächsten Schritte' : de(question(next).text));
      }
    }
  });

  it('shows progress, a back link, and "I don\'t know" on every question', async () => {
    const el = await mountCheck();
    await press(el, 'Los geht’s');
    expect(fold(root(el).querySelector('.progress')!.textContent)).to.equal(`Frage 1 von ${flow.questions.length}`);
    await press(el, 'Ja');
    expect(fold(root(el).querySelector('.progress')!.textContent)).to.equal(`Frage 2 von ${flow.questions.length}`);
    await press(el, 'Zurück');
    expect(heading(el)).to.equal(de(flow.questions[0].text));
    await press(el, 'Zurück');
    expect(heading(el)).to.equal('Was ist jetzt wichtig für mich?');
    for (const q of flow.questions) {
      await answer(el, routes().get(q.id)!);
      expect(shadowText(el), q.id).to.contain('Ich weiß es nicht');
      while (heading(el) !== 'Was ist jetzt wichtig für mich?') await press(el, 'Zurück');
    }
  });

  it('the result lists why, what to bring, the legal reference and local services with their next opening', async () => {
    // Tuesday 10:30 in Berlin: the Clearingstelle's Romanian walk-in hours (9–12) are on.
    const el = await mountCheck(feedCopy(), '', '2026-11-24T10:30:00+01:00');
    await answer(el, pathFor(NEW_UNINSURED));
    expect(stepIds(el)).to.deep.equal(['register-address', 'health-insurance', 'money-advice', 'bank-account']);
    const step = root(el).querySelector('[data-step="health-insurance"]')!;
    const text = fold(step.textContent);
    expect(text).to.contain('Weil Sie gesagt haben: Krankenversicherung: Nein');
    expect(text).to.contain('Mitbringen:');
    expect(text).to.contain('§ 5 Abs. 1 Nr. 1 und 13, Abs. 11, § 7, § 10 SGB V');
    // Not reviewed by anyone with legal training: no "Stand" date for residents.
    expect(text).to.not.contain('Stand:');
    const service = step.querySelector('[data-service="clearing"]')!;
    expect(fold(service.textContent)).to.contain('Clearingstelle Gesundheit');
    expect(fold(service.textContent)).to.contain('Jetzt offen bis 12:00 · Rumänisch');
    // The slip's date is the pinned day too.
    expect(fold(root(el).querySelector('.slip-head')!.textContent)).to.contain('24. November 2026');
    expect(service.querySelector('a[href="tel:02015550101"]')).to.exist;
    // The state's school law is named for NRW feeds.
    const register = fold(root(el).querySelector('[data-step="register-address"]')!.textContent);
    expect(register).to.contain('§ 17 Abs. 1, § 19 Abs. 1 und 2 BMG');
  });

  it('"Diese Angebote zeigen" emits step and service ids, never the answers', async () => {
    const el = await mountCheck();
    await answer(
      el,
      pathFor({ eu: 'yes', insurance: 'no', housing: 'registered', children: 'no', pregnant: 'no', work: 'employed', german: 'good' }),
    );
    const events: CustomEvent[] = [];
    el.addEventListener('lotse-check-complete', (e) => events.push(e));
    await press(el, 'Diese Angebote zeigen');
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.equal({
      steps: ['health-insurance', 'jobcenter', 'fair-work'],
      services: ['clearing', 'schuldnerberatung'],
    });
    expect(events[0].bubbles && events[0].composed).to.equal(true);
  });

  it('without a finder on the page, "Diese Angebote zeigen" lists the services here and moves focus to them', async () => {
    const el = await mountCheck();
    await answer(
      el,
      pathFor({ eu: 'yes', insurance: 'no', housing: 'registered', children: 'no', pregnant: 'no', work: 'employed', german: 'good' }),
    );
    expect(root(el).querySelector('#qc-services')).to.equal(null);
    await press(el, 'Diese Angebote zeigen');
    await until(() => root(el).activeElement?.id === 'qc-services', 3000, 'focus on the list');
    const list = root(el).querySelector('.all-services')!;
    expect(fold(list.querySelector('h4')!.textContent)).to.equal('Angebote für Ihre Schritte');
    expect(fold(list.textContent)).to.contain('Clearingstelle Gesundheit').and.contain('Schuldnerberatung Nord');
    await expect(el).to.be.accessible();
    // Going back to change an answer removes the list of the old answers.
    await press(el, 'Neu anfangen');
    expect(root(el).querySelector('.all-services')).to.equal(null);
  });

  it('with a finder on the page, the finder shows exactly these services and a chip to undo', async () => {
    const finder = document.createElement('lotse-service-finder') as LotseServiceFinder;
    finder.setAttribute('lang', 'de');
    finder.feed = feedCopy();
    document.body.append(finder);
    try {
      await until(() => finder.shadowRoot?.querySelector('.card-title'), 5000, 'finder cards');
      const cards = () => [...finder.shadowRoot!.querySelectorAll<HTMLElement>('.card-title')].map((b) => b.dataset.service);
      const all = cards();
      const el = await mountCheck();
      await answer(
        el,
        pathFor({ eu: 'yes', insurance: 'no', housing: 'registered', children: 'no', pregnant: 'no', work: 'employed', german: 'good' }),
      );
      await press(el, 'Diese Angebote zeigen');
      await until(() => finder.shadowRoot!.activeElement?.id === 'lotse-from-check', 3000, 'focus on the finder chip');
      expect(cards().sort()).to.deep.equal(['clearing', 'schuldnerberatung']);
      expect(root(el).querySelector('.all-services'), 'the quick-check does not list them twice').to.equal(null);
      finder.shadowRoot!.querySelector<HTMLButtonElement>('#lotse-from-check')!.click();
      await finder.updateComplete;
      expect(cards()).to.deep.equal(all);
      expect(finder.shadowRoot!.activeElement?.id).to.equal('lotse-search');
    } finally {
      finder.remove();
    }
  });

  it('stores nothing and leaves the address alone without url-state', async () => {
    sessionStorage.clear();
    const local = JSON.stringify({ ...localStorage });
    const href = location.href;
    const el = await mountCheck();
    await answer(el, pathFor({}));
    expect(JSON.stringify({ ...localStorage })).to.equal(local);
    expect(sessionStorage.length).to.equal(0);
    expect(location.href).to.equal(href);
  });

  it('with url-state keeps the answers in the hash and restores them', async () => {
    const href = location.href;
    try {
      const el = await mountCheck(feedCopy(), 'url-state');
      await answer(el, pathFor({ eu: 'yes', housing: 'unregistered' }));
      expect(location.hash).to.contain('lotse-check=eu:yes,');
      const again = await mountCheck(feedCopy(), 'url-state');
      expect(heading(again)).to.equal('Ihre nächsten Schritte');
      expect(stepIds(again)).to.include('register-address');
      await press(again, 'Neu anfangen');
      expect(location.hash).to.equal('#lotse-check=');
    } finally {
      history.replaceState(null, '', href);
    }
  });

  it('keyboard only: through the whole flow, the heading takes focus on each screen', async () => {
    const el = await mountCheck();
    const events: CustomEvent[] = [];
    el.addEventListener('lotse-check-complete', (e) => events.push(e));
    root(el).querySelector<HTMLButtonElement>('button.primary')!.focus();
    await sendKeys({ press: 'Enter' });
    let screens = 0;
    while (heading(el) !== 'Ihre nächsten Schritte') {
      await until(() => root(el).activeElement?.id === 'qc-heading', 2000, `focus on "${heading(el)}"`);
      const before = heading(el);
      await sendKeys({ press: 'Tab' }); // first answer
      await sendKeys({ press: 'Enter' });
      await until(() => heading(el) !== before, 2000, 'next screen');
      if (++screens > flow.questions.length) throw new Error('flow did not end');
    }
    await until(() => root(el).activeElement?.id === 'qc-heading', 2000, 'focus on the result');
    await sendKeys({ press: 'Tab' }); // the notice is not focusable: "Diese Angebote zeigen"
    expect(fold(root(el).activeElement?.textContent)).to.equal('Diese Angebote zeigen');
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(1);
  });

  for (const lang of LANGS) {
    it(`axe: every screen is accessible (${lang})`, async () => {
      const el = await mountCheck();
      el.lang = lang;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const path = pathFor({
        eu: 'yes',
        children: 'both',
        insurance: 'no',
        work: 'minijob',
        housing: 'insecure',
        pregnant: 'yes',
        german: 'little',
      });
      root(el).querySelector<HTMLButtonElement>('button.primary')!.click();
      await el.updateComplete;
      for (const [, a] of path) {
        await expect(el).to.be.accessible();
        const index = flow.questions.find((q) => fold(root(el).querySelector('#qc-heading')!.textContent) === pickText(q.text, lang))!;
        const label = a === UNKNOWN ? undefined : pickText(index.answers.find((x) => x.id === a)!.label, lang);
        const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part="answer-button"]')].find(
          (b) => label && fold(b.textContent) === label,
        )!;
        button.click();
        await el.updateComplete;
      }
      expect(root(el).querySelectorAll('[part="step"]').length).to.be.greaterThan(5);
      await expect(el).to.be.accessible();
    });
  }

  it('"Drucken" prints the slip alone: the host page is hidden while printing', async () => {
    const el = await mountCheck();
    await answer(el, pathFor(UNINSURED));
    const print = window.print;
    let during: { marked: boolean; sheets: string } | undefined;
    window.print = () => {
      during = {
        marked: el.hasAttribute('data-lotse-printing'),
        sheets: document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join(' ')).join(' '),
      };
      window.dispatchEvent(new Event('afterprint'));
    };
    try {
      [...root(el).querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => fold(b.textContent) === 'Drucken')!.click();
    } finally {
      window.print = print;
    }
    expect(during?.marked).to.equal(true);
    expect(during?.sheets).to.contain('visibility: hidden');
    expect(el.hasAttribute('data-lotse-printing'), 'cleaned up after printing').to.equal(false);
  });

  it('builds the QR code only for the slip, not at load or on the intro', async () => {
    const el = await mountCheck();
    await import('uqr'); // had it been asked for, it would be built by the next render
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((el as unknown as { qr?: unknown }).qr).to.equal(undefined);
    expect(root(el).querySelector('.qr')).to.equal(null);
    await answer(el, pathFor(UNINSURED));
    await until(() => root(el).querySelector('.qr svg path'), 5000, 'QR code on the slip');
  });

  it('prints as a routing slip: no buttons, steps, services and a QR code', async () => {
    const el = await mountCheck();
    await answer(el, pathFor(UNINSURED));
    await until(() => root(el).querySelector('.qr svg path'), 5000, 'QR code');
    const shown = (selector: string) => {
      const node = root(el).querySelector(selector)!;
      return getComputedStyle(node).display !== 'none' && (node as HTMLElement).getClientRects().length > 0;
    };
    expect(shown('.qr')).to.equal(false);
    expect(shown('.actions')).to.equal(true);
    const restore = await printMedia(el);
    try {
      expect(shown('.qr')).to.equal(true);
      expect(shown('.slip-head')).to.equal(true);
      expect(shown('.actions')).to.equal(false);
      expect(shown('[part="toolbar"]')).to.equal(false);
      expect([...root(el).querySelectorAll('button')].every((b) => getComputedStyle(b).display === 'none')).to.equal(true);
      expect(shown('[data-step="health-insurance"] [data-service="clearing"]')).to.equal(true);
      // Compact: two steps with services (the longer 2026 texts with "where to ask") fit on
      // two A4 pages (≈ 1050 CSS px of printable height each), and no step breaks across pages.
      expect(root(el).querySelector('[part="base"]')!.getBoundingClientRect().height).to.be.lessThan(2 * 1050);
      expect(getComputedStyle(root(el).querySelector('[part="step"]')!).breakInside).to.equal('avoid');
      const qr = root(el).querySelector('.qr svg')!.getBoundingClientRect();
      expect(qr.width).to.be.greaterThan(90);
    } finally {
      await restore();
    }
  });
});
