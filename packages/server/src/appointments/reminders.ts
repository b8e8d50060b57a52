import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Notifier } from '../notify/notifier.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import { chinaDay } from '../common/china-time.js';
import { shiftDay } from '../calendar/working-days.js';
import { translate } from '../i18n/messages.js';
import './messages.js';
import { recordNoShows } from './rules.js';

/**
 * Texts the day-before reminder of every booking of tomorrow not yet reminded, and records past bookings
 * never checked in as no-shows. Each reminder is marked before it is sent, so two processes sweeping at
 * once never send one twice (a send that fails is not retried: the booking itself is unchanged).
 * Answers how many reminders went out.
 */
export async function sweepAppointments(
  db: Kysely<DatabaseSchema>,
  notifier: Notifier,
  pii: PiiCipher,
  now: Date,
): Promise<number> {
  const today = chinaDay(now);
  await recordNoShows(db, today);
  const due = await db
    .updateTable('appointments')
    .set({ reminded_at: now })
    .where('state', '=', 'booked')
    .where('day', '=', shiftDay(today, 1))
    .where('reminded_at', 'is', null)
    .where('mobile', 'is not', null)
    .returning(['item_code', 'day', 'start', 'mobile', 'window_group'])
    .execute();
  let sent = 0;
  for (const booking of due) {
    const item = await db
      .selectFrom('appointment_settings as s')
      .innerJoin('items as i', 'i.code', 's.item_code')
      .select(['i.name', 's.window_name'])
      .where('s.item_code', '=', booking.item_code)
      .executeTakeFirst();
    const text = translate('zh-CN', 'appointment.sms.reminder', {
      item: item?.name ?? booking.item_code,
      day: booking.day,
      start: booking.start,
      window: item?.window_name ?? booking.window_group,
    });
    try {
      await notifier.send({
        mobile: pii.decrypt(booking.mobile!, 'appointments.mobile'),
        text,
        purpose: 'appointmentReminder',
      });
      sent++;
    } catch {
      // The gateway is down: this reminder is lost, the next ones are still tried.
    }
  }
  return sent;
}
