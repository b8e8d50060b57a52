import type { Db } from '../cases/case-store.js';
import type { Json } from '../db/schema-types.js';
import type { StaffCaller } from '../http/authorise.js';
import type { CallContext } from '../http/operation.js';
import { auditActor, type AuditAction } from './audit-entry.js';
import { appendAudit } from './audit-log.js';

/** What a staff call did, for its audit record. */
export interface StaffDeed {
  action: Extract<AuditAction, 'staff.action' | 'pii.reveal' | 'config.changed'>;
  /** The operation called, and for a step its action (`transitionCase`, `accept`). */
  operation: string;
  step?: string;
  target: { type: string; id: string };
  /** The department acted for (see `actingStaff`), or the record's. */
  departmentId?: string | null;
  detail?: Record<string, Json>;
}

/**
 * Appends the audit record of a staff call: named actor, department, operation, target, request and
 * client. Called with the call's own transaction where there is one, so the step and its record
 * commit together or not at all.
 */
export async function auditStaff(
  db: Db,
  ctx: Pick<CallContext, 'baseHeaders' | 'client' | 'now'>,
  principal: StaffCaller,
  deed: StaffDeed,
): Promise<void> {
  await appendAudit(
    db,
    {
      actor: auditActor(principal),
      departmentId: deed.departmentId ?? null,
      action: deed.action,
      outcome: 'success',
      target: deed.target,
      detail: { operation: deed.operation, ...(deed.step ? { step: deed.step } : {}), ...deed.detail },
      requestId: ctx.baseHeaders['X-Request-Id'],
      client: ctx.client,
    },
    ctx.now,
  );
}

/**
 * Records that staff saw personal data in clear (`pii.reveal`): one record for the records `ids` of `type`
 * read by `operation`, with their department when they share one. Nothing for an empty page.
 */
export async function auditReveal(
  ctx: Pick<CallContext, 'db' | 'baseHeaders' | 'client' | 'now'>,
  principal: StaffCaller,
  operation: string,
  read: { type: string; ids: readonly string[]; departmentId?: string | null },
): Promise<void> {
  if (read.ids.length === 0) return;
  await auditStaff(ctx.db, ctx, principal, {
    action: 'pii.reveal',
    operation,
    target: { type: read.type, id: read.ids.join(',') },
    departmentId: read.departmentId,
  });
}
