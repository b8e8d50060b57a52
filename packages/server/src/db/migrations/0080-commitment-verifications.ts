import { sql, type Kysely } from 'kysely';

// 告知承诺: a case approved on the applicant's commitment waits for its verification (核查) until the day
// in `verification_due`; the column is cleared once verified, so the open and overdue verifications of a
// department are one indexed range.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('verification_due', 'date').execute();
  await sql`create index cases_verification_due_idx on cases (department_id, verification_due) where verification_due is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_verification_due_idx`.execute(db);
  await db.schema.alterTable('cases').dropColumn('verification_due').execute();
}
