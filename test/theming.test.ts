/**
 * The theming stories (stories/theming.stories.ts, the examples of docs/theming.md) render,
 * really restyle the widget, and pass axe, colour contrast included.
 */
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import * as theming from '../stories/theming.stories.js';
import { withLanguage, type WidgetArgs } from '../stories/support.js';
import type { LotseServiceFinder } from '../src/index.js';
import { feedCopy, mount, until } from './helpers.js';

type Render = (args: WidgetArgs) => TemplateResult;
const FEED = '/demo/public/services.json';

async function story(render: Render, lang: string) {
  const args: WidgetArgs = { ...theming.default.args, feed: FEED };
  const decorate = withLanguage as unknown as (
    fn: (u?: { args: WidgetArgs }) => TemplateResult,
    c: { args: WidgetArgs; globals: Record<string, string> },
  ) => TemplateResult;
  const box = await mount(decorate((update) => render(update?.args ?? args), { args, globals: { locale: lang } }));
  const el = box.parentElement!.querySelector('lotse-service-finder') as LotseServiceFinder;
  await until(() => el.shadowRoot?.querySelector('[part="card"]'), 8000, 'the result cards');
  await el.updateComplete;
  return el;
}
const style = (el: Element, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!);

describe('theming stories', () => {
  for (const lang of ['de', 'en']) {
    it(`corporate colours in ${lang}: tokens and parts apply, axe passes`, async () => {
      const el = await story(theming.CorporateColours.render as Render, lang);
      expect(style(el, '[part="card"]').borderInlineStartWidth).to.equal('6px');
      expect(style(el, '[part="card"]').borderInlineStartColor).to.equal('rgb(0, 90, 80)');
      expect(style(el, '[part="filter"]').borderTopLeftRadius).to.equal('999px');
      expect(style(el, '[part="filter"]').borderTopColor, 'border token').to.equal('rgb(107, 127, 123)');
      expect(style(el, '[part="search"]').borderTopLeftRadius, 'radius token').to.equal('0px');
      await expect(el).to.be.accessible();
    });

    it(`dark background in ${lang}: light text on the dark surface, axe passes`, async () => {
      const el = await story(theming.DarkBackground.render as Render, lang);
      // Colours are set on the inner box (see src/core/styles.ts), which fills the element.
      expect(style(el, '[part="base"]').backgroundColor).to.equal('rgb(21, 25, 30)');
      expect(style(el, '[part="base"]').color).to.equal('rgb(238, 241, 245)');
      expect(style(el, '[part="search"]').borderTopColor, 'border token').to.equal('rgb(140, 152, 166)');
      expect(style(el, '[part="card"] a, [part="card"] button').color, 'primary token').to.equal('rgb(156, 202, 255)');
      await expect(el).to.be.accessible();
    });
  }
});

describe('text size on any theme', () => {
  afterEach(() => document.documentElement.style.removeProperty('font-size'));

  it('a host root trick (html { font-size: 62.5% }) does not shrink the text; the token still sets it', async () => {
    // The visitor's default size, as the browser resolves the keyword.
    const probe = document.createElement('span');
    probe.style.fontSize = 'medium';
    document.body.append(probe);
    const medium = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    document.documentElement.style.fontSize = '62.5%';
    expect(getComputedStyle(document.documentElement).fontSize, 'the trick is active').to.equal('10px');
    const box = await mount(html`<div>
      <lotse-service-finder lang="de" .feed=${feedCopy()}></lotse-service-finder>
      <lotse-service-finder lang="de" style="--lotse-font-size: 20px" .feed=${feedCopy()}></lotse-service-finder>
    </div>`);
    const [plain, themed] = [...box.children] as LotseServiceFinder[];
    await until(() => plain.shadowRoot?.querySelector('.card-title') && themed.shadowRoot?.querySelector('.card-title'), 8000, 'cards');
    expect(parseFloat(style(plain, '[part="base"]').fontSize), 'the visitor default, not 10px').to.equal(medium);
    expect(parseFloat(style(plain, '.card-title').fontSize)).to.be.at.least(16);
    expect(style(themed, '[part="base"]').fontSize).to.equal('20px');
  });
});
