import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { appendAudit, recordHash, recordOf } from '../../src/audit/audit-log.js';
import { verifyAuditChain } from '../../src/audit/verify.js';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { openTestDatabase } from '../support/database.js';

const entry = (n: number): AuditEntry => ({
  actor: { kind: 'staff', id: 'idp#s-1', name: '王芳' },
  departmentId: '150302-zjj',
  action: 'staff.action',
  outcome: 'success',
  target: { type: 'case', id: `1503022026112300${String(n).padStart(4, '0')}` },
  detail: { operation: 'transitionCase', action: 'accept', n },
});

describe('the audit log', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('chains concurrent appends into one unbroken sequence', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, n) => appendAudit(database.db, entry(n))));
    const result = await verifyAuditChain(database.db, 7);
    assert.deepEqual(result, { ok: true, records: 40, firstSeq: 1, lastSeq: 40 });
  });

  it('refuses updates and deletes', async () => {
    await assert.rejects(
      sql`update audit_records set actor_name = '李四' where seq = 3`.execute(database.db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_records where seq = 3`.execute(database.db), /append-only/);
  });

  it('finds a record edited in the database behind the trigger’s back', async () => {
    await withoutTrigger(async () => {
      await sql`update audit_records set actor_name = '李四' where seq = 12`.execute(database.db);
      assert.deepEqual(await verifyAuditChain(database.db, 7), {
        ok: false,
        records: 12,
        brokenAt: 12,
        reason: 'content',
      });
      await sql`update audit_records set actor_name = '王芳' where seq = 12`.execute(database.db);
    });
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  it('finds a record whose hash was recomputed to hide an edit (the next link breaks)', async () => {
    const row = await database.db
      .selectFrom('audit_records')
      .selectAll()
      .where('seq', '=', 20)
      .executeTakeFirstOrThrow();
    const forged = { ...recordOf(row), detail: { operation: 'transitionCase', action: 'reject' } };
    await withoutTrigger(async () => {
      await sql`update audit_records set detail = ${JSON.stringify(forged.detail)}::jsonb, hash = ${recordHash(forged)} where seq = 20`.execute(
        database.db,
      );
      assert.deepEqual(await verifyAuditChain(database.db), {
        ok: false,
        records: 21,
        brokenAt: 21,
        reason: 'link',
      });
      await sql`update audit_records set detail = ${JSON.stringify(recordOf(row).detail)}::jsonb, hash = ${row.hash} where seq = 20`.execute(
        database.db,
      );
    });
  });

  it('finds a record removed in the middle, and records removed at the end', async () => {
    await withoutTrigger(async () => {
      await sql`delete from audit_records where seq = 30`.execute(database.db);
      assert.deepEqual(await verifyAuditChain(database.db), {
        ok: false,
        records: 30,
        brokenAt: 31,
        reason: 'gap',
      });
      await sql`delete from audit_records where seq > 29`.execute(database.db);
      assert.deepEqual(await verifyAuditChain(database.db), {
        ok: false,
        records: 29,
        brokenAt: 30,
        reason: 'head',
      });
    });
  });

  it('lets an archive run remove only records older than 180 days, and the rest still verifies', async () => {
    const archive = await openTestDatabase();
    try {
      const old = new Date(Date.now() - 200 * 86_400_000);
      for (let n = 0; n < 3; n += 1) await appendAudit(archive.db, entry(n), old);
      for (let n = 3; n < 5; n += 1) await appendAudit(archive.db, entry(n));
      await assert.rejects(sql`delete from audit_records where seq = 1`.execute(archive.db), /append-only/);
      await assert.rejects(
        archive.db.transaction().execute(async (trx) => {
          await sql`set local banshi.audit_archive = 'on'`.execute(trx);
          await sql`delete from audit_records where seq = 5`.execute(trx);
        }),
        /append-only/,
      );
      await archive.db.transaction().execute(async (trx) => {
        await sql`set local banshi.audit_archive = 'on'`.execute(trx);
        await sql`delete from audit_records where occurred_at < now() - interval '180 days'`.execute(trx);
      });
      assert.deepEqual(await verifyAuditChain(archive.db), { ok: true, records: 2, firstSeq: 4, lastSeq: 5 });
    } finally {
      await archive.close();
    }
  });

  async function withoutTrigger(run: () => Promise<void>): Promise<void> {
    await sql`alter table audit_records disable trigger audit_records_append_only`.execute(database.db);
    try {
      await run();
    } finally {
      await sql`alter table audit_records enable trigger audit_records_append_only`.execute(database.db);
    }
  }
});
