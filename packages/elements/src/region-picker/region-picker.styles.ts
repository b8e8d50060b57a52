import { css } from 'lit';

export const regionPickerStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .levels {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  label {
    display: flex;
    flex: 1 1 10em;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  select {
    width: 100%;
    min-height: var(--_target);
    padding: 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .notice {
    margin: 8px 0 0;
  }
  .notice.error {
    color: var(--banshi-color-danger, #b3261e);
  }
`;
