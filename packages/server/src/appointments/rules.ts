import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ProblemError, problems } from '../http/problem.js';
import { isWorkingDay, shiftDay, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay } from '../common/china-time.js';
import type { BookableItem } from './settings.js';
import type { LookupLimit } from '../cases/lookup-limit.js';
import { slotInstant, slotTimes } from './slot-times.js';

/** The local rule on missed bookings: `limit` no-shows within `windowDays` block booking for `blockDays`. */
export interface NoShowRule {
  limit: number;
  windowDays: number;
  blockDays: number;
}

export const defaultNoShowRule: NoShowRule = { limit: 3, windowDays: 30, blockDays: 30 };

/** Wrong check-in codes a kiosk's address may send: a hall's typos fit, guessing does not. */
export const defaultCheckInLimit: LookupLimit = { limit: 30, windowSeconds: 600 };

/** The slot of `day` at `start`, or a 422 saying why it cannot be booked (a closed day first). */
export function requireBookableSlot(
  item: BookableItem,
  calendar: WorkCalendar,
  now: Date,
  day: string,
  start: string,
  pointer = '',
): { start: string; end: string } {
  const today = chinaDay(now);
  const field = (name: string, messageKey: string, code: string, params = {}) =>
    problems.validation([{ pointer: `${pointer}/${name}`, code, messageKey, params }], 422);
  if (day < today || day > shiftDay(today, item.daysOpen - 1))
    throw field('day', 'appointment.dayNotOpen', 'day_not_open', { days: item.daysOpen });
  if (!isWorkingDay(day, calendar))
    throw field('day', 'appointment.nonWorkingDay', 'non_working_day', { day });
  const slot = slotTimes(item.sessions, item.slotMinutes).find((t) => t.start === start);
  if (!slot || slotInstant(day, start) <= now) throw field('start', 'appointment.noSuchSlot', 'no_such_slot');
  return slot;
}

/**
 * Records the person's past bookings never checked in as no-shows, then refuses online booking while the
 * rule blocks them: `limit` no-shows within `windowDays` block until the last of them plus `blockDays`.
 */
export async function requireNotBlocked(
  db: Kysely<DatabaseSchema>,
  personIndex: string,
  rule: NoShowRule,
  now: Date,
): Promise<void> {
  const today = chinaDay(now);
  await recordNoShows(db, today, personIndex);
  const missed = await db
    .selectFrom('appointments')
    .select('day')
    .where('person_index', '=', personIndex)
    .where('state', '=', 'noShow')
    .where('day', '>=', shiftDay(today, -(rule.windowDays + rule.blockDays)))
    .orderBy('day')
    .execute();
  const days = missed.map((row) => row.day);
  let blockedUntil = '';
  for (let i = 0; i + rule.limit - 1 < days.length; i++) {
    const last = days[i + rule.limit - 1]!;
    if (last < shiftDay(days[i]!, rule.windowDays)) {
      const until = shiftDay(last, rule.blockDays);
      if (until > blockedUntil) blockedUntil = until;
    }
  }
  if (blockedUntil > today)
    throw new ProblemError(403, 'booking_blocked', {
      detailKey: 'appointment.blocked',
      params: { count: rule.limit, window: rule.windowDays, until: blockedUntil },
      extensions: { blockedUntil },
    });
}

/** Records past bookings never checked in (of one person, or of everyone) as no-shows. */
export async function recordNoShows(
  db: Kysely<DatabaseSchema>,
  today: string,
  personIndex?: string,
): Promise<void> {
  let update = db
    .updateTable('appointments')
    .set({ state: 'noShow' })
    .where('state', '=', 'booked')
    .where('day', '<', today);
  if (personIndex) update = update.where('person_index', '=', personIndex);
  await update.execute();
}

/** A 409 `slot_full` naming the next free slots. */
export function slotFull(nextFreeSlots: unknown[]): ProblemError {
  return new ProblemError(409, 'slot_full', {
    titleKey: 'problem.conflict',
    detailKey: 'appointment.slotFull',
    extensions: { nextFreeSlots },
  });
}

/** A 409 `already_booked`, with the next free slots too (the schema of this 409 names them). */
export function alreadyBooked(): ProblemError {
  return new ProblemError(409, 'already_booked', {
    detailKey: 'appointment.alreadyBooked',
    extensions: { nextFreeSlots: [] },
  });
}
