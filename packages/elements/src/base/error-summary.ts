import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { focusIn } from './focus.js';

/** One problem in an error summary. */
export interface SummaryEntry {
  /** What is wrong, as the user reads it. */
  text: string;
  /** The id of the field it is about, in the same shadow root; without one the entry is plain text. */
  target?: string | undefined;
}

/** The selector of the summary, for {@link focusErrorSummary} and tests. */
export const ERROR_SUMMARY = '#errors';

/**
 * The error summary at the top of a form, as GOV.UK's design system has it: a heading, then each problem
 * as a link to its field, which moves focus there. Shown as `part="error-summary"`; it takes focus when it
 * appears (call {@link focusErrorSummary}), so a screen reader reads it at once.
 */
export function renderErrorSummary(
  host: ReactiveElement,
  heading: string,
  entries: readonly SummaryEntry[],
): TemplateResult | typeof nothing {
  if (!entries.length) return nothing;
  const follow = (event: Event, target: string) => {
    event.preventDefault();
    void focusIn(host, `#${CSS.escape(target)}`, { scroll: true });
  };
  return html`<div
    class="notice error-summary"
    part="error-summary"
    role="alert"
    tabindex="-1"
    id="errors"
    aria-labelledby="errors-title"
  >
    <h3 id="errors-title">${heading}</h3>
    <ul>
      ${entries.map(
        ({ text, target }) =>
          html`<li>
            ${target ? html`<a href="#${target}" @click=${(event: Event) => follow(event, target)}>${text}</a>` : text}
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to the error summary once it is rendered. */
export const focusErrorSummary = (host: ReactiveElement): Promise<HTMLElement | null> =>
  focusIn(host, ERROR_SUMMARY);
