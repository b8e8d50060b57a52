import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { migrateToLatest, pendingMigrationSql } from '../db/migrate.js';
import { databaseArgs, databaseOptionsOf } from './database-options.js';

const usage = `banshi-server migrate [--dry-run] [--data-dir <folder> | --database-url <url>]

Brings the database's schema up to date (the server also does so when it starts). With --dry-run,
prints the SQL of the pending migrations and changes nothing. Safe when several processes start at once:
they take a PostgreSQL advisory lock and migrate one after the other.
`;

/** `banshi-server migrate`; answers the exit status. */
export async function migrateCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...databaseArgs, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    out(usage);
    return 0;
  }
  const database = await openDatabase({ ...databaseOptionsOf(values), migrate: false });
  try {
    if (values['dry-run']) {
      const pending = await pendingMigrationSql(database.db);
      if (pending.length === 0) out('-- The schema is up to date: nothing to run.');
      for (const migration of pending) {
        out(`-- ${migration.name}`);
        for (const statement of migration.statements) out(statement);
      }
      return 0;
    }
    const started = performance.now();
    await migrateToLatest(database.db);
    out(`Schema up to date (${Math.round(performance.now() - started)} ms)`);
    return 0;
  } finally {
    await database.close();
  }
}
