import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase, type DatabaseOptions } from '../../src/db/database.js';
import { importItems } from '../../src/items/importer.js';
import { exampleItem } from '../support/fixtures.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { spawnServer } from '../support/process.js';

/**
 * Sends evaluation POSTs from 16 clients, sends SIGTERM in the middle, and keeps sending until the
 * server is gone. Every request the server took must have been answered: each stored evaluation was
 * confirmed with 201 to its client, no answer is a 5xx, and the process exits cleanly. Requests sent
 * after the listener closed fail to connect, which is the one allowed failure.
 */
async function loadThenTerminate(args: string[], reopen: DatabaseOptions) {
  const item = exampleItem();
  const seeding = await openDatabase(reopen);
  await importItems(seeding.db, [{ item }]);
  await seeding.close();

  const server = await spawnServer(args);
  const confirmed = new Set<string>();
  const otherStatuses: number[] = [];
  let refused = 0;
  let stop = false;
  const sendOne = async (n: number) => {
    try {
      const response = await fetch(`${server.url}/api/v1/evaluations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': `drain-${n}-${Date.now()}` },
        body: JSON.stringify({
          target: { kind: 'onSite', itemCode: item.code, windowId: 'w1' },
          level: 'satisfied',
          channel: 'hallTablet',
          anonymous: true,
        }),
      });
      if (response.status === 201) confirmed.add(((await response.json()) as { id: string }).id);
      else otherStatuses.push(response.status);
    } catch {
      refused++;
      if (server.child.exitCode !== null) stop = true;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  let counter = 0;
  const clients = Array.from({ length: 16 }, async () => {
    while (!stop) await sendOne(counter++);
  });
  while (confirmed.size < 100) await new Promise((resolve) => setTimeout(resolve, 20));
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  const beforeSignal = confirmed.size;
  server.child.kill('SIGTERM');
  const exitCode = await exited;
  stop = true;
  await Promise.all(clients);

  const reopened = await openDatabase(reopen);
  const stored = (await reopened.db.selectFrom('evaluations').select('id').execute()).map((row) => row.id);
  await reopened.close();
  const unanswered = stored.filter((id) => !confirmed.has(id));
  assert.equal(exitCode, 0, server.output());
  assert.deepEqual(otherStatuses, [], 'no accepted request got an error answer');
  assert.deepEqual(unanswered, [], `${unanswered.length} stored evaluations were never confirmed`);
  assert.equal(stored.length, confirmed.size);
  assert.ok(confirmed.size > beforeSignal || refused > 0);
  return { confirmed: confirmed.size, beforeSignal, refused };
}

describe('graceful shutdown on SIGTERM', { timeout: 240_000 }, () => {
  it('answers every request it accepted, then exits (PGlite data folder)', async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'banshi-drain-'));
    const dataDir = join(folder, 'pglite');
    try {
      const counts = await loadThenTerminate(['--data-dir', dataDir], { dataDir });
      t.diagnostic(JSON.stringify(counts));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(
    'answers every request it accepted, then exits (PostgreSQL, two workers)',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set' },
    async (t) => {
      const database = await freshPostgresDatabase();
      try {
        const args = ['--database-url', database.url, '--workers', '2'];
        const counts = await loadThenTerminate(args, { databaseUrl: database.url });
        t.diagnostic(JSON.stringify(counts));
      } finally {
        await database.drop();
      }
    },
  );
});
