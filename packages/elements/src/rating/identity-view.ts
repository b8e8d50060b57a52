import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { describedBy, renderFieldError } from './field-error.js';
import type { RatingField } from './options.js';

/** What the choice between an anonymous and a real-name rating shows and what it does. */
export interface IdentityView {
  msg: Translate;
  errors: readonly RatingField[];
  anonymous: boolean;
  raterName: string;
  raterMobile: string;
  setAnonymous(anonymous: boolean): void;
  setName(value: string): void;
  setMobile(value: string): void;
}

/** Anonymous or real name; a real-name rating asks for the name and mobile for the callback. */
export function renderIdentity(view: IdentityView): TemplateResult {
  const { msg } = view;
  return html`<fieldset>
    <legend>${msg('rating.identity')}</legend>
    <div class="options">
      ${[true, false].map(
        (anonymous) =>
          html`<label class="option">
            <input
              type="radio"
              name="identity"
              .checked=${view.anonymous === anonymous}
              @change=${() => view.setAnonymous(anonymous)}
            />
            <span>${msg(anonymous ? 'rating.anonymous' : 'rating.realName')}</span>
          </label>`,
      )}
    </div>
    ${
      view.anonymous
        ? nothing
        : html`<div class="rater">
            ${renderText(view, 'name', view.raterName, 'name', (value) => view.setName(value))}
            ${renderText(view, 'mobile', view.raterMobile, 'tel', (value) => view.setMobile(value))}
          </div>`
    }
  </fieldset>`;
}

function renderText(
  view: IdentityView,
  field: 'name' | 'mobile',
  value: string,
  autocomplete: string,
  update: (value: string) => void,
): TemplateResult {
  const invalid = view.errors.includes(field);
  return html`<div>
    <label class="label" for=${field}>${view.msg(`rating.${field}`)}</label>
    ${renderFieldError(view.errors, field, view.msg)}
    <input
      id=${field}
      type=${field === 'mobile' ? 'tel' : 'text'}
      autocomplete=${autocomplete}
      .value=${value}
      aria-invalid=${invalid}
      aria-describedby=${describedBy(view.errors, field)}
      @input=${(event: Event) => update((event.target as HTMLInputElement).value)}
    />
  </div>`;
}
