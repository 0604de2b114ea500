import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { LotseContactForm, LotseQuickCheck } from '../src/index.js';
import { SYNC_LIMIT } from '../src/core/feed/slices.js';
import { until } from './helpers.js';
import { expectServicesOnlyInWorker, keptFeed, keptFeedHooks, place, TUESDAY_10, words } from './kept-helpers.js';

// A feed the worker keeps (more than SYNC_LIMIT services): the quick-check and the contact form
// ask it for the few services they show, like the finder (test/finder-worker.test.ts).
const COUNT = SYNC_LIMIT + 200;
const kept = keptFeed(COUNT);
const big = kept.feed;

/** Start the quick-check and take the first answer of every question: the checklist. */
async function checklist(el: LotseQuickCheck) {
  const root = el.shadowRoot!;
  await until(() => root.querySelector('#qc-heading'), 20_000, 'first screen');
  [...root.querySelectorAll('button')].find((b) => words(b) === 'Los geht’s')!.click();
  await el.updateComplete;
  for (let i = 0; i < 10 && words(root.querySelector('#qc-heading')) !== 'Ihre nächsten Schritte'; i++) {
    root.querySelector<HTMLButtonElement>('[part="answer-button"]')!.click();
    await el.updateComplete;
  }
  expect(words(root.querySelector('#qc-heading'))).to.equal('Ihre nächsten Schritte');
  return [...root.querySelectorAll('ul.services')].map(words);
}

describe('a big feed kept in the worker: quick-check and contact form', function () {
  this.timeout(60_000);
  let url = '';
  keptFeedHooks(kept);
  beforeEach(() => (url = kept.url()));

  it('the quick-check lists the same services per step as with the whole feed', async () => {
    const kept = await checklist(place<LotseQuickCheck>('lotse-quick-check', url));
    const whole = await checklist(place<LotseQuickCheck>('lotse-quick-check', structuredClone(big)));
    expect(kept.some((list) => list.length > 0)).to.equal(true);
    expect(kept).to.deep.equal(whole);
  });

  it('the contact form names the chosen service and offers the topics in use, as with the whole feed', async () => {
    const id = big.services[COUNT - 1].id;
    const forms = [url, structuredClone(big)].map((feed) =>
      place<LotseContactForm>('lotse-contact-form', feed, { endpoint: '/api/lotse-kontakt', service: id }),
    );
    for (const form of forms) await until(() => form.shadowRoot!.querySelector('.preset strong'), 20_000, 'the chosen service');
    const [kept, whole] = forms;
    expect(words(kept.shadowRoot!.querySelector('.preset strong'))).to.equal(big.services[COUNT - 1].name.de);
    // "Anderes Thema wählen": the topics of the services in use.
    for (const form of forms) {
      [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('.preset button')].find((b) => words(b) === 'Anderes Thema wählen')!.click();
      await form.updateComplete;
    }
    const topics = (form: Element) => [...form.shadowRoot!.querySelectorAll('.choices label')].map(words);
    expect(topics(kept).length).to.be.greaterThan(1);
    expect(topics(kept)).to.deep.equal(topics(whole));
  });

  it('a page with finder, quick-check and contact form never receives the services', async () => {
    const widgets = [
      place('lotse-service-finder', url),
      place<LotseQuickCheck>('lotse-quick-check', url),
      place('lotse-contact-form', url, { endpoint: '/api/lotse-kontakt' }),
    ];
    await until(() => widgets[0].shadowRoot?.querySelector('.results'), 20_000, 'results');
    await checklist(widgets[1] as LotseQuickCheck);
    await until(() => widgets[2].shadowRoot?.querySelector('.choices'), 20_000, 'the form');
    expectServicesOnlyInWorker(widgets, url);
  });

  it("prepares a finder's first answer in the worker only when a finder is on the page", async () => {
    // What the page asks the worker to load: with or without a time to prepare the finder for.
    const loads: { answersAt?: number }[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      if ((message as { type?: string })?.type === 'load') loads.push(message as { answersAt?: number });
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    } as typeof post;
    try {
      const check = place<LotseQuickCheck>('lotse-quick-check', url);
      await until(() => check.shadowRoot?.querySelector('#qc-heading'), 20_000, 'the quick-check');
      const other = URL.createObjectURL(new Blob([JSON.stringify(big)], { type: 'application/json' }));
      const finder = place('lotse-service-finder', other);
      await until(() => finder.shadowRoot?.querySelector('.results'), 20_000, 'results');
      URL.revokeObjectURL(other);
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(loads.map((load) => load.answersAt)).to.deep.equal([undefined, Date.parse(TUESDAY_10)]);
  });
});
