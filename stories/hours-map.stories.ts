import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/hours-map/hours-map.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, renderWidget, sharedArgTypes, type WidgetArgs } from './support.js';

/**
 * `<lotse-hours-map>`: counselling hours (Sprechstunden) on a map and as a timetable: who is
 * open now, the next opening, and which slot speaks which language. The map loads third-party
 * tiles only after consent; the list works without it.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Hours map',
  component: 'lotse-hours-map',
  tags: ['autodocs'],
  argTypes: sharedArgTypes,
  args: { feed: SAMPLE_FEED, lang: '' },
  render: renderWidget('lotse-hours-map'),
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
