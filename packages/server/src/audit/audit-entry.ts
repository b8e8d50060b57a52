import type { Json } from '../db/schema-types.js';
import { actorOf, type Principal } from '../identity/principal.js';

/**
 * What the audit log records: every staff action, every reveal of unmasked personal data (who, whose,
 * when, why), sign-in and token failures, service-account use and configuration changes.
 */
export type AuditAction =
  | 'staff.action'
  | 'pii.reveal'
  | 'auth.tokenRejected'
  | 'auth.serviceKeyRejected'
  | 'serviceAccount.used'
  | 'serviceAccount.created'
  | 'serviceAccount.revoked'
  | 'config.changed';

/** One record as a caller gives it; sequence, time and hashes are added when it is appended. */
export interface AuditEntry {
  actor: { kind: Principal['kind'] | 'anonymous' | 'system'; id: string; name: string };
  /** The acting staff member's department, when the action is done for one. */
  departmentId?: string | null;
  action: AuditAction;
  outcome: 'success' | 'failure';
  /** What was acted on or revealed, e.g. `case` and its number. */
  target?: { type: string; id: string };
  /** The operation, the reason given for a reveal, why a token failed… never personal data itself. */
  detail?: Record<string, Json>;
  requestId?: string;
  client?: string;
}

/**
 * The actor of an entry from a principal. A resident or company representative is recorded by their
 * pseudonymous subject only: their name is personal data, and the audit log is kept in clear.
 */
export function auditActor(principal: Principal | undefined): AuditEntry['actor'] {
  if (!principal) return { kind: 'anonymous', id: '', name: '' };
  const { id, name } = actorOf(principal);
  const named = principal.kind === 'staff' || principal.kind === 'service';
  return { kind: principal.kind, id, name: named ? name : '' };
}
