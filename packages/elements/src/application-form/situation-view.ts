import { html, nothing, type TemplateResult } from 'lit';
import type { FormDefinition } from '@banshi/sdk/forms';
import { idFor, type ControlHost } from './controls.js';

/** Records an answer to a situation question. */
export type AnswerSituation = (id: string, option: string, on: boolean, multiple: boolean) => void;

/** The first step: the situation questions (情形), each a radio or checkbox group. */
export function renderSituationStep(
  host: ControlHost,
  definition: FormDefinition,
  answers: Record<string, string | string[]>,
  answer: AnswerSituation,
): TemplateResult {
  return html`<h2 tabindex="-1" part="title">${host.msg('apply.situation')}</h2>
    <p class="hint">${host.msg('apply.situation.hint')}</p>
    ${(definition.situations ?? []).map((situation) => {
      const pointer = '#situation/' + situation.id;
      const id = idFor(pointer);
      const error = host.errorAt(pointer);
      const chosen = [answers[situation.id] ?? []].flat();
      const described = [situation.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
        .filter(Boolean)
        .join(' ');
      return html`<fieldset class="field ${error ? 'invalid' : ''}" aria-describedby=${described || nothing}>
        <legend>${host.t(situation.question)}</legend>
        ${situation.hint ? html`<div class="hint" id="${id}-hint">${host.t(situation.hint)}</div>` : nothing}
        ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
        <div class="options">
          ${situation.options.map(
            (option, index) =>
              html`<label class="option"
                ><input
                  id=${index ? nothing : id}
                  name=${id}
                  type=${situation.multiple ? 'checkbox' : 'radio'}
                  .checked=${chosen.includes(option.id)}
                  @change=${(event: Event) =>
                    answer(
                      situation.id,
                      option.id,
                      (event.target as HTMLInputElement).checked,
                      !!situation.multiple,
                    )}
                />
                <span>${host.t(option.label)}</span></label
              >`,
          )}
        </div>
      </fieldset>`;
    })}`;
}
