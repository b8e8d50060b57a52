import { sql, type Kysely } from 'kysely';

// Search in the database itself (several processes, a province's catalogue): every character and
// character pair of an item's search columns, kept in a generated column when the item is written, under
// a GIN index. Pairs rather than pg_trgm's trigrams, because most Chinese queries are two characters
// (社保, 户口, 公积) and a trigram index can filter nothing for them; pairs also need no extension and
// no locale that knows CJK letters, so PGlite and any PostgreSQL build the same index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function banshi_search_grams(t text) returns text[]
    language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct g), '{}') from (
        select substr(t, i, 1) as g from generate_series(1, char_length(t)) as i
        union all
        select substr(t, i, 2) from generate_series(1, char_length(t) - 1) as i
      ) as grams
      where strpos(g, ' ') = 0 and strpos(g, chr(1)) = 0
    $$`.execute(db);
  await sql`alter table items add column search_grams text[] not null
    generated always as (banshi_search_grams(
      search_name || chr(1) || search_keywords || chr(1) || search_department)) stored`.execute(db);
  await sql`create index items_search_grams on items using gin (search_grams)`.execute(db);
  // Names that start with a query (the first rank), without reading every item that holds it elsewhere.
  await sql`create index items_search_prefix on items (search_name text_pattern_ops)`.execute(db);
  // A frequent term matches much of the catalogue; its first page is then read in rank order from here.
  await sql`create index items_search_order on items (status, char_length(name), code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists items_search_order`.execute(db);
  await sql`drop index if exists items_search_prefix`.execute(db);
  await sql`alter table items drop column if exists search_grams`.execute(db);
  await sql`drop function if exists banshi_search_grams(text)`.execute(db);
}
