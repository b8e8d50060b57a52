import { sql, type Kysely } from 'kysely';

// A site's search (what a county's widget sends) read every item of its county, city and province,
// about 5,000 at a million items, each from its own table page, to keep the few that hold the query:
// 20 ms of a core for each search nobody had asked before. The characters and pairs of migration 0050,
// tagged with the item's region (national items with an empty tag), let it read only the site's items
// that hold the query's pairs. A posting list then holds one region's items, so a frequent character
// (证: 246,000 items in all) costs no more than the site's share of it. An index on an expression over
// the stored pairs: adding it rewrites no rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function banshi_search_region_grams(region text, level text, grams text[])
    returns text[] language sql immutable parallel safe as $$
      select array(
        select case when level = 'national' then '' else region end || chr(2) || g from unnest(grams) as g)
    $$`.execute(db);
  // A GIN build sorts its keys in memory; the default 64 MB spills a million items' keys to disk.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`create index items_search_region_grams on items
    using gin (banshi_search_region_grams(region_code, level, search_grams))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists items_search_region_grams`.execute(db);
  await sql`drop function if exists banshi_search_region_grams(text, text, text[])`.execute(db);
}
