import { css } from 'lit';

export const searchStyles = css`
  .root {
    padding: var(--banshi-search-padding, 16px);
  }
  .label,
  legend {
    display: block;
    padding: 0;
    font-weight: 600;
  }
  .box {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .combo {
    position: relative;
    flex: 1;
  }
  input[type='search'],
  select {
    width: 100%;
    min-height: var(--_target);
    padding: 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [role='listbox'] {
    position: absolute;
    z-index: 2;
    /* left/right, not inset-inline: Chromium 86 lacks the inset-* properties. */
    left: 0;
    right: 0;
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [role='option'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.4em;
    min-height: var(--_target);
    padding: 0 0.6em;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_tint);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    font-weight: 600;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px var(--_gap);
    margin: var(--_gap) 0 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    flex: 1 1 12em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: var(--_target);
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
  }
  .result {
    padding: var(--_gap) 0;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-size: 1.125em;
    font-weight: 600;
  }
  a.name {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
  }
  .pager {
    display: flex;
    gap: 8px;
    margin-top: var(--_gap);
  }
  #results-title:focus {
    outline: none;
  }
  .browse .audiences,
  .browse .themes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0 0 var(--_gap);
    padding: 0;
    list-style: none;
  }
  .browse [aria-pressed='true'] {
    border-color: var(--_primary);
    background: var(--_tint);
  }
  .browse .popular {
    margin: 0 0 var(--_gap);
  }
`;
