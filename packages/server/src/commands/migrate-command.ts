import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { migrateToLatest, pendingMigrationSql } from '../db/migrate.js';
import { databaseArgs, databaseOptionsOf } from './database-options.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { loadPiiKey } from '../security/pii-key.js';
import { PiiCipher } from '../security/pii-cipher.js';
import { sealStoredRowsOnce } from '../security/sealed-columns.js';

const usage = `banshi-server migrate [--dry-run] [--data-dir <folder> | --database-url <url>]

Brings the database's schema up to date (the server also does so when it starts). With --dry-run,
prints the SQL of the pending migrations and changes nothing. Safe when several processes start at once:
they take a PostgreSQL advisory lock and migrate one after the other.
With the personal-data key (BANSHI_PII_KEY or BANSHI_PII_KEY_FILE, or the one a PGlite data folder
keeps), rows stored before encryption at rest are then sealed, once per database; without it the
server's first start does that.
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
    const key = await operatorKey(databaseOptionsOf(values).dataDir);
    const sealed = key && (await sealStoredRowsOnce(database.db as Kysely<unknown>, new PiiCipher([key])));
    if (sealed) out(`Rows stored before encryption at rest: ${sealed.rows} sealed`);
    return 0;
  } finally {
    await database.close();
  }
}

/** The personal-data key the server would use, when the operator has one; never a new one. */
async function operatorKey(dataDir: string | undefined): Promise<Buffer | undefined> {
  const key = process.env.BANSHI_PII_KEY || undefined;
  const keyFile = process.env.BANSHI_PII_KEY_FILE || undefined;
  const kept = dataDir && dataDir !== 'memory://' && existsSync(join(dataDir, 'pii.key'));
  if (!key && !keyFile && !kept) return undefined;
  return (await loadPiiKey({ key, keyFile, production: false, dataDir: kept ? dataDir : undefined })).key;
}
