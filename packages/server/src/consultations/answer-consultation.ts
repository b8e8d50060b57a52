import { auditActor } from '../audit/audit-entry.js';
import { auditStaff } from '../audit/staff-audit.js';
import { ok, type IdempotentHandler } from '../http/operation.js';
import { translate } from '../i18n/messages.js';
import { NotifierUnavailableError } from '../notify/notifier.js';
import { loadConsultation } from './access.js';
import { consultationView } from './consultation-view.js';
import { consultationConflict } from './follow-up.js';

// The asker to tell, from the transaction to the send after it commits.
const toTell = new WeakMap<object, { mobile: string; number: string }>();

/**
 * Staff of the question's department answer it, or its waiting follow-up. A matter marked out of remit
 * ends with the 12345 hand-off. The asker who left a mobile is told by SMS.
 */
export const answerConsultation: IdempotentHandler<'answerConsultation'> = {
  idempotent: true,
  async run(ctx, trx) {
    const { row, principal } = await loadConsultation(ctx, trx, ctx.request.path.consultationNumber, {
      staff: 'answerConsultation',
      staffOnly: true,
      lock: true,
    });
    const { answer, outOfRemit } = ctx.request.body;
    const text = outOfRemit
      ? `${answer.trim()}\n${translate('zh-CN', 'consultation.hotline')}`
      : answer.trim();
    const staffId = auditActor(principal).id;
    let change;
    if (!row.answered_at) change = { answer: text, answered_at: ctx.now, answered_by: staffId };
    else if (row.follow_up_at && !row.follow_up_answered_at)
      change = { follow_up_answer: text, follow_up_answered_at: ctx.now };
    else throw consultationConflict('consultation.nothingToAnswer');
    const updated = { ...row, ...change, out_of_remit: row.out_of_remit || outOfRemit === true };
    await trx
      .updateTable('consultations')
      .set({ ...change, out_of_remit: updated.out_of_remit })
      .where('number', '=', row.number)
      .execute();
    await auditStaff(trx, ctx, principal!, {
      action: 'staff.action',
      operation: 'answerConsultation',
      target: { type: 'consultation', id: row.number },
      departmentId: row.department_id,
      detail: { followUp: 'follow_up_answer' in change, outOfRemit: outOfRemit === true },
    });
    if (row.mobile) toTell.set(ctx, { mobile: row.mobile, number: row.number });
    return ok(consultationView(updated, ctx.now));
  },
  async afterCommit(ctx) {
    const asker = toTell.get(ctx);
    if (!asker) return;
    try {
      await ctx.services.notifier.send({
        mobile: asker.mobile,
        text: translate('zh-CN', 'consultation.sms.answered', { number: asker.number }),
        purpose: 'consultationAnswered',
      });
    } catch (error) {
      // The answer stands without the message: the asker can still read it with the code.
      if (!(error instanceof NotifierUnavailableError)) throw error;
      ctx.services.log({ event: 'notify.failed', purpose: 'consultationAnswered', number: asker.number });
    }
  },
};
