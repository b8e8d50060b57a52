import { sql } from 'kysely';
import { chinaDay, chinaTime } from '../common/china-time.js';
import { readColumn, type CaseDetails } from '../db/json-columns.js';
import { inVisibleDepartments } from '../access/department-scope.js';
import { auditReveal } from '../audit/staff-audit.js';
import { authoriseStaff, type StaffCaller } from '../http/authorise.js';
import type { Schema } from '../http/contract.js';
import { ok, type Handlers, type OperationContext } from '../http/operation.js';
import { keysetPageOf, keysetWindow, pageOf, pageWindow, resumeAfter } from '../http/pagination.js';
import { translate as message } from '../i18n/messages.js';
import { escapeLike } from '../items/search-terms.js';
import { loadCaseWithAccess } from './access.js';
import { evaluationIdsOf, viewOf } from './case-store.js';
import { caseState } from './rules.js';

/** The staff's case list, its filters, and a case and its timeline for staff or the applicant. */
export const caseReadHandlers: Handlers<'listCases' | 'getCase' | 'listCaseTimeline'> = {
  async listCases(ctx) {
    const principal = authoriseStaff(ctx, 'listCases');
    const window = keysetWindow(ctx.request.query);
    let select = listQuery(ctx, principal);
    if (window.after) select = select.where(resumeAfter('submitted_at', 'number', window.after));
    const rows = await select
      .orderBy('submitted_at', 'desc')
      .orderBy('number', 'desc')
      .limit(window.limit + 1)
      .execute();
    const calendar = await ctx.services.calendar();
    const page = keysetPageOf(rows, window, (row) => ({ t: row.submitted_at, k: row.number }));
    await auditReveal(ctx, principal, 'listCases', {
      type: 'cases',
      ids: page.items.map((row) => row.number),
    });
    // One query for the page's ratings, not one per case.
    const evaluations = await evaluationIdsOf(
      ctx.db,
      page.items.map((row) => row.number),
    );
    const items = [];
    for (const row of page.items) items.push(await viewOf(ctx, ctx.db, row, calendar, evaluations));
    return ok({ items, nextCursor: page.nextCursor });
  },

  async getCase(ctx) {
    const { row, principal } = await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber, {
      staff: 'getCase',
    });
    // Staff see the applicant's name, address and form data: each such read is recorded.
    if (principal)
      await auditReveal(ctx, principal, 'getCase', {
        type: 'case',
        ids: [row.number],
        departmentId: row.department_id,
      });
    return ok(await viewOf(ctx, ctx.db, row));
  },

  async listCaseTimeline(ctx) {
    const { row } = await loadCaseWithAccess(ctx, ctx.db, ctx.request.path.caseNumber, {
      staff: 'listCaseTimeline',
    });
    const window = pageWindow(ctx.request.query);
    const events = await ctx.db
      .selectFrom('case_events')
      .selectAll()
      .where('case_number', '=', row.number)
      .orderBy('id')
      .limit(window.limit + 1)
      .offset(window.offset)
      .execute();
    const details = readColumn.caseDetails(row.details);
    const page = pageOf(events, window);
    return ok({
      items: page.items.map((event) => timelineEntry(ctx, details, event)),
      nextCursor: page.nextCursor,
    });
  },
};

function listQuery(ctx: OperationContext<'listCases'>, principal: StaffCaller) {
  const { query } = ctx.request;
  const today = chinaDay(ctx.now);
  let select = inVisibleDepartments(ctx.db.selectFrom('cases').selectAll(), principal, 'case');
  if (query.state) select = select.where('status', '=', query.state);
  if (query.item) select = select.where('item_code', '=', query.item);
  if (query.department) select = select.where('department_id', '=', query.department);
  if (query.submittedFrom)
    select = select.where('submitted_at', '>=', new Date(`${query.submittedFrom}T00:00:00+08:00`));
  if (query.submittedTo)
    select = select.where(
      'submitted_at',
      '<',
      new Date(new Date(`${query.submittedTo}T00:00:00+08:00`).getTime() + 86_400_000),
    );
  if (query.q) {
    const q = escapeLike(query.q);
    // Names are encrypted at rest: a name is found by its blind index, whole.
    const name = ctx.services.pii.blindIndex(query.q.trim(), 'cases.applicant_name');
    select = select.where((eb) =>
      eb.or([eb('number', 'like', `${q}%`), eb('applicant_name_index', '=', name)]),
    );
  }
  if (query.overdue !== undefined) {
    const overdue = sql<boolean>`(due_date is not null and (case when concluded_at is not null then (concluded_at at time zone 'Asia/Shanghai')::date > due_date else status in ('accepted', 'suspended') and ${today}::date > due_date end))`;
    select = select.where(query.overdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  return select;
}

const actors: readonly Schema<'Actor'>['kind'][] = ['applicant', 'staff', 'system'];

function timelineEntry(
  ctx: OperationContext<'listCaseTimeline'>,
  details: CaseDetails,
  event: { id: number; at: Date; to_status: string; actor: string; opinion: string | null; detail: unknown },
): Schema<'TimelineEntry'> {
  const detail = readColumn.eventDetail(event.detail);
  const actor = actors.find((kind) => kind === event.actor) ?? 'system';
  return {
    id: String(event.id),
    at: chinaTime(event.at),
    action: detail?.action ?? 'submit',
    stateAfter: caseState(event.to_status),
    actor: {
      kind: actor,
      office: actor === 'staff' ? details.department.name : message(ctx.locale, `actor.${actor}`),
      ...(detail?.staff
        ? {
            staffName: detail.staff.name,
            actorId: detail.staff.id,
            ...(detail.staff.departmentId ? { departmentId: detail.staff.departmentId } : {}),
          }
        : detail?.staffName
          ? { staffName: detail.staffName }
          : {}),
    },
    ...(event.opinion ? { opinion: event.opinion } : {}),
  };
}
