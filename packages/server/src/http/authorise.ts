import { requirePermission, type Permission } from '../access/permissions.js';
import type { ServicePrincipal, StaffPrincipal } from '../identity/principal.js';
import type { CallContext } from './operation.js';
import { ProblemError } from './problem.js';

/** Whoever may call a staff operation: a named member of staff or a service account. */
export type StaffCaller = StaffPrincipal | ServicePrincipal;

/**
 * Lets through a named member of staff whose role the permission table allows for `permission`, or a
 * service account holding its scope, and answers that principal. An applicant's or resident's token is
 * 403, a missing credential 401 (with a challenge). Department scope is the handler's to check.
 */
export function authoriseStaff(
  ctx: Pick<CallContext, 'caller'>,
  permission: Permission | undefined,
): StaffCaller {
  const { caller } = ctx;
  if (caller.kind === 'staff' || caller.kind === 'service') {
    // An action the table does not list (see `permissionOf`) is no one's to take.
    if (!permission) throw new ProblemError(403, 'forbidden', { detailKey: 'problem.roleRequired' });
    requirePermission(caller.principal, permission);
    return caller.principal;
  }
  if (caller.kind === 'applicant' || caller.kind === 'person')
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.staffOnly' });
  throw new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.staffCredentialRequired',
  });
}
