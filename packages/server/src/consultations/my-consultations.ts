import { ok, type OperationHandler } from '../http/operation.js';
import { pageOf, pageWindow } from '../http/pagination.js';
import { ProblemError } from '../http/problem.js';
import { askerIndex } from './access.js';
import { consultationView } from './consultation-view.js';
import '../i18n/identity-messages.js';

/** GET /me/consultations (我的咨询): the questions the signed-in resident asked signed in, newest first. */
export const listMyConsultations: OperationHandler<'listMyConsultations'> = async (ctx) => {
  const owner = askerIndex(ctx);
  if (!owner)
    throw new ProblemError(403, 'forbidden', {
      titleKey: 'problem.forbidden',
      detailKey: 'problem.personTokenRequired',
    });
  const window = pageWindow(ctx.request.query);
  const rows = await ctx.db
    .selectFrom('consultations')
    .selectAll()
    .where('owner_index', '=', owner)
    .orderBy('asked_at', 'desc')
    .orderBy('number', 'desc')
    .limit(window.limit + 1)
    .offset(window.offset)
    .execute();
  const page = pageOf(rows, window);
  return ok({
    items: page.items.map((row) => consultationView(row, ctx.now)),
    nextCursor: page.nextCursor,
  });
};
