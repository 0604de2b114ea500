import { css } from 'lit';

export const finderStyles = css`
  /* Reserved while the feed loads (styles.ts): one phone screen (search, filters and the first cards).
     The first content is taller at every width from 320 px: it only grows, below the fold. */
  :host {
    --_loading-height: var(--lotse-loading-height, 52em);
  }
  .toolbar h2 {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .search-label {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  .search-row {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search-row > svg {
    position: absolute;
    inset-inline-start: 0.7em;
    color: var(--_muted);
    pointer-events: none;
  }
  .search-row input {
    width: 100%;
    padding-inline-start: 2.4em;
    font-size: 1.1em;
  }
  .quick,
  .categories,
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin-block: var(--_space);
  }
  .chip {
    border-width: 2px;
    border-color: var(--_border);
    color: var(--_text);
    font-weight: 500;
    border-radius: 999px;
    padding-inline: 0.8em;
  }
  .chip[aria-pressed='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .chip-count {
    font-size: 0.85em;
    min-width: 1.6em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
  }
  .chip[aria-pressed='true'] .chip-count {
    background: var(--_on-primary);
    color: var(--_primary);
  }
  .toggle {
    border-color: var(--_border);
    color: var(--_text);
  }
  .group {
    border: 0;
    padding: 0;
    margin: var(--_space) 0;
  }
  .group legend {
    font-weight: 700;
    padding: 0;
  }
  .place {
    margin-block: var(--_space);
    padding: var(--_space);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  /* A live region that is always there (empty until the position is refused). */
  .place-note:not(:empty) {
    display: flex;
    align-items: flex-start;
    gap: 0.4em;
    margin-block-start: var(--_space);
    padding: var(--_space) var(--_space) 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface-alt);
  }
  .place-note:focus {
    outline: none;
  }
  .place-note:not(:empty) + .place {
    margin-block-start: 0;
    border-radius: 0 0 var(--_radius) var(--_radius);
  }
  .place-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .place-row label {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block: var(--_space);
  }
  .count {
    font-weight: 700;
  }
  .near-label {
    font-weight: 400;
    color: var(--_muted);
  }
  .reset {
    border-color: var(--_border);
    color: var(--_text);
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .card {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card h3 {
    margin: 0;
  }
  .card-title {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    padding: 0.3em 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-size: inherit;
    font-weight: 700;
  }
  .card-title > span:nth-of-type(2) {
    flex: 1;
    min-width: 0;
    /* Long German compounds ("Antidiskriminierungsberatung") must not widen a 360 px phone. */
    overflow-wrap: anywhere;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  [dir='rtl'] .icon-forward {
    transform: scaleX(-1);
  }
  .card-icons {
    display: inline-flex;
    gap: 0.2em;
  }
  .summary {
    margin-block: 0.2em;
  }
  .meta {
    display: flex;
    align-items: flex-start;
    gap: 0.4em;
    margin-block: 0.2em;
    color: var(--_text);
  }
  .meta > svg {
    flex: none;
    margin-block-start: 0.15em;
  }
  .opening.open {
    color: var(--_success);
    font-weight: 700;
  }
  .opening.soon,
  .opening.closed {
    color: var(--_warning);
    font-weight: 700;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin-block: 0.3em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: var(--_surface-alt);
    font-size: 0.9em;
  }
  .badge.free {
    color: var(--_success);
    font-weight: 700;
  }
  .more {
    width: 100%;
    margin-block-start: var(--_space);
  }
  :host([view='compact']) .summary,
  :host([view='compact']) .badges,
  :host([view='compact']) .card .meta:not(.opening) {
    display: none;
  }
  /* On a phone the filter rows scroll sideways, so results start on the first screen. */
  @container (max-width: 40rem) {
    .quick,
    .categories {
      flex-wrap: nowrap;
      overflow-x: auto;
      padding-block: 4px;
      padding-inline: 4px;
      margin-inline: -4px;
      scrollbar-width: thin;
    }
    .chip {
      flex: none;
    }
  }
  @container (min-width: 40rem) {
    .results {
      grid-template-columns: repeat(auto-fill, minmax(18em, 1fr));
    }
  }
  @media print {
    .search,
    .quick,
    .categories,
    .more-filters,
    .results-head,
    .picker {
      display: none !important;
    }
  }
`;
