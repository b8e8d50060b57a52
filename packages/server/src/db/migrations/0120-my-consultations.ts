import { sql, type Kysely } from 'kysely';

// 我的咨询 reads a signed-in asker's questions newest first; only questions asked signed in have an owner.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index consultations_owner_idx on consultations (owner_index, asked_at desc, number desc)
    where owner_index is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists consultations_owner_idx`.execute(db);
}
