import { css } from 'lit';

export const contactFormStyles = css`
  /* Reserved while the feed loads (styles.ts): one phone screen (the first fields).
     The first content is taller at every width from 320 px: it only grows, below the fold.
     Without an endpoint the form is not shown, only a short notice (266 px at 412 px). */
  :host {
    --_loading-height: var(--lotse-loading-height, 16.5em);
  }
  :host([endpoint]) {
    --_loading-height: var(--lotse-loading-height, 52em);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 3);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  .label {
    display: block;
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 700;
    font-size: 1.05em;
  }
  .field {
    display: flex;
    flex-direction: column;
    align-items: stretch;
  }
  .hint {
    margin-block-end: calc(var(--_space) / 2);
    color: var(--_muted);
  }
  input[type='tel'],
  input[type='email'],
  input[type='text'],
  select {
    max-width: 24em;
  }
  textarea {
    min-height: 7em;
    resize: vertical;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10em), 1fr));
    gap: var(--_space);
  }
  .choices.days {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 7em), 1fr));
    margin-block-end: var(--_space);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_tap);
    padding: 0.35em 0.7em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_surface-alt);
    box-shadow: inset 0 0 0 1px var(--_primary);
  }
  /* The label may shrink below its longest word ("Deutschkurse" at 200 % text): it wraps
     inside its box instead of spilling out (overflow-wrap: anywhere from the base). */
  .choice > span {
    flex: 1 1 auto;
    min-width: 0;
  }
  .choice input {
    flex: none;
    width: 1.4em;
    height: 1.4em;
    min-height: 0;
    margin: 0;
    accent-color: var(--_primary);
  }
  .choice .icon {
    flex: none;
    color: var(--_primary);
  }
  .invalid input:not([type='radio']):not([type='checkbox']),
  .invalid textarea,
  .invalid .choice {
    border-color: var(--_danger);
  }
  .invalid {
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_danger);
  }
  .error-message {
    margin-block-end: calc(var(--_space) / 2);
    color: var(--_danger);
    font-weight: 700;
  }
  .error-summary {
    padding: calc(var(--_space) * 2);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    margin-block-start: var(--_space);
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 700;
    display: inline-block;
    min-height: var(--_tap);
    padding-block: 0.5em;
  }
  .preset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .preset strong {
    flex: 1 1 12em;
  }
  .privacy,
  .warning {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    padding: var(--_space);
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
  }
  .warning {
    border-inline-start-color: var(--_warning);
    margin-block-end: calc(var(--_space) / 2);
  }
  .privacy .icon,
  .warning .icon {
    flex: none;
    margin-block-start: 0.15em;
  }
  .privacy a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_tap);
  }
  .privacy p + p {
    margin-block-start: calc(var(--_space) / 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
  }
  .questions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 3);
  }
  .delivery,
  .rejected {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .rejected {
    border-color: var(--_danger);
  }
  .confirmation {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 3px solid var(--_success);
    border-radius: var(--_radius);
  }
  .confirmation h3 {
    display: flex;
    align-items: center;
    gap: 0.4em;
    color: var(--_success);
  }
  .reference {
    font-size: 1.4em;
    font-weight: 700;
    letter-spacing: 0.08em;
  }
  .honeypot {
    display: none !important;
  }
  [dir='rtl'] .icon-send {
    transform: scaleX(-1);
  }
  @media (forced-colors: active) {
    .choice:has(input:checked),
    .invalid,
    .error-summary,
    .confirmation {
      border-color: Highlight;
    }
  }
`;
