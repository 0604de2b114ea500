import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/quick-check/quick-check.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, renderWidget, sharedArgTypes, waitFor, widgetIn, type PlayContext, type WidgetArgs } from './support.js';

/**
 * `<lotse-quick-check>`: a few plain questions that lead to a personal checklist of next steps
 * (a routing slip) and the local services that help with each. Nothing is stored or sent.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Quick-check',
  component: 'lotse-quick-check',
  tags: ['autodocs'],
  argTypes: sharedArgTypes,
  args: { feed: SAMPLE_FEED, lang: '' },
  render: renderWidget('lotse-quick-check'),
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

/** Audit state: the checklist (routing slip) after answering every question with the first answer. */
export const Result: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-quick-check', '.nav button.primary');
    el.shadowRoot!.querySelector<HTMLElement>('.nav button.primary')!.click();
    for (let i = 0; i < 12; i++) {
      const answer = await waitFor(el, '[part="answer-button"], .steps');
      if (answer.matches('.steps')) return;
      answer.click();
      await el.updateComplete;
    }
    await waitFor(el, '.steps');
  },
};
