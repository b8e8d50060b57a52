import { html, nothing, type TemplateResult } from 'lit';
import type { EvaluationLevel } from '../base/api.js';
import type { Translate } from '../base/translate.js';

/** The thanks (or "rated already") panel; a kiosk offers to rate again. */
export function renderOutcome(
  msg: Translate,
  outcome: { already: boolean; queued: boolean; kiosk: boolean; level?: EvaluationLevel },
  again: () => void,
): TemplateResult {
  const { already, level } = outcome;
  return html`<div class="panel" role="status">
    <h2 part="title" class="done" tabindex="-1" id="outcome">
      ${msg(already ? 'rating.already' : 'rating.thanks')}
    </h2>
    <p>
      ${msg(already ? 'rating.already.level' : 'rating.thanks.level', {
        level: level ? msg(`rating.level.${level}`) : '',
      })}
    </p>
    ${outcome.queued ? html`<p>${msg('rating.queued')}</p>` : nothing}
    ${
      outcome.kiosk
        ? html`<div class="actions">
            <button type="button" class="primary" @click=${again}>${msg('rating.again')}</button>
          </div>`
        : nothing
    }
  </div>`;
}
