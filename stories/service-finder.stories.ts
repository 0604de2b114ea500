import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/service-finder/service-finder.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, renderWidget, sharedArgTypes, type WidgetArgs } from './support.js';

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
