import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { WorkCalendar } from './working-days.js';
import { holidays2026 } from './holidays-2026.js';

/** Reads the whole calendar (a few dozen rows a year) into sets. */
export async function loadCalendar(db: Kysely<DatabaseSchema>): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['day', 'kind']).execute();
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const row of rows) (row.kind === 'holiday' ? holidays : workdays).add(row.day);
  return { holidays, workdays };
}

/** Seeds the 2026 calendar unless the operator has already entered days for 2026. */
export async function seedCalendar(db: Kysely<DatabaseSchema>): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(holidays2026)
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}
