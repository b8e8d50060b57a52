import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { chinaDay } from '../common/china-time.js';
import { isWorkingDay, shiftDay, type WorkCalendar } from '../calendar/working-days.js';
import type { BookableItem } from './settings.js';
import { slotInstant, slotTimes } from './slot-times.js';

/** The days open for booking from `now` (today first), each with its slots and the seats left. */
export async function openDays(
  db: Kysely<DatabaseSchema>,
  item: BookableItem,
  calendar: WorkCalendar,
  now: Date,
): Promise<Schema<'AppointmentDay'>[]> {
  const today = chinaDay(now);
  const last = shiftDay(today, item.daysOpen - 1);
  const booked = await db
    .selectFrom('appointment_slots')
    .select(['day', 'start', 'booked'])
    .where('item_code', '=', item.itemCode)
    .where('day', '>=', today)
    .where('day', '<=', last)
    .execute();
  const seats = new Map(booked.map((row) => [`${row.day} ${row.start}`, row.booked]));
  const times = slotTimes(item.sessions, item.slotMinutes);
  const days: Schema<'AppointmentDay'>[] = [];
  for (let day = today; day <= last; day = shiftDay(day, 1)) {
    const workingDay = isWorkingDay(day, calendar);
    const slots = workingDay
      ? times
          .filter((t) => slotInstant(day, t.start) > now)
          .map((t) => ({
            day,
            ...t,
            capacity: item.capacity,
            remaining: Math.max(0, item.capacity - (seats.get(`${day} ${t.start}`) ?? 0)),
          }))
      : [];
    days.push({ day, workingDay, slots });
  }
  return days;
}

/** The next slots with a free seat after the one a resident could not have. */
export async function nextFreeSlots(
  db: Kysely<DatabaseSchema>,
  item: BookableItem,
  calendar: WorkCalendar,
  now: Date,
  after: { day: string; start: string },
  limit = 5,
): Promise<Schema<'AppointmentSlot'>[]> {
  const days = await openDays(db, item, calendar, now);
  const wanted = `${after.day} ${after.start}`;
  return days
    .flatMap((d) => d.slots)
    .filter((slot) => slot.remaining > 0 && `${slot.day} ${slot.start}` > wanted)
    .slice(0, limit);
}
