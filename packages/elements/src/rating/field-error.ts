import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import type { RatingField } from './options.js';

/** The message shown above a field in error, or nothing. */
export function renderFieldError(
  errors: readonly RatingField[],
  field: RatingField,
  msg: Translate,
): TemplateResult | typeof nothing {
  return errors.includes(field)
    ? html`<p class="error" id="${field}-error">${msg(`rating.error.${field}`)}</p>`
    : nothing;
}

/** The `aria-describedby` of a field: its error message when it has one. */
export function describedBy(errors: readonly RatingField[], field: RatingField): string | typeof nothing {
  return errors.includes(field) ? `${field}-error` : nothing;
}
