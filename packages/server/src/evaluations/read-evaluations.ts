import { chinaDay } from '../common/china-time.js';
import { staffOnly } from '../http/authorise.js';
import { ok, type Handlers, type OperationContext } from '../http/operation.js';
import { pageOf, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { evaluationView } from './evaluation-view.js';

/** The staff's list of ratings, its filters, and one rating. */
export const evaluationReadHandlers: Handlers<'listEvaluations' | 'getEvaluation'> = {
  async listEvaluations(ctx) {
    staffOnly(ctx);
    const window = pageWindow(ctx.request.query);
    const rows = await listQuery(ctx)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window.limit + 1)
      .offset(window.offset)
      .execute();
    const today = chinaDay(ctx.now);
    const page = pageOf(rows, window);
    return ok({
      items: page.items.map((row) => evaluationView(row, ctx.locale, today)),
      nextCursor: page.nextCursor,
    });
  },

  async getEvaluation(ctx) {
    staffOnly(ctx);
    const row = await ctx.db
      .selectFrom('evaluations')
      .selectAll()
      .where('id', '=', ctx.request.path.evaluationId)
      .executeTakeFirst();
    if (!row) throw problems.notFound('problem.evaluationNotFound');
    return ok(evaluationView(row, ctx.locale, chinaDay(ctx.now)));
  },
};

function listQuery(ctx: OperationContext<'listEvaluations'>) {
  const { query } = ctx.request;
  let select = ctx.db.selectFrom('evaluations').selectAll();
  if (query.level) select = select.where('level', '=', query.level);
  if (query.bad !== undefined) select = select.where('bad', '=', query.bad);
  if (query.item) select = select.where('item_code', '=', query.item);
  if (query.department) select = select.where('department_id', '=', query.department);
  if (query.channel) select = select.where('channel', '=', query.channel);
  if (query.rectificationState) select = select.where('rectification_state', '=', query.rectificationState);
  if (query.caseNumber) select = select.where('case_number', '=', query.caseNumber);
  if (query.from) select = select.where('day', '>=', query.from);
  if (query.to) select = select.where('day', '<=', query.to);
  return select;
}
