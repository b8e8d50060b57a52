import { html, nothing, type TemplateResult } from 'lit';
import type { CaseRating, RaterRating } from '../base/api.js';
import { formatBeijingMoment } from '../base/beijing-time.js';
import type { Translate } from '../base/translate.js';
import { formatDay } from '../case-tracker/format.js';
import { translate } from '../i18n/registry.js';
import { ratedMessages } from './rated-messages.js';

/** A message of this view, in `lang` (site overrides first). */
export const ratedText = (lang: string, key: string, params?: Readonly<Record<string, string | number>>) =>
  translate(ratedMessages, lang, key, params);

/**
 * A case rated already (一事一评): the rating and its date, the office's reply, the decision on the office's
 * appeal (申诉复核) with its reason, and the follow-up (追评) while its period lasts, or why there is none.
 */
export function renderRated(
  info: CaseRating & { rating: RaterRating },
  view: { msg: Translate; lang: string; locale: string; followUp: () => void },
): TemplateResult {
  const t = (key: string, params?: Readonly<Record<string, string | number>>) =>
    ratedText(view.lang, key, params);
  const day = (value: string) => formatDay(value, view.locale);
  const last = info.lastFollowUpDay;
  return html`<style>
      .rated dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3em 1em;
        margin: 0;
      }
      .rated dt {
        font-weight: 600;
      }
      .rated dd,
      .rated h3,
      .rated p {
        margin: 0;
      }
      .rated h3 {
        font-size: 1em;
      }
    </style>
    <div class="panel rated" role="status">
      <h2 part="title" class="done" tabindex="-1" id="outcome">${t('rating.rated.title')}</h2>
      ${renderOne(info.rating, 'rating.rated.yours', t, view)}
      ${info.followUp ? renderOne(info.followUp, 'rating.rated.followUp', t, view) : nothing}
      ${
        info.followUpOpen && last
          ? html`<p class="hint">${t('rating.rated.followUp.until', { day: day(last) })}</p>
              <div class="actions">
                <button type="button" class="primary" id="follow-up" @click=${view.followUp}>
                  ${t('rating.rated.followUp.offer')}
                </button>
              </div>`
          : html`<p class="hint" id="follow-up-closed">
              ${
                info.followUp
                  ? t('rating.rated.followUp.done')
                  : t('rating.rated.followUp.closed', { day: last ? day(last) : '' })
              }
            </p>`
      }
    </div>`;
}

function renderOne(
  rating: RaterRating,
  label: string,
  t: Translate,
  view: { msg: Translate; locale: string },
): TemplateResult {
  const moment = (value: string) => formatBeijingMoment(value, view.locale);
  const { reply, appeal } = rating;
  return html`<dl>
      <dt>${t(label)}</dt>
      <dd class="level">${view.msg(`rating.level.${rating.level}`)}</dd>
      <dt>${t('rating.rated.at')}</dt>
      <dd>${moment(rating.ratedAt)}</dd>
    </dl>
    ${
      reply
        ? html`<section class="reply">
            <h3>${t('rating.rated.reply')}</h3>
            <p>
              ${t(`rating.rated.reply.${reply.outcome}`, {
                text: reply.text,
                due: reply.due ? formatDay(reply.due, view.locale) : '',
              })}
            </p>
            <p class="hint">${moment(reply.at)}</p>
          </section>`
        : nothing
    }
    ${
      appeal
        ? html`<section class="appeal">
            <h3>${t('rating.rated.appeal')}</h3>
            <p>${t(`rating.rated.appeal.${appeal.state}`)}</p>
            ${appeal.reason ? html`<p>${t('rating.rated.appeal.reason', { reason: appeal.reason })}</p>` : nothing}
            ${
              appeal.decidedAt
                ? html`<p class="hint">
                    ${t('rating.rated.appeal.decidedAt', { time: moment(appeal.decidedAt) })}
                  </p>`
                : nothing
            }
          </section>`
        : nothing
    }`;
}
