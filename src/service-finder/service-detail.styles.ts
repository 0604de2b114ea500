import { css } from 'lit';

/**
 * The detail view's rules (the finder's own are in service-finder.styles.ts): they come with
 * its chunk, and the finder adds them to its shadow root when it loads the chunk.
 */
export const detailStyles = css`
  [dir='rtl'] .icon-back {
    transform: scaleX(-1);
  }
  .detail {
    display: grid;
    /* One column that never grows past the widget (a track's default minimum is its widest content). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .back {
    justify-self: start;
    border-color: var(--_border);
    color: var(--_text);
  }
  #lotse-detail-title {
    overflow-wrap: anywhere;
  }
  #lotse-detail-title:focus {
    outline: none;
  }
  #lotse-detail-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .description {
    white-space: pre-line;
  }
  .needs ul,
  .hours ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .needs li {
    display: flex;
    gap: 0.4em;
    align-items: center;
    color: var(--_success);
  }
  .contact-actions,
  .detail-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .location {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .location .button {
    justify-self: start;
  }
  .district {
    color: var(--_muted);
  }
  .hours {
    border-collapse: collapse;
    width: 100%;
  }
  .hours th,
  .hours td {
    text-align: start;
    vertical-align: top;
    padding: 0.35em 0.5em;
    border-block-end: 1px solid var(--_surface-alt);
  }
  .hours th {
    width: 1%;
    /* A weekday breaks only where a word does ("Donnerstag" stays whole). */
    overflow-wrap: normal;
  }
  .hours th,
  .hours td {
    padding-inline: 0.25em;
  }
  .hours tr[data-today] {
    background: var(--_surface-alt);
  }
  .hours li span {
    display: block;
    color: var(--_muted);
  }
  .hours li + li {
    margin-block-start: 0.35em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.95em;
  }
  /* Empty, the note stays in the accessibility tree (a live region must exist before its text). */
  .action-note:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  @media print {
    .back,
    .detail-actions,
    .action-note {
      display: none !important;
    }
    .button {
      border: 0;
      padding: 0;
      min-height: 0;
      color: #000;
    }
    .detail {
      font-size: 11pt;
    }
  }
`;
