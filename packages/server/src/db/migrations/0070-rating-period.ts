import { sql, type Kysely } from 'kysely';

// 评价时效 and 整改: ratings counted as 满意 by default are marked so every figure tells them apart; an
// explanation (解释说明) is counted apart from a rectification; a case remembers when its applicant was
// invited to rate, so two processes sweeping at once never send the invitation twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('evaluations')
    .addColumn('defaulted', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('evaluation_daily')
    .addColumn('explained', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('evaluation_daily')
    .addColumn('defaulted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('cases').addColumn('rating_invited_at', 'timestamptz').execute();
  // The sweep looks for concluded cases by their conclusion time.
  await sql`create index cases_concluded on cases (concluded_at) where concluded_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_concluded`.execute(db);
  await db.schema.alterTable('cases').dropColumn('rating_invited_at').execute();
  await db.schema.alterTable('evaluation_daily').dropColumn('defaulted').execute();
  await db.schema.alterTable('evaluation_daily').dropColumn('explained').execute();
  await db.schema.alterTable('evaluations').dropColumn('defaulted').execute();
}
