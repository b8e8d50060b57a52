import type { CallContext } from './operation.js';
import { ProblemError } from './problem.js';

/** Lets only staff through: 403 for an applicant's token, 401 (with a challenge) without a credential. */
export function staffOnly(ctx: Pick<CallContext, 'caller'>): void {
  if (ctx.caller.kind === 'staff') return;
  if (ctx.caller.kind === 'applicant')
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.staffOnly' });
  throw new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.staffCredentialRequired',
  });
}
