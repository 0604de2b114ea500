/**
 * Stories are fixtures: every story of every widget is rendered here, as Storybook renders it
 * (see story-support.ts), its `play` function run (the audit states), and must pass axe, in
 * all eight languages.
 */
import { expect } from '@open-wc/testing';
import * as serviceFinder from '../stories/service-finder.stories.js';
import { exampleFeed } from '../stories/example-feed.js';
import type { WidgetArgs } from '../stories/support.js';
import { parseFeed } from '../src/core/feed/parse.js';
import type { Locale } from '../src/core/i18n.js';
import { FILES, feedStatus, renderStory, showStory, storiesOf, type StoryModule } from './story-support.js';

const LANGS: Locale[] = ['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl'];

describe('stories', () => {
  for (const [file, module] of Object.entries(FILES)) {
    const meta = module.default;
    const stories = storiesOf(module);

    it(`${file}: has the four standard stories and autodocs`, () => {
      expect(stories.map(([name]) => name)).to.include.members(['Default', 'InlineFeed', 'FeedError', 'ArabicRtl']);
      expect(meta.component).to.equal(`lotse-${file}`);
      expect((meta as { tags?: string[] }).tags).to.include('autodocs');
    });

    for (const [name, story] of stories) {
      for (const lang of LANGS) {
        it(`${file} / ${name} in ${lang}: renders and passes axe`, async () => {
          const { el, expected } = await showStory(meta, story, lang);
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
    const pinned = await renderStory(
      serviceFinder.default as StoryModule['default'],
      serviceFinder.ArabicRtl as { args?: WidgetArgs },
      'ro',
    );
    expect(pinned.getAttribute('lang')).to.equal('ar');
  });

  it('the example feed of the docs uses every field and parses without a problem', () => {
    const result = parseFeed(structuredClone(exampleFeed));
    expect(result.problems).to.deep.equal([]);
    const service = result.feed!.services[0];
    expect(Object.keys(service)).to.include.members([
      'statusNote',
      'validFrom',
      'validUntil',
      'lastChecked',
      'topics',
      'provider',
      'requirements',
    ]);
    expect(Object.keys(service.locations[0])).to.include.members([
      'name',
      'district',
      'geo',
      'accessibility',
      'hours',
      'closures',
      'publicHolidays',
    ]);
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
