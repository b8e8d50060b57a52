import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { defaultChangeCutoffMinutes, defaultDaysOpen, defaultSessions } from './settings.js';

interface DemoItemDocument {
  supports?: { appointment?: boolean };
  windows?: { name?: string }[];
}

/**
 * Opens the demo catalogue's items that support appointments (and the public rental housing item the
 * demo's booking page shows) for booking at their first window: 30-minute slots of 4 seats. Items
 * staff have set up already are left alone.
 */
export async function seedDemoAppointments(db: Kysely<DatabaseSchema>): Promise<void> {
  const items = await db.selectFrom('items').select(['code', 'document']).execute();
  const rows = items.flatMap((item) => {
    const document = (
      typeof item.document === 'string' ? JSON.parse(item.document) : item.document
    ) as DemoItemDocument;
    if (!document.supports?.appointment && item.code !== '1115030201183506284200603001000') return [];
    const windowName = document.windows?.[0]?.name ?? '综合受理窗口';
    return [
      {
        item_code: item.code,
        window_group: /^[A-Z][A-Z0-9]{0,7}/.exec(windowName)?.[0] ?? 'A1',
        window_name: windowName,
        slot_minutes: 30,
        capacity: 4,
        sessions: JSON.stringify(defaultSessions),
        days_open: defaultDaysOpen,
        change_cutoff_minutes: defaultChangeCutoffMinutes,
        updated_by: '演示数据',
        updated_at: new Date(),
      },
    ];
  });
  if (rows.length === 0) return;
  await db
    .insertInto('appointment_settings')
    .values(rows)
    .onConflict((oc) => oc.column('item_code').doNothing())
    .execute();
}
