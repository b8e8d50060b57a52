import { focusErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import type { Draft } from './draft-state.js';
import { saveDraft } from './drafts.js';
import { ApplicationFormState } from './form-state.js';

/**
 * Moving between the steps: Continue checks the step and saves the draft before the next step shows,
 * Back goes one step back, and a change from the review returns to the review.
 */
export abstract class ApplicationFormNavigation extends ApplicationFormState {
  private returnToReview = false;

  /** Sends the application (Submit on the review step). */
  protected abstract submit(): Promise<void>;

  /** Fetches what `step` shows when it is not loaded yet (the later steps' views load on first use). */
  protected abstract prepareStep(step: string): Promise<void>;

  protected async save(step = this.step): Promise<void> {
    if (!this.itemCode || !this.definition || this.phase === 'done') return;
    try {
      await saveDraft(this.itemCode, this.draft(step));
      this.emit('banshi-draft-saved', { itemCode: this.itemCode, step });
    } catch {
      // Without storage the form still works; only resuming later is lost.
    }
  }

  protected draft(step: string): Draft {
    return {
      version: this.definition!.version,
      step,
      situation: this.answers,
      data: this.data,
      raw: this.raw,
      materials: this.materialStates,
      commitment: this.commitment,
      idempotencyKey: this.idempotencyKey,
      ...(this.sent ? { sent: this.sent } : {}),
    };
  }

  protected async go(step: string, focus = true): Promise<void> {
    await this.prepareStep(step);
    this.step = step;
    this.errors = [];
    if (focus) this.resumed = false;
    await this.updateComplete;
    const planned = this.planned.map((entry) => entry.id);
    this.emit('banshi-step', { step, index: planned.indexOf(step) + 1, total: planned.length });
    if (focus) await focusIn(this, 'h2');
  }

  protected back(): void {
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    if (index > 0) void this.go(steps[index - 1]!);
  }

  protected changeStep(step: string): void {
    this.returnToReview = true;
    void this.go(step);
  }

  protected async next(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase !== 'ready') return;
    void this.prepareStep('review'); // the person is filling the form in: the later steps will be needed
    const errors = this.check();
    this.errors = errors;
    if (errors.length) {
      await focusErrorSummary(this);
      return;
    }
    if (this.step === 'review') return this.submit();
    const steps = this.steps;
    const target =
      this.returnToReview && this.step !== 'situation' ? 'review' : steps[steps.indexOf(this.step) + 1]!;
    if (target === 'review') this.returnToReview = false;
    // The draft is saved before the next step shows, so nothing typed there can race the save.
    await this.save(target);
    await this.go(target);
  }
}
