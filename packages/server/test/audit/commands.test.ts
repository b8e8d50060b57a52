import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/database.js';
import { auditCommand } from '../../src/commands/audit-command.js';
import { serviceAccountCommand } from '../../src/commands/service-account-command.js';
import { authenticateServiceKey } from '../../src/service-accounts/service-accounts.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';

// The commands open the database themselves, as an operator would run them next to the server.
describe('banshi-server audit verify and service-account', () => {
  let dir: string;
  let args: string[];
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'banshi-cli-'));
    if (testDatabaseUrl) {
      const fresh = await freshPostgresDatabase();
      args = ['--database-url', fresh.url];
      drop = fresh.drop;
    } else {
      args = ['--data-dir', join(dir, 'pglite')];
    }
  });
  after(async () => {
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(command: typeof auditCommand, argv: string[]) {
    const lines: string[] = [];
    const status = await command([...argv, ...args], (line) => lines.push(line));
    return { status, output: lines.join('\n') };
  }

  async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(
      args[0] === '--database-url' ? { databaseUrl: args[1] } : { dataDir: args[1] },
    );
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  }

  it('creates a service account whose key works until it is revoked, and audits both', async () => {
    const created = await run(serviceAccountCommand, [
      'create',
      '--name',
      '省政务服务平台',
      '--scope',
      'cases:read',
    ]);
    assert.equal(created.status, 0, created.output);
    const key = /\n(sk_\S+)/.exec(created.output)![1]!;
    const id = /Created (sa_[0-9a-f]+)/.exec(created.output)![1]!;
    await withDatabase(async (database) => {
      const principal = await authenticateServiceKey(database.db, key);
      assert.deepEqual(principal, {
        kind: 'service',
        accountId: id,
        name: '省政务服务平台',
        scopes: ['cases:read'],
      });
      const { rows } = await sql<{ row: string }>`select t::text as row from service_accounts t`.execute(
        database.db,
      );
      assert.ok(!rows[0]!.row.includes(key), 'the key is stored hashed');
      assert.match(rows[0]!.row, /\d{4}-\d\d-\d\d/, 'the last use is recorded');
    });
    assert.match(
      (await run(serviceAccountCommand, ['list'])).output,
      /省政务服务平台.*cases:read.*last used \d{4}/,
    );
    assert.equal((await run(serviceAccountCommand, ['revoke', id])).status, 0);
    await withDatabase(async (database) =>
      assert.equal(await authenticateServiceKey(database.db, key), undefined),
    );
    assert.equal(
      (
        await run(serviceAccountCommand, ['create', '--name', 'x', '--scope', 'cases:write']).catch(
          (e: Error) => ({ status: 9, output: e.message }),
        )
      ).status,
      9,
    );
  });

  it('verify reports a holding chain, then the record edited in the database', async () => {
    const holds = await run(auditCommand, ['verify']);
    assert.equal(holds.status, 0, holds.output);
    assert.match(holds.output, /holds: 2 records/);
    await withDatabase(async (database) => {
      await sql`alter table audit_records disable trigger audit_records_append_only`.execute(database.db);
      await sql`update audit_records set detail = '{"name":"别的平台"}' where seq = 1`.execute(database.db);
    });
    const broken = await run(auditCommand, ['verify']);
    assert.equal(broken.status, 1);
    assert.match(broken.output, /broken at record 1 \(content\)/);
  });
});
