import { css } from 'lit';

/**
 * Design tokens, in two tiers. Public system tokens `--lotse-*` are what a city sets (on the
 * widget or any ancestor); components only read the private `--_*` copies below, so every
 * token has one default in one place.
 *
 * The list of tokens with their meaning is the JSDoc of `LotseElement` (base-element.ts), which
 * `custom-elements.json` and Storybook show.
 */
export const tokens = css`
  :host {
    --_primary: var(--lotse-color-primary, #0b57a4);
    --_on-primary: var(--lotse-color-on-primary, #ffffff);
    --_text: var(--lotse-color-text, #1b1f24);
    --_muted: var(--lotse-color-muted, #4d5761);
    --_surface: var(--lotse-color-surface, #ffffff);
    --_surface-alt: var(--lotse-color-surface-alt, #f3f6f9);
    --_border: var(--lotse-color-border, #8a949e);
    --_focus: var(--lotse-color-focus, #c2410c);
    --_success: var(--lotse-color-success, #17663a);
    --_warning: var(--lotse-color-warning, #8a4b00);
    --_danger: var(--lotse-color-danger, #b3261e);
    --_font: var(--lotse-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    /* 'medium' is the visitor's default font size, independent of the host's root size (a
       theme's "html { font-size: 62.5% }" would make 1rem 10px); sizes inside are em. */
    --_size: var(--lotse-font-size, medium);
    --_radius: var(--lotse-radius, 0.5em);
    --_space: var(--lotse-space, 0.5em);
    --_tap: var(--lotse-tap-size, 44px);
  }
  /* Forced colours (Windows high contrast): every token is a system colour, so a state that
     keeps its own colours (forced-color-adjust: none) can only show system colours, whatever
     selector set it. */
  @media (forced-colors: active) {
    :host {
      --_primary: Highlight;
      --_on-primary: HighlightText;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_border: CanvasText;
      --_focus: Highlight;
      --_success: CanvasText;
      --_warning: CanvasText;
      --_danger: CanvasText;
    }
  }
`;

/** What every widget shares: a reset against host styles, focus, buttons, states. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  /* Defined, but its first render waits for a task of its own (base-element.ts): the box
     keeps the loading height (the inner box's font size, as --_loading-height is in em). */
  :host(:state(unrendered)) {
    min-height: var(--_loading-height, auto);
    font-size: var(--_size);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Text settings live on the inner box, not on :host: a host page's
     '* { color: red !important }' reaches the host element but not inside the shadow root. */
  [part='base'] {
    padding: var(--_space);
    color: var(--_text);
    background: var(--_surface);
    font: 400 var(--_size) / 1.5 var(--_font);
    /* Letter and word spacing are inherited, not reset: a visitor's own spacing (a user style
       sheet, a reading aid) must reach the text (WCAG 1.4.12). */
    text-align: start;
    text-transform: none;
    /* 'anywhere', not 'break-word': a long word ("Antidiskriminierungsberatung", a Romanian
       chip) then counts as breakable when boxes size themselves, so no box is wider than a
       320 px screen or 200 % text (WCAG 1.4.10, 1.4.4); words break only where they must. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  h2, h3, h4, p, ul, ol, dl, dd, figure {
    margin: 0;
  }
  h2 { font-size: 1.25em; line-height: 1.3; }
  h3 { font-size: 1.1em; line-height: 1.3; }
  a {
    color: var(--_primary);
    text-underline-offset: 0.15em;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: var(--_tap);
    min-width: var(--_tap);
    max-width: 100%;
    padding: 0.4em 0.9em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  button.primary,
  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  select,
  input,
  textarea {
    /* A select is as wide as its longest option: never wider than its box. */
    max-width: 100%;
    min-height: var(--_tap);
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [dir='rtl'] .flip {
    transform: scaleX(-1);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .picker {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    margin-inline-start: auto;
  }
  .picker label {
    display: inline-flex;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .state.error {
    border-color: var(--_danger);
  }
  /* Until the feed is there the widget has the height of its first content (each widget sets
     --_loading-height; docs/theming.md), so the host page does not jump when it arrives. The
     loading box fills that space. */
  [part='base']:has(> .state.loading) {
    display: flex;
    flex-direction: column;
    min-height: var(--_loading-height, auto);
  }
  [part='base'] > .state.loading {
    flex: 1 0 auto;
  }
  .state progress {
    inline-size: min(100%, 16em);
    block-size: 0.75em;
    accent-color: var(--_primary);
  }
  .state .title {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 700;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: 0.4em;
    margin-block: var(--_space);
    padding: 0.4em 0.6em;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  .spinner {
    width: 1.5em;
    height: 1.5em;
    border: 3px solid var(--_border);
    border-block-start-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .button,
    select,
    input,
    textarea,
    .state {
      border-color: ButtonText;
    }
    /* Pressed buttons and main actions keep their colours, which are system colours here (the
       tokens above); a selected container (aria-current) is marked by its border instead. */
    button.primary,
    .button.primary,
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .no-print {
      display: none !important;
    }
  }
`;
