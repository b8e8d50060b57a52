import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseOptions } from '../../src/db/database.js';
import { importItems } from '../../src/items/importer.js';
import { appendAudit } from '../../src/audit/audit-log.js';
import { auditCommand } from '../../src/commands/audit-command.js';
import { FolderStorage } from '../../src/uploads/storage.js';
import { exampleForm, exampleItem } from '../support/fixtures.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { pdfBytes } from '../support/files.js';

/** A database with an item, a chain of audit records and an uploaded file, as a running office has. */
async function fill(database: Database, uploads: string) {
  await importItems(database.db, [{ item: exampleItem(), form: exampleForm() }]);
  for (let i = 0; i < 5; i++) {
    await appendAudit(database.db, {
      actor: { kind: 'staff', id: `s${i}`, name: '王芳' },
      action: 'staff.action',
      outcome: 'success',
      target: { type: 'case', id: `C${i}` },
    });
  }
  await new FolderStorage(uploads).put('upbackuptest0001', pdfBytes);
}

async function counts(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    const row = await sql<{ items: number; audit: number }>`select
      (select count(*)::int from items) as items, (select count(*)::int from audit_records) as audit`.execute(
      database.db,
    );
    return row.rows[0]!;
  } finally {
    await database.close();
  }
}

async function auditVerifies(args: string[]): Promise<string> {
  const lines: string[] = [];
  assert.equal(await auditCommand(['verify', ...args], (line) => lines.push(line)), 0, lines.join('\n'));
  return lines.join('\n');
}

/** The PostgreSQL client programs of the newest installed version. */
function pgProgram(name: string): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin', name)).find((path) => existsSync(path));
}

describe('backup and restore (docs/operations.md)', { timeout: 240_000 }, () => {
  it('restores a copy of a PGlite data folder, uploads included, with the audit chain intact', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'banshi-backup-'));
    try {
      const dataDir = join(folder, 'live');
      const database = await openDatabase({ dataDir });
      await fill(database, join(dataDir, 'uploads'));
      await database.close(); // the server is stopped for the copy (PGlite is one process's)
      const restored = join(folder, 'restored');
      cpSync(dataDir, restored, { recursive: true });
      rmSync(dataDir, { recursive: true, force: true });
      assert.deepEqual(await counts({ dataDir: restored }), { items: 1, audit: 5 });
      assert.match(await auditVerifies(['--data-dir', restored]), /5 records/);
      const file = await new FolderStorage(join(restored, 'uploads')).get('upbackuptest0001');
      assert.deepEqual(new Uint8Array(file!), pdfBytes);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(
    'restores a pg_dump of PostgreSQL into an empty database with the audit chain intact',
    { skip: (!testDatabaseUrl || !pgProgram('pg_dump')) && 'needs BANSHI_TEST_DATABASE_URL and pg_dump' },
    async () => {
      const source = await freshPostgresDatabase();
      const target = await freshPostgresDatabase();
      const folder = mkdtempSync(join(tmpdir(), 'banshi-pgdump-'));
      try {
        const database = await openDatabase({ databaseUrl: source.url });
        await fill(database, join(folder, 'uploads'));
        await database.close();
        const dump = join(folder, 'banshi.dump');
        execFileSync(pgProgram('pg_dump')!, ['--format=custom', '--no-owner', `--file=${dump}`, source.url]);
        execFileSync(pgProgram('pg_restore')!, ['--no-owner', `--dbname=${target.url}`, dump]);
        assert.deepEqual(await counts({ databaseUrl: target.url }), { items: 1, audit: 5 });
        assert.match(await auditVerifies(['--database-url', target.url]), /5 records/);
        // The restored search columns answer as before (their generated pairs are recomputed on restore).
        const restored = await openDatabase({ databaseUrl: target.url });
        const grams = await sql<{ n: number }>`select count(*)::int as n from items
          where search_grams @> array['zf']`.execute(restored.db);
        await restored.close();
        assert.equal(grams.rows[0]!.n, 1);
      } finally {
        rmSync(folder, { recursive: true, force: true });
        await source.drop();
        await target.drop();
      }
    },
  );
});
