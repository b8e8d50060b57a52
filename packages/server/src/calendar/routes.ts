import { sql } from 'kysely';
import type { HandlerTable, OperationContext } from '../http/operation.js';
import { ProblemError, problems, type FieldErrorKey } from '../http/problem.js';
import { promisedDeadline } from '../cases/deadlines.js';
import type { CaseDetails } from '../cases/case-view.js';
import { chinaTime } from '../cases/case-view.js';
import { loadCalendar } from './calendar-store.js';

function staffOnly(ctx: OperationContext) {
  if (ctx.caller.kind === 'staff') return;
  if (ctx.caller.kind === 'applicant')
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.staffOnly' });
  throw new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.staffCredentialRequired',
  });
}

async function calendarOf(db: OperationContext['db'], year: number) {
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
  return {
    year,
    days: days.map((d) => ({ date: d.day, kind: d.kind, ...(d.name ? { name: d.name } : {}) })),
    updatedAt: meta?.updatedAt ? chinaTime(new Date(meta.updatedAt)) : null,
  };
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

export const calendarHandlers: HandlerTable = {
  async getCalendar(ctx) {
    staffOnly(ctx);
    return ok(await calendarOf(ctx.db, ctx.request.path.year as number));
  },

  async putCalendar(ctx) {
    staffOnly(ctx);
    const year = ctx.request.path.year as number;
    const { days } = ctx.request.body as {
      days: { date: string; kind: 'holiday' | 'workday'; name?: string }[];
    };
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
      // Running cases count on the calendar: their deadlines follow the new one.
      const calendar = await loadCalendar(trx);
      const running = await trx
        .selectFrom('cases')
        .select(['number', 'accepted_at', 'suspended_days', 'details'])
        .where('status', 'in', ['accepted', 'suspended'])
        .where('accepted_at', 'is not', null)
        .execute();
      for (const row of running) {
        const details = (
          typeof row.details === 'string' ? JSON.parse(row.details) : row.details
        ) as CaseDetails;
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
