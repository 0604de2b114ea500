/**
 * The household audit of the default quick-check flow (issue 12), like a benefits screener's:
 * test/fixtures/quick-check-households.json is the specification – households, their answers,
 * the exact steps they must get and steps they must never get. Plus the generic checks over
 * every possible path: at most 7 questions, every answer reachable, no unreachable step, no
 * contradictory pair, and the review model (`reviewFindings`, no "Stand" for unreviewed steps).
 *
 * A browser test (not test/node) because the flow modules import the feed schema and are
 * otherwise only run in the browser; the flow logic itself is pure and needs no DOM except in
 * the last block, which renders a household in the widget.
 */
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { LotseQuickCheck } from '../src/quick-check/quick-check.js';
import { DEFAULT_FLOW } from '../src/quick-check/default-flow.js';
import {
  RESULT,
  UNKNOWN,
  allPaths,
  answerIds,
  applicableSteps,
  checkLogic,
  nextAfter,
  resolveFlow,
  reviewFindings,
  type Answers,
  type Flow,
} from '../src/quick-check/flow-schema.js';
import { pickText } from '../src/core/feed/text.js';
import type { FeedProblem } from '../src/core/feed/parse.js';
import { feedCopy, until } from './helpers.js';

interface Household {
  name: string;
  answers: Record<string, string>;
  steps: string[];
  mustNot: string[];
}
const { households }: { households: Household[] } = await (
  await fetch(new URL('./fixtures/quick-check-households.json', import.meta.url))
).json();

const flow = DEFAULT_FLOW;
const LANGS = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];
const TODAY = '2026-12-01';

/** The questions a household is asked, in order, following `next`; fails on a missing answer. */
function walk(answers: Record<string, string>): string[] {
  const asked: string[] = [];
  let node = flow.questions[0].id;
  while (node !== RESULT) {
    const answer = answers[node];
    if (answer === undefined) throw new Error(`no answer for "${node}"`);
    asked.push(node);
    node = nextAfter(flow, node, answer);
  }
  return asked;
}

const ids = (answers: Answers) => applicableSteps(flow, answers).map((s) => s.id);
const exclusions = (f: Flow) => f.steps.flatMap((s) => (s.excludes ?? []).map((o) => [s.id, o] as const));

describe('quick-check audit: the household table', () => {
  it('has at least 30 households, each answer valid', () => {
    expect(households.length).to.be.at.least(30);
    for (const h of households) {
      for (const [q, a] of Object.entries(h.answers)) {
        const question = flow.questions.find((x) => x.id === q);
        expect(question, `${h.name}: question ${q}`).to.exist;
        expect(answerIds(question!), `${h.name}: ${q}=${a}`).to.include(a);
      }
    }
  });

  for (const h of households) {
    it(`household: ${h.name}`, () => {
      const asked = walk(h.answers);
      expect(asked.length, 'questions asked').to.be.at.most(7);
      // The table gives exactly the answers that are asked: none is silently ignored.
      expect(Object.keys(h.answers).sort(), 'answers given = questions asked').to.deep.equal([...asked].sort());
      const got = ids(new Map(Object.entries(h.answers)));
      expect(got).to.deep.equal(h.steps);
      for (const id of h.mustNot) expect(got, `must not get ${id}`).to.not.include(id);
      for (const [a, b] of exclusions(flow)) expect(got.includes(a) && got.includes(b), `${a} and ${b}`).to.equal(false);
    });
  }
});

describe('quick-check audit: every path', () => {
  const paths = allPaths(flow);

  it('the flow is searched completely (all paths enumerated)', () => {
    const product = flow.questions.reduce((n, q) => n * answerIds(q).length, 1);
    // No question is skipped by the default flow, so every combination is one path.
    expect(paths.length).to.equal(product);
  });

  it('no path asks more than 7 questions', () => {
    expect(Math.max(...paths.map((p) => p.size))).to.be.at.most(7);
  });

  it('every answer of every question can be given on some path, and "I don\'t know" is offered everywhere', () => {
    for (const q of flow.questions) {
      expect(q.dontKnow, q.id).to.equal(true);
      for (const a of answerIds(q))
        expect(
          paths.some((p) => p.get(q.id) === a),
          `${q.id}=${a}`,
        ).to.equal(true);
    }
  });

  it('every step appears for some household; no step is unreachable', () => {
    const seen = new Set(paths.flatMap((p) => ids(p)));
    expect(flow.steps.map((s) => s.id).filter((id) => !seen.has(id))).to.deep.equal([]);
    expect(checkLogic(flow)).to.deep.equal([]);
  });

  it('no household gets contradictory steps (pairs marked "excludes")', () => {
    expect(exclusions(flow).length).to.be.greaterThan(0);
    for (const p of paths) {
      const got = ids(p);
      for (const [a, b] of exclusions(flow)) {
        if (got.includes(a) && got.includes(b)) throw new Error(`${a} and ${b} for ${[...p].map((x) => x.join('=')).join(', ')}`);
      }
    }
  });

  it('EU-only steps never reach people who said they are not EU citizens', () => {
    const euOnly = ['job-search', 'jobcenter', 'job-loss', 'money-advice', 'child-benefit-abroad'];
    for (const p of paths.filter((x) => x.get('eu') === 'no')) for (const id of euOnly) expect(ids(p)).to.not.include(id);
  });
});

describe('quick-check audit: content rules', () => {
  it('every step cites a source with a link, says where to ask, and has a category', () => {
    for (const step of flow.steps) {
      expect(pickText(step.source.label, 'de'), step.id).to.not.equal('');
      expect(step.source.url, step.id).to.match(/^https:\/\//);
      expect(step.ask, `${step.id}: ask`).to.exist;
      expect(Object.keys(step.ask as object).sort(), step.id).to.deep.equal([...LANGS].sort());
      expect(step.categories.length, step.id).to.be.greaterThan(0);
    }
  });

  it('no default step claims a review; flagged steps say what to check', () => {
    for (const step of flow.steps) {
      expect(step.lastReviewed, step.id).to.equal(undefined);
      if (step.needsReview) expect(step.reviewNote, step.id).to.be.a('string').and.not.equal('');
    }
  });

  it('no step names a local office that may not exist, and no text says "Bürgergeld" or "Bürgerbüro"', () => {
    for (const step of flow.steps) {
      for (const lang of LANGS) {
        const text = `${pickText(step.title, lang)} ${pickText(step.text, lang)}`;
        expect(text, `${step.id} (${lang})`).to.not.match(/Clearingstelle|Bürgergeld|Bürgerbüro|Mietführerschein/);
      }
    }
  });

  it('the citizenship question names the ID card, not only the passport', () => {
    const eu = flow.questions.find((q) => q.id === 'eu')!;
    expect(pickText(eu.text, 'de')).to.equal('Sind Sie Bürger/in eines EU-Landes?');
    expect(pickText(eu.hint!, 'de')).to.contain('Personalausweis');
  });
});

describe('quick-check audit: review findings for `lotse validate`', () => {
  it('reports every default step as needing review or not yet reviewed, with German and English', () => {
    const findings = reviewFindings(flow, TODAY);
    expect(findings.map((f) => f.path.replace(/\.needsReview$/, ''))).to.deep.equal(flow.steps.map((s) => `defaultFlow.steps[${s.id}]`));
    expect(findings.every((f) => f.severity === 'warning')).to.equal(true);
    const unreviewed = findings.find((f) => f.code === 'notReviewed')!;
    expect(unreviewed.message).to.contain('noch nicht fachlich geprüft');
    expect(unreviewed.messageEn).to.contain('not been reviewed');
    const flagged = findings.find((f) => f.path === 'defaultFlow.steps[jobcenter].needsReview')!;
    expect(flagged.code).to.equal('needsReview');
    expect(flagged.message).to.contain('Grundsicherungsgeld');
  });

  it("a feed's own reviewed step: fine for 12 months, then stale; the role is asked for", () => {
    const step = (lastReviewed: string, reviewedBy?: string) => ({
      id: 'debts',
      title: 'Schuldnerberatung',
      text: 'Hilfe bei Schulden.',
      when: { q: 'work', is: 'none' },
      source: { label: 'Stadt', url: 'https://example.org/' },
      lastReviewed,
      ...(reviewedBy ? { reviewedBy } : {}),
    });
    const check = (s: object) => {
      const { flow: used, problems } = resolveFlow(DEFAULT_FLOW, { steps: [s] });
      expect(problems).to.deep.equal([]);
      return reviewFindings(used, TODAY).filter((f) => f.path.startsWith('quickCheck.'));
    };
    expect(check(step('2025-12', 'Schuldnerberatung (Sozialarbeit)'))).to.deep.equal([]);
    expect(check(step('2025-12-02', 'Schuldnerberatung (Sozialarbeit)'))).to.deep.equal([]);
    const stale = check(step('2025-11', 'Schuldnerberatung (Sozialarbeit)'));
    expect(stale.map((f) => [f.path, f.code])).to.deep.equal([['quickCheck.steps[0].lastReviewed', 'reviewStale']]);
    expect(stale[0].message).to.contain('vor mehr als 12 Monaten');
    const noRole = check(step('2026-11'));
    expect(noRole.map((f) => [f.path, f.code])).to.deep.equal([['quickCheck.steps[0].reviewedBy', 'reviewRole']]);
  });
});

describe('quick-check audit: unreachable and contradictory overrides', () => {
  const base = { title: 'X', text: 'Y', source: { label: 'Z' } };

  it('a step whose condition no path can meet is reported with its path, and the default flow stays', () => {
    const { flow: used, problems } = resolveFlow(DEFAULT_FLOW, {
      steps: [
        {
          ...base,
          id: 'never',
          when: {
            all: [
              { q: 'eu', is: 'yes' },
              { q: 'eu', is: 'no' },
            ],
          },
        },
      ],
    });
    expect(used).to.equal(DEFAULT_FLOW);
    expect(problems.map((p) => [p.path, p.code])).to.deep.include(['quickCheck.steps[0].when', 'unreachable']);
    expect(problems.find((p) => p.code === 'unreachable')!.message).to.contain('kann nie erscheinen');
  });

  it('a step behind a jump that skips its question is unreachable too', () => {
    const { problems } = resolveFlow(DEFAULT_FLOW, {
      replace: true,
      questions: [
        {
          id: 'a',
          text: 'A?',
          answers: [
            { id: 'yes', label: 'Ja', next: 'result' },
            { id: 'no', label: 'Nein' },
          ],
          dontKnow: false,
        },
        {
          id: 'b',
          text: 'B?',
          answers: [
            { id: 'yes', label: 'Ja' },
            { id: 'no', label: 'Nein' },
          ],
          dontKnow: false,
        },
      ],
      steps: [
        { ...base, id: 'ok', when: { q: 'b', is: 'yes' } },
        {
          ...base,
          id: 'skipped',
          when: {
            all: [
              { q: 'a', is: 'yes' },
              { q: 'b', is: 'yes' },
            ],
          },
        },
      ],
    });
    expect(problems.map((p) => [p.path, p.code])).to.deep.equal([
      ['quickCheck.steps[1].when', 'unreachable'],
      ['quickCheck', 'rejected'],
    ]);
  });

  it('two steps marked "excludes" that can both apply are reported with example answers', () => {
    const { flow: used, problems } = resolveFlow(DEFAULT_FLOW, {
      steps: [
        { ...base, id: 'no-money', when: { q: 'work', is: 'seeking' }, excludes: ['money'] },
        { ...base, id: 'money', when: { q: 'work', is: ['seeking', 'employed'] } },
      ],
    });
    expect(used).to.equal(DEFAULT_FLOW);
    const p = problems.find((x) => x.code === 'contradictory')!;
    expect(p.path).to.equal('quickCheck.steps[0].excludes');
    expect(p.message).to.contain('work=seeking');
  });

  it('the widget falls back to the default flow with a lotse-feed-warning', async () => {
    const feed = feedCopy();
    feed.quickCheck = {
      steps: [
        {
          ...base,
          id: 'never',
          when: {
            all: [
              { q: 'eu', is: 'yes' },
              { q: 'eu', is: 'no' },
            ],
          },
        },
      ],
    };
    const warnings: CustomEvent[] = [];
    const warn = console.warn;
    console.warn = () => {};
    const el = document.createElement('lotse-quick-check') as LotseQuickCheck;
    el.setAttribute('lang', 'de');
    el.addEventListener('lotse-feed-warning', (e) => warnings.push(e as CustomEvent));
    el.feed = feed;
    try {
      await fixture(el);
      await until(() => warnings.length, 5000, 'warning');
    } finally {
      console.warn = warn;
    }
    const problems: FeedProblem[] = warnings[0].detail.problems;
    expect(problems.map((p) => p.path)).to.include('quickCheck.steps[0].when');
  });
});

describe('quick-check audit: a household in the widget', () => {
  const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

  async function answerAll(el: LotseQuickCheck, answers: Record<string, string>) {
    const root = el.shadowRoot!;
    const press = async (label: string) => {
      const button = [...root.querySelectorAll('button')].find((b) => fold(b.textContent) === label);
      if (!button) throw new Error(`no button "${label}"`);
      button.click();
      await el.updateComplete;
    };
    await press('Los geht’s');
    for (const q of walk(answers)) {
      const question = flow.questions.find((x) => x.id === q)!;
      const a = answers[q];
      await press(a === UNKNOWN ? 'Ich weiß es nicht' : pickText(question.answers.find((x) => x.id === a)!.label, 'de'));
    }
  }

  it('shows the specified steps, no "Stand" for unreviewed steps, and where to ask when the feed has no service', async () => {
    const h = households.find((x) => x.name.startsWith('EU job seeker in month 2'))!;
    const el = document.createElement('lotse-quick-check') as LotseQuickCheck;
    el.setAttribute('lang', 'de');
    el.feed = feedCopy();
    await fixture(el);
    await until(() => el.shadowRoot!.querySelector('#qc-heading'), 5000, 'intro');
    await answerAll(el, h.answers);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll<HTMLElement>('[part="step"]')].map((li) => li.dataset.step)).to.deep.equal(h.steps);
    expect(fold(root.textContent)).to.not.contain('Stand:');
    const register = fold(root.querySelector('[data-step="register-address"]')!.textContent);
    expect(register).to.contain('Wo Sie fragen können: Bürgeramt der Stadt');
    expect(register).to.contain('Weil Sie gesagt haben: Wohnen: In einer Wohnung. Ich bin nicht angemeldet.');
    // The feed's clearing service helps with health insurance: listed, so no "where to ask".
    const health = root.querySelector('[data-step="health-insurance"]')!;
    expect(health.querySelector('[data-service="clearing"]')).to.exist;
    expect(fold(health.textContent)).to.not.contain('Wo Sie fragen können');
    expect(root.querySelector('a[href="tel:116016"]')).to.exist;
  });

  it("a feed's reviewed step shows its date; one flagged for review does not", async () => {
    const feed = feedCopy();
    const step = {
      title: 'Anmelden im Bürgeramt Nord',
      text: 'Kommen Sie ohne Termin.',
      when: { q: 'housing', is: 'unregistered' },
      source: { label: 'Stadt' },
      lastReviewed: '2026-10',
      reviewedBy: 'Bürgeramt (Meldewesen)',
    };
    feed.quickCheck = {
      steps: [
        { ...step, id: 'register-address' },
        { ...step, id: 'flagged', needsReview: true },
      ],
    };
    const el = document.createElement('lotse-quick-check') as LotseQuickCheck;
    el.setAttribute('lang', 'de');
    el.feed = feed;
    await fixture(el);
    await until(() => el.shadowRoot!.querySelector('#qc-heading'), 5000, 'intro');
    await answerAll(el, {
      eu: 'yes',
      housing: 'unregistered',
      insurance: 'yes',
      children: 'no',
      pregnant: 'no',
      work: 'employed',
      german: 'good',
    });
    const root = el.shadowRoot!;
    expect(fold(root.querySelector('[data-step="register-address"]')!.textContent)).to.contain('Stand: 10/2026');
    expect(fold(root.querySelector('[data-step="flagged"]')!.textContent)).to.not.contain('Stand:');
  });
});
