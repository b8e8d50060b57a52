import { sql } from 'kysely';
import { inVisibleDepartments } from '../access/department-scope.js';
import { chinaDay } from '../common/china-time.js';
import { authoriseStaff } from '../http/authorise.js';
import { ok, type Handlers } from '../http/operation.js';

/** The figures of the caller's departments: answered, answered within the deadline, overdue, time to answer. */
export const figureHandlers: Handlers<'getConsultationFigures'> = {
  async getConsultationFigures(ctx) {
    const principal = authoriseStaff(ctx, 'getConsultationFigures');
    const { department, from, to } = ctx.request.query;
    const today = chinaDay(ctx.now);
    const askedDay = sql<string>`(asked_at at time zone 'Asia/Shanghai')::date`;
    let select = inVisibleDepartments(ctx.db.selectFrom('consultations'), principal, 'consultation').select([
      sql<number>`count(*)::int`.as('asked'),
      sql<number>`count(answered_at)::int`.as('answered'),
      sql<number>`count(*) filter (where answered_at is not null and (answered_at at time zone 'Asia/Shanghai')::date <= answer_due)::int`.as(
        'answeredInTime',
      ),
      sql<number>`count(*) filter (where answered_at is null and ${today}::date > answer_due)::int`.as(
        'overdue',
      ),
      sql<number | null>`avg(extract(epoch from (answered_at - asked_at)) / 3600)::float8`.as('hours'),
    ]);
    if (department) select = select.where('department_id', '=', department);
    if (from) select = select.where(askedDay, '>=', from);
    if (to) select = select.where(askedDay, '<=', to);
    const row = await select.executeTakeFirstOrThrow();
    return ok({
      asked: row.asked,
      answered: row.answered,
      answeredInTime: row.answeredInTime,
      overdue: row.overdue,
      averageHoursToAnswer: row.hours === null ? null : Math.round(Number(row.hours) * 10) / 10,
    });
  },
};
