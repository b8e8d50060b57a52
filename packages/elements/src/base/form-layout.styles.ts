import { css } from 'lit';

/**
 * The layout of a widget's small forms (我要问, 预约): fields stacked on a grid, bold labels, text inputs
 * and buttons at least the target size, and choice labels as tall as a target.
 */
export const formLayoutStyles = css`
  form,
  fieldset,
  .field,
  .done {
    display: grid;
    /* A wide control (a file input in elder mode) shrinks rather than widen the column past 320 px. */
    grid-template-columns: minmax(0, 1fr);
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
  button {
    min-height: var(--_target);
    justify-self: start;
    font: inherit;
  }
  .choice {
    align-items: center;
    gap: 6px;
    min-height: var(--_target);
    font-weight: 400;
  }
`;
