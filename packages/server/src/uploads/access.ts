import { seesDepartment } from '../access/department-scope.js';
import type { Permission } from '../access/permissions.js';
import { authoriseStaff, type StaffCaller } from '../http/authorise.js';
import type { CallContext } from '../http/operation.js';
import { ProblemError, problems } from '../http/problem.js';
import { requestHeader } from '../http/headers.js';
import type { FormSession } from './form-session.js';
import type { UploadExtra } from '../db/json-columns.js';

/** Who may upload or read uploads: staff, or the holder of a form session. */
export type UploadCaller =
  { kind: 'staff'; principal: StaffCaller } | { kind: 'session'; session: FormSession };

/**
 * The caller of an upload operation: staff, or a valid form session token in `X-Form-Session` (issued
 * with the item's form definition). A signed-in applicant will be a third kind once identity is wired;
 * until then an applicant token alone does not open uploads.
 */
export function uploadCaller(ctx: CallContext, permission: Permission): UploadCaller {
  if (ctx.caller.kind === 'staff' || ctx.caller.kind === 'service')
    return { kind: 'staff', principal: authoriseStaff(ctx, permission) };
  const session = ctx.services.formSessions.verify(requestHeader(ctx.c, 'x-form-session'), ctx.now);
  if (session) return { kind: 'session', session };
  throw new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.formSessionRequired',
  });
}

/**
 * Whether the caller may read an upload: staff, of the department whose case it belongs to (or, not
 * yet attached, one staff uploaded), or the form session it was uploaded in. Anyone else gets the same
 * 404 as for an unknown id, so ids cannot be probed.
 */
export function assertMayRead(
  caller: UploadCaller,
  extra: UploadExtra,
  caseDepartmentId: string | null,
): void {
  if (caller.kind === 'staff') {
    const visible = caseDepartmentId
      ? seesDepartment(caller.principal, caseDepartmentId, 'case')
      : !extra.formSession;
    if (visible) return;
    throw problems.notFound('problem.uploadNotFound');
  }
  if (caller.kind === 'session' && extra.formSession === caller.session.id) return;
  throw problems.notFound('problem.uploadNotFound');
}
