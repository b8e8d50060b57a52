import { chinaDay } from '../common/china-time.js';
import { inVisibleDepartments, requireDepartment } from '../access/department-scope.js';
import { auditReveal } from '../audit/staff-audit.js';
import { authoriseStaff, type StaffCaller } from '../http/authorise.js';
import { ok, type Handlers, type OperationContext } from '../http/operation.js';
import { keysetPageOf, keysetWindow, resumeAfter } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { evaluationView } from './evaluation-view.js';

/** The staff's list of ratings, its filters, and one rating. */
export const evaluationReadHandlers: Handlers<'listEvaluations' | 'getEvaluation'> = {
  async listEvaluations(ctx) {
    const principal = authoriseStaff(ctx, 'listEvaluations');
    const window = keysetWindow(ctx.request.query);
    let select = listQuery(ctx, principal);
    if (window.after) select = select.where(resumeAfter('created_at', 'id', window.after));
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window.limit + 1)
      .execute();
    const today = chinaDay(ctx.now);
    const page = keysetPageOf(rows, window, (row) => ({ t: row.created_at, k: row.id }));
    await auditReveal(ctx, principal, 'listEvaluations', {
      type: 'evaluations',
      ids: page.items.map((row) => row.id),
    });
    return ok({
      items: page.items.map((row) => evaluationView(row, ctx.locale, today)),
      nextCursor: page.nextCursor,
    });
  },

  async getEvaluation(ctx) {
    const principal = authoriseStaff(ctx, 'getEvaluation');
    const row = await ctx.db
      .selectFrom('evaluations')
      .selectAll()
      .where('id', '=', ctx.request.path.evaluationId)
      .executeTakeFirst();
    const notFound = () => problems.notFound('problem.evaluationNotFound');
    if (!row) throw notFound();
    requireDepartment(principal, row.department_id, 'evaluation', notFound);
    // A real-name rater's name is shown to staff: each such read is recorded.
    await auditReveal(ctx, principal, 'getEvaluation', {
      type: 'evaluation',
      ids: [row.id],
      departmentId: row.department_id,
    });
    return ok(evaluationView(row, ctx.locale, chinaDay(ctx.now)));
  },
};

function listQuery(ctx: OperationContext<'listEvaluations'>, principal: StaffCaller) {
  const { query } = ctx.request;
  let select = inVisibleDepartments(ctx.db.selectFrom('evaluations').selectAll(), principal, 'evaluation');
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
