import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { migrations } from './migrations/index.js';

/** Migrations are imported modules (not a folder scan), so the same list runs from `src` and `dist`. */
class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest<T>(db: Kysely<T>, schema = 'public'): Promise<void> {
  // The bookkeeping tables live in the same schema as the data (tests use a schema per file).
  const migrator = new Migrator({ db, provider: new ListedMigrations(), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
}
