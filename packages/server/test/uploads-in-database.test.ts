import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { importItems } from '../src/items/importer.js';
import { openDatabase } from '../src/db/database.js';
import { PiiCipher } from '../src/security/pii-cipher.js';
import { startServer } from '../src/server.js';
import { DatabaseStorage, rotateUploadContents } from '../src/uploads/database-storage.js';
import type { FileStorage } from '../src/uploads/storage.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, upload } from './support/cases.js';
import { exampleForm, exampleItem } from './support/fixtures.js';
import { testDatabaseUrl } from './support/database.js';
import { freshPostgresDatabase } from './support/postgres.js';

// A file whose content a dump must not show: a name and an ID number inside a PDF.
const secret = 'APPLICANT-ZHANG-110101199003071234';
const scan = new TextEncoder().encode(`%PDF-1.4\n1 0 obj<</Title (${secret})>>endobj\ntrailer<<>>\n%%EOF\n`);

/** Every byte of `upload_contents`, as a dump would show it. */
async function dumpOf(db: Harness['database']['db']): Promise<Buffer> {
  const rows = await sql<{
    key: string;
    content: Uint8Array;
  }>`select key, content from upload_contents`.execute(db);
  return Buffer.concat(rows.rows.map((row) => Buffer.from(row.content)));
}

describe('uploads kept in the database', () => {
  const key = randomBytes(32);
  let h: Harness;
  let storage: DatabaseStorage;
  before(async () => {
    // The app's storage is built over the harness's own database once it exists.
    const late: FileStorage = {
      put: (name, bytes, trx) => storage.put(name, bytes, trx),
      get: (name) => storage.get(name),
    };
    h = await createHarness({ storage: late });
    storage = new DatabaseStorage(h.database.db, new PiiCipher([key]), 3 * scan.length + 10);
    await importExample(h);
  });
  after(() => h.close());

  it('keeps the bytes sealed: another process with the key reads them, a dump shows nothing', async () => {
    const stored = await upload(h, scan, 'scan.pdf');
    assert.equal(stored.status, 201, stored.text);
    const otherProcess = new DatabaseStorage(h.database.db, new PiiCipher([key]));
    assert.deepEqual(await otherProcess.get(stored.body.id), scan);
    const dump = await dumpOf(h.database.db);
    assert.ok(dump.length > scan.length, 'the content is in the database');
    assert.equal(dump.includes(Buffer.from(secret)), false, 'a dump shows no content');
    assert.equal(dump.includes(Buffer.from('%PDF-1.4')), false);
    const otherKey = new DatabaseStorage(h.database.db, new PiiCipher([randomBytes(32)]));
    await assert.rejects(otherKey.get(stored.body.id), /not under a known key/);
  });

  it('refuses uploads past the total bound with 507, counting concurrent ones once', async () => {
    // One file is stored already; the bound leaves room for two more.
    const answers = await Promise.all(Array.from({ length: 5 }, () => upload(h, scan, 'scan.pdf')));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [201, 201, 507, 507, 507]);
    const refused = answers.find((answer) => answer.status === 507)!;
    assert.equal(refused.body.code, 'insufficient_storage');
    const counted = await h.database.db.selectFrom('upload_usage').select('bytes').executeTakeFirstOrThrow();
    assert.equal(Number(counted.bytes), 3 * scan.length);
    const kept = await h.database.db.selectFrom('upload_contents').select('key').execute();
    assert.equal(kept.length, 3, 'a refused upload leaves no bytes behind');
  });

  it('re-seals the files under a new key on rotation', async () => {
    const newKey = randomBytes(32);
    const moved = await rotateUploadContents(h.database.db, new PiiCipher([newKey, key]));
    assert.equal(moved, 3);
    const [first] = await h.database.db.selectFrom('upload_contents').select('key').execute();
    assert.deepEqual(await new DatabaseStorage(h.database.db, new PiiCipher([newKey])).get(first!.key), scan);
    assert.equal(await rotateUploadContents(h.database.db, new PiiCipher([newKey, key])), 0);
  });
});

describe('uploads on PostgreSQL across a restart', () => {
  it(
    'are still there after the server restarts, for every process',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set' },
    async () => {
      const database = await freshPostgresDatabase();
      const piiKey = randomBytes(32).toString('hex');
      const options = { databaseUrl: database.url, piiKey, port: 0, logLevel: 'error' as const };
      try {
        const first = await startServer(options);
        await importItems(first.database.db, [{ item: exampleItem(), form: exampleForm() }]);
        const form = await fetch(`${first.url}/api/v1/items/${exampleItem().code}/form`);
        const { session } = (await form.json()) as { session: { token: string } };
        const body = new FormData();
        body.set('file', new File([scan], 'scan.pdf', { type: 'application/pdf' }));
        const created = await fetch(`${first.url}/api/v1/uploads`, {
          method: 'POST',
          body,
          headers: { 'X-Form-Session': session.token, 'Idempotency-Key': `restart-${Date.now()}` },
        });
        assert.equal(created.status, 201, await created.clone().text());
        const { id } = (await created.json()) as { id: string };
        await first.close();

        const second = await startServer(options);
        try {
          const read = await new DatabaseStorage(
            second.database.db,
            new PiiCipher([Buffer.from(piiKey, 'hex')]),
          ).get(id);
          assert.deepEqual(read, scan);
        } finally {
          await second.close();
        }
        const dump = await openDatabase({ databaseUrl: database.url });
        try {
          assert.equal((await dumpOf(dump.db)).includes(Buffer.from(secret)), false);
        } finally {
          await dump.close();
        }
      } finally {
        await database.drop();
      }
    },
  );
});
