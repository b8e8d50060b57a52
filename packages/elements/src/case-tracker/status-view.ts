import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { formatDay, formatMoment, shownIdentity } from './format.js';
import type { TrackedCase } from './types.js';

/** The state in words, with the overdue marker. */
export function renderStatus(msg: Translate, found: TrackedCase): TemplateResult {
  return html`<p class="status" part="status" role="status">
    <span>${msg('tracker.state')}：</span>
    <strong class="badge state-${found.state}">${msg(`tracker.state.${found.state}`)}</strong>
    ${found.overdue ? html`<strong class="badge overdue">${msg('tracker.overdue')}</strong>` : nothing}
  </p>`;
}

/** The facts of the case: office, applicant (ID masked), submitted, deadline with working days left. */
export function renderFacts(msg: Translate, found: TrackedCase, locale: string): TemplateResult {
  const { applicant } = found;
  const days = found.workingDaysLeft;
  const fact = (key: string, value: unknown) =>
    html`<div>
      <dt>${msg(`tracker.${key}`)}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<dl class="facts">
      ${fact('department', found.department.name)} ${fact('applicant', applicant.name)}
      ${fact(applicant.kind === 'person' ? 'idNumber' : 'creditCode', shownIdentity(applicant))}
      ${fact('submittedAt', formatMoment(found.submittedAt, locale))}
      ${
        found.promisedDeadline
          ? fact(
              'deadline',
              html`${formatDay(found.promisedDeadline, locale)}
              ${
                days === null
                  ? nothing
                  : html`<span class=${days < 0 ? 'late' : ''}>
                      （${msg(days < 0 ? 'tracker.overdueBy' : 'tracker.daysLeft', { count: Math.abs(days) })}）
                    </span>`
              }`,
            )
          : nothing
      }
    </dl>
    ${found.suspendedDays ? html`<p>${msg('tracker.suspendedDays', { count: found.suspendedDays })}</p>` : nothing}
    ${found.suspension ? html`<p>${msg('tracker.reason', { reason: found.suspension.reason })}</p>` : nothing}`;
}
