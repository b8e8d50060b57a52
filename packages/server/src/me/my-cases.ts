import { evaluationIdsOf, viewOf } from '../cases/case-store.js';
import { belongsToFilter, personOf } from '../cases/ownership.js';
import { ok, type OperationHandler } from '../http/operation.js';
import { keysetPageOf, keysetWindow, resumeAfter } from '../http/pagination.js';
import { ProblemError } from '../http/problem.js';
import '../i18n/identity-messages.js';

/**
 * GET /me/cases (我的办件): the signed-in person's cases, newest first, with a keyset cursor so a case
 * filed while paging neither repeats nor hides one.
 */
export const listMyCases: OperationHandler<'listMyCases'> = async (ctx) => {
  const person = personOf(ctx.caller);
  if (!person) {
    throw new ProblemError(403, 'forbidden', {
      titleKey: 'problem.forbidden',
      detailKey: 'problem.personTokenRequired',
    });
  }
  const { state } = ctx.request.query;
  const window = keysetWindow(ctx.request.query);
  let query = ctx.db.selectFrom('cases').selectAll().where(belongsToFilter(ctx.services.pii, person));
  if (state) query = query.where('status', '=', state);
  if (window.after) query = query.where(resumeAfter('submitted_at', 'number', window.after));
  const rows = await query
    .orderBy('submitted_at', 'desc')
    .orderBy('number', 'desc')
    .limit(window.limit + 1)
    .execute();
  const page = keysetPageOf(rows, window, (row) => ({ t: row.submitted_at, k: row.number }));
  const calendar = await ctx.services.calendar();
  // One query for the page's ratings, not one per case.
  const evaluations = await evaluationIdsOf(
    ctx.db,
    page.items.map((row) => row.number),
  );
  const items = [];
  for (const row of page.items) items.push(await viewOf(ctx, ctx.db, row, calendar, evaluations));
  return ok({ items, nextCursor: page.nextCursor });
};
