import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';

/** What the withdrawal (撤回) shows and what it does. */
export interface WithdrawalView {
  msg: Translate;
  confirming: boolean;
  busy: boolean;
  failure: string;
  ask(): void;
  withdraw(): void;
  cancel(): void;
}

/** The withdraw button, or the confirmation with an optional reason. */
export function renderWithdrawal(view: WithdrawalView): TemplateResult {
  const { msg } = view;
  if (!view.confirming)
    return html`<div class="actions">
      <button type="button" @click=${() => view.ask()}>${msg('tracker.withdraw')}</button>
    </div>`;
  return html`<div class="notice" part="notice" id="withdrawal">
    <h3 id="withdrawal-title" tabindex="-1">${msg('tracker.withdraw.confirm')}</h3>
    <p>${msg('tracker.withdraw.warning')}</p>
    <label class="label" for="withdrawal-reason">${msg('tracker.withdraw.reason')}</label>
    <textarea id="withdrawal-reason" maxlength="500"></textarea>
    ${view.failure ? html`<p class="error" role="alert">${view.failure}</p>` : nothing}
    <div class="actions">
      <button type="button" class="primary danger" ?disabled=${view.busy} @click=${() => view.withdraw()}>
        ${msg('tracker.withdraw.yes')}
      </button>
      <button type="button" @click=${() => view.cancel()}>${msg('tracker.withdraw.no')}</button>
    </div>
  </div>`;
}
