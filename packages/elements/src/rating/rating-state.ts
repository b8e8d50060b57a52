import { property, state } from 'lit/decorators.js';
import {
  newIdempotencyKey,
  type Evaluation,
  type EvaluationInput,
  type EvaluationLevel,
  type EvaluationReason,
  type ExistingEvaluation,
  type FollowUpAnswers,
} from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { COMMENT_MAX, type RatingField, type RatingMode, type RatingQuestion } from './options.js';
import type { RatingDraft } from './rating-body.js';
import type { SensitiveKind } from './sensitive.js';
import type { ServiceChoice } from './service-choice.js';
import { resolveSetting } from '../base/config.js';

/** Where the rating stands: choosing, confirming a comment, sending, and the outcomes. */
export type Phase = 'form' | 'confirm' | 'sending' | 'failed' | 'thanks' | 'queued' | 'already';

/** What a rating is given for and what the person has chosen so far: the state `BanshiRating` renders. */
export abstract class RatingState extends BanshiElement {
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
  /**
   * The case's own applicant rates (their case in 我的办件, or with `applicantToken`): the rating is
   * real-name by default, with their name and mobile taken from the case, never typed again; they may
   * still choose anonymous.
   */
  @property({ attribute: 'applicant-known', type: Boolean }) applicantKnown = false;
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

  @state() protected phase: Phase = 'form';
  @state() protected level?: EvaluationLevel;
  @state() protected reasons: EvaluationReason[] = [];
  @state() protected answers: FollowUpAnswers = {};
  @state() protected comment = '';
  @state() protected announcedCount = '';
  @state() protected anonymous = true;
  /** The person picked anonymous or real name themselves (the default no longer applies). */
  protected identityChosen = false;
  @state() protected raterName = '';
  @state() protected raterMobile = '';
  @state() protected errors: RatingField[] = [];
  @state() protected sensitive: SensitiveKind[] = [];
  @state() protected failure = '';
  @state() protected result?: Evaluation | ExistingEvaluation;
  @state() protected waiting = 0;
  /** Which service and window a visit was, asked when neither a case nor a window is given. */
  @state() protected service?: ServiceChoice;
  private serviceAsked = false;
  /** The rating this one follows up (追评), chosen from the already-rated view. */
  @state() protected followUpOf = '';

  /** One key per rating session, reused by every retry and kept with a queued rating. */
  protected idempotencyKey = newIdempotencyKey();
  /** The body last sent with `idempotencyKey`; a retry of something different needs a key of its own. */
  protected sentBody?: string;
  /** When the kiosk rating was first sent; kept across retries so the body stays the same. */
  protected ratedAt?: string;
  /** The person chose to send a comment that looks like it holds personal data. */
  protected sensitiveConfirmed = false;
  protected announceTimer?: ReturnType<typeof setTimeout>;

  /** Clears everything chosen and typed, and starts a new rating session (new idempotency key). */
  reset(): void {
    this.phase = 'form';
    this.level = this.result = undefined;
    this.reasons = [];
    this.answers = {};
    this.comment = this.announcedCount = this.failure = this.raterName = this.raterMobile = '';
    this.identityChosen = false;
    this.anonymous = !this.fromCase;
    this.errors = [];
    this.sensitive = [];
    this.sensitiveConfirmed = false;
    this.sentBody = this.ratedAt = undefined;
    this.followUpOf = '';
    this.idempotencyKey = newIdempotencyKey();
  }

  /** What the form holds now. */
  protected draft(): RatingDraft {
    const { level, reasons, answers, comment, anonymous, raterName, raterMobile } = this;
    return {
      kiosk: this.mode === 'kiosk',
      level,
      reasons,
      answers,
      comment,
      anonymous,
      fromCase: this.fromCase,
      raterName,
      raterMobile,
      ...(this.asksService
        ? { visit: { itemCode: this.service?.itemCode ?? '', windowId: this.service?.windowId ?? '' } }
        : {}),
    };
  }

  /** A visit rated with neither a case nor a window: the person says which service and window it was. */
  protected get asksService(): boolean {
    return this.mode !== 'summary' && !this.caseNumber && !this.windowId;
  }

  /** What the error summary says of a field in error (the service choice's own come with its chunk). */
  protected fieldError(field: RatingField): string {
    const key = `rating.error.${field}`;
    return field === 'service' || field === 'window'
      ? (this.service?.text(this.resolvedLang, key) ?? key)
      : this.msg(key);
  }

  /** Loads the choice of service (a chunk of its own) the first time it is needed. */
  protected askServiceIfNeeded(): void {
    if (!this.asksService || this.serviceAsked) return;
    this.serviceAsked = true;
    const region = resolveSetting(this, 'region') ?? '';
    import('./service-choice.js')
      .then(
        ({ ServiceChoice }) =>
          (this.service = new ServiceChoice(this, () => this.api, region, this.itemCode)),
      )
      .catch(() => (this.serviceAsked = false));
  }

  /** A case rated by its known applicant (see `applicantKnown`). */
  protected get fromCase(): boolean {
    return this.mode !== 'kiosk' && !!this.caseNumber && (this.applicantKnown || !!this.applicantToken);
  }

  protected toggleReason(reason: EvaluationReason, checked: boolean): void {
    this.reasons = checked ? [...this.reasons, reason] : this.reasons.filter((r) => r !== reason);
    if (this.reasons.length) this.errors = this.errors.filter((field) => field !== 'reasons');
  }

  protected answer(question: RatingQuestion, answer: boolean): void {
    this.answers = { ...this.answers, [question]: answer };
  }

  protected onComment(event: Event): void {
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
}
