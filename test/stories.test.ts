/**
 * Stories are fixtures: every story of every widget is rendered here, as Storybook renders it
 * (meta args + story args → the story's render function, through the language decorator),
 * and must pass axe. LANGS grows to all eight languages once the translations exist.
 */
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as serviceFinder from '../stories/service-finder.stories.js';
import * as hoursMap from '../stories/hours-map.stories.js';
import * as quickCheck from '../stories/quick-check.stories.js';
import * as contactForm from '../stories/contact-form.stories.js';
import { exampleFeed } from '../stories/example-feed.js';
import { SAMPLE_FEED, withLanguage, type WidgetArgs } from '../stories/support.js';
import { parseFeed } from '../src/core/feed/parse.js';
import { isLocaleReady, type Locale } from '../src/core/i18n.js';
import type { LotseElement } from '../src/index.js';
import { mount, until } from './helpers.js';

const LANGS: Locale[] = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];

type Render = (args: WidgetArgs, context?: unknown) => TemplateResult;
interface StoryModule {
  default: { title?: string; component?: string; args?: WidgetArgs; render?: Render };
  [story: string]: unknown;
}
const FILES: Record<string, StoryModule> = {
  'service-finder': serviceFinder,
  'hours-map': hoursMap,
  'quick-check': quickCheck,
  'contact-form': contactForm,
} as unknown as Record<string, StoryModule>;

/** In Storybook the sample feed is served at the root; here it is a file of the repo. */
const testUrl = (feed: unknown) => (feed === SAMPLE_FEED ? '/demo/public/services.json' : feed);
const feedStatus = (el: Element) => (el as unknown as { feedState: { status: string } }).feedState.status;

/** Render one story like Storybook does, with the toolbar language `locale`. */
async function renderStory(meta: StoryModule['default'], story: { args?: WidgetArgs; render?: Render }, locale: string) {
  const args = { ...meta.args, ...story.args };
  args.feed = testUrl(args.feed) as WidgetArgs['feed'];
  const render = (story.render ?? meta.render)!;
  const decorate = withLanguage as unknown as (
    fn: (update?: { args: WidgetArgs }) => TemplateResult,
    context: { args: WidgetArgs; globals: Record<string, string> },
  ) => TemplateResult;
  const template = decorate((update) => render(update?.args ?? args), { args, globals: { locale } });
  const box = await mount(template);
  const el = box.matches(meta.component!) ? box : box.querySelector(meta.component!)!;
  return el as LotseElement;
}

describe('stories', () => {
  for (const [file, module] of Object.entries(FILES)) {
    const meta = module.default;
    const stories = Object.entries(module).filter(([name]) => name !== 'default') as [string, { args?: WidgetArgs }][];

    it(`${file}: has the four standard stories and autodocs`, () => {
      expect(stories.map(([name]) => name)).to.include.members(['Default', 'InlineFeed', 'FeedError', 'ArabicRtl']);
      expect(meta.component).to.equal(`lotse-${file}`);
      expect((meta as { tags?: string[] }).tags).to.include('autodocs');
    });

    for (const [name, story] of stories) {
      for (const lang of LANGS) {
        it(`${file} / ${name} in ${lang}: renders and passes axe`, async () => {
          const el = await renderStory(meta, story, lang);
          const expected = story.args?.lang || lang;
          await until(() => ['ready', 'error'].includes(feedStatus(el)), 8000, 'feed loaded or failed');
          await until(() => isLocaleReady(expected as Locale), 5000, `${expected} translations`);
          await el.updateComplete;
          expect(feedStatus(el)).to.equal(name === 'FeedError' ? 'error' : 'ready');
          const base = el.shadowRoot!.querySelector('[part="base"]')!;
          expect(base.getAttribute('lang')).to.equal(expected);
          expect(base.getAttribute('dir')).to.equal(expected === 'ar' ? 'rtl' : 'ltr');
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('the toolbar language sets lang, a story arg pins it', async () => {
    const el = await renderStory(serviceFinder.default as StoryModule['default'], {}, 'ro');
    expect(el.getAttribute('lang')).to.equal('ro');
    const pinned = await renderStory(serviceFinder.default as StoryModule['default'], serviceFinder.ArabicRtl as { args?: WidgetArgs }, 'ro');
    expect(pinned.getAttribute('lang')).to.equal('ar');
  });

  it('the example feed of the docs uses every field and parses without a problem', () => {
    const result = parseFeed(structuredClone(exampleFeed));
    expect(result.problems).to.deep.equal([]);
    const service = result.feed!.services[0];
    expect(Object.keys(service)).to.include.members(['statusNote', 'validFrom', 'validUntil', 'lastChecked', 'topics', 'provider', 'requirements']);
    expect(Object.keys(service.locations[0])).to.include.members(['name', 'district', 'geo', 'accessibility', 'hours', 'closures', 'publicHolidays']);
  });

  it('docs-feed-contract.md shows the same example feed', async () => {
    const markdown = await (await fetch('/docs-feed-contract.md')).text();
    // The example feed is the ```json block with a region and services (another one shows the
    // output of `lotse validate --format json`).
    const blocks = [...markdown.matchAll(/^```json\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
    const json = blocks.find((block) => block.includes('"region"') && block.includes('"services"'));
    expect(json, 'a ```json block with the example feed').to.be.a('string');
    expect(JSON.parse(json!)).to.deep.equal(exampleFeed);
    expect(markdown.split('\n').length).to.be.at.most(360);
  });
});
