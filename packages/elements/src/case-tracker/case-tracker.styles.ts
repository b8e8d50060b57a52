import { css } from 'lit';

export const trackerStyles = css`
  .root {
    --_line: var(--banshi-case-tracker-line-color, var(--_primary));
    --_late: var(--banshi-case-tracker-overdue-color, var(--_danger));
    padding: var(--banshi-case-tracker-padding, 16px);
    border: 1px solid var(--banshi-case-tracker-border-color, var(--_border));
    border-radius: var(--_radius);
  }
  form,
  section,
  .panel,
  .field {
    display: grid;
    gap: var(--_gap);
  }
  .field {
    gap: 4px;
  }
  h2,
  h3,
  p {
    margin: 0;
    line-height: var(--_lh);
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  .label,
  dt {
    font-weight: 600;
  }
  input {
    min-height: var(--_target);
    max-width: 24em;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='file'] {
    border-style: dashed;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .notice {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_danger);
    background: var(--_warning-bg);
  }
  .notice.done {
    border-color: var(--_success);
    background: var(--_tint);
  }
  .link {
    min-height: auto;
    min-width: 0;
    background: none;
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
  }
  /* Outcomes read at a glance, never by colour alone: the words say it too. */
  .badge.state-approved,
  .badge.state-concluded,
  .badge.state-delivered,
  .badge.bundle-concluded,
  .badge.bundle-delivered,
  .decision.approved strong {
    color: var(--_success);
    border-color: var(--_success);
  }
  .badge.state-rejected,
  .badge.state-denied,
  .badge.state-revoked,
  .decision.revoked strong,
  .decision.denied strong,
  .decision.rejected strong {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .overdue,
  .late {
    color: var(--_late);
    border-color: var(--_late);
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 8px var(--_gap);
    margin: 0;
  }
  dd {
    margin: 0;
  }
  .missing {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding-inline-start: 1.4em;
  }
  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    position: relative;
    padding: 0 0 var(--_gap) 1.5em;
    border-inline-start: 3px solid var(--_line);
  }
  .timeline li::before {
    content: '';
    position: absolute;
    /* Not inset-inline-start, which Chromium 86 lacks: the timeline's line is on the start side. */
    left: -0.5em;
    top: 0.35em;
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    background: var(--_line);
  }
  time {
    margin-inline-start: 0.5em;
    color: var(--_muted);
  }
  .my-cases,
  .members {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .my-case,
  .member {
    display: grid;
    gap: 0.25em;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .member {
    overflow-wrap: anywhere;
  }
  .my-case-open {
    justify-self: start;
    min-height: var(--_target);
    font-weight: 600;
    text-align: start;
    color: var(--_primary);
    background: none;
  }
  /* The written decision prints alone, as a document of its own (see decision-document.ts). */
  .decision-document {
    display: none;
  }
  @media print {
    section.printing-decision > :not(.decision-document) {
      display: none !important;
    }
    section.printing-decision > .decision-document {
      display: block;
    }
    .decision-document h3 {
      text-align: center;
    }
    .document-number,
    .document-signature {
      text-align: end;
    }
  }
`;
