import { css } from 'lit';

export const appointmentStyles = css`
  .root {
    padding: var(--banshi-appointment-padding, 16px);
    border: 1px solid var(--banshi-appointment-border-color, var(--_border));
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
  p {
    margin: 0;
    line-height: var(--_lh);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: var(--_target);
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
  }
  .choice.off {
    opacity: 0.7;
  }
  input[type='text'],
  input[type='tel'] {
    min-height: var(--_target);
    max-width: 20em;
    padding: 0.4em 0.6em;
    font: inherit;
  }
  button {
    min-height: var(--_target);
    justify-self: start;
    font: inherit;
  }
  .code {
    font-size: 1.6em;
    letter-spacing: 0.15em;
    font-family: monospace;
  }
  .qr {
    width: 160px;
    height: 160px;
  }
  .ticket {
    font-size: clamp(3em, 18vw, 6em);
    font-weight: 700;
    line-height: 1.1;
    color: var(--banshi-appointment-ticket-color, var(--_primary));
  }
`;
