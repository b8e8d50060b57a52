import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase, type DatabaseOptions } from '../src/db/database.js';
import { importItems } from '../src/items/importer.js';
import { exampleItem } from './support/fixtures.js';
import { testDatabaseUrl } from './support/database.js';
import { freshPostgresDatabase } from './support/postgres.js';
import { killHard, spawnServer } from './support/process.js';

/**
 * Sends evaluation POSTs as fast as the server takes them, kills the server with SIGKILL in the
 * middle of the burst, and checks that every evaluation answered with 201 is in the database.
 */
async function burstThenKill(databaseArgs: string[], reopen: DatabaseOptions) {
  const item = exampleItem();
  const seeding = await openDatabase(reopen);
  await importItems(seeding.db, [{ item }]);
  await seeding.close();

  const server = await spawnServer(databaseArgs);
  const confirmed: string[] = [];
  let failures = 0;
  let stop = false;
  const sendOne = async (n: number) => {
    try {
      const response = await fetch(`${server.url}/api/v1/evaluations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': `burst-${n}-${Date.now()}` },
        body: JSON.stringify({
          target: { kind: 'onSite', itemCode: item.code, windowId: 'w1' },
          level: 'satisfied',
          channel: 'hallTablet',
          anonymous: true,
        }),
      });
      if (response.status === 201) confirmed.push(((await response.json()) as { id: string }).id);
    } catch {
      failures++; // the connection died with the server: the client was never told "sent"
    }
  };
  let counter = 0;
  const workers = Array.from({ length: 16 }, async () => {
    while (!stop) await sendOne(counter++);
  });
  // Let the burst run until a fair number were confirmed, then pull the plug mid-flight.
  while (confirmed.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
  await killHard(server);
  stop = true;
  await Promise.all(workers);

  const reopened = await openDatabase(reopen);
  const stored = new Set(
    (await reopened.db.selectFrom('evaluations').select('id').execute()).map((row) => row.id),
  );
  await reopened.close();
  const lost = confirmed.filter((id) => !stored.has(id));
  assert.ok(confirmed.length >= 150);
  assert.deepEqual(lost, [], `${lost.length} of ${confirmed.length} confirmed evaluations were lost`);
  return { confirmed: confirmed.length, failures };
}

describe('durability', { timeout: 300_000 }, () => {
  it('keeps every evaluation confirmed with 201 when the server is killed (PGlite data folder)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'banshi-durability-'));
    const dataDir = join(folder, 'pglite');
    try {
      await burstThenKill(['--data-dir', dataDir], { dataDir });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(
    'keeps every evaluation confirmed with 201 when the server is killed (PostgreSQL)',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set' },
    async () => {
      const database = await freshPostgresDatabase();
      try {
        await burstThenKill(['--database-url', database.url], { databaseUrl: database.url });
      } finally {
        await database.drop();
      }
    },
  );
});
