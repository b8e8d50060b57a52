// POST /api/v1/evaluations per second through the CLI's server on a PGlite data folder (durable, as
// `npm start` runs it) and, when a URL is given, on PostgreSQL. Loopback; autocannon, 5 s each.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../packages/server/src/server.js';
import { importItems, type ItemDocument } from '../../packages/server/src/items/importer.js';
import { loadDemoCatalogue } from '../../packages/server/src/demo-catalogue/load.js';
import { benchDatabaseUrl, writeResult, type ResultRow } from './support.js';
import { openDatabase } from '../../packages/server/src/db/database.js';

const duration = 5;
const connections = 10;
const catalogue = await loadDemoCatalogue();
const item = catalogue.items[0]!;
const rows: ResultRow[] = [];

for (const target of ['pglite', ...(benchDatabaseUrl ? ['postgres'] : [])] as const) {
  const folder = mkdtempSync(join(tmpdir(), 'banshi-bench-'));
  const schema = `bench_posts_${Date.now().toString(36)}`;
  const database = await openDatabase(
    target === 'pglite' ? { dataDir: join(folder, 'pglite') } : { databaseUrl: benchDatabaseUrl, schema },
  );
  await importItems(database.db, [{ item: item as unknown as ItemDocument }]);
  const server = await startServer({ port: 0, database, log: () => {} });
  let counter = 0;
  const result = await autocannon({
    url: `${server.url}/api/v1/evaluations`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `bench-${Date.now()}-${counter++}`,
          },
          body: JSON.stringify({
            target: { kind: 'onSite', itemCode: item.code, windowId: 'bench-window' },
            level: 'satisfied',
            channel: 'hallTablet',
            anonymous: true,
          }),
        }),
      },
    ],
  });
  await server.close();
  if (target === 'postgres') {
    const { sql } = await import('kysely');
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
  }
  await database.close();
  rmSync(folder, { recursive: true, force: true });
  rows.push(
    {
      name: `evaluation POSTs, ${target === 'pglite' ? 'PGlite data folder' : 'PostgreSQL'}`,
      value: Math.round(result.requests.average),
      unit: 'req/s',
    },
    {
      name: `evaluation POST p99, ${target === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
      value: result.latency.p99,
      unit: 'ms',
    },
  );
  console.log(`  ${target}: non-2xx ${result.non2xx}, errors ${result.errors}`);
}
writeResult(
  'server-evaluation-posts',
  'Server: evaluation POSTs',
  rows,
  `autocannon, ${connections} connections, ${duration} s, each POST with its own Idempotency-Key (stored in the same transaction).`,
);
