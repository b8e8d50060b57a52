import { mkdir } from 'node:fs/promises';
import { Kysely, PGliteDialect, PostgresDialect, sql, type PostgresPool } from 'kysely';
import type { DatabaseSchema } from './schema-types.js';
import { migrateToLatest } from './migrate.js';
import { SchemaIntrospector } from './schema-introspector.js';

/** Where the data lives: PostgreSQL (a URL), a PGlite data folder, or PGlite in memory. */
export interface DatabaseOptions {
  /** PostgreSQL connection URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data folder; omitted (or `memory://`) keeps the data in memory. */
  dataDir?: string;
  /**
   * PostgreSQL schema to create and use (tests give each file its own). Ignored for PGlite.
   * Defaults to `public`.
   */
  schema?: string;
  /** Largest number of pooled PostgreSQL connections. Default 10. */
  poolSize?: number;
  /** Run the migrations when opening. Default true. */
  migrate?: boolean;
}

/** An open database with its dialect and a way to close it. */
export interface Database {
  db: Kysely<DatabaseSchema>;
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL connection pool's counts (for metrics); absent on PGlite. */
  pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  close(): Promise<void>;
}

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens PostgreSQL when `databaseUrl` is given, PGlite otherwise, and brings the schema up to date.
 * Both run the same migrations and the same queries.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema ?? 'public', options.poolSize ?? 10)
    : await openPGlite(options.dataDir);
  if (options.migrate !== false)
    await migrateToLatest(database.db, options.databaseUrl ? (options.schema ?? 'public') : 'public');
  return database;
}

/** PostgreSQL whose introspection (the migrator's) reads this deployment's schema alone. */
class OwnSchemaPostgresDialect extends PostgresDialect {
  constructor(
    pool: PostgresPool,
    private readonly schema: string,
  ) {
    super({ pool });
  }

  override createIntrospector(db: Kysely<unknown>): SchemaIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}

async function openPostgres(url: string, schema: string, poolSize: number): Promise<Database> {
  if (!schemaNamePattern.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const { default: pg } = await import('pg');
  // Dates stay strings (YYYY-MM-DD) as in PGlite's text results; bigint counts become numbers.
  pg.types.setTypeParser(1082, (value: string) => value);
  pg.types.setTypeParser(20, (value: string) => Number(value));
  // No JIT: every query here is short, and the planner's cost of a search over a million items (its
  // guess for array containment is thousands of rows where there are tens) made PostgreSQL compile
  // 1.3 s of machine code for a query that then ran in 10 ms. No parallel workers either: the same
  // guess had a site's search wait 40 ms for two workers to start, and many small requests at once gain
  // nothing from splitting one.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${schema},public -c jit=off -c max_parallel_workers_per_gather=0`,
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new OwnSchemaPostgresDialect(pool, schema) });
  if (schema !== 'public') await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return { db, kind: 'postgres', pool, close: () => db.destroy() };
}

async function openPGlite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const persistent = dataDir && dataDir !== 'memory://';
  // PGlite creates the last folder only; `./.data/pglite` needs its parent too.
  if (persistent) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: persistent ? dataDir : undefined,
    // Every commit reaches the file system before the query resolves, so a 201 survives a crash.
    relaxedDurability: false,
    parsers: { 1082: (value: string) => value, 20: (value: string) => Number(value) },
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
