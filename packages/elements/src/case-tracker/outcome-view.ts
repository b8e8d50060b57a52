import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { formatMoment } from './format.js';
import type { TrackedCase } from './types.js';

/** The decision (准予/不予), its reason and the result document, when there is one. */
export function renderDecision(msg: Translate, found: TrackedCase): TemplateResult | typeof nothing {
  const decision = found.decision;
  if (!decision) return nothing;
  return html`<div class="decision">
    <p><strong>${msg(`tracker.decision.${decision.outcome}`)}</strong></p>
    ${decision.reason ? html`<p>${msg('tracker.reason', { reason: decision.reason })}</p>` : nothing}
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
