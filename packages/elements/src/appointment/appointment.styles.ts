import { css } from 'lit';

export const appointmentStyles = css`
  .root {
    padding: var(--banshi-appointment-padding, 16px);
    border: 1px solid var(--banshi-appointment-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .choice {
    display: inline-flex;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .choice.off {
    opacity: 0.7;
  }
  input[type='text'],
  input[type='tel'] {
    max-width: 20em;
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
