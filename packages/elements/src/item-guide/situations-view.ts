import { html, nothing, type TemplateResult } from 'lit';
import type { Item, SituationAnswers } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';
import { renderSection } from './sections.js';

/** What the situation questions show and what they do. */
export interface SituationsView {
  msg: Translate;
  situation: SituationAnswers;
  answer(situationId: string, optionId: string, multiple: boolean, checked: boolean): void;
  clear(): void;
}

/** 情形引导: the questions that narrow the materials, and the answers chosen so far in words. */
export function renderSituations(item: Item, view: SituationsView): TemplateResult {
  const { msg } = view;
  const chosen = item.situations.flatMap((situation) => {
    const ids = ([] as string[]).concat(view.situation[situation.id] ?? []);
    const labels = situation.options
      .filter((option) => ids.includes(option.id))
      .map((option) => option.label);
    return labels.length ? [`${situation.question} ${labels.join('、')}`] : [];
  });
  return renderSection(
    msg,
    'situations',
    html`<p class="hint no-print">${msg('guide.situations.intro')}</p>
      ${item.situations.map((situation) => {
        const multiple = !!situation.multiple;
        const answer = ([] as string[]).concat(view.situation[situation.id] ?? []);
        return html`<fieldset class="no-print">
          <legend>${situation.question}</legend>
          ${situation.hint ? html`<p class="hint" id="hint-${situation.id}">${situation.hint}</p>` : nothing}
          <div class="options">
            ${situation.options.map(
              (option) =>
                html`<label class="option ${answer.includes(option.id) ? 'checked' : ''}"
                  ><input
                    type=${multiple ? 'checkbox' : 'radio'}
                    name="situation-${situation.id}"
                    .value=${option.id}
                    .checked=${answer.includes(option.id)}
                    aria-describedby=${situation.hint ? `hint-${situation.id}` : nothing}
                    @change=${(event: Event) =>
                      view.answer(
                        situation.id,
                        option.id,
                        multiple,
                        (event.target as HTMLInputElement).checked,
                      )}
                  />${option.label}</label
                >`,
            )}
          </div>
        </fieldset>`;
      })}
      <p class="chosen">
        ${
          chosen.length
            ? msg('guide.situations.chosen', { answers: chosen.join(msg('guide.listSeparator')) })
            : msg('guide.situations.none')
        }
      </p>
      ${
        chosen.length
          ? html`<button type="button" class="no-print" @click=${() => view.clear()}>
              ${msg('guide.situations.clear')}
            </button>`
          : nothing
      }`,
  );
}
