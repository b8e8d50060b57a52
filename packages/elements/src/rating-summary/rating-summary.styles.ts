import { css } from 'lit';

export const ratingSummaryStyles = css`
  .root {
    padding: var(--banshi-rating-summary-padding, 16px);
    border: 1px solid var(--banshi-rating-summary-border-color, var(--_border));
    border-radius: var(--_radius);
    display: grid;
    /* A wide table scrolls inside its box instead of widening the widget past a 320 px screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  .ranking {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
    line-height: var(--_lh);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    gap: var(--_gap);
    margin: 0;
  }
  .figures div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 600;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 4px 0;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 4px 8px;
    text-align: start;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
    white-space: normal;
    min-width: 6em;
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .red caption {
    border-inline-start: 4px solid var(--banshi-rating-summary-red, #b3261e);
    padding-inline-start: 8px;
  }
  .black caption {
    border-inline-start: 4px solid var(--banshi-rating-summary-black, #1f2328);
    padding-inline-start: 8px;
  }
  .notice {
    color: var(--_danger);
  }
  button {
    min-height: var(--_target);
    min-width: var(--_target);
    font: inherit;
    justify-self: start;
  }
`;
