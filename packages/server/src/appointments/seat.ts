import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/**
 * Takes one seat of a slot, or answers false when none is left. The conditional update is atomic in the
 * database: concurrent bookings of the last seat queue on the slot's row lock, and every one after the
 * first finds `booked < capacity` false once the lock is released. No double booking, whatever the
 * number of server processes.
 */
export async function takeSeat(
  trx: Transaction<DatabaseSchema>,
  slot: { itemCode: string; day: string; start: string },
  capacity: number,
): Promise<boolean> {
  await trx
    .insertInto('appointment_slots')
    .values({ item_code: slot.itemCode, day: slot.day, start: slot.start, booked: 0 })
    .onConflict((oc) => oc.columns(['item_code', 'day', 'start']).doNothing())
    .execute();
  const taken = await trx
    .updateTable('appointment_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('item_code', '=', slot.itemCode)
    .where('day', '=', slot.day)
    .where('start', '=', slot.start)
    .where('booked', '<', capacity)
    .returning('booked')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Gives a seat back (a cancelled or moved booking). */
export async function releaseSeat(
  trx: Transaction<DatabaseSchema>,
  slot: { itemCode: string; day: string; start: string },
): Promise<void> {
  await trx
    .updateTable('appointment_slots')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('item_code', '=', slot.itemCode)
    .where('day', '=', slot.day)
    .where('start', '=', slot.start)
    .where('booked', '>', 0)
    .execute();
}
