import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { PostgresQueryCompiler } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { migrations } from './migrations/index.js';

/** Migrations are imported modules (not a folder scan), so the same list runs from `src` and `dist`. */
class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

function migratorOf<T>(db: Kysely<T>, schema: string): Migrator {
  // The bookkeeping tables live in the same schema as the data (tests use a schema per file).
  return new Migrator({ db, provider: new ListedMigrations(), migrationTableSchema: schema });
}

/**
 * Runs `work` holding a session advisory lock of this schema's migrations, on one connection of the
 * pool, so that processes starting together migrate one after the other: Kysely's own lock is taken only
 * after it has created its bookkeeping tables, which two processes would otherwise race to create.
 */
async function underMigrationLock<T, R>(
  db: Kysely<T>,
  schema: string,
  work: (connection: Kysely<T>) => Promise<R>,
): Promise<R> {
  return db.connection().execute(async (connection) => {
    const key = `banshi migrations ${schema}`;
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(connection);
    }
  });
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest<T>(db: Kysely<T>, schema = 'public'): Promise<void> {
  const { error, results } = await underMigrationLock(db, schema, (connection) =>
    migratorOf(connection, schema).migrateToLatest(),
  );
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? `: ${error.message}` : '';
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed${reason}`, { cause: error });
  }
}

/** Applies the migrations up to and including `name` (tests of an upgrade from an older release). */
export async function migrateTo<T>(db: Kysely<T>, name: string, schema = 'public'): Promise<void> {
  const { error } = await underMigrationLock(db, schema, (connection) =>
    migratorOf(connection, schema).migrateTo(name),
  );
  if (error) throw new Error(`Migration to ${name} failed`, { cause: error });
}

class Rollback extends Error {}

/**
 * The SQL the pending migrations would run, each statement with its parameters, without changing the
 * database: the migrations run in a transaction that is then rolled back.
 */
export async function pendingMigrationSql<T>(
  db: Kysely<T>,
  schema = 'public',
): Promise<{ name: string; statements: string[] }[]> {
  const known = await migratorOf(db, schema).getMigrations();
  const pending = known.filter((migration) => !migration.executedAt);
  const out: { name: string; statements: string[] }[] = [];
  const compiler = new PostgresQueryCompiler();
  await db
    .transaction()
    .execute(async (trx) => {
      for (const migration of pending) {
        const statements: string[] = [];
        const capture: KyselyPlugin = {
          transformQuery: ({ node, queryId }) => {
            const compiled = compiler.compileQuery(node, queryId);
            const parameters = compiled.parameters.length ? ` -- ${JSON.stringify(compiled.parameters)}` : '';
            statements.push(`${compiled.sql};${parameters}`);
            return node;
          },
          transformResult: async ({ result }) => result,
        };
        await migrations[migration.name]!.up(trx.withPlugin(capture) as unknown as Kysely<unknown>);
        out.push({ name: migration.name, statements });
      }
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return out;
}
