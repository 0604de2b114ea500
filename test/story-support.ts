/**
 * Stories rendered as Storybook renders them (meta args + story args → the story's render
 * function, through the language decorator), for test/stories.test.ts (axe on every story) and
 * test/a11y-targets.test.ts (target sizes on every story). A story's `play` function (the audit
 * states) runs after the feed is there.
 */
import type { TemplateResult } from 'lit';
import * as serviceFinder from '../stories/service-finder.stories.js';
import * as hoursMap from '../stories/hours-map.stories.js';
import * as quickCheck from '../stories/quick-check.stories.js';
import * as contactForm from '../stories/contact-form.stories.js';
import { SAMPLE_FEED, withLanguage, type PlayContext, type WidgetArgs } from '../stories/support.js';
import type { Locale } from '../src/core/i18n.js';
import type { LotseElement } from '../src/index.js';
import { hasLanguage, mount, until } from './helpers.js';

export type Render = (args: WidgetArgs, context?: unknown) => TemplateResult;
export interface StoryModule {
  default: { title?: string; component?: string; args?: WidgetArgs; render?: Render };
  [story: string]: unknown;
}
export const FILES: Record<string, StoryModule> = {
  'service-finder': serviceFinder,
  'hours-map': hoursMap,
  'quick-check': quickCheck,
  'contact-form': contactForm,
} as unknown as Record<string, StoryModule>;

/** In Storybook the sample feed is served at the root; here it is a file of the repo. */
const testUrl = (feed: unknown) => (feed === SAMPLE_FEED ? '/demo/public/services.json' : feed);
export const feedStatus = (el: Element) => (el as unknown as { feedState: { status: string } }).feedState.status;

/** Render one story like Storybook does, with the toolbar language `locale`. */
export async function renderStory(meta: StoryModule['default'], story: { args?: WidgetArgs; render?: Render }, locale: string) {
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

export interface Story {
  args?: WidgetArgs;
  render?: Render;
  play?: (context: PlayContext) => Promise<void>;
}

/** The stories of each widget file, without the meta. */
export const storiesOf = (module: StoryModule) => Object.entries(module).filter(([name]) => name !== 'default') as [string, Story][];

/** Render a story in a language, wait for its feed and translations, then play it. */
export async function showStory(meta: StoryModule['default'], story: Story, lang: string) {
  const el = await renderStory(meta, story, lang);
  const expected = story.args?.lang || lang;
  await until(() => ['ready', 'error'].includes(feedStatus(el)), 8000, 'feed loaded or failed');
  await until(() => hasLanguage(el, expected as Locale), 5000, `${expected} translations`);
  await el.updateComplete;
  if (story.play) {
    await story.play({ canvasElement: el.parentElement! });
    await el.updateComplete;
  }
  return { el, expected };
}
