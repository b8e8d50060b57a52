import { sql, type Kysely } from 'kysely';

// A query of three or more characters looked its items up by their character pairs (migration 0090),
// and pairs of Latin letters are few (26 × 26): `gzf` finds every name whose pinyin holds `gz` and `zf`
// anywhere, 27,000 items of a million of which none holds `gzf`, each read from the table to be
// rejected (3 s). Each field's character triples, tagged like the pairs with the field and the name's
// length, leave only items that hold the query's triples. An index on an expression rather than a
// stored column, so adding it does not rewrite the items.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function banshi_search_field_triples(name text, aliases text, department text, n integer)
    returns text[] language plpgsql immutable parallel safe as $$
    declare
      triples text[] := '{}';
      tag text := chr(2) || least(n, 64);
      field text;
      t text;
      triple text;
    begin
      foreach field in array array['n', 'k', 'd'] loop
        t := case field when 'n' then name when 'k' then aliases else department end;
        for i in 1 .. char_length(t) - 2 loop
          triple := substr(t, i, 3);
          if strpos(triple, ' ') = 0 then triples := triples || (field || triple || tag); end if;
        end loop;
      end loop;
      return triples;
    end $$`.execute(db);
  // A GIN build sorts its keys in memory; the default 64 MB spills a million items' triples to disk.
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`create index items_search_field_triples on items using gin (banshi_search_field_triples(
    search_name, search_keywords, search_department, name_length))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists items_search_field_triples`.execute(db);
  await sql`drop function if exists banshi_search_field_triples(text, text, text, integer)`.execute(db);
}
