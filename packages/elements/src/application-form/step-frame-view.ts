import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { DRAFT_DAYS, draftsKept } from './drafts.js';

/** What the top of a step shows and what it does. */
export interface StepHeaderView {
  msg: Translate;
  /** 0-based index of the step shown, and how many steps there are. */
  index: number;
  total: number;
  /** The application was resumed from a draft. */
  resumed: boolean;
  back(): void;
  startOver(): void;
}

/** The back link, "step n of m", and the notices about drafts (resumed, or not kept on this device). */
export function renderStepHeader(view: StepHeaderView): TemplateResult {
  const { msg, index } = view;
  return html`${
      index > 0
        ? html`<a
            href="#"
            class="back"
            part="back"
            @click=${(event: Event) => {
              event.preventDefault();
              view.back();
            }}
            >${msg('apply.back')}</a
          >`
        : nothing
    }
    <p class="progress" part="progress">${msg('apply.progress', { n: index + 1, total: view.total })}</p>
    ${
      view.resumed
        ? html`<div class="notice info" role="status">
            <p>${msg('apply.resumed', { days: DRAFT_DAYS })}</p>
            <button type="button" class="link" @click=${() => view.startOver()}>
              ${msg('apply.discard')}
            </button>
          </div>`
        : nothing
    }
    ${draftsKept() ? nothing : html`<p class="notice info" part="no-drafts">${msg('apply.noDrafts')}</p>`}`;
}

/** Why the form cannot be shown: it failed to load (with a retry), or the item is not offered online. */
export function renderLoadProblem(msg: Translate, failed: boolean, retry: () => void): TemplateResult {
  return html`<div class="notice" role="alert">
    <p>${msg(failed ? 'apply.loadFailed' : 'apply.notOnline')}</p>
    ${failed ? html`<button type="button" @click=${retry}>${msg('apply.retry')}</button>` : nothing}
  </div>`;
}

/** Below a step: why sending failed, and Continue (or Submit on the last step). */
export function renderStepActions(
  msg: Translate,
  step: string,
  sending: boolean,
  failure: string,
): TemplateResult {
  return html`${failure ? html`<div class="notice" id="failure" tabindex="-1" role="alert">${failure}</div>` : nothing}
    <div class="actions">
      <button class="primary" part="continue" type="submit" ?disabled=${sending}>
        ${msg(step !== 'review' ? 'apply.continue' : sending ? 'apply.submitting' : 'apply.submit')}
      </button>
    </div>`;
}
