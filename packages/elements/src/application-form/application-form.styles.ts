import { css } from 'lit';

export const applicationFormStyles = css`
  .root {
    --_bar: var(--banshi-application-form-progress-color, var(--_primary));
    padding: var(--banshi-application-form-padding, 16px);
    border: 1px solid var(--banshi-application-form-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  form,
  .field,
  .section,
  .entry {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.3;
  }
  h3 {
    margin: 0.5em 0 0;
    font-size: 1.2em;
  }
  p {
    margin: 0;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .entry {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend,
  label,
  dt {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: 0.4em;
  }
  .field.invalid {
    border-inline-start: 5px solid var(--_danger);
    padding-inline-start: 12px;
  }
  /* One :not() per type: Chromium 86–87 drop a rule with a selector list inside :not(). doiuse reads these
     chained single :not()s (CSS Selectors 3, supported everywhere) as lists, hence the comments. */
  /* stylelint-disable-next-line plugin/no-unsupported-browser-features */
  input:not([type='radio']):not([type='checkbox']):not([type='file']),
  select {
    display: block;
    width: 100%;
    max-width: 32em;
    min-height: var(--_target);
    padding: 0.3em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* As specific as the rule above, which it narrows. */
  /* stylelint-disable-next-line plugin/no-unsupported-browser-features */
  input:not([type='radio']):not([type='checkbox']):not([type='file']).short {
    max-width: 14em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  /* The region picker, then the street: one column that wraps its lists on a narrow screen. */
  .address {
    display: grid;
    gap: 8px;
    max-width: 40em;
  }
  .address banshi-region-picker.invalid::part(select) {
    border-color: var(--_danger);
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .options,
  .actions,
  .region-level {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .option,
  .file-choose {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_target);
    padding: 0.3em 0.9em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: normal;
    cursor: pointer;
  }
  /* A button's width, not the field's: the field is a grid column, which stretches what it holds. */
  .file-choose {
    flex-wrap: wrap;
    justify-self: start;
    max-width: 100%;
  }
  /* The browser's file box has a wide intrinsic size; on a phone it narrows to the row (its text clipped). */
  .file-choose input {
    min-width: 0;
    max-width: 100%;
  }
  .option input {
    width: 1.2em;
    height: 1.2em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .option:focus-within,
  .file-choose:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .caption,
  .progress,
  .tag {
    color: var(--_muted);
  }
  .back,
  a {
    color: var(--_primary);
    text-decoration: underline;
  }
  .step-list {
    margin: 0 0 1em;
    padding-inline-start: 1.5em;
    color: var(--_muted);
  }
  .step-list .current {
    color: inherit;
    font-weight: bold;
  }
  .step-list .skipped .name {
    text-decoration: line-through;
  }
  /* A step's tag is a label of its own beside the name, never run into it. */
  .step-list .tag {
    display: inline-block;
    margin-inline-start: 0.6em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    line-height: 1.4;
  }
  .back {
    display: inline-block;
    margin-bottom: 0.5em;
    padding: 0.4em 0;
  }
  .notice {
    padding: 0.75em 1em;
    border-inline-start: 6px solid var(--_danger);
    background: var(--_warning-bg);
    border-radius: var(--_radius);
  }
  .notice.info {
    border-color: var(--_primary);
    background: var(--_tint);
  }
  .link {
    min-height: var(--_target);
    background: none;
    color: var(--_primary);
  }
  dl.summary {
    margin: 0;
  }
  .row,
  .code-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .row dt {
    flex: 1 1 10em;
  }
  .row dd {
    flex: 2 1 12em;
    margin: 0;
  }
  .row dd.change {
    flex: 0 0 auto;
  }
  .files {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    padding: 0.4em 0;
  }
  /* A long file name or message breaks rather than widening the row. */
  .file > span,
  .material .hint {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .thumbnail {
    width: 64px;
    height: 64px;
    object-fit: cover;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  progress {
    width: 10em;
    accent-color: var(--_bar);
  }
  .ok {
    color: var(--_success);
    font-weight: 600;
  }
  .statement {
    padding: 0.75em;
    background: var(--_tint);
    border-radius: var(--_radius);
  }
  .panel {
    padding: 1.2em;
    background: var(--banshi-application-form-panel-background, var(--_success));
    color: var(--banshi-application-form-panel-color, #fff);
    border-radius: var(--_radius);
    text-align: center;
  }
  .panel dd {
    margin: 0;
  }
  .panel .code-row {
    justify-content: center;
    align-items: center;
    border: 0;
  }
  code {
    font-size: 1.4em;
    font-weight: 700;
    letter-spacing: 0.05em;
    margin-inline-end: 0.5em;
  }
  .panel button {
    border-color: currentColor;
    color: inherit;
    background: transparent;
  }
  .tracker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }
  .tracker p {
    flex: 1 1 14em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .qr {
    width: 8em;
    height: 8em;
  }
  @media print {
    .noprint {
      display: none !important;
    }
    .root {
      border: 0;
    }
  }
  /* A value from 统一身份认证: read-only, marked by its source rather than greyed out (it stays legible). */
  input[readonly] {
    border-style: dashed;
    background: var(--_tint);
  }
  .verified {
    color: var(--_text);
    font-weight: 600;
  }
  .verified::before {
    content: '✓ ';
    color: var(--_primary);
  }
  .gate {
    display: grid;
    gap: var(--_gap);
  }
`;
