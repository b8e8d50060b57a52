import { ok, type Handler } from '../http/operation.js';
import { problems } from '../http/problem.js';
import { authoriseStaff } from '../http/authorise.js';
import { requireDepartment } from '../access/department-scope.js';
import { actorOf } from '../identity/principal.js';
import {
  bookableItem,
  defaultChangeCutoffMinutes,
  defaultDaysOpen,
  defaultSessions,
  settingsView,
} from './settings.js';
import { openDays } from './availability.js';

/** Reading and setting how an item is booked, and its free slots. */
export const settingsHandlers: {
  getAppointmentSettings: Handler<'getAppointmentSettings'>;
  putAppointmentSettings: Handler<'putAppointmentSettings'>;
  listAppointmentSlots: Handler<'listAppointmentSlots'>;
} = {
  async getAppointmentSettings(ctx) {
    return ok(settingsView(await bookableItem(ctx.db, ctx.request.path.code)));
  },

  async putAppointmentSettings(ctx) {
    const principal = authoriseStaff(ctx, 'putAppointmentSettings');
    const code = ctx.request.path.code;
    const item = await ctx.db
      .selectFrom('items')
      .select(['code', 'department_id'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!item) throw problems.notFound('appointment.notBookable', { code });
    requireDepartment(principal, item.department_id, 'appointment', () =>
      problems.notFound('appointment.notBookable', { code }),
    );
    const body = ctx.request.body;
    const sessions = body.sessions ?? defaultSessions;
    const bad = sessions.findIndex((s) => s.end <= s.start);
    if (bad >= 0)
      throw problems.validation([
        {
          pointer: `/sessions/${bad}/end`,
          code: 'end_before_start',
          messageKey: 'validation.endBeforeStart',
        },
      ]);
    const row = {
      window_group: body.windowGroup,
      window_name: body.windowName,
      slot_minutes: body.slotMinutes,
      capacity: body.capacity,
      sessions: JSON.stringify(sessions),
      days_open: body.daysOpen ?? defaultDaysOpen,
      change_cutoff_minutes: body.changeCutoffMinutes ?? defaultChangeCutoffMinutes,
      updated_by: actorOf(principal).name,
      updated_at: ctx.now,
    };
    await ctx.db
      .insertInto('appointment_settings')
      .values({ item_code: code, ...row })
      .onConflict((oc) => oc.column('item_code').doUpdateSet(row))
      .execute();
    return ok(settingsView(await bookableItem(ctx.db, code)));
  },

  async listAppointmentSlots(ctx) {
    const item = await bookableItem(ctx.db, ctx.request.query.itemCode);
    const days = await openDays(ctx.db, item, await ctx.services.calendar(), ctx.now);
    return ok({ settings: settingsView(item), days });
  },
};
