import { css } from 'lit';

/** Styles shared by the item search and the guide: badges, tags, notices, plain lists. */
export const itemStyles = css`
  .root {
    --_accent: var(--banshi-item-accent, var(--_primary));
    --_tag-bg: var(--banshi-item-tag-background, var(--_tint));
  }
  h2,
  h3,
  h4 {
    margin: 0.6em 0 0.3em;
    line-height: var(--_lh);
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.25em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0.3em 0;
  }
  a {
    color: var(--_primary);
  }
  .text {
    white-space: pre-line;
  }
  .badges,
  .tags,
  .plain {
    list-style: none;
    margin: 0.3em 0;
    padding: 0;
  }
  .badges,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .badge,
  .tag {
    padding: 0 0.5em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_tag-bg);
    color: var(--_text);
    font-size: 0.875em;
  }
  .badge {
    color: var(--_primary-strong);
    font-weight: 600;
  }
  .notice {
    padding: var(--_gap);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .error-box {
    border-color: var(--_danger);
  }
`;
