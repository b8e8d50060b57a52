import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { migrations } from '../db/migrations/index.js';
import type { LogEntry } from './logger.js';

/** Whether the identity provider's signing keys are in hand (fetching them if not). */
export type KeysReady = () => Promise<boolean>;

/** What `/readyz` checks. */
export interface ReadinessOptions {
  database: Database;
  /** Present when an identity provider is configured. */
  keysReady?: KeysReady;
  /** True once the process has begun to shut down: it takes no new traffic. */
  draining?: () => boolean;
  log: (entry: LogEntry) => void;
}

/**
 * Ready for traffic: not shutting down, the database answers, every migration this code knows is
 * applied, and the identity provider's keys are loaded when one is configured. The caller learns only
 * yes or no; the reason goes to the log.
 */
export function readinessCheck(options: ReadinessOptions): () => Promise<boolean> {
  const expected = Object.keys(migrations);
  let migrated = false;
  const notReady = (reason: string) => {
    options.log({ level: 'warn', message: 'Not ready', reason });
    return false;
  };
  return async () => {
    if (options.draining?.()) return false;
    try {
      if (migrated) {
        await sql`select 1`.execute(options.database.db);
      } else {
        // The bookkeeping table of the schema in use (the search path puts it first).
        const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(
          options.database.db,
        );
        const applied = new Set(rows.rows.map((row) => row.name));
        if (expected.some((name) => !applied.has(name))) return notReady('migrations pending');
        // Migrations never go backwards under a running process, so this is checked once.
        migrated = true;
      }
    } catch {
      return notReady('database unreachable');
    }
    if (options.keysReady && !(await options.keysReady())) return notReady('identity keys not loaded');
    return true;
  };
}
