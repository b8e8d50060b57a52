import { sql, type Kysely } from 'kysely';

// Who changed a year's working-day calendar and when: every change of it moves running cases' deadlines,
// so each is kept with the named member of staff who made it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('days', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_changes_year')
    .on('calendar_changes')
    .columns(['year', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_changes').ifExists().execute();
}
