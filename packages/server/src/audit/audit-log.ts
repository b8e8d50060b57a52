import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditRecordsTable, DatabaseSchema, Json } from '../db/schema-types.js';
import { canonicalJson } from '../http/canonical-json.js';
import type { AuditEntry } from './audit-entry.js';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** The link before the first record. */
export const genesisHash = '0'.repeat(64);

/** A stored audit record. */
export interface AuditRecord {
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  actorName: string;
  departmentId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, Json>;
  requestId: string | null;
  client: string | null;
  prevHash: string;
  hash: string;
}

/** SM3 over the previous record's hash and this record's content (everything but its own hash). */
export function recordHash(record: Omit<AuditRecord, 'hash'> & { hash?: string }): string {
  const { prevHash, hash: _ownHash, ...content } = record;
  return createHash('sm3').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * Appends a record. Inside a transaction (the audited action's own, so both commit or neither) or in
 * one of its own. The head row is locked first, so concurrent appends from any number of processes on
 * one database take their turns and every record links to the one before it.
 */
export async function appendAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<AuditRecord> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, entry, now));
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const record: Omit<AuditRecord, 'hash'> = {
    seq: Number(head.seq) + 1,
    occurredAt: now.toISOString(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    departmentId: entry.departmentId ?? null,
    action: entry.action,
    outcome: entry.outcome,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    detail: entry.detail ?? {},
    requestId: entry.requestId ?? null,
    client: entry.client ?? null,
    prevHash: head.hash,
  };
  const hash = recordHash(record);
  await db
    .insertInto('audit_records')
    .values(rowOf({ ...record, hash }))
    .execute();
  await db.updateTable('audit_head').set({ seq: record.seq, hash }).where('id', '=', 1).execute();
  return { ...record, hash };
}

/** A record as the row that stores it. */
export function rowOf(record: AuditRecord) {
  return {
    seq: record.seq,
    occurred_at: record.occurredAt,
    actor_kind: record.actorKind,
    actor_id: record.actorId,
    actor_name: record.actorName,
    department_id: record.departmentId,
    action: record.action,
    outcome: record.outcome,
    target_type: record.targetType,
    target_id: record.targetId,
    detail: JSON.stringify(record.detail),
    request_id: record.requestId,
    client: record.client,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** A stored row as a record. */
export function recordOf(row: Selectable<AuditRecordsTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    departmentId: row.department_id,
    action: row.action,
    outcome: row.outcome,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
    requestId: row.request_id,
    client: row.client,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
