import { randomInt } from 'node:crypto';
import { renderSVG } from 'uqr';
import type { IdempotentHandler, OperationContext } from '../http/operation.js';
import { newQueryCode, normaliseQueryCode, queryCodeAlphabet } from '../cases/query-code.js';
import { bookerOf, type Booker } from './booker.js';
import { bookableItem } from './settings.js';
import { alreadyBooked, requireBookableSlot, requireNotBlocked, slotFull } from './rules.js';
import { takeSeat } from './seat.js';
import { nextFreeSlots } from './availability.js';
import { appointmentView } from './appointment-view.js';

/** A booking number: `YY`, the booked day as `yymmdd` and six random characters. */
function newAppointmentNumber(day: string): string {
  let random = '';
  for (let i = 0; i < 6; i++) random += queryCodeAlphabet[randomInt(queryCodeAlphabet.length)];
  return `YY${day.slice(2).replace(/-/g, '')}${random}`;
}

/** The index a check-in code is found by, at the kiosk and when a resident reads their booking. */
export function checkInIndex(ctx: Pick<OperationContext, 'services'>, code: string): string {
  return ctx.services.pii.blindIndex(normaliseQueryCode(code), 'appointment.checkIn');
}

/** Whether a database error is a unique violation (the one-active-booking-a-day index). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

// The booker is established before the transaction (their SMS code's attempts must count even when the
// booking fails) and handed to the run by the context object both receive.
const bookers = new WeakMap<object, Booker>();

/** 预约: books a seat of a slot for a signed-in resident or a verified mobile. */
export const createAppointment: IdempotentHandler<'createAppointment'> = {
  idempotent: true,
  async authorise(ctx) {
    bookers.set(ctx, await bookerOf(ctx));
  },
  // The code proves the mobile; it is not part of what the booking is.
  async fingerprint(ctx) {
    const { booker, ...slot } = ctx.request.body;
    return { slot, name: booker?.name, mobile: booker?.mobile, owner: bookers.get(ctx)?.personIndex };
  },
  async run(ctx, trx) {
    const booker = bookers.get(ctx)!;
    const { itemCode, day, start } = ctx.request.body;
    const item = await bookableItem(trx, itemCode);
    const calendar = await ctx.services.calendar(trx);
    const slot = requireBookableSlot(item, calendar, ctx.now, day, start);
    await requireNotBlocked(trx, booker.personIndex, ctx.services.appointmentRules, ctx.now);
    const active = await trx
      .selectFrom('appointments')
      .select('number')
      .where('person_index', '=', booker.personIndex)
      .where('item_code', '=', itemCode)
      .where('day', '=', day)
      .where('state', 'in', ['booked', 'checkedIn', 'called'])
      .executeTakeFirst();
    if (active) throw alreadyBooked();
    if (!(await takeSeat(trx, { itemCode, day, start }, item.capacity)))
      throw slotFull(await nextFreeSlots(trx, item, calendar, ctx.now, { day, start }));
    const code = newQueryCode();
    const row = {
      number: newAppointmentNumber(day),
      item_code: itemCode,
      day,
      start: slot.start,
      end: slot.end,
      state: 'booked' as const,
      person_index: booker.personIndex,
      owner_index: booker.ownerIndex ?? null,
      name: ctx.services.pii.encrypt(booker.name, 'appointments.name'),
      mobile: booker.mobile ? ctx.services.pii.encrypt(booker.mobile, 'appointments.mobile') : null,
      code_index: checkInIndex(ctx, code),
      window_group: item.windowGroup,
      ticket: null,
      ticket_seq: null,
      created_at: ctx.now,
      reminded_at: null,
      checked_in_at: null,
      called_at: null,
      cancelled_at: null,
    };
    try {
      await trx.insertInto('appointments').values(row).execute();
    } catch (error) {
      // A concurrent booking by the same person for the same day got in first.
      if (isUniqueViolation(error)) throw alreadyBooked();
      throw error;
    }
    return {
      status: 201,
      headers: { Location: `/api/v1/appointments/${row.number}` },
      body: {
        ...appointmentView(row, item, ctx.services.pii),
        checkInCode: code,
        checkInQrSvg: renderSVG(code, { border: 2 }),
      },
    };
  },
};
