// Grows a catalogue already in the database to `target` items by copying its rows under new codes and
// county regions, as a province lists the same item in each county. Done in SQL (the search columns
// are copied, their generated pairs computed by the database), in batches, with the search indexes
// dropped during the copy and built once at the end.
import { sql } from 'kysely';
import type { Database } from '../../packages/server/src/db/database.js';

/** Answers the number of items after growing. */
export async function growCatalogue(database: Database, target: number): Promise<number> {
  const db = database.db;
  const base = Number(
    (await sql<{ n: number }>`select count(*)::int as n from items`.execute(db)).rows[0]!.n,
  );
  const copies = Math.ceil(target / base) - 1;
  const started = performance.now();
  const searchIndexes = (
    await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition
      from pg_indexes where tablename = 'items' and indexname like 'items_search%'`.execute(db)
  ).rows;
  for (const index of searchIndexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  for (let copy = 1; copy <= copies; copy++) {
    const room = target - base * copy;
    if (room <= 0) break;
    // A county of its own (159xxx, a region no generated item uses) in the code's credit-code part.
    const region = `159${String(copy).padStart(3, '0')}`;
    await sql`insert into items (code, name, kind, department_id, department_name, region_code, item_type, level,
        online_depth, cross_region_scope, audience, themes, status, has_form, search_name, search_keywords,
        search_department, summary, document, form, translations, etag)
      select overlay(code placing ${region} from 3 for 6), name, kind, department_id, department_name, ${region}, item_type, level,
        online_depth, cross_region_scope, audience, themes, status, has_form, search_name, search_keywords,
        search_department, jsonb_set(summary, '{code}', to_jsonb(overlay(code placing ${region} from 3 for 6))),
        jsonb_set(document, '{code}', to_jsonb(overlay(code placing ${region} from 3 for 6))), form, translations, etag
      from items where substr(code, 3, 3) <> '159' order by code limit ${Math.min(base, room)}`.execute(db);
    console.log(`  copy ${copy}/${copies} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const index of searchIndexes) await sql.raw(index.definition).execute(db);
  await sql`analyze items`.execute(db);
  const total = Number(
    (await sql<{ n: number }>`select count(*)::int as n from items`.execute(db)).rows[0]!.n,
  );
  console.log(`  grew to ${total} items in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return total;
}
