import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { importItems, type ItemDocument } from '../items/importer.js';
import { loadDemoCatalogue } from './load.js';

/**
 * Imports the demo catalogue (`packages/server/demo-catalogue/`: items with their forms, departments,
 * themes, regions and the calendar years) when no item is stored yet. Returns how many items were
 * imported (0 when the database already had items).
 */
export async function importDemoCatalogue(db: Kysely<DatabaseSchema>): Promise<number> {
  const existing = await db.selectFrom('items').select('code').limit(1).executeTakeFirst();
  if (existing) return 0;
  const catalogue = await loadDemoCatalogue();
  const count = await importItems(
    db,
    catalogue.items.map((item) => ({
      item: item as unknown as ItemDocument,
      form: (catalogue.forms.get(item.code) as Record<string, unknown> | undefined) ?? null,
    })),
    {
      departments: catalogue.departments.map((d) => ({ ...d, shortName: d.shortName ?? undefined })),
      themes: catalogue.themes,
      regions: catalogue.regions,
    },
  );
  const days = catalogue.calendar.flatMap((year) =>
    year.days.map((day) => ({ day: day.date, kind: day.kind, name: day.name ?? '' })),
  );
  if (days.length > 0) {
    await db
      .insertInto('calendar_days')
      .values(days)
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
  }
  return count;
}
