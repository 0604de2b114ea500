import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/service-finder/service-finder.js';
import { SAMPLE_FEED, sharedArgTypes, type WidgetArgs } from './support.js';

/**
 * Theming (see docs/theming.md): the `--lotse-*` tokens set colours, font, radius and spacing
 * from the page around the widget; `::part(…)` restyles single pieces. Both examples keep
 * WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for borders and focus) and pass axe.
 */
const meta: Meta<WidgetArgs> = {
  title: 'Guides/Theming',
  component: 'lotse-service-finder',
  argTypes: sharedArgTypes,
  args: { feed: SAMPLE_FEED, lang: '' },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** The stylesheet of the corporate example, as a city would put it in its own CSS. */
const CORPORATE_CSS = `
.hafenstadt lotse-service-finder {
  --lotse-color-primary: #005a50;
  --lotse-color-on-primary: #ffffff;
  --lotse-color-text: #1d2b29;
  --lotse-color-muted: #4a5a57;
  --lotse-color-surface-alt: #eef5f3;
  --lotse-color-border: #6b7f7b;
  --lotse-color-focus: #b8410b;
  --lotse-font-family: Verdana, 'DejaVu Sans', sans-serif;
  --lotse-radius: 0;
}
.hafenstadt lotse-service-finder::part(card) {
  border-inline-start: 6px solid #005a50;
}
.hafenstadt lotse-service-finder::part(filter) {
  border-radius: 999px;
}
`;

/** The stylesheet of the dark example. */
const DARK_CSS = `
.dark-page {
  padding: 1rem;
  background: #15191e;
}
.dark-page lotse-service-finder {
  color-scheme: dark;
  --lotse-color-primary: #9ccaff;
  --lotse-color-on-primary: #0d1b2a;
  --lotse-color-text: #eef1f5;
  --lotse-color-muted: #c4ccd6;
  --lotse-color-surface: #15191e;
  --lotse-color-surface-alt: #212830;
  --lotse-color-border: #8c98a6;
  --lotse-color-focus: #ffb86b;
  --lotse-color-success: #7fdba6;
  --lotse-color-warning: #ffd27a;
  --lotse-color-danger: #ff9e96;
}
`;

/** A city's corporate colours (a dark petrol green), square corners, a marked card edge, round filter pills. */
export const CorporateColours: Story = {
  render: ({ feed, lang }) => html`<style>${CORPORATE_CSS}</style>
    <div class="hafenstadt">
      <lotse-service-finder lang=${ifDefined(lang || undefined)} feed=${ifDefined(typeof feed === 'string' ? feed : undefined)}></lotse-service-finder>
    </div>`,
};

/** On a dark page: every colour token set for a dark surface, and `color-scheme: dark` for the native controls. */
export const DarkBackground: Story = {
  render: ({ feed, lang }) => html`<style>${DARK_CSS}</style>
    <div class="dark-page">
      <lotse-service-finder lang=${ifDefined(lang || undefined)} feed=${ifDefined(typeof feed === 'string' ? feed : undefined)}></lotse-service-finder>
    </div>`,
};
