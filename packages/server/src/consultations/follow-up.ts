import { ok, type IdempotentHandler } from '../http/operation.js';
import { ProblemError } from '../http/problem.js';
import { loadConsultation, lockConsultation } from './access.js';
import { consultationView } from './consultation-view.js';
import { answerDue } from './rules.js';

/** A 409 about the state of a question. */
export function consultationConflict(detailKey: string): ProblemError {
  return new ProblemError(409, 'invalid_transition', { titleKey: 'problem.conflict', detailKey });
}

/** The asker's one follow-up, once the question is answered; due like a new question. */
export const createConsultationFollowUp: IdempotentHandler<'createConsultationFollowUp'> = {
  idempotent: true,
  async authorise(ctx) {
    await loadConsultation(ctx, ctx.db, ctx.request.path.consultationNumber);
  },
  async run(ctx, trx) {
    // The row lock serialises two follow-ups sent at once: the second sees the first and is refused.
    const row = await lockConsultation(trx, ctx.request.path.consultationNumber);
    if (!row.answered_at) throw consultationConflict('consultation.notAnswered');
    if (row.follow_up_at) throw consultationConflict('consultation.followUpTaken');
    const calendar = await ctx.services.calendar(trx);
    const change = {
      follow_up: ctx.request.body.question.trim(),
      follow_up_at: ctx.now,
      follow_up_due: answerDue(ctx.now, ctx.services.rules.consultationAnswerDays, calendar),
    };
    await trx.updateTable('consultations').set(change).where('number', '=', row.number).execute();
    return ok(consultationView({ ...row, ...change }, ctx.now));
  },
};
