import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { renderErrorSummary } from '../base/error-summary.js';
import type { Translate } from '../base/translate.js';
import { clockIn } from './format.js';
import type { LookupField, LookupProblem } from './lookup.js';

/** What the lookup form shows and what it does. */
export interface LookupView {
  host: ReactiveElement;
  msg: Translate;
  locale: string;
  busy: boolean;
  errors: readonly LookupField[];
  problem?: LookupProblem;
  caseNumber: string;
  submit(event: Event): void;
}

/** The lookup form: case number and query code, with the error summary and why a lookup failed. */
export function renderLookup(view: LookupView): TemplateResult {
  const { msg, errors } = view;
  return html`<form novalidate part="form" @submit=${view.submit} aria-busy=${view.busy}>
    <h2 part="title">${msg('tracker.title')}</h2>
    <p class="hint">${msg('tracker.intro')}</p>
    ${renderErrorSummary(
      view.host,
      msg('tracker.errors'),
      errors.map((field) => ({
        target: field === 'caseNumber' ? 'case-number' : 'query-code',
        text: msg(`tracker.error.${field}`),
      })),
    )}
    ${view.problem ? renderLookupProblem(msg, view.problem, view.locale) : nothing}
    ${renderLookupField(msg, errors, 'caseNumber', 'case-number', view.caseNumber)}
    ${renderLookupField(msg, errors, 'queryCode', 'query-code', '')}
    <div class="actions">
      <button class="primary" part="submit" type="submit" ?disabled=${view.busy}>
        ${msg(view.busy ? 'tracker.loading' : 'tracker.lookup')}
      </button>
    </div>
  </form>`;
}

/** One field of the lookup form, with its hint and error. */
function renderLookupField(
  msg: Translate,
  errors: readonly LookupField[],
  field: LookupField,
  id: string,
  value: string,
): TemplateResult {
  const invalid = errors.includes(field);
  return html`<div class="field">
    <label class="label" for=${id}>${msg(`tracker.${field}`)}</label>
    <div class="hint" id="${id}-hint">${msg(`tracker.${field}.hint`)}</div>
    ${invalid ? html`<p class="error" id="${id}-error">${msg(`tracker.error.${field}`)}</p>` : nothing}
    <input
      id=${id}
      name=${id}
      .value=${value}
      autocomplete="off"
      autocapitalize="characters"
      spellcheck="false"
      aria-invalid=${invalid}
      aria-describedby="${id}-hint${invalid ? ` ${id}-error` : ''}"
    />
  </div>`;
}

/** Why the lookup failed; a rate limit says when to try again. */
function renderLookupProblem(msg: Translate, problem: LookupProblem, locale: string): TemplateResult {
  let text: string;
  if (problem.kind === 'limited') {
    const { seconds } = problem;
    const wait =
      seconds >= 60
        ? msg('tracker.minutes', { count: Math.ceil(seconds / 60) })
        : msg('tracker.seconds', { count: seconds });
    text = msg('tracker.limited', { wait, time: clockIn(seconds, locale) });
  } else if (problem.kind === 'refused') {
    text = problem.text;
  } else {
    text = msg(problem.kind === 'mismatch' ? 'tracker.mismatch' : `tracker.failed.${problem.kind}`);
  }
  return html`<div class="notice" part="notice" role="alert" tabindex="-1" id="problem">${text}</div>`;
}
