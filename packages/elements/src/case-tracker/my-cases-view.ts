import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { formatDay, formatMoment } from './format.js';
import type { MyCases } from './my-cases.js';
import type { TrackedCase } from './types.js';

/** What the 我的办件 list shows and what it does. */
export interface MyCasesView {
  msg: Translate;
  locale: string;
  list: MyCases;
  /** Why the list failed, in words. */
  failure: string;
  open(found: TrackedCase): void;
  more(): void;
  retry(): void;
  /** Look up another case by number and query code instead. */
  lookup(): void;
}

/** The deadline of a case in the list: the promised day and working days left, or overdue. */
function deadline(msg: Translate, found: TrackedCase, locale: string): TemplateResult | typeof nothing {
  if (!found.promisedDeadline) return nothing;
  const days = found.workingDaysLeft;
  const left =
    days === null
      ? ''
      : `（${msg(days < 0 ? 'tracker.overdueBy' : 'tracker.daysLeft', { count: Math.abs(days) })}）`;
  return html`<span class=${days !== null && days < 0 ? 'late' : ''}
    >${msg('tracker.deadline')}：${formatDay(found.promisedDeadline, locale)}${left}</span
  >`;
}

function renderEntry(view: MyCasesView, found: TrackedCase): TemplateResult {
  const { msg, locale } = view;
  return html`<li class="my-case" id=${`my-${found.caseNumber}`}>
    <button type="button" class="link my-case-open" @click=${() => view.open(found)}>
      ${found.itemName}
    </button>
    <span class="hint">${msg('tracker.number', { number: found.caseNumber })}</span>
    <span>
      <strong class="badge state-${found.state}">${msg(`tracker.state.${found.state}`)}</strong>
      ${found.overdue ? html`<strong class="badge overdue">${msg('tracker.overdue')}</strong>` : nothing}
    </span>
    <span class="hint">${msg('tracker.submittedAt')}：${formatMoment(found.submittedAt, locale)}</span>
    ${deadline(msg, found, locale)}
  </li>`;
}

/** 我的办件: the signed-in person's cases with their state and deadline, a page at a time. */
export function renderMyCases(view: MyCasesView): TemplateResult {
  const { msg, list } = view;
  const body =
    list.status === 'loading' || list.status === 'idle'
      ? html`<p role="status">${msg('tracker.mine.loading')}</p>`
      : list.status === 'failed'
        ? html`<div class="notice" part="notice" role="alert" id="problem">
            <p>${view.failure}</p>
            <button type="button" @click=${view.retry}>${msg('tracker.mine.retry')}</button>
          </div>`
        : list.cases.length
          ? html`<ul class="my-cases" part="my-cases">
              ${list.cases.map((found) => renderEntry(view, found))}
            </ul>`
          : html`<p>${msg('tracker.mine.empty')}</p>`;
  return html`<section aria-busy=${list.status === 'loading' || list.status === 'more'}>
    <h2 part="title" id="my-cases-title" tabindex="-1">${msg('tracker.mine.title')}</h2>
    <p class="hint">${msg('tracker.mine.intro')}</p>
    ${body}
    <div class="actions">
      ${
        list.hasMore && list.status !== 'failed'
          ? html`<button type="button" @click=${view.more} ?disabled=${list.status === 'more'}>
              ${msg(list.status === 'more' ? 'tracker.mine.loadingMore' : 'tracker.mine.more')}
            </button>`
          : nothing
      }
      <button type="button" @click=${view.lookup}>${msg('tracker.mine.lookup')}</button>
    </div>
  </section>`;
}
