import { css } from 'lit';

export const quickCheckStyles = css`
  /* The height of the intro screen, kept from loading on (styles.ts) through every screen: the
     host page does not jump when the feed and the questions arrive, nor from screen to screen.
     Below 372 px the toolbar and the intro wrap into more lines (436–460 px high at 16 px text). */
  :host {
    --_loading-height: var(--lotse-loading-height, 20.5em);
  }
  @container (max-width: 371px) {
    [part='base'] {
      --_loading-height: var(--lotse-loading-height, 29em);
    }
  }
  [part='base'] {
    min-height: var(--_loading-height);
  }
  .screen {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .screen > h3 {
    font-size: 1.3em;
  }
  .screen > h3:focus {
    outline: none;
  }
  .screen > h3:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .hint,
  .progress,
  .meta {
    color: var(--_muted);
  }
  .progress {
    font-weight: 600;
  }
  .progress:not(:empty) {
    margin-block-end: var(--_space);
  }
  .facts {
    display: grid;
    gap: var(--_space);
    padding: 0;
    list-style: none;
  }
  .facts li,
  .why,
  .emergency {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .facts .icon,
  .why .icon {
    flex: none;
    margin-block-start: 0.15em;
  }
  .answers {
    display: grid;
    gap: var(--_space);
  }
  .answers button {
    justify-content: flex-start;
    text-align: start;
    min-height: calc(var(--_tap) * 1.25);
    font-size: 1.05em;
  }
  .answers .icon {
    flex: none;
    width: 1.6em;
    height: 1.6em;
  }
  .answers .unknown {
    border-style: dashed;
  }
  .nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  button.link {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    padding-inline: 0.3em;
  }
  [dir='rtl'] .icon-back,
  [dir='rtl'] .icon-forward {
    transform: scaleX(-1);
  }
  .steps {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding-inline-start: 1.6em;
  }
  .step {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .step::marker {
    font-weight: 700;
    font-size: 1.1em;
  }
  .step > * + * {
    margin-block-start: var(--_space);
  }
  .step h4 {
    font-size: 1.1em;
  }
  .why {
    font-style: italic;
  }
  .label {
    font-weight: 700;
  }
  .bring,
  .services {
    margin-block-start: 0.25em;
    padding-inline-start: 1.25em;
  }
  .services {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .service {
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_primary);
  }
  .service .name {
    font-weight: 700;
  }
  .service .open {
    color: var(--_success);
    font-weight: 600;
  }
  .service a {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: var(--_tap);
  }
  .meta {
    font-size: 0.9em;
  }
  /* The source link stands on its own line part: a full tap target (44 px), not a 16 px line. */
  .meta a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_tap);
  }
  .emergency {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .emergency a {
    min-height: var(--_tap);
    min-width: var(--_tap);
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .print-only {
    display: none;
  }
  .qr svg {
    width: 30mm;
    height: 30mm;
  }
  @media (forced-colors: active) {
    .step,
    .service,
    .emergency {
      border-color: CanvasText;
    }
  }
  @media print {
    :host {
      font-size: 10pt;
      line-height: 1.3;
    }
    .print-only {
      display: block;
    }
    button,
    .actions,
    .nav,
    .picker,
    [part='toolbar'] {
      display: none !important;
    }
    [part='base'] {
      padding: 0;
    }
    .screen {
      gap: 0.5em;
    }
    .steps {
      gap: 0.4em;
    }
    .step {
      padding: 0.3em 0.5em;
      border-width: 1px;
      background: none;
      break-inside: avoid;
    }
    .step > * + * {
      margin-block-start: 0.2em;
    }
    /* Things to bring on one line, the fine print smaller: a longer checklist still fits. */
    .bring {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.2em;
      padding-inline-start: 1em;
    }
    .meta,
    .why,
    .ask {
      font-size: 8.5pt;
    }
    .service a,
    .meta a,
    .emergency a {
      min-height: 0;
      min-width: 0;
      color: #000;
      text-decoration: none;
    }
    .emergency {
      background: none;
    }
    .slip-head {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      align-items: flex-start;
    }
    .qr {
      flex: none;
      margin: 0;
      text-align: center;
      font-size: 8pt;
    }
  }
`;
