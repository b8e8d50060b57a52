import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** Catalogue changes committed by this process, counted so its caches drop what they keep at once. */
let changesHere = 0;

/** How many catalogue changes this process has committed: a cache that saw another number is stale. */
export function catalogueChangesHere(): number {
  return changesHere;
}

/**
 * Marks the catalogue changed: `catalogue_state.version` for every process (they read it on their own
 * schedule), and this process's counter, so its own next read sees the change without waiting for that.
 */
export async function bumpCatalogueVersion(db: Kysely<DatabaseSchema>): Promise<void> {
  await db
    .updateTable('catalogue_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  changesHere += 1;
}
