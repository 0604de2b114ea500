import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/contact-form/contact-form.js';
import { exampleFeed } from './example-feed.js';
import { BROKEN_FEED, SAMPLE_FEED, sharedArgTypes, waitFor, widgetIn, type PlayContext, type WidgetArgs } from './support.js';

interface ContactArgs extends WidgetArgs {
  endpoint?: string;
  service?: string;
  privacyUrl?: string;
}

/**
 * `<lotse-contact-form>`: ask a counselling service for a call-back or an appointment in one's
 * own language, with as little data as possible. The message is POSTed as JSON to `endpoint`
 * and kept in the tab until it is delivered. Storybook has no endpoint, so sending fails here
 * (and the form shows how it keeps the message and retries).
 */
const meta: Meta<ContactArgs> = {
  title: 'Widgets/Contact form',
  component: 'lotse-contact-form',
  tags: ['autodocs'],
  argTypes: {
    ...sharedArgTypes,
    endpoint: { control: 'text', description: 'Where the message is sent (POST, JSON).' },
    service: { control: 'text', description: 'Preset service id from the feed.' },
    privacyUrl: { name: 'privacy-url', control: 'text', description: "Link to the city's privacy notice." },
  },
  args: { feed: SAMPLE_FEED, lang: '', endpoint: '/api/contact', service: '', privacyUrl: 'https://example.org/datenschutz' },
  render: ({ feed, lang, endpoint, service, privacyUrl }) =>
    typeof feed === 'object'
      ? html`<lotse-contact-form lang=${ifDefined(lang || undefined)} endpoint=${ifDefined(endpoint || undefined)}
          service=${ifDefined(service || undefined)} privacy-url=${ifDefined(privacyUrl || undefined)}
          .feed=${feed}></lotse-contact-form>`
      : html`<lotse-contact-form lang=${ifDefined(lang || undefined)} endpoint=${ifDefined(endpoint || undefined)}
          service=${ifDefined(service || undefined)} privacy-url=${ifDefined(privacyUrl || undefined)}
          feed=${ifDefined(feed || undefined)}></lotse-contact-form>`,
};
export default meta;
type Story = StoryObj<ContactArgs>;

/** The sample feed of the fictional city Hafenstadt (35 services), loaded from a URL. */
export const Default: Story = {};

/** A small feed handed over as an object through the `feed` property, one service preset. */
export const InlineFeed: Story = { args: { feed: exampleFeed, service: 'clearingstelle-nord' } };

/** The feed address is wrong: a readable message, details for the web editor, a retry button. */
export const FeedError: Story = { args: { feed: BROKEN_FEED } };

/** Arabic: the whole widget is laid out right-to-left. */
export const ArabicRtl: Story = { args: { lang: 'ar' }, globals: { locale: 'ar' } };

/** Audit state: "Send" with nothing filled in: the error summary, focused, linked to the fields. */
export const WithErrors: Story = {
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-contact-form', '[part="submit-button"]');
    el.shadowRoot!.querySelector<HTMLInputElement>('#cf-method-phone')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part="submit-button"]')!.click();
    await waitFor(el, '.error-summary');
  },
};

/**
 * Audit state: after sending ("I will come by", a preset service). With an endpoint (the demo,
 * the tests) the confirmation with the reference number; in Storybook, which has none, the
 * message is kept and "not sent yet" is shown with the retry.
 */
export const AfterSending: Story = {
  args: { service: 'ankommen-nordviertel' },
  play: async ({ canvasElement }: PlayContext) => {
    const el = await widgetIn(canvasElement, 'lotse-contact-form', '#cf-method-visit');
    el.shadowRoot!.querySelector<HTMLInputElement>('#cf-method-visit')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part="submit-button"]')!.click();
    await waitFor(el, '.confirmation, .delivery strong');
  },
};
