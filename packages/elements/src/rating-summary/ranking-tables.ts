import { html, type TemplateResult } from 'lit';
import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];
type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The 红黑榜 of one publication: for departments and for windows, the red and the black list by
 * satisfaction and by bad reviews, each a real table with its caption. A table wider than the screen
 * scrolls inside its own focusable box (so the keyboard scrolls it too) and never cuts its text.
 */
export function renderRankings(
  ranking: Schemas['RatingRanking'],
  msg: Translate,
  percent: (rate: number | null) => string,
): TemplateResult {
  const groups = [
    ['departments', ranking.departments],
    ['windows', ranking.windows],
  ] as const;
  return html`${groups.map(
    ([group, lists]) =>
      html`<h4>${msg(`rsum.${group}`)}</h4>
        ${(['bySatisfaction', 'byBadReviews'] as const).map((measure) =>
          (['red', 'black'] as const).map((list) =>
            renderTable(lists[measure][list], list, {
              caption: msg('rsum.caption', {
                group: msg(`rsum.${group}`),
                list: msg(`rsum.${list}`),
                measure: msg(`rsum.${measure}`),
              }),
              msg,
              percent,
            }),
          ),
        )}`,
  )}`;
}

function renderTable(
  entries: Schemas['RankingEntry'][],
  list: 'red' | 'black',
  view: { caption: string; msg: Translate; percent: (rate: number | null) => string },
): TemplateResult {
  const { msg, percent } = view;
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${view.caption}>
    <table part="table ${list}" class=${list}>
      <caption>
        ${view.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('rsum.rank')}</th>
          <th scope="col">${msg('rsum.name')}</th>
          <th scope="col">${msg('rsum.satisfaction')}</th>
          <th scope="col">${msg('rsum.count')}</th>
          <th scope="col">${msg('rsum.bad')}</th>
        </tr>
      </thead>
      <tbody>
        ${
          entries.length
            ? entries.map(
                (entry) =>
                  html`<tr>
                    <td class="number">${entry.rank}</td>
                    <th scope="row">${entry.name ?? entry.id}</th>
                    <td class="number">${percent(entry.satisfactionRate)}</td>
                    <td class="number">${entry.total}</td>
                    <td class="number">${entry.badCount}</td>
                  </tr>`,
              )
            : html`<tr>
                <td colspan="5">${msg('rsum.noEntry')}</td>
              </tr>`
        }
      </tbody>
    </table>
  </div>`;
}
