import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { recordHash, recordOf } from './audit-log.js';

/** The outcome of {@link verifyAuditChain}. */
export type VerifyResult =
  | { ok: true; records: number; firstSeq: number | null; lastSeq: number | null }
  | {
      ok: false;
      records: number;
      /** The first record that does not hold: its content was changed, or the link before it broke. */
      brokenAt: number;
      reason: 'content' | 'link' | 'gap' | 'head';
    };

/**
 * Walks the chain in order and reports the first broken link: a record whose hash does not match its
 * content (edited), whose `prev_hash` is not the previous record's hash (one removed or replaced), a
 * missing sequence number, or a head that does not point at the last record (records removed at the
 * end). The first stored record's `prev_hash` is taken as given, so a log whose oldest records were
 * archived still verifies from there.
 */
export async function verifyAuditChain(db: Kysely<DatabaseSchema>, batchSize = 5000): Promise<VerifyResult> {
  let previous: { seq: number; hash: string } | undefined;
  let first: number | null = null;
  let records = 0;
  for (;;) {
    let query = db.selectFrom('audit_records').selectAll().orderBy('seq').limit(batchSize);
    if (previous) query = query.where('seq', '>', previous.seq);
    const rows = await query.execute();
    for (const row of rows) {
      const record = recordOf(row);
      records += 1;
      first ??= record.seq;
      if (previous && record.seq !== previous.seq + 1)
        return { ok: false, records, brokenAt: record.seq, reason: 'gap' };
      if (previous && record.prevHash !== previous.hash)
        return { ok: false, records, brokenAt: record.seq, reason: 'link' };
      if (recordHash(record) !== record.hash)
        return { ok: false, records, brokenAt: record.seq, reason: 'content' };
      previous = { seq: record.seq, hash: record.hash };
    }
    if (rows.length < batchSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const headSeq = Number(head.seq);
  if (previous ? headSeq !== previous.seq || head.hash !== previous.hash : headSeq !== 0) {
    return { ok: false, records, brokenAt: (previous?.seq ?? 0) + 1, reason: 'head' };
  }
  return { ok: true, records, firstSeq: first, lastSeq: previous?.seq ?? null };
}
