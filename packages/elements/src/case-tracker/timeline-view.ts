import { html, nothing, type TemplateResult } from 'lit';
import { formatMoment } from './format.js';
import type { TimelineEntry } from './types.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The steps of a case, oldest first: what happened, when, which office (and who), and the opinion. */
export function renderTimeline(
  steps: readonly TimelineEntry[],
  locale: string,
  msg: Translate,
): TemplateResult {
  return html`<h3>${msg('tracker.timeline')}</h3>
    <ol class="timeline" part="timeline">
      ${steps.map(
        (step) =>
          html`<li>
            <strong>${msg(`tracker.action.${step.action}`)}</strong>
            <time datetime=${step.at}>${formatMoment(step.at, locale)}</time>
            <div class="hint">${[step.actor.office, step.actor.staffName].filter(Boolean).join(' · ')}</div>
            ${step.opinion ? html`<div>${msg('tracker.opinion', { opinion: step.opinion })}</div>` : nothing}
          </li>`,
      )}
    </ol>`;
}
