import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/hours-map/hours-map.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, renderWidget, sharedArgTypes, waitFor, widgetIn, type PlayContext, type WidgetArgs } from './support.js';

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

/**
 * Audit state: the map open, markers and zoom buttons. The site's consent manager has asked
 * (`consent="granted"`); tiles come from a path of this site (none there: a plain map background).
 */
export const MapOpen: Story = {
  render: ({ feed, lang }: WidgetArgs) =>
    typeof feed === 'object'
      ? html`<lotse-hours-map lang=${ifDefined(lang || undefined)} .feed=${feed} consent="granted" show-map tiles="/tiles/{z}/{x}/{y}.png"></lotse-hours-map>`
      : html`<lotse-hours-map lang=${ifDefined(lang || undefined)} feed=${ifDefined(feed || undefined)} consent="granted" show-map tiles="/tiles/{z}/{x}/{y}.png"></lotse-hours-map>`,
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-hours-map', '.map-host');
    await waitFor(el, '.leaflet-marker-icon');
  },
};

/** Audit state: the week plan. */
export const WeekPlan: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-hours-map', '.segmented button');
    el.shadowRoot!.querySelectorAll<HTMLElement>('.segmented button')[1].click();
    await waitFor(el, '.week .day');
  },
};
