import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ProblemError } from '../http/problem.js';
import { ok, type Handler, type OperationContext } from '../http/operation.js';
import { ownerIndexOf } from './booker.js';
import { checkInIndex, isUniqueViolation } from './create-appointment.js';
import { appointmentView, changeableUntil, readAppointment } from './appointment-view.js';
import { alreadyBooked, requireBookableSlot, slotFull } from './rules.js';
import { releaseSeat, takeSeat } from './seat.js';
import { nextFreeSlots } from './availability.js';

type ManageId = 'getAppointment' | 'cancelAppointment' | 'moveAppointment';

const lookupFailed = () =>
  new ProblemError(404, 'appointment_lookup_failed', { detailKey: 'appointment.lookupFailed' });

/**
 * The booking named in the path, for its owner: signed in as the person who booked, or with its
 * check-in code in `X-Query-Code`. A wrong code answers exactly like an unknown number.
 */
async function ownedAppointment(ctx: OperationContext<ManageId>, db: Kysely<DatabaseSchema>) {
  const found = await readAppointment(db, ctx.request.path.appointmentNumber);
  const owner = ownerIndexOf(ctx);
  const code = ctx.request.headers['X-Query-Code'];
  const allowed =
    found &&
    ((owner !== undefined && found.row.owner_index === owner) ||
      (code !== undefined && found.row.code_index === checkInIndex(ctx, code)));
  if (!allowed) throw lookupFailed();
  return found;
}

/** A 409 unless the booking is still booked and its cut-off has not passed. */
function requireChangeable(found: NonNullable<Awaited<ReturnType<typeof readAppointment>>>, now: Date): void {
  if (found.row.state !== 'booked')
    throw new ProblemError(409, 'invalid_transition', {
      detailKey: 'appointment.notActive',
      extensions: { nextFreeSlots: [] },
    });
  if (now >= changeableUntil(found.row, found.item))
    throw new ProblemError(409, 'too_late_to_change', {
      detailKey: 'appointment.tooLate',
      params: { minutes: found.item.changeCutoffMinutes },
      extensions: { nextFreeSlots: [] },
    });
}

/** Reading, cancelling and moving a booking. */
export const manageHandlers: { [Id in ManageId]: Handler<Id> } = {
  async getAppointment(ctx) {
    const { row, item } = await ownedAppointment(ctx, ctx.db);
    return ok(appointmentView(row, item, ctx.services.pii));
  },

  cancelAppointment: {
    idempotent: true,
    async run(ctx, trx) {
      const found = await ownedAppointment(ctx, trx);
      requireChangeable(found, ctx.now);
      const { row, item } = found;
      await releaseSeat(trx, { itemCode: row.item_code, day: row.day, start: row.start });
      const cancelled = { ...row, state: 'cancelled' as const, cancelled_at: ctx.now };
      await trx
        .updateTable('appointments')
        .set({ state: 'cancelled', cancelled_at: ctx.now })
        .where('number', '=', row.number)
        .execute();
      return ok(appointmentView(cancelled, item, ctx.services.pii));
    },
  },

  moveAppointment: {
    idempotent: true,
    async run(ctx, trx) {
      const found = await ownedAppointment(ctx, trx);
      requireChangeable(found, ctx.now);
      const { row, item } = found;
      const { day, start } = ctx.request.body;
      const calendar = await ctx.services.calendar(trx);
      const slot = requireBookableSlot(item, calendar, ctx.now, day, start);
      await releaseSeat(trx, { itemCode: row.item_code, day: row.day, start: row.start });
      if (!(await takeSeat(trx, { itemCode: row.item_code, day, start }, item.capacity)))
        throw slotFull(await nextFreeSlots(trx, item, calendar, ctx.now, { day, start }));
      const moved = { ...row, day, start: slot.start, end: slot.end, reminded_at: null };
      try {
        await trx
          .updateTable('appointments')
          .set({ day, start: slot.start, end: slot.end, reminded_at: null })
          .where('number', '=', row.number)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyBooked();
        throw error;
      }
      return ok(appointmentView(moved, item, ctx.services.pii));
    },
  },
};
