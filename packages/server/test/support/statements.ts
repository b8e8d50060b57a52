import { PostgresQueryCompiler, type KyselyPlugin } from 'kysely';
import type { Database } from '../../src/db/database.js';

/** `database` with every statement run through it written to `statements` (as PostgreSQL text). */
export function recordStatements(database: Database, statements: string[]): Database {
  const compiler = new PostgresQueryCompiler();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(compiler.compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { ...database, db: database.db.withPlugin(plugin) };
}
