import { css } from 'lit';

export const consultStyles = css`
  .root {
    padding: var(--banshi-consult-padding, 16px);
    border: 1px solid var(--banshi-consult-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  textarea {
    min-height: 6em;
  }
  input[type='file'] {
    max-width: 100%;
    min-height: var(--_target);
    font: inherit;
  }
  .choice {
    display: flex;
  }
  .code {
    font-size: 1.4em;
    letter-spacing: 0.12em;
    font-family: monospace;
    overflow-wrap: anywhere;
  }
  details {
    border-left: 3px solid var(--_border);
    padding-left: 8px;
  }
  summary {
    min-height: var(--_target);
    cursor: pointer;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .mine {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .mine li {
    display: grid;
    gap: 2px;
  }
  .link {
    text-align: start;
  }
`;
