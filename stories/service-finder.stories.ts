import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/service-finder/service-finder.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, renderWidget, sharedArgTypes, waitFor, widgetIn, type PlayContext, type WidgetArgs } from './support.js';

/**
 * `<lotse-service-finder>`: search and filter local help services by topic, language,
 * target group, district, free of charge, walk-in, open now and distance.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Service finder',
  component: 'lotse-service-finder',
  tags: ['autodocs'],
  argTypes: sharedArgTypes,
  args: { feed: SAMPLE_FEED, lang: '' },
  render: renderWidget('lotse-service-finder'),
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** The sample feed of the fictional city Hafenstadt (35 services), loaded from a URL. */
export const Default: Story = {};

/** A small feed handed over as an object through the `feed` property (no request). */
export const InlineFeed: Story = { args: { feed: exampleFeed } };

/** The feed address is wrong: a readable message, details for the web editor, a retry button. */
export const FeedError: Story = { args: { feed: BROKEN_FEED } };

/** Arabic: the whole widget is laid out right-to-left. */
export const ArabicRtl: Story = { args: { lang: 'ar' }, globals: { locale: 'ar' } };

/** Audit state: the detail view of the first service (call, directions, hours, actions). */
export const Detail: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-service-finder', '.card-title');
    el.shadowRoot!.querySelector<HTMLElement>('.card-title')!.click();
    await waitFor(el, '.detail');
  },
};

/** Audit state: "More filters" open (language, for whom, district, what you do not need). */
export const FiltersOpen: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-service-finder', '.more-filters .toggle');
    el.shadowRoot!.querySelector<HTMLElement>('.more-filters .toggle')!.click();
    // The groups come with the finder's lazy views (finder-more.ts): audit them, not the spinner.
    await waitFor(el, '#lotse-more:not([hidden]) fieldset');
  },
};

/** Audit state: a search without results, with the way out. */
export const EmptyResult: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-service-finder', '#lotse-search');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#lotse-search')!;
    input.value = 'qqqxyz';
    input.dispatchEvent(new Event('input'));
    await waitFor(el, '.empty');
  },
};
