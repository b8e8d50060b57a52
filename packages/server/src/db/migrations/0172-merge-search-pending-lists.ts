import { sql, type Kysely } from 'kysely';

// Every lookup of a GIN index reads its pending list in full, and a search's walk makes up to 192 of
// them. The importer merges the lists after each import from now on (`search/pending-lists.ts`); this
// merges what earlier writes left.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'items_search_grams',
    'items_search_field_grams',
    'items_search_field_triples',
    'items_search_region_grams',
  ])
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
}

export async function down(): Promise<void> {}
