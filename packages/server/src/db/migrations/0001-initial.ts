import { sql, type Kysely } from 'kysely';

// The first schema: items with their search columns (pinyin computed on write), the holiday calendar, cases and their timeline,
// uploads, evaluations with a per-day aggregate, idempotency keys and rate-limit counters.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('online_depth', 'text', (c) => c.notNull())
    .addColumn('cross_region_scope', 'text', (c) => c.notNull())
    .addColumn('audience', sql`text[]`, (c) => c.notNull())
    .addColumn('themes', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('has_form', 'boolean', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('search_keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('form', 'jsonb')
    .addColumn('translations', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The unfiltered list is ordered by department, then name.
  await db.schema
    .createIndex('items_listing')
    .on('items')
    .columns(['department_id', 'name', 'code'])
    .execute();
  await db.schema.createIndex('items_region').on('items').columns(['region_code']).execute();
  await sql`create index items_themes on items using gin (themes)`.execute(db);

  // Bumped whenever items change, so every process knows when to rebuild its search index.
  await db.schema
    .createTable('catalogue_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into catalogue_state (id, version) values (1, 0)`.execute(db);

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('level', 'text')
    .addColumn('search', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').columns(['parent', 'code']).execute();

  await createCalendarAndCases(db);
  await createUploadsAndEvaluations(db);
  await createFiguresAndBookkeeping(db);
}

// The holiday calendar, cases, their numbers and their timeline.
async function createCalendarAndCases(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('case_sequences')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant', 'jsonb', (c) => c.notNull())
    .addColumn('form_data', 'jsonb', (c) => c.notNull())
    .addColumn('materials', 'jsonb', (c) => c.notNull())
    // The rest of the case as shown (agent, delivery, corrections, decision, …), one document.
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('query_code_salt', 'bytea', (c) => c.notNull())
    .addColumn('query_code_hash', 'bytea', (c) => c.notNull())
    .addColumn('applicant_token_hash', 'bytea', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('concluded_at', 'timestamptz')
    .addColumn('promised_days', 'integer')
    .addColumn('suspended_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('due_date', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_submitted').on('cases').columns(['submitted_at', 'number']).execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('cases_item').on('cases').columns(['item_code', 'submitted_at']).execute();
  await db.schema
    .createIndex('cases_department')
    .on('cases')
    .columns(['department_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().references('cases.number').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('detail', 'jsonb')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_number', 'id']).execute();
}

// Uploads and evaluations (好差评) with their one-rating-per-case rules.
async function createUploadsAndEvaluations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('extra', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text')
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('bad', 'boolean', (c) => c.notNull())
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    // The rater's name and mobile of a real-name rating, for the callback; null when anonymous.
    .addColumn('rater', 'jsonb')
    .addColumn('follow_up_of', 'text')
    .addColumn('counted', 'boolean', (c) => c.notNull())
    .addColumn('rectification_state', 'text')
    // Target, reasons, texts, follow-up answers and the rectification workflow, as shown.
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('rated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .execute();
  // One online rating per case (一事一评), one follow-up per rating.
  await sql`create unique index evaluations_one_per_case on evaluations (case_number) where case_number is not null and follow_up_of is null`.execute(
    db,
  );
  await sql`create unique index evaluations_one_follow_up on evaluations (follow_up_of) where follow_up_of is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('evaluations_created')
    .on('evaluations')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('evaluations_item')
    .on('evaluations')
    .columns(['item_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('evaluations_department')
    .on('evaluations')
    .columns(['department_id', 'created_at'])
    .execute();
}

// The per-day figures of evaluations, idempotency keys and rate-limit counters.
async function createFiguresAndBookkeeping(db: Kysely<unknown>): Promise<void> {
  // Counts per day for everything (`all`), per item (`item:<code>`) and per department
  // (`department:<id>`), updated in the same transaction as each evaluation change, so published
  // figures sum a few hundred rows instead of scanning every evaluation.
  await db.schema
    .createTable('evaluation_daily')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('very_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('basically_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('very_dissatisfied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rectified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('real_name_bad', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('called_back', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('evaluation_daily_pk', ['scope', 'day'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('headers', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['scope', 'client', 'window_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rate_limits',
    'idempotency_keys',
    'evaluation_daily',
    'evaluations',
    'uploads',
    'case_events',
    'cases',
    'case_sequences',
    'calendar_days',
    'regions',
    'catalogue_state',
    'themes',
    'departments',
    'items',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
