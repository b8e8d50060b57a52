import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { CallContext } from '../http/operation.js';
import { ProblemError } from '../http/problem.js';
import { belongsTo, personOf } from './ownership.js';
import { tokenMatches, verifyQueryCode } from './query-code.js';

/** A call that may prove access to a case with its query code. */
type CaseCaller = CallContext & { request: { headers: { 'X-Query-Code'?: string } } };

/** Who proved access to a case. */
export type CaseAccess = 'staff' | 'applicant';

/** The same answer for an unknown case number and a wrong code or token. */
export function lookupFailed(headers: Record<string, string> = {}): ProblemError {
  return new ProblemError(404, 'case_lookup_failed', {
    titleKey: 'problem.caseLookupFailed',
    detailKey: 'problem.caseLookupFailedDetail',
    headers,
  });
}

function unauthorized(): ProblemError {
  return new ProblemError(401, 'unauthorized', {
    headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    detailKey: 'problem.caseCredentialRequired',
  });
}

/**
 * Loads a case for a caller who proves access with a staff credential, the case's applicant token, the
 * identity token of the person it is bound to (see `belongsTo`), or its query code. Query codes are checked under the limits of {@link LookupGuard} (per case number and
 * per address). An unknown number costs the same hashing as a wrong code.
 */
export async function loadCaseWithAccess(
  ctx: CaseCaller,
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  caseNumber: string,
  allow: { staff: boolean; lock?: boolean },
) {
  const caller = ctx.caller;
  const queryCode = ctx.request.headers['X-Query-Code'];
  if (caller.kind === 'staff' && allow.staff) {
    const row = await selectCase(db, caseNumber, allow.lock);
    if (!row) throw lookupFailed();
    return { row, access: 'staff' satisfies CaseAccess };
  }
  const person = personOf(caller);
  if (person && !queryCode) {
    // Someone else's case answers exactly like an unknown number: its existence does not leak.
    const row = await selectCase(db, caseNumber, allow.lock);
    if (!row || !belongsTo(ctx.services.pii, person, row)) throw lookupFailed();
    return { row, access: 'applicant' satisfies CaseAccess };
  }
  if (caller.kind !== 'applicant' && !queryCode) throw unauthorized();
  const row = await selectCase(db, caseNumber, allow.lock);
  let granted: boolean;
  let limitHeaders: Record<string, string> = {};
  if (caller.kind === 'applicant') {
    // A 256-bit token costs one sha256 and cannot be guessed: no limit, so a shared address that is
    // over its limit never locks its holder out.
    granted = row
      ? tokenMatches(caller.token, row.applicant_token_hash)
      : (tokenMatches(caller.token, Buffer.alloc(32)), false);
  } else {
    // Counted outside the request's transaction, so a rollback does not undo it.
    ({ granted, headers: limitHeaders } = await ctx.services.lookupGuard.run(caseNumber, ctx.client, () =>
      verifyQueryCode(queryCode!, row ? { salt: row.query_code_salt, hash: row.query_code_hash } : undefined),
    ));
  }
  if (!granted || !row) throw lookupFailed(limitHeaders);
  Object.assign(ctx.responseHeaders, limitHeaders);
  return { row, access: 'applicant' satisfies CaseAccess };
}

async function selectCase(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  caseNumber: string,
  lock = false,
) {
  let query = db.selectFrom('cases').selectAll().where('number', '=', caseNumber);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Lets only the applicant of a case through (by token or query code), before the call's transaction:
 * staff acting for an applicant must present the case's query code too.
 */
export async function authoriseApplicant(ctx: CaseCaller, caseNumber: string): Promise<void> {
  if (ctx.caller.kind === 'staff' && !ctx.request.headers['X-Query-Code'])
    throw new ProblemError(401, 'unauthorized', { detailKey: 'problem.caseCredentialRequired' });
  await loadCaseWithAccess(ctx, ctx.db, caseNumber, { staff: false });
}
