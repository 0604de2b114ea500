import { css } from 'lit';

export const hoursMapStyles = css`
  /* Reserved while the feed loads (styles.ts): one phone screen ("open now", filters and the first places).
     The first content is taller at every width from 320 px: it only grows, below the fold. */
  :host {
    --_loading-height: var(--lotse-loading-height, 52em);
  }
  .now {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    margin-block-end: var(--_space);
  }
  .tag {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
  }
  /* Success colour as text on the surface: one token that works on light and dark themes. */
  .now-tag {
    background: var(--_surface);
    border-color: var(--_success);
    color: var(--_success);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
    gap: var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
  }
  .field label {
    display: flex;
    align-items: center;
    gap: 0.3em;
    font-weight: 600;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_tap);
    cursor: pointer;
  }
  .check input {
    width: 1.4em;
    height: 1.4em;
    min-height: 0;
    margin: 0;
    accent-color: var(--_primary);
  }
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
  }
  .segmented {
    display: flex;
    gap: 0.25em;
  }
  [aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .count {
    margin-block: var(--_space);
    font-weight: 600;
  }
  .list,
  .slots {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list {
    display: grid;
    gap: var(--_space);
  }
  .entry {
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: 0.25em;
  }
  .entry.selected {
    border-color: var(--_primary);
    border-inline-start-width: 8px;
    background: var(--_surface-alt);
  }
  .entry p {
    display: flex;
    align-items: flex-start;
    gap: 0.4em;
  }
  .entry .icon {
    flex: none;
    margin-block-start: 0.1em;
  }
  button.name,
  button.link {
    justify-content: flex-start;
    text-align: start;
    border-color: transparent;
    padding-inline: 0.2em;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  button.name {
    width: 100%;
    font-size: 1em;
    min-width: 0;
    /* Long German compounds must not widen a 360 px phone. */
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: 600;
  }
  .status.open {
    color: var(--_success);
  }
  .status.soon {
    color: var(--_warning);
  }
  .status.closed,
  .status.none,
  .hint {
    color: var(--_muted);
  }
  .hint {
    display: flex;
    gap: 0.4em;
    align-items: center;
    margin-block: 0.25em;
  }
  .details {
    display: grid;
    gap: var(--_space);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  h4 {
    margin: 0;
  }
  .slots {
    display: grid;
    gap: 0.3em;
  }
  .slots li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.75em;
    padding-block: 0.2em;
  }
  .kind,
  .slots li > span {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .week {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .day h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    padding-block-end: 0.2em;
    border-block-end: 2px solid var(--_border);
    margin-block-end: 0.3em;
  }
  .day.today h3 {
    border-color: var(--_success);
  }
  .slots li.live {
    border-inline-start: 6px solid var(--_success);
    padding-inline-start: 0.4em;
    background: var(--_surface-alt);
  }
  .more {
    margin-block-start: var(--_space);
    width: 100%;
  }
  .map {
    margin-block-end: var(--_space);
  }
  .consent {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    padding: calc(var(--_space) * 2);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .consent .title {
    display: flex;
    gap: 0.4em;
    align-items: center;
    font-weight: 700;
  }
  .map-canvas {
    height: var(--lotse-map-height, 22em);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .revoke {
    margin-block-start: 0.3em;
    font-weight: 400;
    border-color: transparent;
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    .now-tag {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
      border-color: ButtonFace;
    }
    .entry.selected {
      outline-color: Highlight;
      border-color: Highlight;
    }
  }
  @media print {
    .entry {
      break-inside: avoid;
    }
  }
`;
