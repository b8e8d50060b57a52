import { sql, type Kysely } from 'kysely';

// A case filed signed in is bound to its filer and, for a company, to the company. Both are kept
// encrypted (so a key rotation can recompute their indexes) and as keyed blind indexes, which the
// lookups of 我的办件 compare; neither is ever stored in clear.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('owner', 'text')
    .addColumn('owner_index', 'text')
    .addColumn('company', 'text')
    .addColumn('company_index', 'text')
    .addColumn('filed_as', 'text')
    .addColumn('filer_assurance', 'integer')
    .execute();
  await sql`create index cases_owner_idx on cases (owner_index, submitted_at desc, number desc) where owner_index is not null`.execute(
    db,
  );
  await sql`create index cases_company_idx on cases (company_index, submitted_at desc, number desc) where company_index is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_owner_idx`.execute(db);
  await sql`drop index if exists cases_company_idx`.execute(db);
  for (const column of ['owner', 'owner_index', 'company', 'company_index', 'filed_as', 'filer_assurance'])
    await db.schema.alterTable('cases').dropColumn(column).execute();
}
