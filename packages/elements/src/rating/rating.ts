import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  ApiFailure,
  EVALUATION_LEVELS,
  existingEvaluation,
  failureDetail,
  isBadLevel,
  isTransientFailure,
  type Evaluation,
  type EvaluationInput,
  type EvaluationLevel,
  type EvaluationSummary,
  type ExistingEvaluation,
} from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import { randomId } from '../base/ids.js';
import { Outbox } from '../base/outbox.js';
import './events.js';
import { ratingMessages } from './messages.js';
import { ratingStyles } from './rating.styles.js';
import { findSensitive, type SensitiveKind } from './sensitive.js';

/** Reason categories of a bad review (差评). */
export const RATING_REASONS = [
  'slow',
  'attitude',
  'guide',
  'materials',
  'visits',
  'system',
  'other',
] as const;
/** Optional follow-up questions shown with a bad review, answered yes or no. */
export const RATING_QUESTIONS = ['guideClear', 'convenient', 'materialsMinimal', 'friendly'] as const;
/** Longest comment accepted. */
export const COMMENT_MAX = 500;

export type RatingMode = 'inline' | 'kiosk' | 'summary';
type Phase = 'form' | 'confirm' | 'sending' | 'failed' | 'thanks' | 'queued' | 'already';

/** The kiosk queue; one database per origin, shared by every kiosk element on the device. */
const kioskOutbox = new Outbox<EvaluationInput>('banshi-rating-outbox');
/** Keys being delivered right now by any element on this page, so two elements never race on one entry. */
const delivering = new Set<string>();

/**
 * 我要评: the 好差评 rating of a service, in three modes.
 *
 * - `inline` (default): rate a case (`case-number`) or an item (`item-code`): five levels, reasons and
 *   follow-up questions for a bad review, a comment, anonymous or real-name.
 * - `kiosk`: the 评价器 tablet at a hall window (`window-id`, `staff-id`, `item-code`): elder-size targets,
 *   resets after `idle-seconds`, and keeps ratings on the device while the server cannot be reached, to
 *   deliver each exactly once later.
 * - `summary`: satisfaction rate and level distribution for `item-code` or `department-code`, as a table.
 *
 * @tagname banshi-rating
 * @summary 好差评 rating of a service: inline, hall kiosk, or published summary.
 * @event banshi-rated - A rating reached the server; `detail` is the stored evaluation.
 * @event banshi-rating-queued - A kiosk rating was saved on the device; `detail` is `{ idempotencyKey, waiting }`.
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart level - Each of the five level choices.
 * @csspart submit - The send button.
 * @csspart notice - Error, warning and confirmation boxes.
 * @csspart table - The summary table.
 * @cssprop --banshi-rating-level-background - Background of an unselected level.
 * @cssprop --banshi-rating-level-selected-background - Background of the selected level.
 * @cssprop --banshi-rating-level-selected-color - Text colour of the selected level.
 * @cssprop --banshi-rating-bar-color - Colour of the summary bars.
 * @cssprop --banshi-rating-border-color - Border of the widget.
 * @cssprop --banshi-rating-padding - Inner spacing of the widget.
 */
export class BanshiRating extends BanshiElement {
  static override styles = [baseStyles, ratingStyles];
  static override messages = ratingMessages;

  /** `inline`, `kiosk` or `summary`. */
  @property({ reflect: true }) mode: RatingMode = 'inline';
  /** 办件编号 of the case being rated (一事一评). */
  @property({ attribute: 'case-number' }) caseNumber = '';
  /** 事项编码 of the service item being rated or summarised. */
  @property({ attribute: 'item-code' }) itemCode = '';
  /** Department whose summary is shown (summary mode). */
  @property({ attribute: 'department-code' }) departmentCode = '';
  /** Hall window of the kiosk. */
  @property({ attribute: 'window-id' }) windowId = '';
  /** Staff member serving at the kiosk's window. */
  @property({ attribute: 'staff-id' }) staffId = '';
  /** Kiosk: seconds without interaction before the tablet starts over for the next person. */
  @property({ attribute: 'idle-seconds', type: Number }) idleSeconds = 30;
  /** Kiosk: seconds between attempts to deliver waiting ratings. */
  @property({ attribute: 'retry-seconds', type: Number }) retrySeconds = 30;

  @state() private phase: Phase = 'form';
  @state() private level?: EvaluationLevel;
  @state() private reasons: string[] = [];
  @state() private answers: Record<string, string> = {};
  @state() private comment = '';
  @state() private announcedComment = '';
  @state() private anonymous = true;
  @state() private errors: Array<'level' | 'reasons'> = [];
  @state() private sensitive: SensitiveKind[] = [];
  @state() private failure = '';
  @state() private result?: Evaluation | ExistingEvaluation;
  @state() private waiting = 0;
  @state() private summary?: EvaluationSummary;
  @state() private summaryFailed = false;

  /** One key per rating session, reused by every retry and by the kiosk queue. */
  private idempotencyKey = randomId();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setInterval>;
  private summaryRequest?: AbortController;
  private kioskRunning = false;
  /** The person chose to send a comment that looks like it holds personal data. */
  private sensitiveConfirmed = false;
  private readonly onOnline = (): void => void this.deliverQueued();
  private readonly onActivity = (): void => this.restartIdleTimer();

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncKiosk();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.syncKiosk();
    clearTimeout(this.announceTimer);
    this.summaryRequest?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) this.syncKiosk();
    const query = ['mode', 'itemCode', 'departmentCode', 'apiBase'] as const;
    if (this.mode === 'summary' && query.some((name) => changed.has(name))) {
      void this.loadSummary();
    }
  }

  protected override contextChanged(): void {
    if (this.mode === 'summary') void this.loadSummary();
  }

  /** Kiosk mode is elder-size by default. */
  protected override get elderMode(): boolean {
    return this.mode === 'kiosk' || super.elderMode;
  }

  /** Clears everything typed and starts a new rating session (the kiosk does this for the next person). */
  reset(): void {
    this.phase = 'form';
    this.level = undefined;
    this.reasons = [];
    this.answers = {};
    this.comment = this.announcedComment = this.failure = '';
    this.anonymous = true;
    this.errors = [];
    this.sensitive = [];
    this.sensitiveConfirmed = false;
    this.result = undefined;
    this.idempotencyKey = randomId();
  }

  /** Kiosk: tries to send every rating waiting on this device; resolves when done trying. */
  async deliverQueued(): Promise<void> {
    for (const entry of await kioskOutbox.all()) {
      if (delivering.has(entry.key)) continue;
      delivering.add(entry.key);
      try {
        const evaluation = await this.api.evaluations.create(entry.body, { idempotencyKey: entry.key });
        await kioskOutbox.remove(entry.key);
        this.emit('banshi-rated', evaluation);
      } catch (error) {
        if (isTransientFailure(error)) break;
        // Answered and refused (already rated, or invalid): sending it again can never succeed.
        await kioskOutbox.remove(entry.key);
        if (!existingEvaluation(error))
          console.warn('[banshi] a queued rating was refused by the server', error);
      } finally {
        delivering.delete(entry.key);
      }
    }
    await this.refreshWaiting();
  }

  protected override renderContent(): TemplateResult {
    if (this.mode === 'summary') return this.renderSummary();
    const kiosk = this.mode === 'kiosk';
    return html`<div class=${kiosk ? 'kiosk' : ''}>
      ${
        this.phase === 'thanks' || this.phase === 'queued' || this.phase === 'already'
          ? this.renderOutcome()
          : this.renderForm(kiosk)
      }
      ${
        kiosk && this.waiting
          ? html`<p class="waiting" role="status">${this.msg('rating.waiting', { count: this.waiting })}</p>`
          : nothing
      }
    </div>`;
  }

  private renderForm(kiosk: boolean): TemplateResult {
    const bad = this.level !== undefined && isBadLevel(this.level);
    const busy = this.phase === 'sending';
    return html`<form novalidate @submit=${this.onSubmit} aria-busy=${busy ? 'true' : 'false'}>
      <h2 part="title">${this.msg(kiosk ? 'rating.title.kiosk' : 'rating.title')}</h2>
      ${
        this.errors.length
          ? html`<div class="notice" part="notice" role="alert" tabindex="-1" id="errors">
              <strong>${this.msg('rating.errors')}</strong>
              <ul>
                ${this.errors.map(
                  (error) =>
                    html`<li>
                      <button type="button" class="link" @click=${() => this.focusField(error)}>
                        ${this.msg(`rating.error.${error}`)}
                      </button>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <fieldset class="levels" aria-describedby=${this.errors.includes('level') ? 'level-error' : nothing}>
        <legend>${this.msg('rating.levels')}</legend>
        ${
          this.errors.includes('level')
            ? html`<p class="error" id="level-error">${this.msg('rating.error.level')}</p>`
            : nothing
        }
        <div class="options">
          ${EVALUATION_LEVELS.map(
            (level) =>
              html`<label class="option level ${this.level === level ? 'checked' : ''}" part="level">
                <input
                  type="radio"
                  name="level"
                  .value=${level}
                  .checked=${this.level === level}
                  @change=${() => this.chooseLevel(level)}
                />
                <span>${this.msg(`rating.level.${level}`)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      ${bad ? this.renderBadReview() : nothing}
      <div>
        <label class="label" for="comment">${this.msg('rating.comment')}</label>
        <textarea
          id="comment"
          maxlength=${COMMENT_MAX}
          .value=${this.comment}
          @input=${this.onComment}
          aria-describedby="comment-count"
        ></textarea>
        <div class="count" id="comment-count" aria-hidden="true">
          ${this.msg('rating.comment.count', { count: this.comment.length, max: COMMENT_MAX })}
        </div>
        <div class="sr-only" aria-live="polite">${this.announcedComment}</div>
      </div>
      ${
        kiosk
          ? nothing
          : html`<fieldset>
              <legend>${this.msg('rating.identity')}</legend>
              <div class="options">
                ${[true, false].map(
                  (anonymous) =>
                    html`<label class="option">
                      <input
                        type="radio"
                        name="identity"
                        .checked=${this.anonymous === anonymous}
                        @change=${() => (this.anonymous = anonymous)}
                      />
                      <span>${this.msg(anonymous ? 'rating.anonymous' : 'rating.realName')}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`
      }
      ${this.phase === 'confirm' ? this.renderSensitiveWarning() : nothing}
      ${
        this.phase === 'failed'
          ? html`<div class="notice" part="notice" role="alert">${this.failure}</div>`
          : nothing
      }
      <div class="actions">
        <button class="primary" part="submit" type="submit" ?disabled=${busy}>
          ${this.msg(busy ? 'rating.sending' : this.phase === 'failed' ? 'rating.retry' : 'rating.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderBadReview(): TemplateResult {
    const missing = this.errors.includes('reasons');
    return html`<fieldset id="reasons" aria-describedby=${missing ? 'reasons-error' : nothing}>
        <legend>${this.msg('rating.reasons')}</legend>
        ${missing ? html`<p class="error" id="reasons-error">${this.msg('rating.error.reasons')}</p>` : nothing}
        <div class="options">
          ${RATING_REASONS.map(
            (reason) =>
              html`<label class="option">
                <input
                  type="checkbox"
                  .value=${reason}
                  .checked=${this.reasons.includes(reason)}
                  @change=${(event: Event) => this.toggleReason(reason, (event.target as HTMLInputElement).checked)}
                />
                <span>${this.msg(`rating.reason.${reason}`)}</span>
              </label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.msg('rating.followUp')}</legend>
        ${RATING_QUESTIONS.map(
          (question) =>
            html`<fieldset>
              <legend class="hint">${this.msg(`rating.question.${question}`)}</legend>
              <div class="options">
                ${['yes', 'no'].map(
                  (answer) =>
                    html`<label class="option">
                      <input
                        type="radio"
                        name=${question}
                        .checked=${this.answers[question] === answer}
                        @change=${() => (this.answers = { ...this.answers, [question]: answer })}
                      />
                      <span>${this.msg(`rating.answer.${answer}`)}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`,
        )}
      </fieldset>`;
  }

  private renderSensitiveWarning(): TemplateResult {
    const what = this.sensitive
      .map((kind) => this.msg(`rating.sensitive.${kind}`))
      .join(this.msg('rating.sensitive.separator'));
    return html`<div class="notice" part="notice" id="sensitive" tabindex="-1" role="alert">
      <p>${this.msg('rating.sensitive', { what })}</p>
      <div class="actions">
        <button type="button" @click=${() => this.focusField('comment')}>
          ${this.msg('rating.sensitive.edit')}
        </button>
        <button type="button" class="primary" @click=${this.confirmSensitive}>
          ${this.msg('rating.sensitive.send')}
        </button>
      </div>
    </div>`;
  }

  private renderOutcome(): TemplateResult {
    const level = this.result?.level ?? this.level;
    const levelText = level ? this.msg(`rating.level.${level}`) : '';
    const heading = this.phase === 'already' ? 'rating.already' : 'rating.thanks';
    return html`<div class="panel" role="status">
      <h2 part="title" class="done" tabindex="-1" id="outcome">${this.msg(heading)}</h2>
      <p>
        ${this.msg(this.phase === 'already' ? 'rating.already.level' : 'rating.thanks.level', { level: levelText })}
      </p>
      ${this.phase === 'queued' ? html`<p>${this.msg('rating.queued')}</p>` : nothing}
      ${
        this.mode === 'kiosk'
          ? html`<div class="actions">
              <button type="button" class="primary" @click=${() => this.reset()}>
                ${this.msg('rating.again')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderSummary(): TemplateResult {
    const summary = this.summary;
    if (this.summaryFailed) {
      return html`<div class="panel">
        <div class="notice" part="notice" role="alert">${this.msg('rating.summary.failed')}</div>
        <div class="actions">
          <button type="button" @click=${() => void this.loadSummary()}>${this.msg('rating.retry')}</button>
        </div>
      </div>`;
    }
    if (!summary) return html`<p role="status">${this.msg('rating.summary.loading')}</p>`;
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 1 });
    const share = (count: number) => (summary.total ? count / summary.total : 0);
    return html`<div class="panel">
      <h2 part="title">${this.msg('rating.summary')}</h2>
      <p>
        ${this.msg('rating.summary.rate')}
        <span class="rate">${percent.format(summary.satisfactionRate)}</span>
        <span class="hint">${this.msg('rating.summary.total', { total: summary.total })}</span>
      </p>
      <table part="table">
        <caption>
          ${this.msg('rating.summary.table')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.msg('rating.summary.level')}</th>
            <th scope="col">${this.msg('rating.summary.count')}</th>
            <th scope="col">${this.msg('rating.summary.share')}</th>
            <td class="bar"></td>
          </tr>
        </thead>
        <tbody>
          ${EVALUATION_LEVELS.map((level) => {
            const count = summary.counts[level] ?? 0;
            return html`<tr>
              <th scope="row">${this.msg(`rating.level.${level}`)}</th>
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

  private confirmSensitive(): void {
    this.sensitiveConfirmed = true;
    void this.send();
  }

  private chooseLevel(level: EvaluationLevel): void {
    this.level = level;
    this.errors = this.errors.filter((error) => error !== 'level');
  }

  private toggleReason(reason: string, checked: boolean): void {
    this.reasons = checked ? [...this.reasons, reason] : this.reasons.filter((r) => r !== reason);
    if (this.reasons.length) this.errors = this.errors.filter((error) => error !== 'reasons');
  }

  private onComment(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    this.sensitiveConfirmed = false;
    if (this.phase === 'confirm') this.phase = 'form';
    // Screen readers hear the count once typing pauses, not on every keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcedComment = this.msg('rating.comment.announce', {
        count: this.comment.length,
        left: COMMENT_MAX - this.comment.length,
      });
    }, 1200);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending') return;
    const errors: Array<'level' | 'reasons'> = [];
    if (!this.level) errors.push('level');
    else if (isBadLevel(this.level) && !this.reasons.length) errors.push('reasons');
    this.errors = errors;
    if (errors.length) {
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#errors')?.focus();
      return;
    }
    this.sensitive = findSensitive(this.comment);
    if (this.sensitive.length && !this.sensitiveConfirmed) {
      this.phase = 'confirm';
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#sensitive')?.focus();
      return;
    }
    await this.send();
  }

  private body(): EvaluationInput {
    const bad = isBadLevel(this.level!);
    const kiosk = this.mode === 'kiosk';
    const body: EvaluationInput = {
      level: this.level!,
      channel: kiosk ? 'hallTablet' : 'pc',
      anonymous: kiosk || this.anonymous,
    };
    if (this.caseNumber) body.caseNumber = this.caseNumber;
    if (this.itemCode) body.itemCode = this.itemCode;
    if (kiosk && this.windowId) body.windowId = this.windowId;
    if (kiosk && this.staffId) body.staffId = this.staffId;
    if (bad) body.reasons = [...this.reasons];
    if (bad && Object.keys(this.answers).length) body.answers = { ...this.answers };
    const comment = this.comment.trim();
    if (comment) body.comment = comment;
    return body;
  }

  private async send(): Promise<void> {
    const body = this.body();
    this.phase = 'sending';
    try {
      const evaluation = await this.api.evaluations.create(body, { idempotencyKey: this.idempotencyKey });
      this.result = evaluation;
      this.phase = 'thanks';
      this.emit('banshi-rated', evaluation);
    } catch (error) {
      const existing = existingEvaluation(error);
      if (existing) {
        this.result = existing;
        this.phase = 'already';
      } else if (this.mode === 'kiosk' && isTransientFailure(error)) {
        await kioskOutbox.add({ key: this.idempotencyKey, body, queuedAt: new Date().toISOString() });
        await this.refreshWaiting();
        this.phase = 'queued';
        this.emit('banshi-rating-queued', { idempotencyKey: this.idempotencyKey, waiting: this.waiting });
      } else {
        const reason =
          failureDetail(error) ??
          this.msg(error instanceof ApiFailure ? 'rating.failed.server' : 'rating.failed.network');
        this.failure = this.msg('rating.failed', { reason });
        this.phase = 'failed';
      }
    }
    if (this.phase !== 'failed') {
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#outcome')?.focus();
    }
    this.restartIdleTimer();
  }

  private async focusField(field: 'level' | 'reasons' | 'comment'): Promise<void> {
    if (field === 'comment') this.phase = 'form';
    await this.updateComplete;
    const root = this.shadowRoot!;
    const target =
      field === 'comment'
        ? root.querySelector<HTMLElement>('#comment')
        : root.querySelector<HTMLElement>(field === 'level' ? '[name=level]' : '#reasons input');
    target?.focus();
  }

  private async loadSummary(): Promise<void> {
    this.summaryRequest?.abort();
    const request = (this.summaryRequest = new AbortController());
    this.summaryFailed = false;
    try {
      const query = {
        itemCode: this.itemCode || undefined,
        departmentCode: this.departmentCode || undefined,
      };
      const summary = await this.api.evaluations.summary(query, { signal: request.signal });
      if (!request.signal.aborted) this.summary = summary;
    } catch {
      if (!request.signal.aborted) this.summaryFailed = true;
    }
  }

  /** Runs the kiosk's timers and listeners exactly while the element is connected in kiosk mode. */
  private syncKiosk(): void {
    const wanted = this.isConnected && this.mode === 'kiosk';
    if (wanted === this.kioskRunning) return;
    this.kioskRunning = wanted;
    if (wanted) this.startKiosk();
    else this.stopKiosk();
  }

  private startKiosk(): void {
    window.addEventListener('online', this.onOnline);
    for (const type of ['pointerdown', 'keydown', 'input']) this.addEventListener(type, this.onActivity);
    this.retryTimer = setInterval(() => {
      if (this.waiting) void this.deliverQueued();
    }, this.retrySeconds * 1000);
    this.restartIdleTimer();
    void this.deliverQueued();
  }

  private stopKiosk(): void {
    window.removeEventListener('online', this.onOnline);
    for (const type of ['pointerdown', 'keydown', 'input']) this.removeEventListener(type, this.onActivity);
    clearInterval(this.retryTimer);
    clearTimeout(this.idleTimer);
  }

  private restartIdleTimer(): void {
    clearTimeout(this.idleTimer);
    if (this.mode !== 'kiosk' || this.phase === 'sending') return;
    this.idleTimer = setTimeout(() => this.reset(), this.idleSeconds * 1000);
  }

  private async refreshWaiting(): Promise<void> {
    this.waiting = await kioskOutbox.count();
  }
}
