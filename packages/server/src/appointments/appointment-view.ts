import type { Kysely, Selectable } from 'kysely';
import type { AppointmentsTable, DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { chinaTime } from '../common/china-time.js';
import { maskMobile } from '../cases/masking.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { bookableItem, type BookableItem } from './settings.js';
import { slotInstant } from './slot-times.js';

export type AppointmentRow = Selectable<AppointmentsTable>;

/** Until when a booking may be cancelled or moved. */
export function changeableUntil(row: Pick<AppointmentRow, 'day' | 'start'>, item: BookableItem): Date {
  return new Date(slotInstant(row.day, row.start).getTime() - item.changeCutoffMinutes * 60_000);
}

/** A booking as the API shows it: the mobile masked, never the name or the check-in code. */
export function appointmentView(
  row: AppointmentRow,
  item: BookableItem,
  pii: PiiCipher,
): Schema<'Appointment'> {
  return {
    number: row.number,
    itemCode: row.item_code,
    itemName: item.itemName,
    day: row.day,
    start: row.start,
    end: row.end,
    state: row.state,
    windowGroup: row.window_group,
    windowName: item.windowName,
    ...(row.mobile ? { mobile: maskMobile(pii.decrypt(row.mobile, 'appointments.mobile')) } : {}),
    changeableUntil: chinaTime(changeableUntil(row, item)),
    ...(row.ticket ? { ticket: row.ticket } : {}),
  };
}

/** A booking and its item's settings, by number. */
export async function readAppointment(
  db: Kysely<DatabaseSchema>,
  number: string,
): Promise<{ row: AppointmentRow; item: BookableItem } | undefined> {
  const row = await db.selectFrom('appointments').selectAll().where('number', '=', number).executeTakeFirst();
  if (!row) return undefined;
  return { row, item: await bookableItem(db, row.item_code) };
}
