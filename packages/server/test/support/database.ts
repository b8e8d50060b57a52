import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/database.js';

/** The PostgreSQL used by tests when set (CI starts one); PGlite in memory otherwise. */
export const testDatabaseUrl = process.env.BANSHI_TEST_DATABASE_URL || undefined;

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new schema of the test
 * PostgreSQL (dropped again by `close`), so parallel files never see each other's rows.
 */
export async function openTestDatabase(): Promise<Database & { schema?: string }> {
  if (!testDatabaseUrl) return openDatabase({});
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: testDatabaseUrl, schema, poolSize: 5 });
  return {
    ...database,
    schema,
    close: async () => {
      const { sql } = await import('kysely');
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => undefined);
      await database.close();
    },
  };
}
