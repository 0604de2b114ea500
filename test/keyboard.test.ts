/**
 * Keyboard journeys: each widget's main task done with the keyboard only (sendKeys), starting
 * from a link of the host page before the widget. Every control passed on the way must have
 * an accessible name, and the ones the journey uses are checked by name.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { deliveryOptions } from '../src/contact-form/contact-form.js';
import { feedCopy, mount, until } from './helpers.js';
import { accessibleName, deepActive, fold } from './a11y-helpers.js';

const finderFeed: Record<string, any> = await (await fetch(new URL('./fixtures/finder-feed.json', import.meta.url))).json();
const mapFeed: Record<string, any> = await (await fetch(new URL('./fixtures/hours-map/feed.json', import.meta.url))).json();
/** Tuesday 24 November 2026, 10:30 in Berlin. */
const TUESDAY = '2026-11-24T10:30:00+01:00';

/** Controls passed on the way, with their names. */
let passed: Array<{ tag: string; name: string }> = [];

/** A host link before the widget, focused: the journey starts on the host page. */
async function start(widget: HTMLElement) {
  const link = document.createElement('a');
  link.href = '#start';
  link.textContent = 'Zum Inhalt';
  widget.before(link);
  link.focus();
  passed = [];
}

/** Press Tab until the focused element matches; each control passed must have a name. */
async function tabTo(match: (el: HTMLElement) => boolean, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = deepActive();
    if (!el) continue;
    const name = accessibleName(el);
    passed.push({ tag: el.localName, name });
    expect(name, `accessible name of <${el.localName} id="${el.id}" class="${el.className}">`).to.not.equal('');
    if (match(el)) return el;
  }
  throw new Error(`"${what}" not reached with Tab; passed: ${passed.map((p) => p.name).join(' | ')}`);
}

const SPACE = { type: ' ' }; // Firefox over BiDi has no key named "Space"

describe('keyboard journeys', () => {
  it('service finder: find a service and open its details', async () => {
    const el = await mount(
      html`<lotse-service-finder lang="de" .now=${'2026-11-24T09:00:00Z'} .feed=${structuredClone(finderFeed)}></lotse-service-finder>`,
    );
    await until(() => el.shadowRoot!.querySelector('.card-title'), 5000, 'cards');
    await start(el);
    const search = await tabTo((e) => e.id === 'lotse-search', 'search field');
    expect(accessibleName(search)).to.equal('Was suchen Sie?');
    await sendKeys({ type: 'Schulden' });
    await until(() => el.shadowRoot!.querySelectorAll('.card-title').length === 1, 3000, 'one result');
    const card = await tabTo((e) => e.classList.contains('card-title'), 'first result');
    expect(accessibleName(card)).to.contain('Schuldnerberatung');
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('.detail'), 3000, 'detail');
    // Focus moves to the details' title, so a screen reader reads what opened.
    await until(() => deepActive()?.id === 'lotse-detail-title', 3000, 'focus on title');
    expect(fold(deepActive()!.textContent)).to.contain('Schuldnerberatung');
    const action = await tabTo((e) => e.localName === 'a', 'an action link');
    expect(accessibleName(action)).to.match(/^(Anrufen|Weg zeigen|E-Mail|Webseite)/);
  });

  it('hours map: find who is open now in Romanian', async () => {
    const el = await mount(html`<lotse-hours-map lang="de" .now=${TUESDAY} .feed=${structuredClone(mapFeed)}></lotse-hours-map>`);
    await until(() => el.shadowRoot!.querySelector('[part="entry"]'), 5000, 'entries');
    await start(el);
    const language = await tabTo((e) => e.id === 'f-language', 'language filter');
    expect(accessibleName(language)).to.equal('Sprache der Beratung');
    // Type-ahead on the closed select picks "Rumänisch".
    await sendKeys({ type: 'Rum' });
    await until(() => (language as HTMLSelectElement).value === 'ro', 3000, 'Romanian chosen');
    const openNow = await tabTo((e) => (e as HTMLInputElement).name === 'openNow', 'open now');
    expect(accessibleName(openNow)).to.match(/^Jetzt offen/);
    await sendKeys(SPACE);
    await until(() => (openNow as HTMLInputElement).checked, 3000, 'open now checked');
    await until(() => el.shadowRoot!.querySelectorAll('[part="entry"]').length === 1, 3000, 'one entry');
    const entry = await tabTo((e) => e.classList.contains('name'), 'entry');
    expect(accessibleName(entry)).to.contain('Clearingstelle');
    await sendKeys({ press: 'Enter' });
    await until(() => entry.getAttribute('aria-expanded') === 'true', 3000, 'entry opened');
    const call = await tabTo((e) => e.localName === 'a', 'call link');
    expect(accessibleName(call)).to.contain('Anrufen');
  });

  it('quick-check: answer every question and reach the routing slip', async () => {
    const el = await mount(html`<lotse-quick-check lang="de" .feed=${feedCopy()}></lotse-quick-check>`);
    await until(() => el.shadowRoot!.querySelector('#qc-heading'), 5000, 'intro');
    await start(el);
    const go = await tabTo((e) => e.classList.contains('primary'), 'start button');
    expect(accessibleName(go)).to.equal('Los geht’s');
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 20 && !el.shadowRoot!.querySelector('[part="step"]'); i++) {
      await until(() => el.shadowRoot!.querySelector('[part="answer-button"], [part="step"]'), 3000, 'question');
      if (el.shadowRoot!.querySelector('[part="step"]')) break;
      const heading = fold(el.shadowRoot!.querySelector('#qc-heading')!.textContent);
      const answer = await tabTo((e) => e.getAttribute('part') === 'answer-button', `an answer to "${heading}"`);
      expect(accessibleName(answer)).to.not.equal('');
      await sendKeys({ press: 'Enter' });
      await until(() => fold(el.shadowRoot!.querySelector('#qc-heading')?.textContent) !== heading, 3000, 'next screen');
    }
    await until(() => el.shadowRoot!.querySelector('[part="step"]'), 3000, 'routing slip');
    expect(fold(el.shadowRoot!.querySelector('#qc-heading')!.textContent)).to.equal('Ihre nächsten Schritte');
    const show = await tabTo((e) => e.localName === 'button', 'a button on the slip');
    expect(accessibleName(show)).to.not.equal('');
  });

  describe('contact form', () => {
    const defaults = { ...deliveryOptions };
    afterEach(() => Object.assign(deliveryOptions, defaults));

    it('send a contact request: topic, call-back, phone number, send', async () => {
      const id = `kb-${Date.now()}`;
      const el = await mount(
        html`<lotse-contact-form id=${id} lang="de" endpoint="/api/contact" .feed=${feedCopy()}></lotse-contact-form>`,
      );
      await until(() => el.shadowRoot!.querySelector('form'), 5000, 'form');
      // A person takes a few seconds; faster messages are marked as spam by the endpoint.
      (el as any).startedAt = Date.now() - 10_000;
      await start(el);
      const topic = await tabTo((e) => (e as HTMLInputElement).name === 'topic', 'topic');
      await sendKeys(SPACE);
      await until(() => el.shadowRoot!.querySelector('input[name="topic"]:checked'), 3000, 'topic chosen');
      expect(accessibleName(topic)).to.not.equal('');
      const method = await tabTo((e) => (e as HTMLInputElement).name === 'method', 'way of contact');
      expect(accessibleName(method)).to.equal('Anruf');
      await sendKeys(SPACE);
      const phone = await tabTo((e) => e.id === 'cf-phone', 'phone number');
      expect(accessibleName(phone)).to.equal('Ihre Telefonnummer');
      await sendKeys({ type: '0171 2345678' });
      const send = await tabTo((e) => e.getAttribute('part') === 'submit-button', 'send button');
      expect(accessibleName(send)).to.equal('Nachricht senden');
      const sent = new Promise<void>((resolve) => el.addEventListener('lotse-contact-sent', () => resolve(), { once: true }));
      await sendKeys({ press: 'Enter' });
      await sent;
      await until(() => el.shadowRoot!.querySelector('[part="confirmation"]'), 3000, 'confirmation');
      await until(() => deepActive()?.getAttribute('part') === 'confirmation', 3000, 'focus on confirmation');
      expect(fold(deepActive()!.textContent)).to.contain('Ihre Nachricht ist angekommen.');
      localStorage.removeItem(`lotse-contact:${id}`);
    });
  });
});
