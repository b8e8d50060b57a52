import { html, type TemplateResult } from 'lit';
import type { components } from '@banshi/sdk';
import type { Translate } from '../base/translate.js';

type Consultation = components['schemas']['Consultation'];

/** What 我的咨询 shows: the list once read, or why it could not be. */
export interface MyQuestions {
  status: 'loading' | 'ready' | 'failed';
  items: Consultation[];
}

/** 我的咨询: the signed-in resident's questions, each with where it stands, opened with the token alone. */
export function renderMyQuestions(
  msg: Translate,
  mine: MyQuestions,
  open: (found: Consultation) => void,
  retry: () => void,
): TemplateResult {
  const body =
    mine.status === 'loading'
      ? html`<p role="status">${msg('ask.mine.loading')}</p>`
      : mine.status === 'failed'
        ? html`<div role="alert">
            <p>${msg('ask.mine.failed')}</p>
            <button type="button" @click=${retry}>${msg('ask.mine.retry')}</button>
          </div>`
        : mine.items.length
          ? html`<ul class="mine">
              ${mine.items.map(
                (found) =>
                  html`<li>
                    <button type="button" class="link" @click=${() => open(found)}>${found.question}</button>
                    <span class="hint"
                      >${found.number} ·
                      ${msg(`ask.state.${found.state}`)}${
                        found.overdue ? ` · ${msg('ask.overdue')}` : ''
                      }</span
                    >
                  </li>`,
              )}
            </ul>`
          : html`<p>${msg('ask.mine.empty')}</p>`;
  return html`<section class="done" aria-labelledby="mine-title">
    <h3 id="mine-title">${msg('ask.mine.title')}</h3>
    ${body}
  </section>`;
}
