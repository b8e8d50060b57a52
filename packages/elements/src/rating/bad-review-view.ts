import { html, type TemplateResult } from 'lit';
import type { EvaluationReason, FollowUpAnswers } from '../base/api.js';
import type { Translate } from '../base/translate.js';
import { describedBy, renderFieldError } from './field-error.js';
import { RATING_QUESTIONS, RATING_REASONS, type RatingField, type RatingQuestion } from './options.js';

/** What the 差评 questions show and what they do. */
export interface BadReviewView {
  msg: Translate;
  errors: readonly RatingField[];
  reasons: readonly EvaluationReason[];
  answers: FollowUpAnswers;
  toggleReason(reason: EvaluationReason, checked: boolean): void;
  answer(question: RatingQuestion, answer: boolean): void;
}

/** The reasons (at least one) and the optional yes/no follow-up questions of a bad review. */
export function renderBadReview(view: BadReviewView): TemplateResult {
  const { msg, errors } = view;
  return html`<fieldset id="reasons" aria-describedby=${describedBy(errors, 'reasons')}>
      <legend>${msg('rating.reasons')}</legend>
      ${renderFieldError(errors, 'reasons', msg)}
      <div class="options">
        ${RATING_REASONS.map(
          (reason) =>
            html`<label class="option">
              <input
                type="checkbox"
                .value=${reason}
                .checked=${view.reasons.includes(reason)}
                @change=${(event: Event) => view.toggleReason(reason, (event.target as HTMLInputElement).checked)}
              />
              <span>${msg(`rating.reason.${reason}`)}</span>
            </label>`,
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>${msg('rating.followUp')}</legend>
      ${RATING_QUESTIONS.map(
        (question) =>
          html`<fieldset>
            <legend class="hint">${msg(`rating.question.${question}`)}</legend>
            <div class="options">
              ${[true, false].map(
                (answer) =>
                  html`<label class="option">
                    <input
                      type="radio"
                      name=${question}
                      .checked=${view.answers[question] === answer}
                      @change=${() => view.answer(question, answer)}
                    />
                    <span>${msg(answer ? 'rating.answer.yes' : 'rating.answer.no')}</span>
                  </label>`,
              )}
            </div>
          </fieldset>`,
      )}
    </fieldset>`;
}
