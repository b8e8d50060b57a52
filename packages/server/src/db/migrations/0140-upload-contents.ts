import { sql, type Kysely } from 'kysely';

// Uploaded files in the database itself (PostgreSQL): every process reads the same bytes and a backup of
// the database holds them. The content is sealed with the personal-data key; one counter row bounds the
// total bytes kept, updated in the upload's own transaction so concurrent uploads cannot pass it together.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table upload_contents (
    key text primary key,
    size bigint not null,
    content bytea not null
  )`.execute(db);
  await sql`create table upload_usage (
    id int primary key check (id = 1),
    bytes bigint not null default 0
  )`.execute(db);
  await sql`insert into upload_usage (id, bytes) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists upload_usage`.execute(db);
  await sql`drop table if exists upload_contents`.execute(db);
}
