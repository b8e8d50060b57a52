import { css } from 'lit';

export const consultStyles = css`
  .root {
    padding: var(--banshi-consult-padding, 16px);
    border: 1px solid var(--banshi-consult-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  form,
  fieldset,
  .field,
  .done {
    display: grid;
    gap: var(--_gap);
  }
  .field {
    gap: 4px;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  legend,
  label,
  dt {
    font-weight: 600;
  }
  h2,
  p,
  dl,
  dd {
    margin: 0;
    line-height: var(--_lh);
  }
  textarea,
  input[type='text'],
  input[type='tel'] {
    min-height: var(--_target);
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.4em 0.6em;
    font: inherit;
  }
  textarea {
    min-height: 6em;
  }
  button {
    min-height: var(--_target);
    justify-self: start;
    font: inherit;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: var(--_target);
    font-weight: 400;
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
`;
