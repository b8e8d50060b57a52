import { html, type TemplateResult } from 'lit';
import { EVALUATION_LEVELS, type EvaluationLevel } from '../base/api.js';
import type { Translate } from '../base/translate.js';
import { describedBy, renderFieldError } from './field-error.js';
import type { RatingField } from './options.js';

/** The five levels, from 非常满意 to 非常不满意, as one radio group. */
export function renderLevels(
  msg: Translate,
  errors: readonly RatingField[],
  chosen: EvaluationLevel | undefined,
  choose: (level: EvaluationLevel) => void,
): TemplateResult {
  return html`<fieldset id="level" class="levels" aria-describedby=${describedBy(errors, 'level')}>
    <legend>${msg('rating.levels')}</legend>
    ${renderFieldError(errors, 'level', msg)}
    <div class="options">
      ${EVALUATION_LEVELS.map(
        (level) =>
          html`<label class="option level ${chosen === level ? 'checked' : ''}" part="level">
            <input
              type="radio"
              name="level"
              .value=${level}
              .checked=${chosen === level}
              @change=${() => choose(level)}
            />
            <span>${msg(`rating.level.${level}`)}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}
