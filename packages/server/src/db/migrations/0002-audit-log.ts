import { sql, type Kysely } from 'kysely';

// The audit log: records chained by SM3 hashes (see audit/audit-log.ts), a one-row head holding the
// last link (its row lock serialises appends across processes), and a trigger that refuses updates
// and refuses deletes except an archive run's removal of records older than 180 days.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_records')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('client', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_records_action')
    .on('audit_records')
    .columns(['action', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_records_actor')
    .on('audit_records')
    .columns(['actor_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_records_time').on('audit_records').columns(['occurred_at']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
  await sql`
    create function audit_records_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE'
         and current_setting('banshi.audit_archive', true) = 'on'
         and old.occurred_at < now() - interval '180 days' then
        return old;
      end if;
      raise exception 'audit records are append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_records_append_only before update or delete on audit_records
    for each row execute function audit_records_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_records').ifExists().execute();
  await db.schema.dropTable('audit_head').ifExists().execute();
  await sql`drop function if exists audit_records_append_only()`.execute(db);
}
