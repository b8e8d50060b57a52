import { sql } from 'kysely';
import { promisedDeadline } from '../cases/rules.js';
import { chinaTime } from '../common/china-time.js';
import { readColumn } from '../db/json-columns.js';
import { authoriseStaff } from '../http/authorise.js';
import type { Schema } from '../http/contract.js';
import { ok, type CallContext, type Handlers } from '../http/operation.js';
import { problems, type FieldErrorKey } from '../http/problem.js';
import { actingStaff, staffRef } from '../access/acting-staff.js';
import { auditStaff } from '../audit/staff-audit.js';
import { loadCalendar } from './calendar-store.js';

const dayKinds: readonly Schema<'CalendarDay'>['kind'][] = ['holiday', 'workday'];

async function calendarOf(db: CallContext['db'], year: number): Promise<Schema<'Calendar'>> {
  const days = await db
    .selectFrom('calendar_days')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
  const meta = await db
    .selectFrom('calendar_days')
    .select(sql<Date | null>`max(updated_at)`.as('updatedAt'))
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .executeTakeFirst();
  const change = await db
    .selectFrom('calendar_changes')
    .select(['actor_id', 'actor_name', 'department_id'])
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    year,
    days: days.map((d) => ({
      date: d.day,
      kind: dayKinds.find((kind) => kind === d.kind) ?? 'holiday',
      ...(d.name ? { name: d.name } : {}),
    })),
    updatedAt: meta?.updatedAt ? chinaTime(new Date(meta.updatedAt)) : null,
    ...(change
      ? {
          updatedBy: staffRef({
            id: change.actor_id,
            name: change.actor_name,
            departmentId: change.department_id,
          }),
        }
      : {}),
  };
}

/** The working-day calendar (法定节假日 and 调休) staff keep for each year. */
export const calendarHandlers: Handlers<'getCalendar' | 'putCalendar'> = {
  async getCalendar(ctx) {
    authoriseStaff(ctx, 'getCalendar');
    return ok(await calendarOf(ctx.db, ctx.request.path.year));
  },

  async putCalendar(ctx) {
    const principal = authoriseStaff(ctx, 'putCalendar');
    const year = ctx.request.path.year;
    const { days } = ctx.request.body;
    const errors: FieldErrorKey[] = [];
    const seen = new Set<string>();
    days.forEach((day, index) => {
      if (!day.date.startsWith(`${year}-`))
        errors.push({
          pointer: `/days/${index}/date`,
          code: 'outside_year',
          messageKey: 'validation.dayOutsideYear',
          params: { year },
        });
      else if (seen.has(day.date))
        errors.push({
          pointer: `/days/${index}/date`,
          code: 'uniqueItems',
          messageKey: 'validation.dayTwice',
        });
      seen.add(day.date);
    });
    if (errors.length > 0) throw problems.validation(errors);
    const now = ctx.now;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('calendar_days')
        .where('day', '>=', `${year}-01-01`)
        .where('day', '<=', `${year}-12-31`)
        .execute();
      if (days.length > 0) {
        await trx
          .insertInto('calendar_days')
          .values(days.map((d) => ({ day: d.date, kind: d.kind, name: d.name ?? '', updated_at: now })))
          .execute();
      }
      const acting = actingStaff(principal);
      await trx
        .insertInto('calendar_changes')
        .values({
          year,
          changed_at: now,
          actor_id: acting.id,
          actor_name: acting.name,
          department_id: acting.departmentId,
          days: days.length,
        })
        .execute();
      await auditStaff(trx, ctx, principal, {
        action: 'config.changed',
        operation: 'putCalendar',
        target: { type: 'calendar', id: String(year) },
        departmentId: acting.departmentId,
        detail: { days: days.length },
      });
      // Running cases count on the calendar: their deadlines follow the new one.
      const calendar = await loadCalendar(trx);
      const running = await trx
        .selectFrom('cases')
        .select(['number', 'accepted_at', 'suspended_days', 'details'])
        .where('status', 'in', ['accepted', 'suspended'])
        .where('accepted_at', 'is not', null)
        .execute();
      for (const row of running) {
        const details = readColumn.caseDetails(row.details);
        if (!details.timeLimit || !row.accepted_at) continue;
        await trx
          .updateTable('cases')
          .set({
            due_date: promisedDeadline(row.accepted_at, details.timeLimit, row.suspended_days, calendar),
          })
          .where('number', '=', row.number)
          .execute();
      }
    });
    return ok(await calendarOf(ctx.db, year));
  },
};
