import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { formatMoment } from './format.js';
import type { TrackedCase } from './types.js';

type Remedies = NonNullable<NonNullable<TrackedCase['decision']>['remedies']>;

/** The words of the remedies sentence (行政复议, 行政诉讼). */
export const remediesParams = (remedies: Remedies) => ({
  days: remedies.reconsideration.days,
  body: remedies.reconsideration.body,
  months: remedies.litigation.months,
  court: remedies.litigation.court,
});

/**
 * The decision (准予/不予), its reason and the result document, when there is one; a written decision
 * (不予受理, 不予许可) with its number, the applicant's remedies and a button that prints it.
 */
export function renderDecision(
  msg: Translate,
  found: TrackedCase,
  print?: () => void,
): TemplateResult | typeof nothing {
  const decision = found.decision;
  if (!decision) return nothing;
  const { documentNumber, remedies } = decision;
  return html`<div class="decision ${decision.outcome}" part="decision">
    <p><strong>${msg(`tracker.decision.${decision.outcome}`)}</strong></p>
    ${documentNumber ? html`<p>${msg('tracker.decision.number', { number: documentNumber })}</p>` : nothing}
    ${decision.reason ? html`<p>${msg('tracker.reason', { reason: decision.reason })}</p>` : nothing}
    ${remedies ? html`<p>${msg('tracker.decision.remedies', remediesParams(remedies))}</p>` : nothing}
    ${
      documentNumber && print
        ? html`<div class="actions">
            <button type="button" @click=${print}>${msg('tracker.decision.print')}</button>
          </div>`
        : nothing
    }
    ${
      decision.resultName || decision.resultNumber
        ? html`<p>
            ${msg('tracker.result', {
              name: [decision.resultName, decision.resultNumber].filter(Boolean).join(' '),
            })}
          </p>`
        : nothing
    }
  </div>`;
}

/** 撤销: the approval revoked because the commitment (告知承诺) proved untrue. */
export function renderRevocation(
  msg: Translate,
  found: TrackedCase,
  locale: string,
): TemplateResult | typeof nothing {
  const revocation = found.revocation;
  if (!revocation) return nothing;
  return html`<div class="decision revoked" part="revocation">
    <p><strong>${msg('tracker.revoked', { time: formatMoment(revocation.revokedAt, locale) })}</strong></p>
    <p>${msg('tracker.reason', { reason: revocation.reason })}</p>
    ${revocation.creditRecord ? html`<p>${msg('tracker.creditRecord')}</p>` : nothing}
  </div>`;
}

/** How to collect the result: by post (and its tracking number once sent) or at the window. */
export function renderCollection(msg: Translate, found: TrackedCase, locale: string): TemplateResult {
  const { delivery } = found;
  let text: string;
  if (delivery.method === 'mail') {
    text =
      delivery.deliveredAt && delivery.trackingNumber
        ? msg('tracker.collect.mailed', {
            time: formatMoment(delivery.deliveredAt, locale),
            carrier: delivery.carrier ?? '',
            number: delivery.trackingNumber,
          })
        : msg('tracker.collect.mail', {
            recipient: delivery.address?.recipient ?? found.applicant.name,
            address: delivery.address?.detail ?? '',
          });
  } else {
    text = delivery.deliveredAt
      ? msg('tracker.collect.windowDone', { time: formatMoment(delivery.deliveredAt, locale) })
      : msg('tracker.collect.window', { place: found.department.name });
  }
  return html`<div class="panel">
    <h3>${msg('tracker.collect')}</h3>
    <p>${text}</p>
  </div>`;
}
