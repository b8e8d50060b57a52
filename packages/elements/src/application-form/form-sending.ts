import { failureDetail, isServerAnswer } from '../base/api.js';
import { focusErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { saveDraft } from './drafts.js';
import { ApplicationFormNavigation } from './form-navigation.js';
import { stepOf } from './step-check.js';
import type { CaseCreate } from './types.js';
import { gateOfProblem, type SignInGate } from './verified-identity.js';

/** What only sending needs (body, objections, receipt): a chunk of its own, fetched on the first submit. */
const loadSubmission = () => import('./submission.js');
export type Submission = Awaited<ReturnType<typeof loadSubmission>>;

/**
 * Sending the application exactly once: every step checked again, the request built by the submission
 * chunk, the server's objections shown at their fields, and a refusal for want of sign-in kept apart.
 */
export abstract class ApplicationFormSending extends ApplicationFormNavigation {
  /** Loaded by the first submit (or the resend of a draft that was being sent). */
  protected submission?: Submission;

  private body({ caseRequest }: Submission): CaseCreate {
    const { itemCode, resolved, data, answers, materialStates, commitment } = this;
    return caseRequest({
      itemCode,
      definition: this.definition!,
      resolved,
      data,
      answers,
      materialStates,
      commitment,
    });
  }

  protected async submit(): Promise<void> {
    // Everything again, in case a change elsewhere made an earlier step incomplete.
    for (const step of this.steps.filter((s) => s !== 'review')) {
      const errors = this.check(step);
      if (errors.length) {
        await this.go(step);
        this.errors = errors;
        return;
      }
    }
    let submission: Submission;
    try {
      submission = await this.loadSubmission();
    } catch (error) {
      await this.sendFailed(error);
      return;
    }
    const body = this.body(submission);
    this.sent = body;
    await this.save();
    await this.send(body);
  }

  /** The submission's chunk, with the receipt's strings. */
  private async loadSubmission(): Promise<Submission> {
    this.submission ??= await loadSubmission();
    this.laterMessages ??= this.submission.laterMessages;
    return this.submission;
  }

  /** Sends the application; the session's idempotency key makes every repeat return the same case. */
  protected async send(body: CaseCreate): Promise<void> {
    this.phase = 'sending';
    this.failure = '';
    this.refusedFor = undefined;
    try {
      await this.loadSubmission();
      const created = await this.api.cases.create(body, { idempotencyKey: this.idempotencyKey });
      this.result = created;
      this.phase = 'done';
      this.step = 'done';
      await this.keepSent();
      this.emit('banshi-submitted', created);
      await focusIn(this, 'h2');
    } catch (error) {
      this.phase = 'ready';
      const gate = gateOfProblem(error);
      if (gate) return this.refuse(gate);
      const shown = this.submission?.serverObjections(error);
      if (shown) {
        // The server judged the answers: nothing was created, so the same key may carry the corrected request.
        this.sent = undefined;
        const step = stepOf(this.resolved, shown.find((e) => e.pointer)?.pointer ?? '') ?? 'review';
        await this.go(step);
        this.errors = shown;
        await this.save();
        await focusErrorSummary(this);
        return;
      }
      await this.sendFailed(error);
    }
  }

  /** Says on the review step why the application did not reach the server. */
  private async sendFailed(error: unknown): Promise<void> {
    const reason =
      failureDetail(error) ??
      this.corsRefusal(error) ??
      this.msg(isServerAnswer(error) ? 'apply.failed.server' : 'apply.failed.network');
    if (this.step !== 'review') await this.go('review', false);
    this.failure = this.msg('apply.submitFailed', { reason });
    await focusIn(this, '#failure');
  }

  /**
   * Refused for want of sign-in or level: nothing was created, so the draft keeps the answers without the
   * sent request (a reload after signing in shows them for submitting, instead of replaying the refusal).
   */
  private async refuse(gate: SignInGate): Promise<void> {
    this.sent = undefined;
    await this.save();
    if (this.step !== 'review') await this.go('review', false);
    this.refusedFor = gate;
    await focusIn(this, '.gate');
  }

  protected askSignIn(gate: SignInGate): void {
    this.emit('banshi-login-required', { itemCode: this.itemCode, ...gate });
  }

  /** After success the draft keeps only what a reload needs to show the same confirmation again. */
  private async keepSent(): Promise<void> {
    if (!this.itemCode || !this.sent) return;
    try {
      await saveDraft(this.itemCode, this.draft('review'));
    } catch {
      // Nothing to keep then.
    }
  }
}
