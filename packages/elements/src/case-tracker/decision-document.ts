import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { translate } from '../i18n/registry.js';
import { documentMessages } from './decision-document.messages.js';
import { formatMoment } from './format.js';
import { remediesParams } from './outcome-view.js';
import type { TrackedCase } from './types.js';

/**
 * The written decision (不予受理决定书 / 不予许可决定书, 行政许可法 §38) as it prints: number, addressee,
 * the decision with its reasons, the applicant's remedies, the deciding department and the date. A chunk
 * of its own, loaded when someone prints.
 */
export function renderDecisionDocument(msg: Translate, found: TrackedCase, locale: string): TemplateResult {
  const decision = found.decision;
  if (!decision?.documentNumber || decision.outcome === 'approved') return html``;
  const { remedies } = decision;
  const words: Translate = (key, params) => translate(documentMessages, locale, key, params);
  return html`<article class="decision-document" aria-hidden="true">
    <h3>${found.department.name}</h3>
    <h3>${words(`tracker.document.title.${decision.outcome}`)}</h3>
    <p class="document-number">${decision.documentNumber}</p>
    <p>${words('tracker.document.to', { name: found.applicant.name })}</p>
    <p>
      ${words(`tracker.document.body.${decision.outcome}`, {
        submitted: formatMoment(found.submittedAt, locale),
        item: found.itemName,
        number: found.caseNumber,
      })}
    </p>
    ${decision.reason ? html`<p>${msg('tracker.reason', { reason: decision.reason })}</p>` : nothing}
    ${remedies ? html`<p>${msg('tracker.decision.remedies', remediesParams(remedies))}</p>` : nothing}
    <p class="document-signature">${found.department.name}</p>
    <p class="document-signature">${formatMoment(decision.decidedAt, locale)}</p>
  </article>`;
}
