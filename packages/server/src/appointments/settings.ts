import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { problems } from '../http/problem.js';

/** A working day's sessions when staff name none: the hall's usual morning and afternoon. */
export const defaultSessions: Schema<'AppointmentSession'>[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
export const defaultDaysOpen = 7;
export const defaultChangeCutoffMinutes = 120;

/** How an item is booked, with the item's name and department. */
export interface BookableItem extends Schema<'AppointmentSettings'> {
  departmentId: string;
}

function readSessions(value: unknown): Schema<'AppointmentSession'>[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Schema<'AppointmentSession'>[];
}

/** The settings of an item that takes bookings, or 404 (`appointment.notBookable`). */
export async function bookableItem(db: Kysely<DatabaseSchema>, itemCode: string): Promise<BookableItem> {
  const row = await db
    .selectFrom('appointment_settings as s')
    .innerJoin('items as i', 'i.code', 's.item_code')
    .select([
      's.item_code',
      's.window_group',
      's.window_name',
      's.slot_minutes',
      's.capacity',
      's.sessions',
      's.days_open',
      's.change_cutoff_minutes',
      'i.name',
      'i.department_id',
    ])
    .where('s.item_code', '=', itemCode)
    .executeTakeFirst();
  if (!row) throw problems.notFound('appointment.notBookable', { code: itemCode });
  return {
    itemCode: row.item_code,
    itemName: row.name,
    departmentId: row.department_id,
    windowGroup: row.window_group,
    windowName: row.window_name,
    slotMinutes: row.slot_minutes,
    capacity: row.capacity,
    sessions: readSessions(row.sessions),
    daysOpen: row.days_open,
    changeCutoffMinutes: row.change_cutoff_minutes,
  };
}

/** The settings as the API shows them (without the department). */
export function settingsView({
  departmentId: _department,
  ...settings
}: BookableItem): Schema<'AppointmentSettings'> {
  return settings;
}
