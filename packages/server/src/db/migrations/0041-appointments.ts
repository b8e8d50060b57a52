import { sql, type Kysely } from 'kysely';

// 预约: bookable resources per item, seat counts per slot (capacity is enforced by a conditional update of
// the slot's row), bookings with one active booking per person, item and day (a partial unique index),
// SMS verification codes and queue counters. Names and mobiles are encrypted; lookups use blind indexes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointment_settings')
    .addColumn('item_code', 'text', (c) => c.primaryKey())
    .addColumn('window_group', 'text', (c) => c.notNull())
    .addColumn('window_name', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('sessions', 'jsonb', (c) => c.notNull())
    .addColumn('days_open', 'integer', (c) => c.notNull())
    .addColumn('change_cutoff_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('appointment_slots')
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('appointment_slots_pk', ['item_code', 'day', 'start'])
    .addCheckConstraint('appointment_slots_booked', sql`booked >= 0`)
    .execute();
  await db.schema
    .createTable('appointments')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('person_index', 'text', (c) => c.notNull())
    .addColumn('owner_index', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text')
    .addColumn('code_index', 'text', (c) => c.notNull().unique())
    .addColumn('window_group', 'text', (c) => c.notNull())
    .addColumn('ticket', 'text')
    .addColumn('ticket_seq', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('called_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await sql`create unique index appointments_one_active on appointments (person_index, item_code, day)
    where state in ('booked', 'checkedIn', 'called')`.execute(db);
  await db.schema
    .createIndex('appointments_day_state')
    .on('appointments')
    .columns(['day', 'state'])
    .execute();
  await db.schema
    .createIndex('appointments_person')
    .on('appointments')
    .columns(['person_index', 'state', 'day'])
    .execute();
  await db.schema
    .createTable('appointment_codes')
    .addColumn('mobile_index', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('queue_counters')
    .addColumn('window_group', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_counters_pk', ['window_group', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'queue_counters',
    'appointment_codes',
    'appointments',
    'appointment_slots',
    'appointment_settings',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
