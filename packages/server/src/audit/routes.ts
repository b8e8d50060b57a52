import type { Handlers, OperationContext } from '../http/operation.js';
import { ok } from '../http/operation.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { authoriseStaff } from '../http/authorise.js';
import type { AuditAction } from './audit-entry.js';
import { recordOf, type AuditRecord } from './audit-log.js';

function isSeqCursor(value: unknown): value is { s: number } {
  const s = (value as { s?: unknown } | null)?.s;
  return typeof value === 'object' && value !== null && Number.isSafeInteger(s) && (s as number) > 0;
}

/** The record as the document's `AuditRecord`. */
function auditView(record: AuditRecord) {
  return {
    seq: record.seq,
    occurredAt: record.occurredAt,
    actor: {
      kind: record.actorKind as 'resident' | 'company' | 'staff' | 'service' | 'anonymous' | 'system',
      id: record.actorId,
      name: record.actorName,
    },
    departmentId: record.departmentId,
    action: record.action as AuditAction,
    outcome: record.outcome as 'success' | 'failure',
    target: record.targetType && record.targetId ? { type: record.targetType, id: record.targetId } : null,
    detail: record.detail,
    requestId: record.requestId,
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

function listQuery(ctx: OperationContext<'listAuditRecords'>) {
  const { query } = ctx.request;
  let select = ctx.db.selectFrom('audit_records').selectAll();
  const before = decodeCursor(query.cursor, isSeqCursor)?.s;
  if (before !== undefined) select = select.where('seq', '<', before);
  if (query.action) select = select.where('action', '=', query.action);
  if (query.actor) select = select.where('actor_id', '=', query.actor);
  if (query.targetId) select = select.where('target_id', '=', query.targetId);
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  if (query.from) select = select.where('occurred_at', '>=', new Date(query.from));
  if (query.to) select = select.where('occurred_at', '<', new Date(query.to));
  return select;
}

/** The audit log: newest first, keyset pages on the sequence number. */
export const auditHandlers: Handlers<'listAuditRecords'> = {
  async listAuditRecords(ctx) {
    // Only a named member of staff with the admin role reads the audit log.
    authoriseStaff(ctx, 'listAuditRecords');
    const limit = ctx.request.query.limit ?? 20;
    const rows = await listQuery(ctx)
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((row) => auditView(recordOf(row)));
    const last = items.at(-1);
    return ok({ items, nextCursor: rows.length > limit && last ? encodeCursor({ s: last.seq }) : null });
  },
};
