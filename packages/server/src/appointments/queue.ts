import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { ProblemError, problems } from '../http/problem.js';
import { ok, type Handler, type OperationContext } from '../http/operation.js';
import { inVisibleDepartments } from '../access/department-scope.js';
import { auditStaff } from '../audit/staff-audit.js';
import { authoriseStaff } from '../http/authorise.js';
import { chinaDay } from '../common/china-time.js';
import { checkInIndex } from './create-appointment.js';
import { readAppointment, type AppointmentRow } from './appointment-view.js';
import type { BookableItem } from './settings.js';

async function ticketView(
  db: Kysely<DatabaseSchema>,
  row: AppointmentRow,
  item: BookableItem,
): Promise<Schema<'QueueTicket'>> {
  const ahead = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('window_group', '=', row.window_group)
    .where('day', '=', row.day)
    .where('state', '=', 'checkedIn')
    .where('ticket_seq', '<', row.ticket_seq ?? 0)
    .executeTakeFirstOrThrow();
  return {
    ticket: row.ticket!,
    windowGroup: row.window_group,
    windowName: item.windowName,
    itemName: item.itemName,
    appointmentNumber: row.number,
    state: row.state,
    waitingAhead: row.state === 'checkedIn' ? Number(ahead.count) : 0,
  };
}

const checkInNotFound = () =>
  new ProblemError(404, 'appointment_lookup_failed', { detailKey: 'appointment.lookupFailed' });

// The booking a check-in code found, from `authorise` to the run.
const checkIns = new WeakMap<object, string>();

/**
 * The booking of a check-in code. Every try counts against the kiosk's address first, in one statement
 * (so concurrent guesses cannot all slip under the limit), and a code that finds a booking gives its try
 * back: only wrong codes add up, and past the limit the address gets 429 until the window ends.
 */
async function findCheckIn(ctx: OperationContext<'checkInAppointment'>): Promise<string> {
  const limiter = ctx.services.checkInLimiter;
  const reservedAt = ctx.now;
  const tries = await limiter.reserve(ctx.client);
  if (tries.over)
    throw new ProblemError(429, 'rate_limited', {
      detailKey: 'problem.retryAfter',
      params: { seconds: tries.retryAfter },
      headers: { 'Retry-After': String(tries.retryAfter), ...limiter.headers(0, tries.retryAfter) },
    });
  const found = await ctx.db
    .selectFrom('appointments')
    .select('number')
    .where('code_index', '=', checkInIndex(ctx, ctx.request.body.code))
    .executeTakeFirst();
  if (!found) throw checkInNotFound();
  await limiter.release(ctx.client, 1, reservedAt);
  return found.number;
}

/** 取号 at the kiosk and 叫号 at the window. */
export const queueHandlers: {
  checkInAppointment: Handler<'checkInAppointment'>;
  callQueueTicket: Handler<'callQueueTicket'>;
} = {
  checkInAppointment: {
    idempotent: true,
    // The code is found before the transaction, so a wrong guess stays counted (see `findCheckIn`).
    async authorise(ctx) {
      checkIns.set(ctx, await findCheckIn(ctx));
    },
    async run(ctx, trx) {
      const booking = await readAppointment(trx, checkIns.get(ctx)!);
      if (!booking) throw checkInNotFound();
      const { row, item } = booking;
      // Checking in twice (a second scan) shows the same ticket.
      if (row.ticket) return ok(await ticketView(trx, row, item));
      if (row.state !== 'booked')
        throw new ProblemError(409, 'invalid_transition', { detailKey: 'appointment.notActive' });
      if (row.day !== chinaDay(ctx.now))
        throw new ProblemError(409, 'not_today', {
          detailKey: 'appointment.notToday',
          params: { day: row.day },
        });
      const counter = await trx
        .insertInto('queue_counters')
        .values({ window_group: row.window_group, day: row.day, last_value: 1 })
        .onConflict((oc) =>
          oc.columns(['window_group', 'day']).doUpdateSet((eb) => ({
            last_value: eb('queue_counters.last_value', '+', 1),
          })),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow();
      const ticket = `${row.window_group}-Y${String(counter.last_value).padStart(3, '0')}`;
      const checkedIn = {
        ...row,
        state: 'checkedIn' as const,
        ticket,
        ticket_seq: counter.last_value,
        checked_in_at: ctx.now,
      };
      await trx
        .updateTable('appointments')
        .set({ state: 'checkedIn', ticket, ticket_seq: counter.last_value, checked_in_at: ctx.now })
        .where('number', '=', row.number)
        .execute();
      return ok(await ticketView(trx, checkedIn, item));
    },
  },

  callQueueTicket: {
    idempotent: true,
    async authorise(ctx) {
      authoriseStaff(ctx, 'callQueueTicket');
    },
    async run(ctx, trx) {
      const principal = authoriseStaff(ctx, 'callQueueTicket');
      // A shared window group serves several offices' items: staff call only their departments' tickets.
      const items = inVisibleDepartments(trx.selectFrom('items').select('code'), principal, 'appointment');
      const next = await trx
        .selectFrom('appointments')
        .select('number')
        .where('window_group', '=', ctx.request.path.windowGroup)
        .where('day', '=', chinaDay(ctx.now))
        .where('state', '=', 'checkedIn')
        .where('item_code', 'in', items)
        .orderBy('ticket_seq')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!next) throw problems.notFound('appointment.queueEmpty');
      await trx
        .updateTable('appointments')
        .set({ state: 'called', called_at: ctx.now })
        .where('number', '=', next.number)
        .execute();
      const { row, item } = (await readAppointment(trx, next.number))!;
      await auditStaff(trx, ctx, principal, {
        action: 'staff.action',
        operation: 'callQueueTicket',
        target: { type: 'appointment', id: row.number },
        departmentId: item.departmentId,
      });
      return ok(await ticketView(trx, row, item));
    },
  },
};
