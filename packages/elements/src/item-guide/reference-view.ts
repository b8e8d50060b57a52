import { html, nothing, type TemplateResult } from 'lit';
import { formatLimit } from '../item-common/badges.js';
import type { ContactChannel, Item } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';
import { renderLink, renderSection } from './sections.js';

/** The sections after the materials, first part: steps, fees and windows. */
export function renderStepsFeesWindows(item: Item, msg: Translate, locale: string): TemplateResult {
  return html`${renderSteps(item, msg)} ${renderFees(item, msg, locale)}
  ${renderSection(
    msg,
    'windows',
    html`<ul class="plain">
      ${item.windows.map(
        (window) =>
          html`<li>
            <strong>${window.hallName ? `${window.hallName} ` : ''}${window.name}</strong>
            <p class="text">${window.address}</p>
            <p class="text">${msg('guide.window.hours', { hours: window.hours })}</p>
            ${
              window.phone
                ? html`<p>${msg('guide.window.phone')}<a href="tel:${window.phone}">${window.phone}</a></p>`
                : nothing
            }
          </li>`,
      )}
    </ul>`,
  )}`;
}

/** The sections after the materials, second part: contact, legal bases and FAQs (published answers too). */
export function renderContactBasisFaq(
  item: Item,
  msg: Translate,
  published: Item['faqs'] = [],
): TemplateResult {
  const faqs = [...item.faqs, ...published];
  return html`${renderSection(
    msg,
    'contact',
    html`<h4>${msg('guide.consultation')}</h4>
      ${renderContacts(item.consultation, msg)}
      <h4>${msg('guide.complaint')}</h4>
      ${renderContacts(item.complaint, msg)}`,
  )}
  ${renderSection(
    msg,
    'basis',
    html`<ul class="plain">
      ${item.legalBases.map(
        (basis) =>
          html`<li>
            <strong>${basis.name}</strong> ${basis.article ?? ''}
            ${basis.text ? html`<p class="text">${basis.text}</p>` : nothing}
          </li>`,
      )}
    </ul>`,
  )}
  ${
    faqs.length
      ? renderSection(
          msg,
          'faq',
          html`${faqs.map(
            (faq) =>
              html`<details>
                <summary>${faq.question}</summary>
                <p class="text">${faq.answer}</p>
              </details>`,
          )}`,
        )
      : nothing
  }`;
}

function renderSteps(item: Item, msg: Translate): TemplateResult {
  return renderSection(
    msg,
    'steps',
    html`<ol class="steps">
      ${item.steps.map(
        (step) =>
          html`<li>
            <strong>${step.title}</strong
            >${step.stage ? html` <span class="tag">${step.stage}</span>` : nothing}
            ${step.description ? html`<p class="text">${step.description}</p>` : nothing}
            ${
              step.timeLimit
                ? html`<p class="hint">
                    ${msg('guide.step.limit', { limit: formatLimit(step.timeLimit, msg) })}
                  </p>`
                : nothing
            }
          </li>`,
      )}
    </ol>`,
  );
}

function renderFees(item: Item, msg: Translate, locale: string): TemplateResult {
  return renderSection(
    msg,
    'fees',
    item.fees.length ? renderFeeList(item, msg, locale) : html`<p>${msg('guide.fee.none')}</p>`,
  );
}

function renderFeeList(item: Item, msg: Translate, locale: string): TemplateResult {
  // Made here, not for every guide: a page's first currency format costs tens of milliseconds (the locale's
  // number data), and most guides charge nothing.
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  return html`<ul class="plain">
      ${item.fees.map(
        (fee) =>
          html`<li>
            <strong>${fee.name}</strong>
            ${fee.amount === null ? nothing : money.format(fee.amount / 100)}
            ${fee.standard ? html`<p class="text">${fee.standard}</p>` : nothing}
            ${fee.basis ? html`<p class="hint">${msg('guide.fees.basis', { basis: fee.basis })}</p>` : nothing}
            ${
              fee.reducible
                ? html`<p>
                    ${msg('guide.fees.reducible')}${fee.reductionNote ? `: ${fee.reductionNote}` : ''}
                  </p>`
                : nothing
            }
          </li>`,
      )}
    </ul>
    ${item.supports.onlinePayment ? html`<p>${msg('guide.fees.online')}</p>` : nothing}`;
}

function renderContacts(channels: ContactChannel[], msg: Translate): TemplateResult {
  return html`<ul class="plain">
    ${channels.map((channel) => {
      const href =
        channel.kind === 'phone' || channel.kind === 'hotline'
          ? `tel:${channel.value}`
          : channel.kind === 'email'
            ? `mailto:${channel.value}`
            : channel.kind === 'web'
              ? channel.value
              : undefined;
      return html`<li>
        ${msg(`guide.contact.${channel.kind}`)}${channel.label ? `（${channel.label}）` : ''}：${
          renderLink(href, channel.value) || channel.value
        }
      </li>`;
    })}
  </ul>`;
}
