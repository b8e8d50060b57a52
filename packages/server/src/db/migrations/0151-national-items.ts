import { sql, type Kysely } from 'kysely';

// A site's search reads its regions' items and the national ones. The regions have an index; without
// one for the national items PostgreSQL read the whole table for the `or` (10 s at a million items).
// Partial: national items are few in a province's catalogue.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index items_national on items (region_code) where level = 'national'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists items_national`.execute(db);
}
