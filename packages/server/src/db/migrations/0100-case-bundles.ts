import { sql, type Kysely } from 'kysely';

// 一件事: a bundle's case and one member case per member item, each handled by its own department.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases add column is_bundle boolean not null default false`.execute(db);
  await sql`alter table cases add column bundle_number text references cases (number)`.execute(db);
  await sql`create index cases_bundle on cases (bundle_number, number) where bundle_number is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_bundle`.execute(db);
  await sql`alter table cases drop column if exists bundle_number`.execute(db);
  await sql`alter table cases drop column if exists is_bundle`.execute(db);
}
