import { css } from 'lit';

export const guideStyles = css`
  .root {
    padding: var(--banshi-guide-padding, 16px);
  }
  .actions,
  .options,
  .toc ul {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: var(--_gap) 0;
    padding: 0;
    list-style: none;
  }
  .toc a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    padding: 0 0.5em;
  }
  .section {
    border-top: 3px solid var(--_accent);
    margin-top: var(--_gap);
  }
  /* In traditional Mongolian the sections lie side by side beyond the box: each is laid out when scrolled
     near, as shaping them all took a third of the page's layout at start-up. A jump lays out all first
     (engines without scroll anchoring would land beside a section that then takes its real size). */
  :host(:lang(mn-Mong)) .sections:not(.laid-out) > .section {
    /* stylelint-disable-next-line plugin/no-unsupported-browser-features -- older engines lay out all */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 20em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 8px var(--_gap);
    margin: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 var(--_gap);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: var(--_target);
    padding: 0 0.8em 0 0.4em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option input {
    width: 1.25em;
    height: 1.25em;
    accent-color: var(--_primary);
  }
  /* A class, not :has(:checked), which Chromium before 105 and Safari 15.0–15.3 lack. */
  .option.checked {
    border-color: var(--_primary);
    background: var(--_tint);
  }
  .materials,
  .steps {
    padding-inline-start: 1.5em;
  }
  .materials > li,
  .steps > li,
  .plain > li {
    margin: 0 0 var(--_gap);
  }
  .materials a {
    display: block;
  }
  .count {
    font-weight: 600;
  }
  .tag.required {
    font-weight: 600;
  }
  .tag.ok {
    border-color: var(--_success);
  }
  details summary {
    min-height: var(--_target);
    cursor: pointer;
    font-weight: 600;
    display: list-item;
  }
  /*
   * A loaded guide is longer than a screen, so the skeleton takes a whole screen: what follows the guide
   * on the page (a footer) is below the fold before and after, and nothing in view moves.
   */
  .skeleton {
    min-height: 20em;
    min-height: max(20em, 100vh);
  }
  /* The same for the sections still to be drawn, along the way the guide grows (sideways in Mongolian). */
  .rest {
    min-block-size: max(20em, 100vh);
  }
  .bone {
    background: var(--_tint);
    border-radius: var(--_radius);
    margin: 0 0 var(--_gap);
  }
  .bone.title {
    height: 2.25em;
    width: 60%;
  }
  .bone.line {
    height: 1.5em;
    width: 90%;
  }
  .bone.box {
    height: 14em;
  }
  .print-only {
    display: none;
  }
  @media print {
    .root {
      padding: 0;
      font-size: 10pt;
      line-height: 1.3;
    }
    .actions,
    .toc,
    .no-print,
    .badges,
    header .text,
    .s-steps,
    .s-basis,
    .s-faq,
    .s-situations .hint {
      display: none;
    }
    .print-only {
      display: block;
    }
    .print-qr {
      float: right;
      width: 28mm;
      margin-inline-start: 4mm;
      text-align: center;
    }
    .print-qr svg {
      width: 24mm;
      height: 24mm;
    }
    h2 {
      font-size: 1.4em;
      margin: 0;
    }
    h3,
    h4 {
      font-size: 1.05em;
      margin: 4px 0 2px;
    }
    .section,
    :host(:lang(mn-Mong)) .sections:not(.laid-out) > .section {
      margin-top: 4px;
      border-top-width: 1px;
      /* stylelint-disable-next-line plugin/no-unsupported-browser-features -- as above */
      content-visibility: visible;
    }
    .facts {
      grid-template-columns: repeat(3, 1fr);
      gap: 0 8px;
    }
    .facts div,
    .material > *,
    .plain > li > *,
    .tags li {
      display: inline;
      margin: 0 0.4em 0 0;
    }
    dt::after {
      content: '：';
    }
    .materials > li,
    .plain > li {
      margin: 0 0 2px;
      break-inside: avoid;
    }
    .print-title {
      font-weight: 700;
    }
  }
`;
