import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import { translate } from '../i18n/registry.js';
import { bundleMessages } from './bundle-view.messages.js';
import { formatDay } from './format.js';
import { SETTLED_STATES, type TrackedCase } from './types.js';

type Member = NonNullable<TrackedCase['bundle']>['members'][number];

function renderMember(msg: Translate, member: Member, locale: string): TemplateResult {
  return html`<li class="member">
    <strong>${member.itemName}</strong>
    <span>${msg('tracker.department')}：${member.department.name}</span>
    <span>
      ${msg('tracker.state')}：<strong class="badge state-${member.state}"
        >${msg(`tracker.state.${member.state}`)}</strong
      >
      ${member.overdue ? html`<strong class="badge overdue">${msg('tracker.overdue')}</strong>` : nothing}
    </span>
    ${
      member.promisedDeadline && !SETTLED_STATES.includes(member.state)
        ? html`<span>${msg('tracker.deadline')}：${formatDay(member.promisedDeadline, locale)}</span>`
        : nothing
    }
  </li>`;
}

/**
 * 一件事: the bundle as one case, with each member item's department and state (handled in parallel, each
 * on its own clock) and the state of the whole; the results are handed over together at one window.
 */
export function renderBundle(
  msg: Translate,
  found: TrackedCase,
  locale: string,
): TemplateResult | typeof nothing {
  const bundle = found.bundle;
  if (!bundle) return nothing;
  const words: Translate = (key, params) => translate(bundleMessages, locale, key, params);
  const done = bundle.members.filter((member) => SETTLED_STATES.includes(member.state)).length;
  return html`<div class="bundle" part="bundle">
    <h3 id="bundle-title">${words('tracker.bundle.title')}</h3>
    <p>
      <strong class="badge bundle-${bundle.state}">${words(`tracker.bundle.state.${bundle.state}`)}</strong>
      ${words('tracker.bundle.progress', { done, total: bundle.members.length })}
    </p>
    ${
      bundle.refusedMembers
        ? html`<p class="notice" part="notice">
            ${words('tracker.bundle.refused', { count: bundle.refusedMembers })}
          </p>`
        : nothing
    }
    <ul class="members" aria-labelledby="bundle-title">
      ${bundle.members.map((member) => renderMember(msg, member, locale))}
    </ul>
  </div>`;
}
