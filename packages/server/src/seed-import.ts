import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './db/schema-types.js';
import { importItems, type ItemInput, type ReferenceInput } from './items/importer.js';

/**
 * Loads the seed catalogue (`src/seed/`, written alongside the data in `seed/`) when no item is stored
 * yet. Returns how many items were imported.
 */
export async function seedDatabase(db: Kysely<DatabaseSchema>): Promise<number> {
  const existing = await db.selectFrom('items').select('code').limit(1).executeTakeFirst();
  if (existing) return 0;
  // The seed module is written separately and may not exist yet; resolve it at run time.
  const seedModule = './seed/index.js';
  const seed = (await import(seedModule).catch(() => undefined)) as
    | {
        seedItems?: () => Iterable<ItemInput> | Promise<Iterable<ItemInput>>;
        seedReference?: () => ReferenceInput;
      }
    | undefined;
  if (!seed?.seedItems) return 0;
  return importItems(db, await seed.seedItems(), seed.seedReference?.() ?? {});
}
