import { sql, type Kysely } from 'kysely';

// A frequent term (养老, yl, 医保) matches tens of thousands of items in a province; ranking all of them
// for one page made its cost grow with the catalogue. Within a rank, items come shortest name first, so
// the search reads one name length at a time and stops when the page is full: a prefix index keyed by
// length serves the first rank, and the character pairs of each field (name, aliases, department)
// tagged with the field and the name's length (lengths past 64 share one tag) serve the others, so a
// rank reads only items that hold the query in its own field. See docs/operations.md.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function banshi_search_field_grams(name text, aliases text, department text, n integer)
    returns text[] language sql immutable parallel safe
    -- Its body calls banshi_search_grams unqualified: a restore (pg_restore runs with an empty search
    -- path) must still find it, so the function keeps the schema it was made in.
    set search_path from current as $$
      select array(
        select 'n' || g || chr(2) || least(n, 64) from unnest(banshi_search_grams(name)) as g
        union all
        select 'k' || g || chr(2) || least(n, 64) from unnest(banshi_search_grams(aliases)) as g
        union all
        select 'd' || g || chr(2) || least(n, 64) from unnest(banshi_search_grams(department)) as g)
    $$`.execute(db);
  await sql`alter table items add column name_length integer not null
    generated always as (char_length(name)) stored`.execute(db);
  await sql`alter table items add column search_field_grams text[] not null
    generated always as (banshi_search_field_grams(
      search_name, search_keywords, search_department, char_length(name))) stored`.execute(db);
  await sql`create index items_search_field_grams on items using gin (search_field_grams)`.execute(db);
  await sql`create index items_search_length_prefix
    on items (status, name_length, search_name text_pattern_ops) include (code)`.execute(db);
  // Served by the two above now.
  await sql`drop index if exists items_search_order`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists items_search_order on items (status, char_length(name), code)`.execute(
    db,
  );
  await sql`drop index if exists items_search_length_prefix`.execute(db);
  await sql`drop index if exists items_search_field_grams`.execute(db);
  await sql`alter table items drop column if exists search_field_grams`.execute(db);
  await sql`alter table items drop column if exists name_length`.execute(db);
  await sql`drop function if exists banshi_search_field_grams(text, text, text, integer)`.execute(db);
}
