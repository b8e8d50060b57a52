import { resolve } from 'node:path';
import type { DatabaseOptions } from '../db/database.js';

/** The command-line and environment options that say which database a command opens. */
export const databaseArgs = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** The database a command opens: the same one the server of these options would. */
export function databaseOptionsOf(values: { 'data-dir'?: string; 'database-url'?: string }): DatabaseOptions {
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  return databaseUrl
    ? { databaseUrl }
    : { dataDir: resolve(values['data-dir'] ?? process.env.BANSHI_DATA_DIR ?? './.data/pglite') };
}
