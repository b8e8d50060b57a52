import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  existingEvaluation,
  failureDetail,
  isBadLevel,
  isServerAnswer,
  isTransientFailure,
  newIdempotencyKey,
  type ApiOptions,
  type EvaluationInput,
  type EvaluationLevel,
} from '../base/api.js';
import { RatingState, type Phase } from './rating-state.js';
import { focusErrorSummary, renderErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import { renderBadReview } from './bad-review-view.js';
import { renderComment } from './comment-view.js';
import './events.js';
import { renderIdentity } from './identity-view.js';
import { renderLevels } from './levels-view.js';
import type { KioskTimers } from './kiosk-timers.js';
import { ratingMessages } from './messages.js';

import { RatedController } from './rated-controller.js';
import { ratingStyles } from './rating.styles.js';
import { SummaryController } from './summary-controller.js';

export { COMMENT_MAX, RATING_QUESTIONS, RATING_REASONS, type RatingMode } from './options.js';
/** The kiosk's queue on the device: a chunk of its own on the CDN, fetched when a kiosk starts. */
const loadKioskQueue = () => import('./kiosk-queue.js');
/** The kiosk's timers, likewise fetched when an element first becomes a kiosk. */
const loadKioskTimers = () => import('./kiosk-timers.js');
/**
 * The checks and body of a rating, with the Chinese formats: a chunk of its own, fetched when a level is
 * first chosen, so the submit that follows finds it loaded and answers at once.
 */
type SubmitChecks = typeof import('./submit-checks.js');
let submitChecks: SubmitChecks | undefined;
const loadSubmitChecks = async (): Promise<SubmitChecks> =>
  (submitChecks ??= await import('./submit-checks.js'));

/**
 * 我要评: the 好差评 rating of a service, in three modes.
 *
 * - `inline` (default): rate a case (`case-number`, with its `query-code` or the `applicantToken`
 *   property) or a window visit (`item-code` and `window-id`): five levels, reasons and follow-up
 *   questions for a bad review, a comment, anonymous or with name and mobile for the callback. With
 *   neither a case nor a window it asks which service (of the site's `region`) and window it was.
 * - `kiosk`: the 评价器 tablet at a hall window (`window-id`, `staff-id`, `item-code`): elder-size targets,
 *   anonymous by default or with name and mobile for the callback, starts over after `idle-seconds`, and
 *   keeps ratings on the device while the server cannot be reached,
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
export class BanshiRating extends RatingState {
  static override styles = [baseStyles, ratingStyles];
  static override messages = ratingMessages;

  private readonly summary = new SummaryController(this);
  private readonly rated = new RatedController(this, () => ({
    api: this.api,
    caseNumber: this.mode === 'inline' ? this.caseNumber : '',
    queryCode: this.queryCode,
    applicantToken: this.applicantToken,
  }));
  private kiosk?: KioskTimers;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const scope = ['mode', 'itemCode', 'department', 'apiBase'] as const;
    if (this.mode === 'summary' && scope.some((name) => changed.has(name))) void this.loadSummary();
    // Real name by default for the case's known applicant, until the person picks for themselves.
    if (!this.identityChosen) this.anonymous = !this.fromCase;
    this.askServiceIfNeeded();
    if (this.mode === 'kiosk')
      this.startKiosk().catch((error: unknown) => console.warn('[banshi] the kiosk could not start', error));
  }

  /** Starts the kiosk's timers (once; they then follow the mode and the element's place in the page). */
  private async startKiosk(): Promise<void> {
    if (this.kiosk) return;
    const { KioskTimers } = await loadKioskTimers();
    this.kiosk ??= new KioskTimers(this, {
      active: () => this.mode === 'kiosk',
      idleSeconds: () => this.idleSeconds,
      retrySeconds: () => this.retrySeconds,
      onIdle: () => {
        if (this.phase !== 'sending') this.reset();
      },
      deliver: () => void this.deliverQueued(),
      waiting: () => this.waiting > 0,
    });
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

  protected override get reservingSpace(): boolean {
    return this.mode === 'summary' && this.summary.loading;
  }

  protected override renderContent(): TemplateResult {
    if (this.mode === 'summary')
      return this.summary.render(this.resolvedLang, this.locale, this.msg.bind(this), () => {
        void this.loadSummary();
      });
    const rated = this.phase === 'form' && !this.followUpOf && !this.level && this.renderRated();
    if (rated) return rated;
    const kiosk = this.mode === 'kiosk';
    const done = this.phase === 'thanks' || this.phase === 'queued' || this.phase === 'already';
    return html`<div class=${kiosk ? 'kiosk' : ''}>
      ${
        done
          ? // Shown after a submit only, which loaded the chunk with it.
            submitChecks?.renderOutcome(
              this.msg.bind(this),
              {
                already: this.phase === 'already',
                queued: this.phase === 'queued',
                kiosk,
                level: this.result?.level ?? this.level,
                realName: !this.anonymous,
              },
              () => this.reset(),
            )
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
    const msg = this.msg.bind(this);
    return html`<form novalidate @submit=${this.onSubmit} aria-busy=${busy}>
      <h2 part="title">
        ${
          this.followUpOf
            ? this.rated.text(this.resolvedLang, 'rating.followUp.title')
            : this.msg(kiosk ? 'rating.title.kiosk' : 'rating.title')
        }
      </h2>
      ${renderErrorSummary(
        this,
        this.msg('rating.errors'),
        this.errors.map((field) => ({ target: field, text: this.fieldError(field) })),
      )}
      ${this.asksService ? this.service?.render(this.resolvedLang, this.errors) : nothing}
      ${renderLevels(msg, this.errors, this.level, (level) => this.chooseLevel(level))}
      ${
        bad
          ? renderBadReview({
              msg,
              errors: this.errors,
              reasons: this.reasons,
              answers: this.answers,
              toggleReason: (reason, checked) => this.toggleReason(reason, checked),
              answer: (question, answer) => this.answer(question, answer),
            })
          : nothing
      }
      ${renderComment(msg, this.comment, this.announcedCount, (event) => this.onComment(event))}
      ${renderIdentity({
        msg,
        errors: this.errors,
        anonymous: this.anonymous,
        fromCase: this.fromCase,
        raterName: this.raterName,
        raterMobile: this.raterMobile,
        setAnonymous: (anonymous) => {
          this.identityChosen = true;
          this.anonymous = anonymous;
        },
        setName: (value) => (this.raterName = value),
        setMobile: (value) => (this.raterMobile = value),
      })}
      ${
        this.phase === 'confirm'
          ? submitChecks?.renderSensitiveWarning(
              msg,
              this.sensitive,
              () => void this.editComment(),
              () => this.confirmSensitive(),
            )
          : nothing
      }
      ${this.phase === 'failed' ? html`<div class="notice" part="notice" role="alert">${this.failure}</div>` : nothing}
      <div class="actions">
        <button class="primary" part="submit" type="submit" ?disabled=${busy}>
          ${this.msg(busy ? 'rating.sending' : this.phase === 'failed' ? 'rating.retry' : 'rating.submit')}
        </button>
      </div>
    </form>`;
  }

  private chooseLevel(level: EvaluationLevel): void {
    this.level = level;
    loadSubmitChecks().catch(() => undefined); // a failure shows when the rating is sent
    this.errors = this.errors.filter((field) => field !== 'level' && field !== 'reasons');
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'sending') return;
    let checks: SubmitChecks;
    try {
      checks = submitChecks ?? (await loadSubmitChecks());
    } catch (error) {
      this.sendFailed(error);
      return;
    }
    const { ratingErrors, findSensitive } = checks;
    this.errors = ratingErrors(this.draft());
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
  private body({ ratingBody }: SubmitChecks): EvaluationInput {
    const kiosk = this.mode === 'kiosk';
    const { caseNumber, itemCode, windowId, staffId, deviceId, channel, followUpOf } = this;
    const ratedAt = kiosk ? (this.ratedAt ??= new Date().toISOString()) : '';
    const { visit } = this.draft();
    const target = {
      caseNumber,
      itemCode,
      windowId,
      staffId,
      deviceId,
      channel,
      ratedAt,
      followUpOf,
      ...visit,
    };
    return ratingBody(this.draft(), target);
  }

  private async send(): Promise<void> {
    // Loaded by the submit that leads here.
    const body = this.body(submitChecks ?? (await loadSubmitChecks()));
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
      void this.rated.check();
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
        this.sendFailed(error);
      }
    }
    // sendFailed() may have set the phase, which TypeScript's narrowing does not see.
    if ((this.phase as Phase) !== 'failed') {
      await focusIn(this, '#outcome');
    }
    this.kiosk?.restartIdle();
  }

  /** Says why the rating was not sent. */
  private sendFailed(error: unknown): void {
    const reason =
      failureDetail(error) ??
      this.corsRefusal(error) ??
      this.msg(isServerAnswer(error) ? 'rating.failed.server' : 'rating.failed.network');
    this.failure = this.msg('rating.failed', { reason });
    this.phase = 'failed';
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

  /** The case's rating when it was rated already, offering a follow-up (追评) while its period lasts. */
  private renderRated(): TemplateResult | undefined {
    const { msg, resolvedLang: lang, locale } = this;
    return this.rated.render({
      msg: msg.bind(this),
      lang,
      locale,
      followUp: () => {
        this.followUpOf = this.rated.info?.rating.id ?? '';
        void focusIn(this, 'input[name=level]');
      },
    });
  }

  private loadSummary(): Promise<void> {
    return this.summary.load(this.api, {
      ...(this.itemCode ? { item: this.itemCode } : {}),
      ...(this.department ? { department: this.department } : {}),
    });
  }
}
