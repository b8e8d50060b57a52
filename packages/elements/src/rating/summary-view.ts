import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { EVALUATION_LEVELS, type EvaluationSummary } from '../base/api.js';
import type { Translate } from '../base/translate.js';
import { translate } from '../i18n/registry.js';
import { summaryMessages } from './summary-messages.js';

/**
 * The published figures: the satisfaction rate, and a real table of counts per level whose last column
 * draws a bar (hidden from assistive technology, which reads the numbers).
 */
export function renderSummary(
  summary: EvaluationSummary,
  view: { lang: string; locale: string; msg: Translate },
): TemplateResult {
  const { locale, msg } = view;
  const text: Translate = (key, params) => translate(summaryMessages, view.lang, key, params);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const share = (count: number) => (summary.total ? count / summary.total : 0);
  const rate = summary.satisfactionRate;
  return html`<div class="panel">
    <h2 part="title">${text('rating.summary')}</h2>
    <p>
      ${text('rating.summary.rate')}
      <span class="rate">${rate === null ? '—' : percent.format(rate)}</span>
      <span class="hint">${text('rating.summary.total', { total: summary.total })}</span>
    </p>
    <table part="table">
      <caption>
        ${text('rating.summary.table')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${text('rating.summary.level')}</th>
          <th scope="col">${text('rating.summary.count')}</th>
          <th scope="col">${text('rating.summary.share')}</th>
          <td class="bar"></td>
        </tr>
      </thead>
      <tbody>
        ${EVALUATION_LEVELS.map((level) => {
          const count = summary.counts[level];
          return html`<tr>
            <th scope="row">${msg(`rating.level.${level}`)}</th>
            <td class="number">${count}</td>
            <td class="number">${percent.format(share(count))}</td>
            <td class="bar" aria-hidden="true">
              <span style=${styleMap({ width: `${share(count) * 100}%` })}></span>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
