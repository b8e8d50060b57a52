import { sql, type Kysely } from 'kysely';

// The first rank's walk reads names starting with the query one length at a time through
// `items_search_length_prefix` (status, name length, name). With 0050's index on the name alone beside
// it, PostgreSQL read every name starting with a frequent word at each length and dropped the other
// lengths (医保: 2,933 rows for each of ten lengths, 25 ms of a core at a million items; 1 ms without
// it). Nothing else reads that index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists items_search_prefix`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists items_search_prefix on items (search_name text_pattern_ops)`.execute(
    db,
  );
}
