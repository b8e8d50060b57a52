import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { components } from '@banshi/sdk';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import { ratingSummaryMessages } from './messages.js';
import { renderRankings } from './ranking-tables.js';
import { ratingSummaryStyles } from './rating-summary.styles.js';

type Schemas = components['schemas'];

/**
 * 好差评公示: the published figures of the site's department (or of everything) over a period: the
 * satisfaction rate, the bad reviews, the rate of bad reviews rectified (整改率) and of real-name bad
 * reviews called back (实名差评回访率); then the 红黑榜 still posted, best and worst departments and
 * windows by satisfaction and by bad reviews. Tables scroll inside their own box on a narrow screen.
 *
 * @tagname banshi-rating-summary
 * @summary 好差评公示: satisfaction, 整改率, 实名差评回访率 and the red and black lists.
 * @csspart base - The outer box.
 * @csspart figures - The list of figures.
 * @csspart table - Each table of the red and black lists (also `red` or `black`).
 * @csspart notice - The failure message.
 * @cssprop --banshi-rating-summary-padding - Inner spacing.
 * @cssprop --banshi-rating-summary-border-color - Border of the widget.
 * @cssprop --banshi-rating-summary-red - Accent of the red lists.
 * @cssprop --banshi-rating-summary-black - Accent of the black lists.
 */
export class BanshiRatingSummary extends BanshiElement {
  static override styles = [baseStyles, ratingSummaryStyles];
  static override messages = ratingSummaryMessages;

  /** The department whose figures are shown (see `GET /departments`); none means every department. */
  @property() department = '';
  /** The first day of the period (YYYY-MM-DD, China time); none means from the first rating. */
  @property() from = '';
  /** The last day of the period (YYYY-MM-DD, China time); none means up to today. */
  @property() to = '';
  /** Leave out the red and black lists. */
  @property({ type: Boolean, attribute: 'no-rankings' }) noRankings = false;

  @state() private summary?: Schemas['EvaluationSummary'];
  @state() private rankings?: Schemas['RatingRanking'][];
  @state() private failed = false;
  private request?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
  }

  /** Reads the figures and the posted lists again; a newer call cancels the one in flight. */
  async load(): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    const signal = request.signal;
    this.failed = false;
    this.summary = undefined;
    const query = {
      ...(this.department ? { department: this.department } : {}),
      ...(this.from ? { from: this.from } : {}),
      ...(this.to ? { to: this.to } : {}),
    };
    try {
      const [summary, rankings] = await Promise.all([
        this.api.evaluations.getSummary(query, { signal }),
        this.noRankings ? undefined : this.api.ratingFigures.listRankings({ signal }),
      ]);
      if (signal.aborted) return;
      this.summary = summary;
      this.rankings = rankings?.current ?? [];
    } catch {
      if (!signal.aborted) this.failed = true;
    }
  }

  private readonly percent = (rate: number | null): string =>
    rate === null
      ? this.msg('rsum.none')
      : new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);

  protected override get reservingSpace(): boolean {
    return !this.summary && !this.failed;
  }

  protected override renderContent(): TemplateResult {
    const title = html`<h2>${this.msg('rsum.title')}</h2>`;
    if (this.failed)
      return html`${title}
        <p class="notice" part="notice" role="alert">${this.msg('rsum.failed')}</p>
        <button type="button" @click=${() => void this.load()}>${this.msg('rsum.retry')}</button>`;
    if (!this.summary)
      return html`${title}
        <p role="status">${this.msg('rsum.loading')}</p>`;
    return html`${title}${this.renderFigures(this.summary)}${this.noRankings ? nothing : this.renderLists()}`;
  }

  private renderFigures(summary: Schemas['EvaluationSummary']): TemplateResult {
    if (!summary.total) return html`<p class="empty">${this.msg('rsum.empty')}</p>`;
    const figures: [string, string | number][] = [
      ['rsum.satisfaction', this.percent(summary.satisfactionRate)],
      ['rsum.rectification', this.percent(summary.rectificationRate)],
      ['rsum.callback', this.percent(summary.callbackRate)],
      ['rsum.total', summary.total],
      ['rsum.bad', summary.badCount],
    ];
    return html`<h3>${this.msg('rsum.figures')}</h3>
      <dl part="figures" class="figures">
        ${figures.map(
          ([key, value]) =>
            html`<div class=${key.slice(5)}>
              <dt>${this.msg(key)}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>`;
  }

  private renderLists(): TemplateResult {
    const posted = this.rankings ?? [];
    return html`<h3>${this.msg('rsum.rankings')}</h3>
      ${
        posted.length
          ? posted.map(
              (ranking) =>
                html`<section class="ranking">
                  <p class="period">
                    ${this.msg('rsum.period', {
                      from: ranking.period.from,
                      to: ranking.period.to,
                      published: ranking.publishedAt.slice(0, 10),
                      until: ranking.visibleUntil.slice(0, 10),
                      minimum: ranking.minimumRatings,
                    })}
                  </p>
                  ${renderRankings(ranking, (key, params) => this.msg(key, params), this.percent)}
                </section>`,
            )
          : html`<p class="empty">${this.msg('rsum.noRankings')}</p>`
      }`;
  }
}
