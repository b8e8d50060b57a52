import { css } from 'lit';

export const ratingStyles = css`
  .root {
    --_level-bg: var(--banshi-rating-level-background, var(--_surface));
    --_level-selected-bg: var(--banshi-rating-level-selected-background, var(--_primary));
    --_level-selected-text: var(--banshi-rating-level-selected-color, var(--_on-primary));
    --_bar: var(--banshi-rating-bar-color, var(--_primary));
    padding: var(--banshi-rating-padding, 16px);
    border: 1px solid var(--banshi-rating-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  form,
  .panel {
    display: grid;
    gap: var(--_gap);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: var(--_lh);
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
    margin-bottom: 0.4em;
    font-weight: 600;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .option {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.3em 0.9em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_level-bg);
    cursor: pointer;
  }
  .option input {
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .level.checked {
    border-color: var(--_primary);
    background: var(--_level-selected-bg);
    color: var(--_level-selected-text);
    font-weight: 600;
  }
  .option:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .kiosk .levels .options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7em, 1fr));
  }
  .kiosk .level {
    min-height: max(var(--_target), 4em);
    justify-content: center;
    font-size: 1.1em;
  }
  .count {
    color: var(--_muted);
    text-align: end;
  }
  .notice {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_danger);
    background: var(--_warning-bg);
  }
  .notice:focus {
    outline: 3px solid var(--_focus);
  }
  .link {
    min-height: auto;
    min-width: 0;
    background: none;
    color: var(--_danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .done {
    font-size: 1.2em;
    font-weight: 600;
    color: var(--_success);
  }
  .waiting {
    color: var(--_muted);
    font-weight: 600;
  }
  .rate {
    font-size: 2em;
    font-weight: 700;
    color: var(--_primary);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.4em;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-weight: normal;
  }
  thead th {
    font-weight: 600;
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    width: 40%;
  }
  .bar span {
    display: block;
    height: 0.8em;
    min-width: 2px;
    background: var(--_bar);
    border-radius: 2px;
  }
`;
