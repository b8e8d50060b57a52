import { sql, type Kysely } from 'kysely';

// One-time work that needs more than a migration can have (the personal-data key): each mark says it is
// done, so a start checks one row instead of scanning tables again (see `sealStoredRowsOnce`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table maintenance_marks (
    name text primary key,
    done_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists maintenance_marks`.execute(db);
}
