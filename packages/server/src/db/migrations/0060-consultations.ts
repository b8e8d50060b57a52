import { sql, type Kysely } from 'kysely';

// 我要问: questions to an office with their answer, one follow-up and its answer, and the questions staff
// publish on an item. The question, the answers and the contact are encrypted (see `sealedColumns`); the
// query code is kept as a salted scrypt hash like a case's. A rating of an answer is an evaluation whose
// subject is the question (`consultation_number`), rated once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text')
    .addColumn('item_name', 'text')
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text')
    .addColumn('owner_index', 'text')
    .addColumn('upload_id', 'text')
    .addColumn('query_code_salt', 'bytea', (c) => c.notNull())
    .addColumn('query_code_hash', 'bytea', (c) => c.notNull())
    .addColumn('asked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer_due', 'date', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'text')
    .addColumn('out_of_remit', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('follow_up', 'text')
    .addColumn('follow_up_at', 'timestamptz')
    .addColumn('follow_up_due', 'date')
    .addColumn('follow_up_answer', 'text')
    .addColumn('follow_up_answered_at', 'timestamptz')
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createIndex('consultations_department')
    .on('consultations')
    .columns(['department_id', 'asked_at'])
    .execute();
  await db.schema
    .createTable('published_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('consultation_number', 'text', (c) => c.notNull().unique())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('published_answers_item')
    .on('published_answers')
    .columns(['item_code', 'published_at'])
    .execute();
  await db.schema.alterTable('evaluations').addColumn('consultation_number', 'text').execute();
  await sql`create unique index evaluations_one_per_consultation on evaluations (consultation_number)
    where consultation_number is not null and follow_up_of is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists evaluations_one_per_consultation`.execute(db);
  await db.schema.alterTable('evaluations').dropColumn('consultation_number').execute();
  await db.schema.dropTable('published_answers').ifExists().execute();
  await db.schema.dropTable('consultations').ifExists().execute();
}
