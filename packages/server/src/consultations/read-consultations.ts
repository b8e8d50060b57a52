import { sql } from 'kysely';
import { inVisibleDepartments } from '../access/department-scope.js';
import { auditStaff } from '../audit/staff-audit.js';
import { chinaDay } from '../common/china-time.js';
import { authoriseStaff } from '../http/authorise.js';
import { ok, type Handlers } from '../http/operation.js';
import { keysetPageOf, keysetWindow, resumeAfter } from '../http/pagination.js';
import { loadConsultation } from './access.js';
import { consultationView } from './consultation-view.js';

/** A question's answer (or its follow-up's) is late: the SQL twin of `consultationOverdue`. */
export function overdueSql(today: string) {
  const late = (due: string, answered: string) =>
    sql<boolean>`(${sql.ref(due)} is not null and (case when ${sql.ref(answered)} is not null then (${sql.ref(answered)} at time zone 'Asia/Shanghai')::date > ${sql.ref(due)} else ${today}::date > ${sql.ref(due)} end))`;
  return sql<boolean>`(${late('answer_due', 'answered_at')} or (follow_up_at is not null and ${late('follow_up_due', 'follow_up_answered_at')}))`;
}

/** Reading a question (asker or staff) and the staff's list of their departments' questions. */
export const consultationReadHandlers: Handlers<'getConsultation' | 'listConsultations'> = {
  async getConsultation(ctx) {
    const { row, principal } = await loadConsultation(ctx, ctx.db, ctx.request.path.consultationNumber, {
      staff: 'getConsultation',
    });
    if (principal)
      await auditStaff(ctx.db, ctx, principal, {
        action: 'pii.reveal',
        operation: 'getConsultation',
        target: { type: 'consultation', id: row.number },
        departmentId: row.department_id,
      });
    return ok(consultationView(row, ctx.now));
  },

  async listConsultations(ctx) {
    const principal = authoriseStaff(ctx, 'listConsultations');
    const { overdue, state } = ctx.request.query;
    const window = keysetWindow(ctx.request.query);
    let select = inVisibleDepartments(
      ctx.db.selectFrom('consultations').selectAll(),
      principal,
      'consultation',
    );
    if (overdue !== undefined) {
      const late = overdueSql(chinaDay(ctx.now));
      select = select.where(overdue ? late : sql<boolean>`not ${late}`);
    }
    if (state === 'awaitingAnswer') select = select.where('answered_at', 'is', null);
    if (state === 'answered')
      select = select.where('answered_at', 'is not', null).where('follow_up_at', 'is', null);
    if (state === 'awaitingFollowUpAnswer')
      select = select.where('follow_up_at', 'is not', null).where('follow_up_answered_at', 'is', null);
    if (state === 'followUpAnswered') select = select.where('follow_up_answered_at', 'is not', null);
    if (window.after) select = select.where(resumeAfter('asked_at', 'number', window.after));
    const rows = await select
      .orderBy('asked_at', 'desc')
      .orderBy('number', 'desc')
      .limit(window.limit + 1)
      .execute();
    const page = keysetPageOf(rows, window, (row) => ({ t: row.asked_at, k: row.number }));
    if (page.items.length > 0)
      await auditStaff(ctx.db, ctx, principal, {
        action: 'pii.reveal',
        operation: 'listConsultations',
        target: { type: 'consultations', id: page.items.map((row) => row.number).join(',') },
      });
    return ok({
      items: page.items.map((row) => consultationView(row, ctx.now)),
      nextCursor: page.nextCursor,
    });
  },
};
