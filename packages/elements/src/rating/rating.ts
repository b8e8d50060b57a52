import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  EVALUATION_LEVELS,
  existingEvaluation,
  failureDetail,
  isBadLevel,
  isServerAnswer,
  isTransientFailure,
  newIdempotencyKey,
  type ApiOptions,
  type Evaluation,
  type EvaluationInput,
  type EvaluationLevel,
  type EvaluationReason,
  type EvaluationSummary,
  type ExistingEvaluation,
  type FollowUpAnswers,
} from '../base/api.js';
import { isValidMobile, normalizeMobile } from '@banshi/sdk/forms';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary, renderErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import './events.js';
import { KioskTimers } from './kiosk-timers.js';
import { ratingMessages } from './messages.js';
import { ratingStyles } from './rating.styles.js';
import { findSensitive, type SensitiveKind } from './sensitive.js';

/** Reason categories of a bad review (差评), in the order they are offered. */
export const RATING_REASONS: readonly EvaluationReason[] = [
  'slowProcessing',
  'repeatedVisits',
  'tooManyMaterials',
  'guideUnclear',
  'poorAttitude',
  'unprofessional',
  'systemUnusable',
  'unreasonableRefusal',
  'unfairFees',
  'other',
];

/** Optional follow-up questions offered with a bad review, answered yes or no. */
export const RATING_QUESTIONS = [
  'guideClear',
  'procedureConvenient',
  'materialsMinimal',
  'interfaceFriendly',
] as const;

/** Longest comment accepted. */
export const COMMENT_MAX = 500;

export type RatingMode = 'inline' | 'kiosk' | 'summary';
type Phase = 'form' | 'confirm' | 'sending' | 'failed' | 'thanks' | 'queued' | 'already';
type Field = 'level' | 'reasons' | 'name' | 'mobile';
type Question = (typeof RATING_QUESTIONS)[number];

/** The kiosk's queue on the device: a chunk of its own on the CDN, fetched when a kiosk starts. */
const loadKioskQueue = () => import('./kiosk-queue.js');

/**
 * 我要评: the 好差评 rating of a service, in three modes.
 *
 * - `inline` (default): rate a case (`case-number`, with its `query-code` or the `applicantToken`
 *   property) or a window visit (`item-code` and `window-id`): five levels, reasons and follow-up
 *   questions for a bad review, a comment, anonymous or with name and mobile for the callback.
 * - `kiosk`: the 评价器 tablet at a hall window (`window-id`, `staff-id`, `item-code`): elder-size targets,
 *   starts over after `idle-seconds`, and keeps ratings on the device while the server cannot be reached,
 *   delivering each exactly once later (on `online`, every `retry-seconds`, or after a reload).
 * - `summary`: satisfaction rate and level distribution for `item-code` and/or `department`, as a table.
 *
 * @tagname banshi-rating
 * @summary 好差评 rating of a service: inline, hall kiosk, or published summary.
 * @event {CustomEvent<Evaluation>} banshi-rated - A rating reached the server; `detail` is the stored evaluation.
 * @event {CustomEvent<RatingQueuedDetail>} banshi-rating-queued - A kiosk rating was saved on the device; `detail` is `{ idempotencyKey, waiting }`.
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart level - Each of the five level choices.
 * @csspart submit - The send button.
 * @csspart notice - Error, warning and confirmation boxes.
 * @csspart error-summary - The list of problems at the top of the form, each a link to its field.
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
  /** 办件编号 of the case being rated (一事一评, online). */
  @property({ attribute: 'case-number' }) caseNumber = '';
  /**
   * 查询密码 of the case, sent in the `X-Query-Code` header. Prefer setting the property from script,
   * which keeps it out of the page's markup.
   */
  @property({ attribute: 'query-code' }) queryCode = '';
  /**
   * The applicant token of the case (`CaseCreated.applicantToken`): a case rating sends it as
   * `Authorization: Bearer …` instead of the query code. Script only, never an attribute, so a token
   * cannot sit in the page's markup.
   */
  @property({ attribute: false }) applicantToken = '';
  /** 事项编码 of the service: rated at a window, or summarised. */
  @property({ attribute: 'item-code' }) itemCode = '';
  /** Department id whose figures are shown (summary mode). */
  @property() department = '';
  /** Hall window being rated (on-site ratings). */
  @property({ attribute: 'window-id' }) windowId = '';
  /** 工号 of the member of staff who served (on-site ratings). */
  @property({ attribute: 'staff-id' }) staffId = '';
  /** Kiosk: the rating device's id, recorded with queued ratings. */
  @property({ attribute: 'device-id' }) deviceId = '';
  /** Channel recorded with the rating; defaults to `pc`, or `hallTablet` in kiosk mode. */
  @property() channel?: EvaluationInput['channel'];
  /** Kiosk: seconds without interaction before the tablet starts over for the next person. */
  @property({ attribute: 'idle-seconds', type: Number }) idleSeconds = 30;
  /** Kiosk: seconds between attempts to deliver waiting ratings. */
  @property({ attribute: 'retry-seconds', type: Number }) retrySeconds = 30;

  @state() private phase: Phase = 'form';
  @state() private level?: EvaluationLevel;
  @state() private reasons: EvaluationReason[] = [];
  @state() private answers: FollowUpAnswers = {};
  @state() private comment = '';
  @state() private announcedCount = '';
  @state() private anonymous = true;
  @state() private raterName = '';
  @state() private raterMobile = '';
  @state() private errors: Field[] = [];
  @state() private sensitive: SensitiveKind[] = [];
  @state() private failure = '';
  @state() private result?: Evaluation | ExistingEvaluation;
  @state() private waiting = 0;
  @state() private summary?: EvaluationSummary;
  @state() private summaryFailed = false;

  /** One key per rating session, reused by every retry and kept with a queued rating. */
  private idempotencyKey = newIdempotencyKey();
  /** The body last sent with `idempotencyKey`; a retry of something different needs a key of its own. */
  private sentBody?: string;
  /** When the kiosk rating was first sent; kept across retries so the body stays the same. */
  private ratedAt?: string;
  /** The person chose to send a comment that looks like it holds personal data. */
  private sensitiveConfirmed = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private summaryRequest?: AbortController;
  /** The summary's view, a chunk of its own that only summary pages fetch. */
  private summaryView?: typeof import('./summary-view.js').renderSummary;
  private readonly kiosk = new KioskTimers(this, {
    active: () => this.mode === 'kiosk',
    idleSeconds: () => this.idleSeconds,
    retrySeconds: () => this.retrySeconds,
    onIdle: () => {
      if (this.phase !== 'sending') this.reset();
    },
    deliver: () => void this.deliverQueued(),
    waiting: () => this.waiting > 0,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    this.summaryRequest?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const scope = ['mode', 'itemCode', 'department', 'apiBase'] as const;
    if (this.mode === 'summary' && scope.some((name) => changed.has(name))) void this.loadSummary();
  }

  protected override contextChanged(): void {
    if (this.mode === 'summary') void this.loadSummary();
  }

  /** The kiosk keeps failed ratings in its queue at once instead of keeping the next person waiting. */
  protected override get apiOptions(): ApiOptions {
    return this.mode === 'kiosk' ? { maxRetries: 0, timeout: 10_000 } : {};
  }

  /** Kiosk mode is elder-size by default. */
  protected override get elderMode(): boolean {
    return this.mode === 'kiosk' || super.elderMode;
  }

  /** Clears everything chosen and typed, and starts a new rating session (new idempotency key). */
  reset(): void {
    this.phase = 'form';
    this.level = this.result = undefined;
    this.reasons = [];
    this.answers = {};
    this.comment = this.announcedCount = this.failure = this.raterName = this.raterMobile = '';
    this.anonymous = true;
    this.errors = [];
    this.sensitive = [];
    this.sensitiveConfirmed = false;
    this.sentBody = this.ratedAt = undefined;
    this.idempotencyKey = newIdempotencyKey();
  }

  /** Kiosk: tries now to deliver the ratings waiting on this device. */
  async deliverQueued(): Promise<void> {
    try {
      const { deliverKioskQueue, kioskQueue } = await loadKioskQueue();
      for (const evaluation of await deliverKioskQueue(this.api)) this.emit('banshi-rated', evaluation);
      this.waiting = await kioskQueue.count();
    } catch (error) {
      console.warn('[banshi] the waiting ratings could not be read', error);
    }
  }

  protected override renderContent(): TemplateResult {
    if (this.mode === 'summary') {
      if (this.summary && this.summaryView)
        return this.summaryView(this.summary, this.locale, (key, params) => this.msg(key, params));
      return this.summaryFailed
        ? html`<div class="panel">
            <div class="notice" part="notice" role="alert">${this.msg('rating.summary.failed')}</div>
            <div class="actions">
              <button type="button" @click=${() => void this.loadSummary()}>
                ${this.msg('rating.retry')}
              </button>
            </div>
          </div>`
        : html`<p role="status">${this.msg('rating.summary.loading')}</p>`;
    }
    const kiosk = this.mode === 'kiosk';
    const done = this.phase === 'thanks' || this.phase === 'queued' || this.phase === 'already';
    return html`<div class=${kiosk ? 'kiosk' : ''}>
      ${done ? this.renderOutcome() : this.renderForm(kiosk)}
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
    return html`<form novalidate @submit=${this.onSubmit} aria-busy=${busy}>
      <h2 part="title">${this.msg(kiosk ? 'rating.title.kiosk' : 'rating.title')}</h2>
      ${renderErrorSummary(
        this,
        this.msg('rating.errors'),
        this.errors.map((field) => ({ target: field, text: this.msg(`rating.error.${field}`) })),
      )}
      <fieldset id="level" class="levels" aria-describedby=${this.describedBy('level')}>
        <legend>${this.msg('rating.levels')}</legend>
        ${this.fieldError('level')}
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
        <div class="count" id="comment-count">
          ${this.msg('rating.comment.count', { count: this.comment.length, max: COMMENT_MAX })}
        </div>
        <div class="sr-only" aria-live="polite">${this.announcedCount}</div>
      </div>
      ${kiosk ? nothing : this.renderIdentity()}
      ${this.phase === 'confirm' ? this.renderSensitiveWarning() : nothing}
      ${this.phase === 'failed' ? html`<div class="notice" part="notice" role="alert">${this.failure}</div>` : nothing}
      <div class="actions">
        <button class="primary" part="submit" type="submit" ?disabled=${busy}>
          ${this.msg(busy ? 'rating.sending' : this.phase === 'failed' ? 'rating.retry' : 'rating.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderBadReview(): TemplateResult {
    return html`<fieldset id="reasons" aria-describedby=${this.describedBy('reasons')}>
        <legend>${this.msg('rating.reasons')}</legend>
        ${this.fieldError('reasons')}
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
                ${[true, false].map(
                  (answer) =>
                    html`<label class="option">
                      <input
                        type="radio"
                        name=${question}
                        .checked=${this.answers[question] === answer}
                        @change=${() => this.answer(question, answer)}
                      />
                      <span>${this.msg(answer ? 'rating.answer.yes' : 'rating.answer.no')}</span>
                    </label>`,
                )}
              </div>
            </fieldset>`,
        )}
      </fieldset>`;
  }

  private renderIdentity(): TemplateResult {
    return html`<fieldset>
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
      ${
        this.anonymous
          ? nothing
          : html`<div class="rater">
              ${this.renderText('name', this.raterName, 'name', (value) => (this.raterName = value))}
              ${this.renderText('mobile', this.raterMobile, 'tel', (value) => (this.raterMobile = value))}
            </div>`
      }
    </fieldset>`;
  }

  private renderText(
    field: 'name' | 'mobile',
    value: string,
    autocomplete: string,
    update: (value: string) => void,
  ): TemplateResult {
    const invalid = this.errors.includes(field);
    return html`<div>
      <label class="label" for=${field}>${this.msg(`rating.${field}`)}</label>
      ${this.fieldError(field)}
      <input
        id=${field}
        type=${field === 'mobile' ? 'tel' : 'text'}
        autocomplete=${autocomplete}
        .value=${value}
        aria-invalid=${invalid}
        aria-describedby=${this.describedBy(field)}
        @input=${(event: Event) => update((event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderSensitiveWarning(): TemplateResult {
    const what = this.sensitive
      .map((kind) => this.msg(`rating.sensitive.${kind}`))
      .join(this.msg('rating.sensitive.separator'));
    return html`<div class="notice" part="notice" id="sensitive" tabindex="-1" role="alert">
      <p>${this.msg('rating.sensitive', { what })}</p>
      <div class="actions">
        <button type="button" @click=${() => this.editComment()}>${this.msg('rating.sensitive.edit')}</button>
        <button type="button" class="primary" @click=${this.confirmSensitive}>
          ${this.msg('rating.sensitive.send')}
        </button>
      </div>
    </div>`;
  }

  private renderOutcome(): TemplateResult {
    const already = this.phase === 'already';
    const level = this.result?.level ?? this.level;
    return html`<div class="panel" role="status">
      <h2 part="title" class="done" tabindex="-1" id="outcome">
        ${this.msg(already ? 'rating.already' : 'rating.thanks')}
      </h2>
      <p>
        ${this.msg(already ? 'rating.already.level' : 'rating.thanks.level', {
          level: level ? this.msg(`rating.level.${level}`) : '',
        })}
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

  private fieldError(field: Field): TemplateResult | typeof nothing {
    return this.errors.includes(field)
      ? html`<p class="error" id="${field}-error">${this.msg(`rating.error.${field}`)}</p>`
      : nothing;
  }

  private describedBy(field: Field): string | typeof nothing {
    return this.errors.includes(field) ? `${field}-error` : nothing;
  }

  private chooseLevel(level: EvaluationLevel): void {
    this.level = level;
    this.errors = this.errors.filter((field) => field !== 'level' && field !== 'reasons');
  }

  private toggleReason(reason: EvaluationReason, checked: boolean): void {
    this.reasons = checked ? [...this.reasons, reason] : this.reasons.filter((r) => r !== reason);
    if (this.reasons.length) this.errors = this.errors.filter((field) => field !== 'reasons');
  }

  private answer(question: Question, answer: boolean): void {
    this.answers = { ...this.answers, [question]: answer };
  }

  private onComment(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    this.sensitiveConfirmed = false;
    if (this.phase === 'confirm') this.phase = 'form';
    // Screen readers hear the count once typing pauses, not on every keystroke.
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const count = this.comment.length;
      this.announcedCount = this.msg('rating.comment.announce', { count, left: COMMENT_MAX - count });
    }, 1000);
  }

  private validate(): Field[] {
    const errors: Field[] = [];
    if (!this.level) errors.push('level');
    else if (isBadLevel(this.level) && !this.reasons.length) errors.push('reasons');
    if (this.mode !== 'kiosk' && !this.anonymous) {
      const name = this.raterName.trim();
      if (name.length < 2 || name.length > 50) errors.push('name');
      if (!isValidMobile(this.raterMobile)) errors.push('mobile');
    }
    return errors;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending') return;
    this.errors = this.validate();
    if (this.errors.length) {
      await focusErrorSummary(this);
      return;
    }
    this.sensitive = findSensitive(this.comment);
    if (this.sensitive.length && !this.sensitiveConfirmed) {
      this.phase = 'confirm';
      await focusIn(this, '#sensitive');
      return;
    }
    await this.send();
  }

  private confirmSensitive(): void {
    this.sensitiveConfirmed = true;
    void this.send();
  }

  /** The request body for what is on screen. */
  private body(): EvaluationInput {
    const kiosk = this.mode === 'kiosk';
    const bad = isBadLevel(this.level!);
    const anonymous = kiosk || this.anonymous;
    const body: EvaluationInput = {
      target: this.caseNumber
        ? { kind: 'case', caseNumber: this.caseNumber }
        : {
            kind: 'onSite',
            itemCode: this.itemCode,
            ...(this.windowId ? { windowId: this.windowId } : {}),
            ...(this.staffId ? { staffId: this.staffId } : {}),
          },
      level: this.level!,
      channel: this.channel ?? (kiosk ? 'hallTablet' : 'pc'),
      anonymous,
    };
    if (bad) body.reasons = [...this.reasons];
    if (bad && Object.keys(this.answers).length) body.followUp = { ...this.answers };
    const comment = this.comment.trim();
    if (comment) body.comment = comment;
    if (!anonymous) body.rater = { name: this.raterName.trim(), mobile: normalizeMobile(this.raterMobile) };
    if (kiosk) {
      body.ratedAt = this.ratedAt ??= new Date().toISOString();
      if (this.deviceId) body.deviceId = this.deviceId;
    }
    return body;
  }

  private async send(): Promise<void> {
    const body = this.body();
    // A retry of the same rating reuses the key, so a first attempt that did arrive is not recorded twice;
    // a rating changed after a failure is a different request and gets its own key.
    const json = JSON.stringify(body);
    if (this.sentBody !== undefined && this.sentBody !== json) this.idempotencyKey = newIdempotencyKey();
    this.sentBody = json;
    this.phase = 'sending';
    try {
      const evaluation = await this.api.evaluations.create(body, {
        idempotencyKey: this.idempotencyKey,
        // A case is rated with the applicant's token when there is one, otherwise with its query code.
        ...(!this.caseNumber
          ? {}
          : this.applicantToken
            ? { headers: { authorization: `Bearer ${this.applicantToken}` } }
            : this.queryCode
              ? { queryCode: this.queryCode }
              : {}),
      });
      this.result = evaluation;
      this.phase = 'thanks';
      this.emit('banshi-rated', evaluation);
      // The server is reachable again: a good moment for what waits on this device.
      if (this.waiting) void this.deliverQueued();
    } catch (error) {
      const existing = existingEvaluation(error);
      if (existing) {
        this.result = existing;
        this.phase = 'already';
      } else if (this.mode === 'kiosk' && isTransientFailure(error) && (await this.queue(body))) {
        this.phase = 'queued';
        this.emit('banshi-rating-queued', { idempotencyKey: this.idempotencyKey, waiting: this.waiting });
      } else {
        const reason =
          failureDetail(error) ??
          this.msg(isServerAnswer(error) ? 'rating.failed.server' : 'rating.failed.network');
        this.failure = this.msg('rating.failed', { reason });
        this.phase = 'failed';
      }
    }
    if (this.phase !== 'failed') {
      await focusIn(this, '#outcome');
    }
    this.kiosk.restartIdle();
  }

  /** Keeps a kiosk rating on the device; false when the device cannot store it (storage blocked or full). */
  private async queue(body: EvaluationInput): Promise<boolean> {
    try {
      // Loaded already: a kiosk delivers its queue as soon as it starts.
      const { kioskQueue } = await loadKioskQueue();
      await kioskQueue.add({ key: this.idempotencyKey, body, queuedAt: new Date().toISOString() });
      this.waiting = await kioskQueue.count();
      return true;
    } catch (error) {
      console.warn('[banshi] this device cannot keep the rating for later', error);
      return false;
    }
  }

  /** Back to the comment from the personal-data warning. */
  private async editComment(): Promise<void> {
    this.phase = 'form';
    await focusIn(this, '#comment');
  }

  private async loadSummary(): Promise<void> {
    this.summaryRequest?.abort();
    const request = (this.summaryRequest = new AbortController());
    this.summaryFailed = false;
    try {
      const query = {
        ...(this.itemCode ? { item: this.itemCode } : {}),
        ...(this.department ? { department: this.department } : {}),
      };
      const [summary, { renderSummary }] = await Promise.all([
        this.api.evaluations.getSummary(query, { signal: request.signal }),
        import('./summary-view.js'),
      ]);
      if (!request.signal.aborted) [this.summary, this.summaryView] = [summary, renderSummary];
    } catch {
      if (!request.signal.aborted) this.summaryFailed = true;
    }
  }
}
