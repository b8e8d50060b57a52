import type { IdempotentHandler } from '../http/operation.js';
import { authoriseApplicant } from './access.js';
import { updateCase, addEvent, invalidTransition, lockCase, viewOf } from './case-store.js';
import { nextState } from './rules.js';
import { followMembers, withdrawMembers } from './bundle.js';

/** POST /cases/{caseNumber}/withdrawal: the applicant withdraws a case still being handled. */
export const withdrawCase: IdempotentHandler<'withdrawCase'> = {
  idempotent: true,
  authorise: (ctx) => authoriseApplicant(ctx, ctx.request.path.caseNumber),
  async run(ctx, trx) {
    const locked = await lockCase(trx, ctx.request.path.caseNumber);
    if (!locked) throw new Error('The case was authorised but is gone');
    const { row, state } = locked;
    const to = nextState(state, 'withdraw');
    if (!to) throw invalidTransition(state, ctx.locale);
    const updated = await updateCase(trx, row.number, {
      status: to,
      updated_at: ctx.now,
      suspended_at: null,
    });
    await addEvent(trx, row.number, {
      at: ctx.now,
      from: state,
      to,
      action: 'withdraw',
      actor: 'applicant',
      opinion: ctx.request.body?.reason,
    });
    if (row.is_bundle) await withdrawMembers(trx, row.number, ctx.now, ctx.request.body?.reason);
    if (row.bundle_number) await followMembers(trx, row.bundle_number, ctx.now);
    return { status: 200, body: await viewOf(ctx, trx, updated) };
  },
};
