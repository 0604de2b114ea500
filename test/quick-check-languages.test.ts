import { expect, fixture } from '@open-wc/testing';
import '../src/quick-check/quick-check.js';
import type { LotseQuickCheck } from '../src/quick-check/quick-check.js';
import { DEFAULT_FLOW } from '../src/quick-check/default-flow.js';
import { loadDefaultFlow, loadFlowLanguage } from '../src/quick-check/flow-languages.js';
import { LOCALES } from '../src/core/locales.js';
import { pickText } from '../src/core/feed/text.js';
import { feedCopy, until } from './helpers.js';

const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: Element) => fold(el.shadowRoot!.querySelector('#qc-heading')?.textContent);
const firstQuestion = (lang: string) => pickText(DEFAULT_FLOW.questions[0].text, lang);

/** The default-flow chunks this page has fetched so far: `de`, `uk`, … */
const fetched = new Set<string>();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const lang = /default-flow-(\w+)\.(?:ts|js)/.exec(entry.name)?.[1];
    if (lang) fetched.add(lang);
  }
}).observe({ type: 'resource' });

async function mountCheck(lang: string): Promise<LotseQuickCheck> {
  const el = document.createElement('lotse-quick-check');
  el.setAttribute('lang', lang);
  el.feed = feedCopy();
  await fixture<LotseQuickCheck>(el);
  await until(() => el.shadowRoot!.querySelector('#qc-heading'), 5000, 'first screen');
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
  await el.updateComplete;
  return el;
}

// In this order: the last test loads every language into the page's one default flow.
describe('quick-check: the default flow per language', () => {
  it('a quick-check in Ukrainian shows Ukrainian and fetches the German and Ukrainian texts only', async () => {
    const el = await mountCheck('uk');
    expect(heading(el)).to.equal(firstQuestion('uk'));
    await until(() => fetched.has('de') && fetched.has('uk'), 5000, 'default-flow-de and -uk fetched');
    expect([...fetched].sort()).to.deep.equal(['de', 'uk']);
  });

  it('switching the language shows the new one once updateComplete resolves, and fetches only it', async () => {
    const el = await mountCheck('de');
    expect(heading(el)).to.equal(firstQuestion('de'));
    el.lang = 'ro';
    await el.updateComplete;
    expect(heading(el)).to.equal(firstQuestion('ro'));
    await until(() => fetched.has('ro'), 5000, 'default-flow-ro fetched');
    expect([...fetched].sort()).to.deep.equal(['de', 'ro', 'uk']);
  });

  it('German plus every language chunk is the default flow (without the editors’ review notes)', async () => {
    await Promise.all(LOCALES.map(loadFlowLanguage));
    const expected = structuredClone(DEFAULT_FLOW);
    for (const step of expected.steps) delete step.reviewNote;
    expect(await loadDefaultFlow()).to.deep.equal(expected);
  });
});
