import { sql, type Kysely } from 'kysely';

// 红黑榜: each publication keeps its period, its publisher and the lists as published, so a list reads
// the same for as long as it is posted whatever happens to the ratings later. The per-day figures get an
// index on the kind of scope (department, window, staff), so a ranking or a breakdown over a period
// reads only the rows of that kind.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating_rankings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('visible_until', 'timestamptz', (c) => c.notNull())
    .addColumn('publisher', 'jsonb', (c) => c.notNull())
    .addColumn('lists', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create index rating_rankings_visible on rating_rankings (visible_until desc, published_at desc)`.execute(
    db,
  );
  await sql`create index evaluation_daily_kind on evaluation_daily (split_part(scope, ':', 1), day)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists evaluation_daily_kind`.execute(db);
  await db.schema.dropTable('rating_rankings').ifExists().execute();
}
