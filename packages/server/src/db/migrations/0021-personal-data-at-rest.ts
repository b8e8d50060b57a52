import { sql, type Kysely } from 'kysely';

// Personal data is encrypted at rest (see `SealedColumnsPlugin`), so its columns become text, and the
// equality lookups that remain (an applicant's name for staff search, an applicant's ID number or credit
// code for duplicate applications) get keyed blind indexes. The rows already stored are encrypted with
// the operator's key when the server next starts (`sealStoredRows`), since a migration has no key.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [
    ['cases', 'applicant'],
    ['cases', 'form_data'],
    ['cases', 'details'],
    ['evaluations', 'rater'],
    ['evaluations', 'details'],
  ] as const) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text using ${sql.ref(column)}::text`.execute(
      db,
    );
  }
  await db.schema
    .alterTable('cases')
    .addColumn('applicant_name_index', 'text')
    .addColumn('applicant_index', 'text')
    .execute();
  await sql`create index cases_applicant_idx on cases (applicant_index)`.execute(db);
  await sql`create index cases_applicant_name_idx on cases (applicant_name_index)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_applicant_idx`.execute(db);
  await sql`drop index if exists cases_applicant_name_idx`.execute(db);
  await db.schema
    .alterTable('cases')
    .dropColumn('applicant_name_index')
    .dropColumn('applicant_index')
    .execute();
}
